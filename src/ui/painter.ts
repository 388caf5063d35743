/**
 * Paints matches. The CSS Custom Highlight API (one `Highlight` per list, registered as
 * `listmark-<list>`) leaves the page DOM untouched; where it is missing, matches are wrapped in
 * `<mark>` elements that `clear()` removes exactly, restoring the original text (possibly split
 * across more text nodes than before; merging them back could merge the page's own nodes).
 */
import type { ListId } from '../core/list-model';
import { blockOf } from './dom-text';

/** What a highlight looks like: its list's colours, or the muted look of a removed entry. */
export type HighlightGroup = ListId | 'removed';

/** A range to paint, and the list (or `removed`) whose look it takes. */
export interface PaintedRange {
  list: HighlightGroup;
  range: Range;
}

export interface Painter {
  readonly kind: 'highlight-api' | 'mark';
  /** Paints a batch at once (the Highlight API painter decides per batch how to register it). */
  add(batch: readonly PaintedRange[]): void;
  remove(list: HighlightGroup, range: Range): void;
  clear(): void;
}

export function highlightName(list: HighlightGroup): string {
  return `listmark-${list}`;
}

/**
 * Up to this many highlights are all registered. Beyond it only those near the viewport are:
 * each change to any Highlight makes Chromium re-validate every registered range, which on a
 * page with 10,000 names took over 100 ms per change (and 1,500 ranges about 50 ms) here.
 */
const ALL_REGISTERED_LIMIT = 500;
/** How far outside the viewport highlights are kept registered, so scrolling never shows them late. */
const NEAR_VIEWPORT = '150% 0px';

interface Windowing {
  observer: IntersectionObserver;
  /** Painted ranges by the block they stand in (what the observer watches). */
  byBlock: Map<Element, Set<Range>>;
  /**
   * The block each range was filed under, kept because a range whose text is removed moves to
   * the removal point and no longer leads back to it (the block would stay observed for ever).
   */
  blockOf: Map<Range, Element>;
  nearViewport: Set<Element>;
}

export class HighlightPainter implements Painter {
  readonly kind = 'highlight-api';
  private readonly highlights = new Map<HighlightGroup, Highlight>();
  /** Every painted range, with its list, whether registered right now or not. */
  private readonly painted = new Map<Range, HighlightGroup>();
  private windowing: Windowing | null = null;

  constructor(
    private readonly registry: HighlightRegistry,
    private readonly Observer: typeof IntersectionObserver | undefined = undefined,
    /** Told the start and end of each piece of work the painter does on its own (as the page scrolls). */
    private readonly onWork: (start: number, end: number) => void = () => {},
  ) {}

  add(batch: readonly PaintedRange[]): void {
    for (const { list, range } of batch) this.painted.set(range, list);
    const { windowing } = this;
    if (windowing) for (const { list, range } of batch) this.watch(windowing, range, list);
    // A batch that takes the count past the limit is not registered first and windowed after:
    // that was two repaints of the whole page where the observer's first report makes one.
    else if (this.painted.size > ALL_REGISTERED_LIMIT && this.Observer) this.startWindowing(this.Observer);
    else for (const { list, range } of batch) this.register(list, range);
  }

  remove(list: HighlightGroup, range: Range): void {
    this.painted.delete(range);
    this.unregister(list, range);
    const windowing = this.windowing;
    const block = windowing?.blockOf.get(range);
    if (!windowing || !block) return;
    windowing.blockOf.delete(range);
    const ranges = windowing.byBlock.get(block);
    ranges?.delete(range);
    if (ranges?.size === 0) {
      windowing.byBlock.delete(block);
      windowing.nearViewport.delete(block);
      windowing.observer.unobserve(block);
    }
  }

  clear(): void {
    this.windowing?.observer.disconnect();
    this.windowing = null;
    this.painted.clear();
    for (const list of this.highlights.keys()) this.registry.delete(highlightName(list));
    this.highlights.clear();
  }

