/**
 * Paints matches. The CSS Custom Highlight API (one `Highlight` per list, registered as
 * `listmark-<list>`) leaves the page DOM untouched; where it is missing, matches are wrapped in
 * `<mark>` elements that `clear()` removes exactly, restoring the original text (possibly split
 * across more text nodes than before; merging them back could merge the page's own nodes).
 */
import type { ListId } from '../core/list-model';

export interface Painter {
  readonly kind: 'highlight-api' | 'mark';
  add(list: ListId, range: Range): void;
  remove(list: ListId, range: Range): void;
  clear(): void;
}

export function highlightName(list: ListId): string {
  return `listmark-${list}`;
}

export class HighlightPainter implements Painter {
  readonly kind = 'highlight-api';
  private readonly highlights = new Map<ListId, Highlight>();

  constructor(private readonly registry: HighlightRegistry) {}

  add(list: ListId, range: Range): void {
    let highlight = this.highlights.get(list);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(list, highlight);
      this.registry.set(highlightName(list), highlight);
    }
    highlight.add(range);
  }

  remove(list: ListId, range: Range): void {
    this.highlights.get(list)?.delete(range);
  }

  clear(): void {
    for (const list of this.highlights.keys()) this.registry.delete(highlightName(list));
    this.highlights.clear();
  }
}

/** Fallback: wraps each match in `<mark class="listmark-mark listmark-<list>">`. */
export class MarkPainter implements Painter {
  readonly kind = 'mark';
  private readonly marks = new Map<Range, HTMLElement>();

  add(list: ListId, range: Range): void {
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

  remove(_list: ListId, range: Range): void {
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

export function createPainter(win: Window & typeof globalThis): Painter {
  const css = win.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  if (css?.highlights && typeof win.Highlight === 'function') return new HighlightPainter(css.highlights);
  return new MarkPainter();
}
