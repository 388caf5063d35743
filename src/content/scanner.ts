/**
 * Finds and paints listed names in a document, and keeps them current as the page changes.
 * Work is queued and done in slices of a few milliseconds; a MutationObserver only queues the
 * blocks that changed. Owns the list of painted mentions that the card, keyboard navigation
 * and the page report read. Knows nothing of the extension APIs: index.ts wires it up.
 */
import type { ListId } from '../core/list-model';
import type { Matcher } from '../core/matcher';
import type { Painter } from './painter';
import { isInSkippedRegion, OWN_PREFIX, positionOf, textSegments, type TextSegment } from './text-segments';

export interface Mention {
  range: Range;
  /** The text node the mention starts in when found (its key in the scanner's index). */
  anchor: Node;
  text: string;
  list: ListId;
  /** The variant that matched first, then every other entry with the same name. */
  variants: number[];
  entryIds: string[];
}

export interface ScannerOptions {
  matcher: Matcher;
  painter: Painter;
  /** Which matched variants count (by list and kind); the others are ignored. */
  acceptVariant: (variant: number) => boolean;
  /** Called (at most once per slice) when the set of mentions changed. */
  onChange?: () => void;
  /** Called after each slice with its start and end (performance.now() times), for measurement. */
  onSlice?: (start: number, end: number) => void;
  sliceMs?: number;
  now?: () => number;
  schedule?: (work: () => void) => void;
}

const DEFAULT_SLICE_MS = 4;
const PAINT_INTERVAL_MS = 250;