  private register(list: HighlightGroup, range: Range): void {
    let highlight = this.highlights.get(list);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(list, highlight);
      this.registry.set(highlightName(list), highlight);
    }
    // Only real changes: each one makes the browser repaint the whole page (see ALL_REGISTERED_LIMIT).
    if (!highlight.has(range)) highlight.add(range);
  }

  private unregister(list: HighlightGroup, range: Range): void {
    const highlight = this.highlights.get(list);
    if (highlight?.has(range)) highlight.delete(range);
  }

  private startWindowing(Observer: typeof IntersectionObserver): void {
    const windowing: Windowing = {
      observer: new Observer((entries) => this.onIntersection(windowing, entries), { rootMargin: NEAR_VIEWPORT }),
      byBlock: new Map(),
      blockOf: new Map(),
      nearViewport: new Set(),
    };
    this.windowing = windowing;
    // Until the observer first reports, what is registered stays (no flash of unhighlighted
    // text) and what is not waits for it.
    for (const [range, list] of this.painted) this.watch(windowing, range, list, false);
  }

  private watch(windowing: Windowing, range: Range, list: HighlightGroup, registerIfNear = true): void {
    const block = blockElement(range);
    if (!block) return this.register(list, range); // outside any element (a shadow root's top level)
    let ranges = windowing.byBlock.get(block);
    if (!ranges) {
      windowing.byBlock.set(block, (ranges = new Set()));
      windowing.observer.observe(block);
    }
    ranges.add(range);
    windowing.blockOf.set(range, block);
    if (registerIfNear && windowing.nearViewport.has(block)) this.register(list, range);
  }

  private onIntersection(windowing: Windowing, entries: IntersectionObserverEntry[]): void {
    if (this.windowing !== windowing) return;
    const started = performance.now();
    for (const entry of entries) {
      const ranges = windowing.byBlock.get(entry.target);
      if (!ranges) continue;
      if (entry.isIntersecting) windowing.nearViewport.add(entry.target);
      else windowing.nearViewport.delete(entry.target);
      for (const range of ranges) {
        const list = this.painted.get(range);
        if (!list) continue;
        if (entry.isIntersecting) this.register(list, range);
        else this.unregister(list, range);
      }
    }
    this.onWork(started, performance.now());
  }
}

/** The block element a range stands in: what the viewport observer watches. */
function blockElement(range: Range): Element | null {
  const block = blockOf(range.startContainer);
  return block && block.nodeType === 1 ? (block as Element) : null;
}

/** Fallback: wraps each match in `<mark class="listmark-mark listmark-<list>">`. */
export class MarkPainter implements Painter {
  readonly kind = 'mark';
  private readonly marks = new Map<Range, HTMLElement>();

  add(batch: readonly PaintedRange[]): void {
    for (const { list, range } of batch) this.wrap(list, range);
  }

  private wrap(list: HighlightGroup, range: Range): void {
    if (range.startContainer !== range.endContainer || range.startContainer.nodeType !== 3 /* text */) return;
    const text = range.startContainer as Text;
    const doc = text.ownerDocument;
    const middle = text.splitText(range.startOffset);
    middle.splitText(range.endOffset - range.startOffset);
    const mark = doc.createElement('mark');
    mark.className = `listmark-mark ${highlightName(list)}`;
    middle.replaceWith(mark);
    mark.appendChild(middle);
    range.selectNodeContents(middle);
    this.marks.set(range, mark);
  }

  remove(_list: HighlightGroup, range: Range): void {
    const mark = this.marks.get(range);
    if (!mark) return;
    this.marks.delete(range);
    unwrap(mark);
  }

  clear(): void {
    for (const mark of this.marks.values()) unwrap(mark);
    this.marks.clear();
  }
}

function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
}

export function createPainter(win: Window & typeof globalThis, onWork?: (start: number, end: number) => void): Painter {
  const css = win.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  if (css?.highlights && typeof win.Highlight === 'function') return new HighlightPainter(css.highlights, win.IntersectionObserver, onWork);
  return new MarkPainter();
}
