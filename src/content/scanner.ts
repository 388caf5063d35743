/**
 * Finds and paints listed names in a document, and keeps them current as the page changes.
 * The page's text is collected in slices of a few milliseconds and sent in batches to be matched
 * (by the background, which holds the names: see core/name-finder); the answers are painted as
 * they come. A MutationObserver only queues the blocks that changed. Owns the list of painted
 * mentions that the card, keyboard navigation and the page report read. Knows nothing of the
 * extension APIs: index.ts wires it up.
 */
import { EvidenceLedger, type Evidence } from '../core/evidence';
import type { ListId } from '../core/list-model';
import { MAX_TEXTS_PER_REQUEST, type FoundNames, type VariantInfo } from '../core/name-finder';
import type { HighlightGroup, Painter } from '../ui/painter';
import { isInSkippedRegion, OWN_PREFIX, positionOf, textSegments, type TextSegment } from './text-segments';

export interface Mention {
  range: Range;
  /** The text node the mention starts in when found (its key in the scanner's index). */
  anchor: Node;
  text: string;
  list: ListId;
  /** The accepted variant that matched first, then every other accepted entry with the same name. */
  variants: number[];
  /** What the first of `variants` is: the name it was compiled from and how it was made. */
  name: VariantInfo;
  entryIds: string[];
  /** For a weak name (see core/evidence): the long form that defines it where it stands. */
  definedAs?: string;
}

/** A removed entry's name (core/removed) is painted in the muted look, whatever its list. */
export function groupOf(mention: Mention): HighlightGroup {
  return mention.name.removed ? 'removed' : mention.list;
}

export interface ScannerOptions {
  /** Finds the names in a batch of texts (the background's findNames, or a local matcher in tests). */
  findNames: (texts: string[]) => Promise<FoundNames>;
  painter: Painter;
  /** Which matched variants count (by list, kind and entry); the others are ignored. */
  acceptVariant: (variant: VariantInfo) => boolean;
  /** Called (at most once per slice) when the set of mentions changed. */
  onChange?: () => void;
  /** Called after each slice with its start and end (performance.now() times), for measurement. */
  onSlice?: (start: number, end: number) => void;
  sliceMs?: number;
  now?: () => number;
  schedule?: (work: () => void) => void;
}

/** How long one piece of work may run before it yields to the page. */
export const SLICE_MS = 4;
const PAINT_INTERVAL_MS = 250;
/** Text sent in one request: large enough that round trips are few, small enough to answer fast. */
const BATCH_CHARS = 128 * 1024;
const MAX_IN_FLIGHT = 2;

