/**
 * The page's text as the matcher sees it: runs of text nodes that read as one piece of text
 * (inline elements joined, so `<b>Huawei</b> Technologies` is one name), with offsets to map a
 * match back to DOM positions. Skips code, editable regions and Listmark's own nodes.
 */

export const OWN_PREFIX = 'listmark-';

// Node type constants, not the page's `Node` global: pages may overwrite it.
const ELEMENT_NODE = 1;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT', 'HEAD', 'TITLE',
]);

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL', 'MARK',
  'NOBR', 'Q', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'WBR',
]);

export interface TextSegment {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag.startsWith(OWN_PREFIX.toUpperCase())) return true;
  if (el.id.startsWith(OWN_PREFIX)) return true;
  // The attribute, not isContentEditable: that forces a style recalculation of the whole page.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.getAttribute('aria-hidden') === 'true' && el.getAttribute('role') === 'presentation';
}

/** Is the node inside something Listmark must not read (checks ancestors, for mutation targets)? */
export function isInSkippedRegion(node: Node): boolean {
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
}

/** Nearest ancestor that is not an inline element: text in the same block reads as one. */
export function blockOf(node: Node): Node | null {
  let el = node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el ?? node.parentNode;
}

/**
 * Walks a root in document order and yields its text segments one at a time, so the caller can
 * stop between segments when its time slice runs out. Calls `onShadowRoot` for open shadow roots.
 */
export function* textSegments(root: Node, onShadowRoot: (root: ShadowRoot) => void = () => {}): Generator<TextSegment> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        if (isSkippedElement(el)) return FILTER_REJECT;
        if (el.shadowRoot) onShadowRoot(el.shadowRoot);
      }
      return FILTER_ACCEPT;
    },
  });
  let current: TextSegment = { text: '', nodes: [], starts: [] };
  let currentBlock: Node | null = null;
  let broken = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === ELEMENT_NODE) {
      if (!isInline(node as Element)) broken = true;
      continue;
    }
    const textNode = node as Text;
    const data = textNode.data;
    if (data.length === 0) continue;
    const block = blockOf(textNode);
    if (current.nodes.length > 0 && (broken || block !== currentBlock)) {
      yield current;
      current = { text: '', nodes: [], starts: [] };
    }
    broken = false;
    currentBlock = block;
    current.starts.push(current.text.length);
    current.nodes.push(textNode);
    current.text += data;
  }
  if (current.nodes.length > 0) yield current;
}

/** The DOM position of a text offset in a segment (the last node starting at or before it). */
export function positionOf(segment: TextSegment, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  const { starts, nodes } = segment;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
