/**
 * Character folding shared by the matcher and the variant builder, so both sides of a
 * comparison are folded the same way: case, diacritics, quotes, dashes, any whitespace.
 *
 * Each UTF-16 code unit folds to one class: a separator (breaks words), ignorable (inside a word
 * but not part of it: combining marks, zero-width joiners, soft hyphens), a standalone CJK
 * character (a word of its own, since CJK text has no spaces), or a folded word character.
 * Non-ASCII units are folded lazily and cached: building all 65,536 up front costs ~30 ms.
 */

export const SEPARATOR = 0;
export const IGNORABLE = 1;
export const STANDALONE = 2;

const UNKNOWN = 0xffff;
const table = new Uint16Array(0x10000).fill(UNKNOWN);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const IGNORED = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

function computeFold(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return SEPARATOR; // astral (emoji etc.): never inside a name
  const ch = String.fromCharCode(code);
  if (IGNORED.test(ch) || MARK.test(ch)) return IGNORABLE;
  if (!WORD_CHAR.test(ch)) return SEPARATOR;
  if (CJK.test(ch)) return STANDALONE;
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const folded = base.length > 0 ? base.charCodeAt(0) : code;
  // Keep the three class codes free for classes.
  return folded <= STANDALONE ? code : folded;
}

for (let c = 0; c < 128; c++) table[c] = computeFold(c);

/** The fold class or folded code unit of one UTF-16 code unit. */
export function foldCode(code: number): number {
  const cached = table[code]!;
  if (cached !== UNKNOWN) return cached;
  const folded = computeFold(code);
  table[code] = folded;
  return folded;
}

export interface WordSpan {
  /** The folded word. */
  word: string;
  start: number;
  end: number;
}

/** Words of a text, folded, with their UTF-16 spans in it; CJK characters are one word each. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  let word = '';
  let start = -1;
  let end = -1;
  const close = () => {
    if (word) spans.push({ word, start, end });
    word = '';
  };
  for (let i = 0; i < text.length; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f === IGNORABLE) continue;
    if (f === SEPARATOR || f === STANDALONE) {
      close();
      if (f === STANDALONE) spans.push({ word: text[i]!, start: i, end: i + 1 });
      continue;
    }
    if (!word) start = i;
    word += String.fromCharCode(f);
    end = i + 1;
  }
  close();
  return spans;
}

/** Words of a text as folded strings. */
export function foldedWords(text: string): string[] {
  return wordSpans(text).map((s) => s.word);
}

/** Folded words joined by single spaces: the key two spellings share when the matcher treats them alike. */
export function normaliseName(text: string): string {
  return foldedWords(text).join(' ');
}

/**
 * Whether `normaliseName(text.slice(start, end)) === key`, worked out without building strings:
 * the matcher checks every candidate this way, thousands of times on a long page.
 */
export function normalisesTo(text: string, start: number, end: number, key: string): boolean {
  let k = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = foldCode(c);
    if (f === IGNORABLE) continue;
    if (f === SEPARATOR) {
      inWord = false;
      continue;
    }
    if (f === STANDALONE || !inWord) {
      // A new word: one space after the words before it.
      if (k > 0 && key.charCodeAt(k++) !== 32) return false;
      inWord = f !== STANDALONE;
    }
    if (key.charCodeAt(k++) !== (f === STANDALONE ? c : f)) return false;
  }
  return k === key.length;
}

/** Letters and digits as written (diacritics removed, case kept): what case-sensitive variants compare. */
export function caseKey(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f === SEPARATOR || f === IGNORABLE) continue;
    if (f === STANDALONE) {
      out += text[i];
      continue;
    }
    const ch = text[i]!;
    const base = ch.charCodeAt(0) < 128 ? ch : ch.normalize('NFKD').replace(/\p{M}/gu, '').charAt(0) || ch;
    out += base;
  }
  return out;
}