export class Scanner {
  readonly mentions = new Set<Mention>();
  /**
   * Which organisations the page names with evidence; weak names wait here until it comes. Kept
   * for the whole session: a weak name lit by a strong one stays lit if the strong one scrolls
   * away in a re-rendered list.
   */
  private readonly ledger = new EvidenceLedger<Mention>();
  /** Weak mentions waiting for evidence, by the text node they start in. */
  private readonly waitingByNode = new Map<Node, Set<Mention>>();
  /** Mentions by the text node they start in, so re-painting a segment finds its old mentions at once. */
  private readonly byNode = new Map<Node, Set<Mention>>();
  /** Found but not yet handed to the painter: painting is batched (see flushPaint). */
  private unpainted: Mention[] = [];
  private lastFlush = 0;
  /** Accepted variants and entry ids per matched name, shared by all its mentions (memory on long pages). */
  private readonly accepted = new Map<number, { variants: number[]; name: VariantInfo; entryIds: string[] } | null>();
  private readonly variantInfo = new Map<number, VariantInfo>();
  private readonly queue: Node[] = [];
  /** Batches sent and not yet painted. Two at a time: the next is read while one is matched. */
  private inFlight = 0;
  /** Answers are painted in the order their batches were sent (a later chunk of a long text must not be dropped by an earlier one). */
  private paintChain: Promise<void> = Promise.resolve();
  /** For each batch out: the roots that changed since it was sent, whose answers are stale. */
  private readonly changedSinceSent = new Set<Node[]>();
  private pending: Generator<WorkUnit> | null = null;
  private scheduled = false;
  private observer: MutationObserver | null = null;
  private readonly shadowObservers: MutationObserver[] = [];
  private readonly watchedShadowRoots = new WeakSet<ShadowRoot>();
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
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.now = options.now ?? (() => performance.now());
    this.schedule = options.schedule ?? ((work) => setTimeout(work, 0));
  }

  /**
   * Scans the whole document and watches it for changes. The first batch is read and sent at
   * once: after a task hop the browser first renders the freshly loaded page (~10 ms on the seed
   * article), and the round trip to the background would only start after it.
   */
  start(): void {
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.enqueue(this.doc.body ?? this.doc.documentElement, true);
  }

  /** Removes every highlight and stops all work. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    for (const observer of this.shadowObservers.splice(0)) observer.disconnect();
    this.queue.length = 0;
    this.pending = null;
    this.changedSinceSent.clear();
    this.options.painter.clear();
    this.mentions.clear();
    this.byNode.clear();
    for (const waiting of this.waitingByNode.values()) for (const m of waiting) this.ledger.forget(m);
    this.waitingByNode.clear();
    this.unpainted = [];
    this.resolveIdle?.();
  }

  /** Resolves once every queued scan has finished (for tests and the page report). */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  private enqueue(root: Node, readNow = false): void {
    if (this.stopped) return;
    this.queue.push(root);
    if (!this.resolveIdle) this.idle = new Promise((resolve) => (this.resolveIdle = resolve));
    if (readNow && !this.scheduled) this.runSlice();
    else this.scheduleSlice();
  }

  private scheduleSlice(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT) return;
    this.scheduled = true;
    this.schedule(() => this.runSlice());
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
    for (const changed of this.changedSinceSent) changed.push(...roots);
    // Removed text loses its highlights at once; changed blocks are rescanned in slices.
    const changedRoots = outermost(roots);
    this.dropMentions((m) => !m.range.startContainer.isConnected || changedRoots.some((r) => r.contains(m.range.startContainer)));
    for (const root of changedRoots) if (!isInSkippedRegion(root)) this.enqueue(root);
  }

  private dropMentions(shouldDrop: (m: Mention) => boolean): void {
    for (const m of this.mentions) if (shouldDrop(m)) this.dropMention(m);
  }

  private dropMention(m: Mention): void {
    this.options.painter.remove(groupOf(m), m.range);
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
    painter.add(this.unpainted.filter((m) => this.mentions.has(m)).map((m) => ({ list: groupOf(m), range: m.range })));
    this.unpainted = [];
    // Changes Listmark makes itself (only the <mark> fallback makes any) never trigger a rescan.
    if (painter.kind === 'mark') this.observer?.takeRecords();
  }

  /** Collects text for one batch (within the slice's time budget) and sends it to be matched. */
  private runSlice(): void {
    this.scheduled = false;
    if (this.stopped || this.inFlight >= MAX_IN_FLIGHT) return;
    const started = this.now();
    const deadline = started + this.sliceMs;
    const batch: WorkUnit[] = [];
    let chars = 0;
    // The <mark> fallback splits text nodes as it paints, which moves the offsets of the rest of
    // a segment: with it, one unit goes out at a time and is painted before the next is read.
    const markPainter = this.options.painter.kind === 'mark';
    if (markPainter && this.inFlight > 0) return;
    while (chars < BATCH_CHARS && batch.length < MAX_TEXTS_PER_REQUEST && !(markPainter && batch.length > 0) && this.now() < deadline) {
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
      // Segments with no letters at all (white space between blocks) need no round trip.
      if (next.value.text.trim() === '') this.forgetSegment(next.value);
      else {
        batch.push(next.value);
        chars += next.value.text.length;
      }
    }
    if (batch.length === 0) {
      if (this.inFlight === 0) this.afterWork();
      this.options.onSlice?.(started, this.now());
      return;
    }
    this.options.onSlice?.(started, this.now());
    this.inFlight++;
    const changed: Node[] = [];
    this.changedSinceSent.add(changed);
    const answer = this.options.findNames(batch.map((unit) => unit.text)).catch(() => null);
    this.paintChain = this.paintChain.then(() => answer).then((found) => this.paintBatch(batch, found, changed));
    if (!markPainter && this.hasQueuedWork()) this.scheduleSlice();
  }

  private hasQueuedWork(): boolean {
    return this.pending !== null || this.queue.length > 0;
  }

  /**
   * Paints the answers to a batch (null if it could not be matched), in slices: a batch of short
   * texts can hold thousands of names. Then goes on with the queue.
   */
  private paintBatch(batch: WorkUnit[], found: FoundNames | null, changed: Node[]): Promise<void> {
    if (found) for (const [v, info] of Object.entries(found.variants)) this.variantInfo.set(Number(v), info);
    let next = 0;
    return new Promise((painted) => {
      const paintSlice = () => {
        const started = this.now();
        const deadline = started + this.sliceMs;
        while (found && !this.stopped && next < batch.length && this.now() < deadline) {
          const unit = batch[next]!;
          const matches = found.matches[next] ?? [];
          next++;
          // Text that changed or went away meanwhile was queued again by the observer.
          if (unit.segment.nodes.some((n) => !n.isConnected || changed.some((root) => root.contains(n)))) continue;
          this.paintUnit(unit, matches, found.definitions);
        }
        if (found && !this.stopped && next < batch.length) {
          this.options.onSlice?.(started, this.now());
          this.schedule(paintSlice);
          return;
        }
        this.inFlight--;
        this.changedSinceSent.delete(changed);
        // Painting (handing ranges to the painter) is part of the measured piece of work.
        if (!this.stopped) this.afterWork();
        this.options.onSlice?.(started, this.now());
        painted();
      };
      paintSlice();
    });
  }

  private afterWork(): void {
    const more = this.hasQueuedWork();
    const done = !more && this.inFlight === 0;
    this.flushPaint(done);
    if (this.changed) {
      this.changed = false;
      this.options.onChange?.();
    }
    if (more) this.scheduleSlice();
    else if (done) {
      const resolve = this.resolveIdle;
      this.resolveIdle = null;
      resolve?.();
    }
  }

  private watchShadowRoot(shadow: ShadowRoot): void {
    this.enqueue(shadow);
    // A subtree scanned again meets its shadow roots again: one observer each, dropped on stop().
    if (this.watchedShadowRoots.has(shadow)) return;
    this.watchedShadowRoots.add(shadow);
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer((records) => this.onMutations(records));
    observer.observe(shadow, { childList: true, subtree: true, characterData: true });
    this.shadowObservers.push(observer);
  }

  /** A segment scanned again drops what was found in it before (first chunk only). */
  private forgetSegment({ segment, from }: WorkUnit): void {
    if (from !== 0) return;
    for (const node of segment.nodes) {
      for (const m of [...(this.byNode.get(node) ?? [])]) this.dropMention(m);
      for (const m of this.waitingByNode.get(node) ?? []) this.ledger.forget(m);
      this.waitingByNode.delete(node);
    }
  }

  /** Why a weak mention counts (undefined for a strong one). */
  evidenceFor(mention: Mention): Evidence | undefined {
    if (!mention.name.weak) return undefined;
    return mention.definedAs !== undefined ? { kind: 'definition', text: mention.definedAs } : this.ledger.evidenceFor(mention.entryIds);
  }

  /** A found mention counts now, or waits for evidence (see core/evidence). */
  private admit(mention: Mention): void {
    let counts = false;
    this.ledger.add(
      mention,
      {
        entryIds: mention.entryIds,
        weak: mention.name.weak,
        text: mention.text,
        ...(mention.definedAs === undefined ? {} : { definedAs: mention.definedAs }),
      },
      (m) => {
        if (m === mention) counts = true;
        else {
          this.waitingByNode.get(m.anchor)?.delete(m);
          // Text that changed while it waited was queued again, and is found again there.
          if (!m.range.startContainer.isConnected || m.range.toString() !== m.text) return;
        }
        this.addMention(m);
      },
    );
    if (counts) return;
    let waiting = this.waitingByNode.get(mention.anchor);
    if (!waiting) this.waitingByNode.set(mention.anchor, (waiting = new Set()));
    waiting.add(mention);
  }

  private paintUnit(unit: WorkUnit, matches: number[][], definitions: readonly string[]): void {
    const { painter, acceptVariant } = this.options;
    const { segment, from, to } = unit;
    // Painting a segment twice (queued by the first scan and by a mutation) must not double it.
    this.forgetSegment(unit);
    const found: Mention[] = [];
    // All ranges first, then paint: the <mark> fallback splits text nodes, and live ranges made
    // before the split follow it, while offsets computed after it would not.
    // A long text is matched a chunk at a time; the chunk runs past its end so a name straddling
    // it is found whole, and only matches starting inside the chunk are kept.
    for (const [rawStart, rawEnd, definition, ...candidates] of matches) {
      const matchStart = rawStart! + from;
      const matchEnd = rawEnd! + from;
      if (matchStart >= to) break;
      const shared = this.acceptedFor(candidates, acceptVariant);
      if (!shared) continue;
      const start = positionOf(segment, matchStart, false);
      const end = positionOf(segment, matchEnd, true);
      const range = this.doc.createRange();
      try {
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
      } catch {
        continue; // the text changed under the answer; the observer has queued it again
      }
      found.push({
        range,
        anchor: start.node,
        text: unit.text.slice(rawStart!, rawEnd!),
        list: shared.name.list,
        variants: shared.variants,
        name: shared.name,
        entryIds: shared.entryIds,
        ...(definition! >= 0 && definitions[definition!] !== undefined ? { definedAs: definitions[definition!]! } : {}),
      });
    }
    for (const mention of found) this.admit(mention);
    // The <mark> fallback must wrap before the next segment's offsets are taken.
    if (painter.kind === 'mark') this.flushPaint(true);
  }

  /** The accepted variants of a match (by its first variant), worked out once per name. */
  private acceptedFor(candidates: number[], acceptVariant: (v: VariantInfo) => boolean) {
    const key = candidates[0]!;
    let shared = this.accepted.get(key);
    if (shared === undefined) {
      const variants = candidates.filter((v) => {
        const info = this.variantInfo.get(v);
        return info !== undefined && acceptVariant(info);
      });
      shared =
        variants.length === 0
          ? null
          : { variants, name: this.variantInfo.get(variants[0]!)!, entryIds: [...new Set(variants.map((v) => this.variantInfo.get(v)!.entryId))] };
      this.accepted.set(key, shared);
    }
    return shared;
  }

  /** Mentions in document order. */
  orderedMentions(): Mention[] {
    return [...this.mentions].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }
}

