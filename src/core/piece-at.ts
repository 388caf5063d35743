/**
 * Text made of pieces (text nodes, a PDF's text items) keeps the offset where each piece starts:
 * which piece an offset falls in. A range's end at a piece's start belongs to the piece before
 * (`preferEnd`), so a range ends inside the text it covers.
 */
export function pieceAt(starts: readonly number[], offset: number, preferEnd: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
