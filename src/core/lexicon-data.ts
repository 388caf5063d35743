/**
 * The word sets behind the Lexicon as plain data, so the build and the browser compile names from
 * the same words: `npm run data:build` writes them as `lexicon.bin` (sorted, front-coded, gzipped)
 * and compiles from what it wrote, and the background compiles an update from the packaged copy.
 * Everything the Lexicon's answers depend on is in the data (even what Node's Intl said about
 * country names), so the two agree by construction and not by two ICU versions agreeing.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import type { Lexicon } from './lexicon';

export interface LexiconData {
  /** Ordinary English words (SCOWL sizes up to 50), lower case. */
  englishWords: string[];
  /** Every SCOWL word, lower case. */
  rareWords: string[];
  surnames: string[];
  givenNames: string[];
  /** Cities of 15,000 or more, countries and continents, lower case, whitespace folded. */
  places: string[];
  /** Everyday words of the major languages that are not already in englishWords. */
  everydayWordsBeyondEnglish: string[];
  /** Proper nouns and abbreviations of the English dictionary, time zones, currencies, months. */
  knownAsOther: string[];
  /** Country names as Intl's English names them, folded. */
  countryNames: string[];
}

export const LEXICON_FORMAT = 'listmark-lexicon/1';
/** Its name in build/data and in the package's data/. */
export const LEXICON_FILE = 'lexicon.bin';

// Nouns that name a geographic feature when a proper name follows them ("Lake Baikal",
// "Mount Elbrus"); no package lists these few.
const GEOGRAPHIC_FEATURES = ['lake', 'mount', 'mountains', 'river', 'sea', 'gulf', 'bay', 'cape', 'island', 'islands', 'strait', 'peninsula', 'desert', 'valley'];

const FIELDS = [
  'englishWords',
  'rareWords',
  'surnames',
  'givenNames',
  'places',
  'everydayWordsBeyondEnglish',
  'knownAsOther',
  'countryNames',
] as const satisfies readonly (keyof LexiconData)[];

/** Sorted by UTF-16 code units (as Array.prototype.sort and the decoder leave them), without repeats. */
function sortedUnique(words: readonly string[]): readonly string[] {
  for (let i = 1; i < words.length; i++) {
    if (!(words[i - 1]! < words[i]!)) return [...new Set(words)].sort();
  }
  return words;
}

/** Index of the first word not below `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

const hasWord = (sorted: readonly string[], word: string) => sorted[lowerBound(sorted, word)] === word;

/** How many words longer than `prefix` start with it, counting no further than `enough`. */
function countLongerWithPrefix(sorted: readonly string[], prefix: string, enough: number): number {
  let count = 0;
  for (let i = lowerBound(sorted, prefix); i < sorted.length && count < enough && sorted[i]!.startsWith(prefix); i++) {
    if (sorted[i]!.length > prefix.length) count++;
  }
  return count;
}

/**
 * Answers the Lexicon's questions from the data; the same code in the build and the browser. The
 * large lists are searched sorted, not put into sets: building sets of 700,000 words took the
 * browser's worker 3 s for a compile that asks a few tens of thousands of questions.
 */