const ELEMENT_NODE = 1;

/** A unit of scanning work: a segment, or one chunk of a long one (with its overlap). */
interface WorkUnit {
  segment: TextSegment;
  from: number;
  to: number;
  text: string;
}

/** Text longer than this is matched in chunks, so no slice overruns its budget on a huge text node. */
const CHUNK = 32 * 1024;
/** Longer than any listed name, so a name across a chunk boundary is still found whole. */
const CHUNK_OVERLAP = 1024;

function* workUnits(segments: Generator<TextSegment>): Generator<WorkUnit> {
  for (const segment of segments) {
    const { length } = segment;
    let from = 0;
    while (from < length) {
      let to = Math.min(length, from + CHUNK);
      // End chunks at white space so no chunk starts inside a word; a run without any (a data
      // blob) is cut after the overlap's length all the same, so no request outgrows the
      // background's limit, and no listed name is that long.
      if (to < length) {
        const space = segment.read(to, Math.min(length, to + CHUNK_OVERLAP)).search(/\s/);
        to = space < 0 ? Math.min(length, to + CHUNK_OVERLAP) : to + space;
      }
      yield { segment, from, to, text: segment.read(from, Math.min(length, to + CHUNK_OVERLAP)) };
      from = to;
    }
    if (length === 0) yield { segment, from: 0, to: 0, text: '' };
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
