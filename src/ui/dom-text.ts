/**
 * What every Listmark context that reads or paints text in a document agrees on: the prefix of
 * Listmark's own ids, classes and highlight names, and which elements are inline (text in the same
 * block reads as one piece of text; the painter watches that block).
 */

export const OWN_PREFIX = 'listmark-';

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL', 'MARK',
  'NOBR', 'Q', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'WBR',
]);

export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
}

/** Nearest ancestor that is not an inline element: text in the same block reads as one. */
export function blockOf(node: Node): Node | null {
  let el = node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el ?? node.parentNode;
}