export function lexiconFromData(data: LexiconData): Lexicon {
  const english = sortedUnique(data.englishWords);
  const rare = sortedUnique(data.rareWords);
  const beyondEnglish = sortedUnique(data.everydayWordsBeyondEnglish);
  const surnames = new Set(data.surnames);
  const given = new Set(data.givenNames);
  const places = new Set(data.places);
  const knownAsOther = new Set(data.knownAsOther);
  // Short words that begin many English words and end in a vowel are combining forms ("nano",
  // "opto", "sino"); "ratep" of "ratepayer" is no word of its own.
  const isCombiningForm = (w: string) => w.length >= 3 && w.length <= 5 && /[aeiou]$/.test(w) && countLongerWithPrefix(rare, w, 2) >= 2;
  // "Russian", "European", "Chinese": adjectives of places are not names of organisations.
  const isDemonymOf = (w: string, names: Set<string>) =>
    /(?:an|ese|ish|i)$/.test(w) &&
    [w.slice(0, -1), w.slice(0, -2), w.slice(0, -3), `${w.slice(0, -3)}a`, `${w.slice(0, -2)}e`, `${w.slice(0, -3)}y`].some((stem) => names.has(stem));
  const countryWords = new Set(data.countryNames.filter((n) => !n.includes(' ')));
  // A capitalised first name before a one-word name makes it a surname ("Mike Cason", "Steve
  // Wynn"); a sentence that starts "Will Huawei…" is the rare price.
  const vetoes = [
    ...new Set([
      ...data.countryNames.filter((name) => /^\p{L}+$/u.test(name)),
      ...GEOGRAPHIC_FEATURES,
      ...data.givenNames.filter((name) => /^\p{L}+$/u.test(name)),
    ]),
  ].sort();
  return {
    isEverydayWord: (w) => hasWord(english, w) || hasWord(beyondEnglish, w),
    isKnownAsOther: (token) => knownAsOther.has(token) || (token.length > 1 && knownAsOther.has(token[0]! + token.slice(1).toLowerCase())),
    isCountryWord: (w) => countryWords.has(w) || isDemonymOf(w, countryWords),
    isEnglishWord: (w) => hasWord(english, w),
    isGivenName: (w) => given.has(w),
    isRareWord: (w) => hasWord(rare, w) || isCombiningForm(w) || isDemonymOf(w, places),
    isSurname: (w) => surnames.has(w),
    isPlaceName: (n) => places.has(n),
    namePrefixVetoes: () => vetoes,
  };
}

/**
 * Sorted and front-coded (each word after the first as the length it shares with the one before,
 * one character, then the rest), then gzipped: word lists share long prefixes, and gzip alone
 * finds only some of them.
 */
function frontCode(words: readonly string[]): string {
  const sorted = [...new Set(words)].sort();
  let previous = '';
  const lines: string[] = [];
  for (const word of sorted) {
    if (word.includes('\n')) throw new Error(`lexicon word with a line break: ${JSON.stringify(word)}`);
    let shared = 0;
    const limit = Math.min(previous.length, word.length, 0xd000);
    while (shared < limit && previous.charCodeAt(shared) === word.charCodeAt(shared)) shared++;
    // A shared prefix that ends inside a surrogate pair would split a character; share less.
    if (shared > 0 && shared < word.length && /[\uDC00-\uDFFF]/.test(word[shared]!)) shared--;
    // Offset by 0x20 so the count is never a control character or the line break.
    lines.push(String.fromCharCode(0x20 + shared) + word.slice(shared));
    previous = word;
  }
  return lines.join('\n');
}

function frontDecode(text: string): string[] {
  if (text === '') return [];
  const words: string[] = [];
  let previous = '';
  for (const line of text.split('\n')) {
    const shared = line.charCodeAt(0) - 0x20;
    previous = previous.slice(0, shared) + line.slice(1);
    words.push(previous);
  }
  return words;
}

/** The lexicon as text: one section per field, each front-coded. */
export function lexiconText(data: LexiconData): string {
  // A form feed never occurs in a word (checked), so it separates the sections.
  for (const field of FIELDS) {
    if (data[field].some((w) => w.includes('\f'))) throw new Error(`lexicon ${field} holds a form feed`);
  }
  return [LEXICON_FORMAT, ...FIELDS.map((field) => `${field}\n${frontCode(data[field])}`)].join('\f');
}

export function encodeLexiconData(data: LexiconData): Uint8Array {
  // mtime 0: the same words give the same bytes.
  return gzipSync(strToU8(lexiconText(data)), { level: 9, mtime: 0 });
}

export function decodeLexiconData(bytes: Uint8Array): LexiconData {
  return parseLexiconText(strFromU8(gunzipSync(bytes)));
}

/** The lexicon from its text once ungzipped (the browser ungzips natively: DecompressionStream). */
export function parseLexiconText(text: string): LexiconData {
  const [format, ...sections] = text.split('\f');
  if (format !== LEXICON_FORMAT) throw new Error(`lexicon data is not ${LEXICON_FORMAT}`);
  const data: Partial<LexiconData> = {};
  for (const section of sections) {
    const newline = section.indexOf('\n');
    const field = (newline < 0 ? section : section.slice(0, newline)) as (typeof FIELDS)[number];
    if (!FIELDS.includes(field)) throw new Error(`lexicon data has an unknown section "${field}"`);
    data[field] = newline < 0 ? [] : frontDecode(section.slice(newline + 1));
  }
  for (const field of FIELDS) if (!data[field]) throw new Error(`lexicon data lacks "${field}"`);
  return data as LexiconData;
}
