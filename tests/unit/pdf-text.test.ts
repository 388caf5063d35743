/** A PDF page's text model (core/pdf-text), the pieces lookup it shares with the page's (core/piece-at), and capped reads. */
import { describe, expect, it } from 'vitest';
import { pieceAt } from '../../src/core/piece-at';
import { itemPositionOf, pdfPageText } from '../../src/core/pdf-text';
import { readCapped } from '../../src/core/read-capped';

const items = [
  { str: 'Cameras by Hangzhou Hikvision Digital', hasEOL: true },
  { str: 'Technology Co., Ltd.', hasEOL: false },
  { str: '', hasEOL: true },
  { str: ' under contract.', hasEOL: false },
];

describe('pdfPageText', () => {
  it('joins the items, a line break after an item that ends a line, and keeps where each starts', () => {
    const page = pdfPageText(items);
    expect(page.text).toBe('Cameras by Hangzhou Hikvision Digital\nTechnology Co., Ltd.\n under contract.');
    expect(page.starts).toEqual([0, 38, 58, 59]);
  });

  it('maps a name across a line break back to its first and last items', () => {
    const page = pdfPageText(items);
    const start = page.text.indexOf('Hangzhou');
    const end = page.text.indexOf('Ltd.') + 4;
    expect(itemPositionOf(page, items, start, false)).toEqual({ item: 0, offset: 11 });
    expect(itemPositionOf(page, items, end, true)).toEqual({ item: 1, offset: 20 });
  });

  it('never lands in an empty item, which has no span in the text layer', () => {
    const page = pdfPageText(items);
    expect(itemPositionOf(page, items, 59, true)).toEqual({ item: 1, offset: 20 });
    expect(itemPositionOf(page, items, 59, false)).toEqual({ item: 3, offset: 0 });
  });
});

describe('pieceAt', () => {
  it.each([
    [0, false, 0],
    [5, false, 1],
    [5, true, 0],
    [7, true, 1],
    [9, false, 2],
    [100, true, 2],
  ])('offset %i (preferEnd %s) is in piece %i of pieces starting at 0, 5, 9', (offset, preferEnd, piece) => {
    expect(pieceAt([0, 5, 9], offset, preferEnd)).toBe(piece);
  });
});

function reader(chunks: number[]) {
  let cancelled = false;
  const queue = chunks.map((n) => new Uint8Array(n).fill(7));
  return {
    read: async () => (queue.length ? { done: false, value: queue.shift()! } : { done: true }),
    cancel: async () => void (cancelled = true),
    get cancelled() {
      return cancelled;
    },
  };
}

describe('readCapped', () => {
  it('reads a body whole within the limit', async () => {
    const bytes = await readCapped(reader([3, 4]), 7);
    expect(bytes).toEqual(new Uint8Array(7).fill(7));
  });

  it('stops and cancels as soon as the body outgrows the limit', async () => {
    const source = reader([4, 4, 4]);
    expect(await readCapped(source, 7)).toBeNull();
    expect(source.cancelled).toBe(true);
  });
});
