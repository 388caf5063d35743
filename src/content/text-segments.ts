/**
 * The page's text as the matcher sees it: runs of text nodes that read as one piece of text
 * (inline elements joined, so `<b>Huawei</b> Technologies` is one name, but never two links side by
 * side, as in a menu), with offsets to map a match back to DOM positions. Skips code at any depth,
 * editable regions and Listmark's own nodes.
 */

import { pieceAt } from '../core/piece-at';
import { blockOf, isInline, OWN_PREFIX } from '../ui/dom-text';

export { blockOf, OWN_PREFIX };

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


export interface TextSegment {
  /** Length of the segment's text, in UTF-16 code units. */
  length: number;
  /**
   * The segment's text from `from` to `to`. A huge text node is a segment of its own and is read
   * a piece at a time (`substringData`): Firefox took 80–100 ms to hand a 10 MB node's text over whole.
   */
  read(from: number, to: number): string;
  nodes: Text[];
  /** Offset in the segment's text where each node starts. */
  starts: number[];
}

/** A text node longer than this is a segment of its own, read piecewise. */
export const HUGE_TEXT_NODE = 64 * 1024;

/** The whole text of a segment (for small segments and tools; the scanner reads huge ones piecewise). */
export function segmentText(segment: TextSegment): string {
  return segment.read(0, segment.length);
}

function joinedSegment(nodes: Text[], starts: number[], text: string): TextSegment {
  return { length: text.length, read: (from, to) => text.slice(from, to), nodes, starts };
}

function hugeNodeSegment(node: Text): TextSegment {
  const length = node.length;
  return { length, read: (from, to) => node.substringData(from, Math.max(0, Math.min(length, to) - from)), nodes: [node], starts: [0] };
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
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let currentBlock: Node | null = null;
  /** The link the last text with letters in it stood in: two links side by side are two names. */
  let lastLink: Element | null = null;
  let broken = false;
  const flush = (): TextSegment => {
    const segment = joinedSegment(nodes, starts, text);
    nodes = [];
    starts = [];
    text = '';
    lastLink = null;
    return segment;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === ELEMENT_NODE) {
      if (!isInline(node as Element)) broken = true;
      continue;
    }
    const textNode = node as Text;
    const length = textNode.length;
    if (length === 0) continue;
    const block = blockOf(textNode);
    if (length > HUGE_TEXT_NODE) {
      if (nodes.length > 0) yield flush();
      yield hugeNodeSegment(textNode);
      broken = true;
      continue;
    }
    const data = textNode.data;
    const link = /\S/.test(data) ? linkOf(textNode) : null;
    const nextLink = link !== null && lastLink !== null && link !== lastLink;
    if (nodes.length > 0 && (broken || block !== currentBlock || nextLink)) yield flush();
    broken = false;
    currentBlock = block;
    if (/\S/.test(data)) lastLink = link;
    starts.push(text.length);
    nodes.push(textNode);
    text += data;
  }
  if (nodes.length > 0) yield flush();
}

/** The link (`<a href>`) a text node stands in, if any. */
function linkOf(node: Text): Element | null {
  for (let el = node.parentElement; el && isInline(el); el = el.parentElement) {
    if (el.tagName.toUpperCase() === 'A' && el.hasAttribute('href')) return el;
  }
  return null;
}

/** The DOM position of a text offset in a segment (the last node starting at or before it). */
export function positionOf(segment: TextSegment, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  const { starts, nodes } = segment;
  const lo = pieceAt(starts, offset, preferEnd);
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
