/**
 * The Highlight API painter past 500 highlights: only ranges in blocks near the viewport are
 * registered. jsdom has neither Highlight nor IntersectionObserver: both are stood in for here,
 * the observer driven by the test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HighlightPainter } from '../../src/ui/painter';

/** Counts the calls that change it: in Chromium each one repaints the whole page. */
class FakeHighlight extends Set<AbstractRange> {
  static changes = 0;
  override add(range: AbstractRange) {
    FakeHighlight.changes++;
    return super.add(range);
  }
  override delete(range: AbstractRange) {
    FakeHighlight.changes++;
    return super.delete(range);
  }
}

class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  report(targets: Element[], isIntersecting: boolean) {
    this.callback(targets.map((target) => ({ target, isIntersecting }) as unknown as IntersectionObserverEntry));
  }
}

const registry = new Map<string, FakeHighlight>();
beforeEach(() => {
  (globalThis as unknown as { Highlight: typeof FakeHighlight }).Highlight = FakeHighlight;
  registry.clear();
  FakeObserver.last = null;
});
afterEach(() => {
  delete (globalThis as unknown as { Highlight?: unknown }).Highlight;
});

function paragraphs(n: number): { blocks: HTMLElement[]; ranges: Range[] } {
  document.body.replaceChildren();
  const blocks: HTMLElement[] = [];
  const ranges: Range[] = [];
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p');
    p.textContent = 'Huawei said';
    document.body.append(p);
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, 6);
    blocks.push(p);
    ranges.push(range);
  }
  return { blocks, ranges };
}

const entityList = (ranges: Range[]) => ranges.map((range) => ({ list: 'entity-list' as const, range }));
const registered = () => registry.get('listmark-entity-list')?.size ?? 0;

describe('HighlightPainter', () => {
  it('registers every highlight up to 500, then only those in blocks near the viewport', () => {
    const painter = new HighlightPainter(registry as unknown as HighlightRegistry, FakeObserver as unknown as typeof IntersectionObserver);
    const { blocks, ranges } = paragraphs(800);
    painter.add(entityList(ranges.slice(0, 500)));
    expect(registered()).toBe(500);
    expect(FakeObserver.last).toBeNull();
    FakeHighlight.changes = 0;
    painter.add(entityList(ranges.slice(500)));
    const observer = FakeObserver.last!;
    expect(observer.observed.size).toBe(800);
    // The batch that went past the limit waits for the observer: no repaint for it before.
    expect(FakeHighlight.changes).toBe(0);
    expect(registered()).toBe(500);
    // The observer's first report: the first 20 blocks are near the viewport, the rest are not.
    observer.report(blocks.slice(0, 20), true);
    observer.report(blocks.slice(20), false);
    expect(registered()).toBe(20);
    // Scrolling: blocks 400-409 come near, 0-9 go.
    observer.report(blocks.slice(400, 410), true);
    observer.report(blocks.slice(0, 10), false);
    expect(registered()).toBe(20);
    expect([...registry.get('listmark-entity-list')!]).toContain(ranges[405]);
  });

  it('registers a first batch of over 500 only once the observer has said which are near', () => {
    const painter = new HighlightPainter(registry as unknown as HighlightRegistry, FakeObserver as unknown as typeof IntersectionObserver);
    const { blocks, ranges } = paragraphs(700);
    painter.add(entityList(ranges));
    expect(registered()).toBe(0);
    FakeObserver.last!.report(blocks.slice(0, 15), true);
    FakeObserver.last!.report(blocks.slice(15), false);
    expect(registered()).toBe(15);
  });

  it('tells the browser of no change that is not one: far blocks reported again, or added far away', () => {
    const painter = new HighlightPainter(registry as unknown as HighlightRegistry, FakeObserver as unknown as typeof IntersectionObserver);
    const { blocks, ranges } = paragraphs(900);
    painter.add(entityList(ranges.slice(0, 800)));
    const observer = FakeObserver.last!;
    observer.report(blocks.slice(0, 20), true);
    observer.report(blocks.slice(20, 800), false);
    FakeHighlight.changes = 0;
    // The scan goes on far below the viewport; the observer reports the new blocks as far away.
    painter.add(entityList(ranges.slice(800)));
    observer.report(blocks.slice(800), false);
    observer.report(blocks.slice(20, 800), false);
    observer.report(blocks.slice(0, 20), true);
    expect(FakeHighlight.changes).toBe(0);
    expect(registered()).toBe(20);
  });

  it('stops watching a block whose text was removed, though its range moved out of it', () => {
    const painter = new HighlightPainter(registry as unknown as HighlightRegistry, FakeObserver as unknown as typeof IntersectionObserver);
    const { blocks, ranges } = paragraphs(600);
    painter.add(entityList(ranges));
    const observer = FakeObserver.last!;
    blocks[599]!.remove(); // the live range collapses into the body
    painter.remove('entity-list', ranges[599]!);
    expect(observer.observed.has(blocks[599]!)).toBe(false);
    expect(observer.observed.size).toBe(599);
    painter.clear();
    expect(observer.observed.size).toBe(0);
    expect(registry.size).toBe(0);
  });
});
