const MAX_REACH = 200;

/**
 * The sentence a mention stands in, for exports: from the previous sentence end (". ", "! ",
 * "? " or a line break) to the next, at most 200 characters either side of the mention.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  const lower = Math.max(0, start - MAX_REACH);
  while (from > lower) {
    const ch = text[from - 1]!;
    if (ch === '\n') break;
    if (/\s/.test(ch) && /[.!?]/.test(text[from - 2] ?? '')) break;
    from--;
  }
  let to = end;
  const upper = Math.min(text.length, end + MAX_REACH);
  while (to < upper) {
    const ch = text[to]!;
    if (ch === '\n') break;
    to++;
    if (/[.!?]/.test(ch) && (to >= text.length || /\s/.test(text[to]!))) break;
  }
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}
