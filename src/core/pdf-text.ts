/**
 * A PDF page's text as the matcher sees it, from pdf.js's text items: the items' strings in order,
 * a line break after an item that ends a line (the matcher reads a name across it; a sentence for
 * the report stops there). `starts` maps an offset back to the item, and so to the text layer's
 * span for that item, where the viewer paints.
 */
import { pieceAt } from './piece-at';

/** What the model needs of a pdf.js text item. */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
}

export interface PdfPageText {
  text: string;
  /** Offset in `text` where each item's string starts. */
  starts: number[];
}

export function pdfPageText(items: readonly PdfTextItem[]): PdfPageText {
  const starts: number[] = [];
  let text = '';
  for (const item of items) {
    starts.push(text.length);
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return { text, starts };
}

/**
 * The item an offset falls in, and the offset inside its string. `preferEnd`: an offset at an
 * item's start that ends a range is taken as the end of the item before (a range ends inside
 * the text it covers). An offset on a line break added after an item is that item's end.
 */
export function itemPositionOf(page: PdfPageText, items: readonly PdfTextItem[], offset: number, preferEnd: boolean): { item: number; offset: number } {
  let lo = pieceAt(page.starts, offset, preferEnd);
  // Empty items (and the line breaks after them) have no text to stand in: step back to one with text.
  while (lo > 0 && items[lo]!.str.length === 0) lo--;
  return { item: lo, offset: Math.min(offset - page.starts[lo]!, items[lo]?.str.length ?? 0) };
}