export class Scanner {
  readonly mentions = new Set<Mention>();
  /** Mentions by the text node they start in, so re-painting a segment finds its old mentions at once. */
  private readonly byNode = new Map<Node, Set<Mention>>();
  /** Found but not yet handed to the painter: painting is batched (see flushPaint). */
  private unpainted: Mention[] = [];
  private lastFlush = 0;
  /** Accepted variants and entry ids per matched name, shared by all its mentions (memory on long pages). */
  private readonly accepted = new Map<number, { variants: number[]; entryIds: string[] } | null>();
  private readonly queue: Node[] = [];
  private pending: Generator<WorkUnit> | null = null;
  private scheduled = false;
  private observer: MutationObserver | null = null;
  private stopped = false;
  private changed = false;
  private readonly sliceMs: number;
  private readonly now: () => number;
  private readonly schedule: (work: () => void) => void;
  /** Resolves when the queue is empty; replaced each time work is queued. */
  private idle: Promise<void> = Promise.resolve();
  private resolveIdle: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: ScannerOptions,
  ) {
    this.sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    this.now = options.now ?? (() => performance.now());
    this.schedule = options.schedule ?? ((work) => setTimeout(work, 0));
  }

  /** Scans the whole document and watches it for changes. */
  start(): void {
    this.enqueue(this.doc.body ?? this.doc.documentElement);
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /** Removes every highlight and stops all work. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.queue.length = 0;
    this.pending = null;
    this.options.painter.clear();
    this.mentions.clear();
    this.byNode.clear();
    this.unpainted = [];
    this.resolveIdle?.();
  }

  /** Resolves once every queued scan has finished (for tests and the page report). */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  private enqueue(root: Node): void {
    if (this.stopped) return;
    this.queue.push(root);
    if (!this.resolveIdle) this.idle = new Promise((resolve) => (this.resolveIdle = resolve));
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.runSlice());
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const started = this.now();
    try {
      this.queueMutations(records);
    } finally {
      this.options.onSlice?.(started, this.now());
    }
  }

  private queueMutations(records: MutationRecord[]): void {
    const roots = new Set<Node>();
    for (const record of records) {
      const target = record.target;
      if (isOwnNode(target)) continue;
      if (record.type === 'characterData') {
        const parent = target.parentNode;
        if (parent) roots.add(parent);
        continue;
      }
      if ([...record.addedNodes, ...record.removedNodes].every(isOwnNode)) continue;
      roots.add(target);
    }
    if (roots.size === 0) return;
    // Removed text loses its highlights at once; changed blocks are rescanned in slices.
    this.dropMentions((m) => !m.range.startContainer.isConnected || [...roots].some((r) => r.contains(m.range.startContainer)));
    for (const root of outermost(roots)) if (!isInSkippedRegion(root)) this.enqueue(root);
  }

  private dropMentions(shouldDrop: (m: Mention) => boolean): void {
    for (const m of this.mentions) if (shouldDrop(m)) this.dropMention(m);
  }

  private dropMention(m: Mention): void {
    this.options.painter.remove(m.list, m.range);
    this.mentions.delete(m);
    const siblings = this.byNode.get(m.anchor);
    siblings?.delete(m);
    if (siblings?.size === 0) this.byNode.delete(m.anchor);
    this.changed = true;
  }

  private addMention(m: Mention): void {
    this.mentions.add(m);
    let siblings = this.byNode.get(m.anchor);
    if (!siblings) this.byNode.set(m.anchor, (siblings = new Set()));
    siblings.add(m);
    this.unpainted.push(m);
    this.changed = true;
  }

  /**
   * Hands found mentions to the painter. Each change to a Highlight makes the browser repaint
   * every highlighted range, so on a long page painting waits for the end of the scan or 250 ms,
   * whichever comes first, instead of happening after every slice.
   */
  private flushPaint(force: boolean): void {
    const now = this.now();
    if (this.unpainted.length === 0 || (!force && now - this.lastFlush < PAINT_INTERVAL_MS)) return;
    this.lastFlush = now;
    const { painter } = this.options;
    for (const m of this.unpainted) if (this.mentions.has(m)) painter.add(m.list, m.range);
    this.unpainted = [];
    // Changes Listmark makes itself (only the <mark> fallback makes any) never trigger a rescan.
    if (painter.kind === 'mark') this.observer?.takeRecords();
  }

  private runSlice(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const started = this.now();
    const deadline = started + this.sliceMs;
    while (this.now() < deadline) {
      if (!this.pending) {
        const root = this.queue.shift();
        if (!root) break;
        if (!root.isConnected) continue;
        this.pending = workUnits(textSegments(root, (shadow) => this.watchShadowRoot(shadow)));
      }
      const next = this.pending.next();
      if (next.done) {
        this.pending = null;
        continue;
      }
      this.paintSegment(next.value);
    }
    const more = this.pending !== null || this.queue.length > 0;
    this.flushPaint(!more);
    if (this.changed) {
      this.changed = false;
      this.options.onChange?.();
    }
    this.options.onSlice?.(started, this.now());
    if (more) {
      this.scheduled = true;
      this.schedule(() => this.runSlice());
    } else {
      const resolve = this.resolveIdle;
      this.resolveIdle = null;
      resolve?.();
    }
  }

  private watchShadowRoot(shadow: ShadowRoot): void {
    this.enqueue(shadow);
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    new Observer((records) => this.onMutations(records)).observe(shadow, { childList: true, subtree: true, characterData: true });
  }

  private paintSegment({ segment, from, to }: WorkUnit): void {
    const { matcher, painter, acceptVariant } = this.options;
    // Painting a segment twice (queued by the first scan and by a mutation) must not double it.
    if (from === 0) {
      for (const node of segment.nodes) for (const m of [...(this.byNode.get(node) ?? [])]) this.dropMention(m);
    }
    const found: Mention[] = [];
    // All ranges first, then paint: the <mark> fallback splits text nodes, and live ranges made
    // before the split follow it, while offsets computed after it would not.
    // A long text is matched a chunk at a time; the slice runs past the chunk's end so a name
    // straddling it is found whole, and only matches starting inside the chunk are kept.
    const whole = from === 0 && to === segment.text.length;
    const text = whole ? segment.text : segment.text.slice(from, Math.min(segment.text.length, to + CHUNK_OVERLAP));
    for (const raw of matcher.findMatches(text)) {
      const match = whole ? raw : { ...raw, start: raw.start + from, end: raw.end + from };
      if (match.start >= to) break;
      let shared = this.accepted.get(match.variant);
      if (shared === undefined) {
        const variants = match.variants.filter(acceptVariant);
        shared = variants.length === 0 ? null : { variants, entryIds: [...new Set(variants.map((v) => matcher.entryId(v)))] };
        this.accepted.set(match.variant, shared);
      }
      if (!shared) continue;
      const { variants, entryIds } = shared;
      const start = positionOf(segment, match.start, false);
      const end = positionOf(segment, match.end, true);
      const range = this.doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      found.push({
        range,
        anchor: start.node,
        text: segment.text.slice(match.start, match.end),
        list: matcher.entryList(variants[0]!),
        variants,
        entryIds,
      });
    }
    for (const mention of found) this.addMention(mention);
    // The <mark> fallback must wrap before the next segment's offsets are taken.
    if (painter.kind === 'mark') this.flushPaint(true);
  }

  /** Mentions in document order. */
  orderedMentions(): Mention[] {
    return [...this.mentions].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }
}

const ELEMENT_NODE = 1;

/** A unit of scanning work: a segment, or one chunk of a long one. */
interface WorkUnit {
  segment: TextSegment;
  from: number;
  to: number;
}

/** Text longer than this is matched in chunks, so no slice overruns its budget on a huge text node. */
const CHUNK = 32 * 1024;
/** Longer than any listed name, so a name across a chunk boundary is still found whole. */
const CHUNK_OVERLAP = 1024;

function* workUnits(segments: Generator<TextSegment>): Generator<WorkUnit> {
  for (const segment of segments) {
    const length = segment.text.length;
    let from = 0;
    while (from < length) {
      let to = Math.min(length, from + CHUNK);
      // End chunks at white space so no chunk starts inside a word.
      while (to < length && !/\s/.test(segment.text[to]!)) to++;
      yield { segment, from, to };
      from = to;
    }
    if (length === 0) yield { segment, from: 0, to: 0 };
  }
}

function isOwnNode(node: Node): boolean {
  const el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el && (el.id.startsWith(OWN_PREFIX) || el.classList.contains('listmark-mark'));
}

/** Drops roots inside other roots: each part of the page is scanned once. */
function outermost(roots: Set<Node>): Node[] {
  const list = [...roots];
  return list.filter((r) => !list.some((other) => other !== r && other.contains(r)));
}
