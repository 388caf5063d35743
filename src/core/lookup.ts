/**
 * Name lookup: the search index behind the popup's search field, the selection check and list
 * screening. It is built once from every entry's listed name, aliases and compiled variants, and
 * answers a typed query with ranked entries, the name that matched and why.
 *
 * Names and queries are reduced to bags of word keys: folded (case, diacritics, punctuation),
 * without legal forms or stop words, and respelled to a transliteration skeleton (Zh/J, Ts/C,
 * -iy/-y, -ov/-off…). A query word matches a name word by key, by a typo budget scaled to its
 * length, or, for the word being typed, as a prefix. A name is a result only when every query
 * word matched one of its words and the matched words carry most of the name's weight
 * (words weigh by rarity), so a query that shares only common words with a name finds nothing.
 */
import type { ListId } from './list-model';
import type { Matcher } from './matcher';
import { foldedWords, wordSpans } from './normalise';
import { LEGAL_FORM_VOCABULARY, type VariantKind } from './variants';

export interface LookupEntry {
  id: string;
  list: ListId;
  name: string;
  aliases: readonly string[];
  country: string;
}

/** A compiled name of an entry (see core/variants), by the entry's index. */
export interface LookupName {
  text: string;
  entryIndex: number;
  kind: VariantKind;
}

/** What made a query match a name other than typing it exactly. */
export const LOOKUP_REASONS = ['exact', 'normalised', 'legalForm', 'wordOrder', 'transliteration', 'typo', 'partial'] as const;
export type LookupReason = (typeof LOOKUP_REASONS)[number];

export interface LookupHit {
  entryId: string;
  list: ListId;
  listedName: string;
  country: string;
  /** The name of the entry that matched best: its listed name, an alias or a compiled variant. */
  matchedName: string;
  matchedKind: VariantKind;
  /** 0–1: how much of the query and of the name agree. */
  score: number;
  reasons: LookupReason[];
}

/** Longest query looked up; longer input is cut (a pasted paragraph is not a name). */
export const MAX_LOOKUP_QUERY_LENGTH = 200;
const MAX_QUERY_WORDS = 32;
/** A first query word that starts the names of this many entries may be missing from a name. */
const OPTIONAL_WORD_ENTRIES = 5;
/** A word of this many entries or fewer identifies a name; one of at least COMMON_WORD_ENTRIES does not. */
const RARE_WORD_ENTRIES = 3;
const COMMON_WORD_ENTRIES = 5;
/** What a missing optional word costs. */
const MISSING_WORD_FACTOR = 0.85;
/** The share of a name's weight the query has to match for the name to be a result. */
const MIN_NAME_COVERAGE = 0.7;
const DEFAULT_LIMIT = 10;
/** Query words whose candidates are remembered; past this the memory starts again. */
const CANDIDATE_MEMO_SIZE = 20_000;

export interface LookupOptions {
  limit?: number;
  /**
   * The query is being typed: its last word may be the start of a name's word. Off for whole
   * names (a selection, a row of a list), where "Electric" must not find "Electricity".
   */
  isTyping?: boolean;
}

const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'de', 'a', 'an', 'at', 'by', 'to', 'with', 'und', 'et', 'y', 'i', 'da', 'do', 'di', 'du', 'la', 'le', 'el', 'al', 'von', 'der']);

/** Higher first when two names of different kinds score the same. */
const KIND_PREFERENCE: Record<VariantKind, number> = { listed: 4, alias: 3, acronym: 2, respelled: 1, derived: 0 };

/**
 * The transliteration skeleton of a folded word: spellings of the same Cyrillic, Chinese or
 * Arabic sound that romanisations write differently become one key. Applied to names and
 * queries alike, so it only has to be consistent, not linguistically exact.
 */
export function skeleton(word: string): string {
  // Three letters or fewer is an acronym or a particle: spelt as it is.
  if (word.length <= 3) return word;
  let w = word;
  // Endings first: "-iy", "-yy", "-ii", "-ij" are one Russian ending; "-off", "-ow", "-ev" are "-ov".
  w = w.replace(/(?:iy|yy|ii|ij|yi)$/, 'i').replace(/(?:off|ow|eff|ev)$/, 'ov');
  w = w
    .replace(/shch/g, 'sh')
    .replace(/dzh|zh|dj/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/tch/g, 'ch')
    .replace(/ts|tz|cz/g, 'c')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/y/g, 'i');
  // "Rossiiskaya" and "Rossiskaya": a doubled vowel is one sound.
  return w.replace(/([aeiou])\1+/g, '$1');
}

/** How many typos a word of this length may carry and still be recognised. */
function typoBudget(length: number): number {
  return length >= 10 ? 2 : length >= 5 ? 1 : 0;
}

/** Optimal-string-alignment distance, or max + 1 once it is certainly above max. */
function boundedDistance(a: string, b: string, max: number, rows: Int32Array[]): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** A folded word of the names as written, with its key and the set of its characters (one bit each, by code). */
interface Spelling {
  text: string;
  key: number;
  letters: number;
}

function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % 31);
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** How a query word met a name word. */
const enum Via {
  Exact = 0,
  Skeleton = 1,
  Prefix = 2,
  Typo = 3,
}

interface Candidate {
  similarity: number;
  via: Via;
}

interface IndexedName {
  entry: number;
  text: string;
  kind: VariantKind;
  /** Word keys (skeletons) in order, legal forms and stop words left out. */
  keys: number[];
  /** The folded words the keys came from, for telling an exact word from a respelled one. */
  words: string[];
  /** Folded words of the whole name, legal forms included. */
  folded: string;
  hadLegalForm: boolean;
  weight: number;
}

interface QueryWord {
  folded: string;
  key: string;
  isPrefix: boolean;
  /**
   * A first word that many names start with (a city, a province) and a name may lack: "Zhejiang
   * Dahua" finds "Dahua Technology". A word no name holds is never optional.
   */
  isOptional: boolean;
  /** Held by very few entries (or none): a word that identifies a name on its own. */
  isRare: boolean;
}

const LEGAL_FORM_KEYS = new Set([...LEGAL_FORM_VOCABULARY].map(skeleton));
const LONG_LEGAL_FORM_KEYS = [...LEGAL_FORM_KEYS].filter((k) => k.length >= 6);
const legalFormRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** A legal form however romanised ("Zakrytoe", "ZhSC"), or a long one with one slip ("Limted"). */
function isLegalForm(word: string, allowSlip: boolean): boolean {
  const key = skeleton(word);
  if (LEGAL_FORM_KEYS.has(key)) return true;
  return allowSlip && key.length >= 6 && LONG_LEGAL_FORM_KEYS.some((form) => boundedDistance(key, form, 1, legalFormRows) <= 1);
}

/** Folded words without legal forms and stop words (all of them, if that would leave nothing). */
function significantWords(folded: readonly string[], isQuery: boolean): { words: string[]; hadLegalForm: boolean } {
  const legal = folded.map((w) => isLegalForm(w, isQuery));
  const words = folded.filter((w, i) => !legal[i] && !STOP_WORDS.has(w));
  if (words.length === 0) return { words: [...folded], hadLegalForm: false };
  return { words, hadLegalForm: legal.includes(true) };
}

export class LookupIndex {
  private readonly names: IndexedName[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly keys: string[] = [];
  /** Per key: the names containing it. */
  private readonly postings: number[][] = [];
  /** Per key: the names whose first word it is. */
  private readonly leadingPostings: number[][] = [];
  /** Per key: its rarity weight. */
  private weights: Float64Array = new Float64Array(0);
  /** Per key: how many entries have a name holding it. */
  private entryCounts: Uint32Array = new Uint32Array(0);
  /** Key ids sorted by key, for prefix ranges. */
  private sortedKeys: number[] = [];
  /** Folded words of names as written, each with its key: typos are judged on the spelling, not the skeleton. */
  private readonly spellings = new Map<string, number>();
  /**
   * Spellings by length and first letter, and by length and second letter: a typo seldom hits
   * both of the first two letters, so the typo scan reads two short lists per length.
   */
  private readonly spellingsByStart = new Map<string, Spelling[]>();
  /** Per key: how many entries have a name that starts with it (a city, a province). */
  private leadingCounts: Uint32Array = new Uint32Array(0);
  private readonly rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  private readonly candidateMemo = new Map<string, ReadonlyMap<number, Candidate>>();
  /** Per name: how many query words it has matched so far in one search (always zero between searches). */
  private countScratch: Uint8Array = new Uint8Array(0);
  /** Per word of the name being scored: already matched. */
  private usedScratch: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly entries: readonly LookupEntry[],
    compiledNames: readonly LookupName[],
  ) {
    const seen = new Set<string>();
    const add = (text: string, entry: number, kind: VariantKind) => {
      const folded = foldedWords(text);
      if (folded.length === 0) return;
      const dedupe = `${entry}\u0000${folded.join(' ')}`;
      if (seen.has(dedupe)) return;
      seen.add(dedupe);
      const { words, hadLegalForm } = significantWords(folded, false);
      const keys = words.map((w) => this.keyId(skeleton(w)));
      words.forEach((w, i) => this.spellings.set(w, keys[i]!));
      this.names.push({ entry, text, kind, keys, words, folded: folded.join(' '), hadLegalForm, weight: 0 });
    };
    // Listed names and aliases first, so a compiled variant with the same words does not hide them.
    entries.forEach((e, i) => {
      add(e.name, i, 'listed');
      for (const alias of e.aliases) add(alias, i, 'alias');
    });
    for (const n of compiledNames) add(n.text, n.entryIndex, n.kind);
    this.finish();
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keyIds.set(key, id);
      this.keys.push(key);
      this.postings.push([]);
      this.leadingPostings.push([]);
    }
    return id;
  }

  private finish(): void {
    const entriesWithKey = this.keys.map(() => new Set<number>());
    const entriesLedBy = this.keys.map(() => new Set<number>());
    this.names.forEach((name, n) => {
      if (name.keys.length > 0) this.leadingPostings[name.keys[0]!]!.push(n);
      if (name.keys.length > 1) entriesLedBy[name.keys[0]!]!.add(name.entry);
      for (const k of new Set(name.keys)) {
        this.postings[k]!.push(n);
        entriesWithKey[k]!.add(name.entry);
      }
    });
    // Rarity over entries, not names: an entry with twenty variants of one word is one entry.
    const total = this.entries.length;
    this.entryCounts = Uint32Array.from(entriesWithKey, (set) => set.size);
    this.weights = Float64Array.from(this.entryCounts, (count) => Math.log(1 + total / count));
    for (const name of this.names) name.weight = name.keys.reduce((sum, k) => sum + this.weights[k]!, 0);
    this.sortedKeys = this.keys.map((_, i) => i).sort((a, b) => (this.keys[a]! < this.keys[b]! ? -1 : this.keys[a]! > this.keys[b]! ? 1 : 0));
    this.leadingCounts = Uint32Array.from(entriesLedBy, (set) => set.size);
    this.countScratch = new Uint8Array(this.names.length);
    this.usedScratch = new Uint8Array(Math.max(1, ...this.names.map((n) => n.keys.length)));
    for (const [text, key] of this.spellings) {
      const spelling = { text, key, letters: letterMask(text) };
      for (const bucket of [`${text.length}:${text[0]}`, `${text.length}::${text[1] ?? ''}`]) {
        (this.spellingsByStart.get(bucket) ?? this.spellingsByStart.set(bucket, []).get(bucket)!).push(spelling);
      }
    }
  }

  get nameCount(): number {
    return this.names.length;
  }

  /** Entries whose names the query matches, best first. */
  search(query: string, { limit = DEFAULT_LIMIT, isTyping = false }: LookupOptions = {}): LookupHit[] {
    const text = query.slice(0, MAX_LOOKUP_QUERY_LENGTH);
    const spans = wordSpans(text).slice(0, MAX_QUERY_WORDS);
    const folded = spans.map((s) => s.word);
    if (folded.length === 0) return [];
    // Words written as abbreviations ("Inst.", "Tech.") stand for any word they start.
    const abbreviated = new Set(spans.filter((s) => text[s.end] === '.' && s.word.length >= 3).map((s) => s.word));
    // The last word is still being typed unless the query ends in a space or punctuation.
    const typing = isTyping && /[\p{L}\p{N}]$/u.test(text);
    const { words, hadLegalForm } = significantWords(folded, true);
    const queryWords: QueryWord[] = words.map((w, i) => {
      const key = skeleton(w);
      const id = this.keyIds.get(key);
      const isOptional = i === 0 && words.length > 1 && id !== undefined && this.leadingCounts[id]! >= OPTIONAL_WORD_ENTRIES;
      const isLastTyped = typing && i === words.length - 1 && w === folded[folded.length - 1];
      return { folded: w, key, isPrefix: isLastTyped || abbreviated.has(w), isOptional, isRare: id === undefined || this.entryCounts[id]! <= RARE_WORD_ENTRIES };
    });
    const candidates = queryWords.map((w) => this.candidatesFor(w));
    this.addJoinedWords(queryWords, candidates);
    if (candidates.some((c, q) => c.size === 0 && !queryWords[q]!.isOptional)) return [];

    // A prefix of one or two letters finds names that start with it, not every name with such a word.
    const required = queryWords.flatMap((w, q) => (w.isOptional ? [] : [{ candidates: candidates[q]!, isLeading: w.isPrefix && w.key.length < 3 }]));
    const byEntry = new Map<number, Scored>();
    for (const n of this.namesWithAll(required)) {
      const scored = this.scoreName(this.names[n]!, queryWords, candidates);
      if (!scored) continue;
      const best = byEntry.get(scored.name.entry);
      if (!best || scored.score > best.score || (scored.score === best.score && KIND_PREFERENCE[scored.name.kind] > KIND_PREFERENCE[best.name.kind])) {
        byEntry.set(scored.name.entry, scored);
      }
    }
    return [...byEntry.entries()]
      .sort(([ea, a], [eb, b]) => b.score - a.score || KIND_PREFERENCE[b.name.kind] - KIND_PREFERENCE[a.name.kind] || this.entries[ea]!.name.length - this.entries[eb]!.name.length)
      .slice(0, limit)
      .map(([entryIndex, scored]) => {
        const entry = this.entries[entryIndex]!;
        const { score, name } = scored;
        const reasons = this.explain(scored, folded, hadLegalForm);
        return { entryId: entry.id, list: entry.list, listedName: entry.name, country: entry.country, matchedName: name.text, matchedKind: name.kind, score: Math.round(score * 1000) / 1000, reasons };
      });
  }

  /** Names that hold a candidate of every query word given: the only ones worth scoring. */
  private namesWithAll(required: { candidates: ReadonlyMap<number, Candidate>; isLeading: boolean }[]): number[] {
    const postingsOf = (word: (typeof required)[number], k: number) => (word.isLeading ? this.leadingPostings : this.postings)[k]!;
    const postingSize = (word: (typeof required)[number]) => {
      let size = 0;
      for (const k of word.candidates.keys()) size += postingsOf(word, k).length;
      return size;
    };
    // Rarest first, so later words only thin out a short list.
    const ordered = [...required].sort((a, b) => postingSize(a) - postingSize(b));
    const counts = this.countScratch;
    const touched: number[] = [];
    ordered.forEach((word, round) => {
      for (const k of word.candidates.keys()) {
        for (const n of postingsOf(word, k)) {
          if (counts[n] !== round) continue;
          counts[n] = round + 1;
          if (round === 0) touched.push(n);
        }
      }
    });
    const all = touched.filter((n) => counts[n] === ordered.length);
    for (const n of touched) counts[n] = 0;
    return all;
  }

  /**
   * Name keys one query word can stand for, with how well; remembered by spelling, since a list
   * being screened repeats its words ("Trading", "Sons", a city) and the typo scan is the costly
   * part of a search. Callers must not change the map they get.
   */
  private candidatesFor(word: QueryWord): ReadonlyMap<number, Candidate> {
    const memoKey = word.isPrefix ? `${word.folded}*` : word.folded;
    const known = this.candidateMemo.get(memoKey);
    if (known) return known;
    const found = this.findCandidates(word);
    if (this.candidateMemo.size >= CANDIDATE_MEMO_SIZE) this.candidateMemo.clear();
    this.candidateMemo.set(memoKey, found);
    return found;
  }

  private findCandidates(word: QueryWord): Map<number, Candidate> {
    const found = new Map<number, Candidate>();
    const offer = (id: number, similarity: number, via: Via) => {
      const had = found.get(id);
      if (!had || had.similarity < similarity) found.set(id, { similarity, via });
    };
    const exact = this.keyIds.get(word.key);
    if (exact !== undefined) offer(exact, 1, Via.Exact);
    const spelt = word.folded;
    const budget = typoBudget(spelt.length);
    // No name has a word of 60 letters: a longer one is not a name's word with a typo.
    if (budget > 0 && spelt.length < 60) {
      const letters = letterMask(spelt);
      const consider = ({ text: other, key: id, letters: otherLetters }: Spelling) => {
        // Each edit changes at most two letters of the set: a cheap no before the distance.
        if (bitCount(letters ^ otherLetters) > 2 * budget) return;
        // A common word with a letter more or less at its end is another word ("Micron", "Micro").
        if (this.entryCounts[id]! >= COMMON_WORD_ENTRIES && (other.startsWith(spelt) || spelt.startsWith(other))) return;
        const d = boundedDistance(spelt, other, budget, this.rows);
        if (d > 0 && d <= budget) offer(id, 1 - 0.12 * d, Via.Typo);
      };
      for (let length = spelt.length - budget; length <= spelt.length + budget; length++) {
        for (const other of this.spellingsByStart.get(`${length}:${spelt[0]}`) ?? []) consider(other);
        for (const other of this.spellingsByStart.get(`${length}::${spelt[1] ?? ''}`) ?? []) if (other.text[0] !== spelt[0]) consider(other);
      }
    }
    if (word.isPrefix && word.key.length >= 2) {
      let lo = 0;
      let hi = this.sortedKeys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.keys[this.sortedKeys[mid]!]! < word.key) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.sortedKeys.length; i++) {
        const id = this.sortedKeys[i]!;
        const key = this.keys[id]!;
        if (!key.startsWith(word.key)) break;
        if (key.length > word.key.length) offer(id, 0.7 + 0.3 * (word.key.length / key.length), Via.Prefix);
      }
    }
    return found;
  }

  /** "Hik Vision" for "Hikvision": two query words written as one name word count for both. */
  private addJoinedWords(words: QueryWord[], candidates: ReadonlyMap<number, Candidate>[]): void {
    for (let i = 0; i + 1 < words.length; i++) {
      const joined = this.keyIds.get(skeleton(words[i]!.folded + words[i + 1]!.folded));
      if (joined === undefined) continue;
      for (const q of [i, i + 1]) {
        // A copy: the remembered candidates of a word stay those of the word alone.
        if (!candidates[q]!.has(joined)) candidates[q] = new Map(candidates[q]!).set(joined, { similarity: 0.95, via: Via.Skeleton });
      }
    }
  }

  /**
   * How well the query matches one name, or null. Called for every name that holds all required
   * query words (thousands for "Technology"), so the path that says no allocates nothing.
   */
  private scoreName(name: IndexedName, queryWords: QueryWord[], candidates: ReadonlyMap<number, Candidate>[]): Scored | null {
    const keys = name.keys;
    const used = this.usedScratch;
    used.fill(0, 0, keys.length);
    let similarity = 0;
    let queryWeight = 0;
    let missing = 0;
    let matchedRareWord = false;
    let vias = 0;
    let previousAt = -1;
    let isReordered = false;
    for (let q = 0; q < queryWords.length; q++) {
      const word = queryWords[q]!;
      const found = candidates[q]!;
      let bestAt = -1;
      let best: Candidate | undefined;
      for (let at = 0; at < keys.length; at++) {
        const c = found.get(keys[at]!);
        // A word of the name answers one query word, except a joined word, which answers two.
        if (c && (used[at] === 0 || c.via === Via.Skeleton) && (!best || c.similarity > best.similarity)) {
          best = c;
          bestAt = at;
        }
      }
      if (!best) {
        if (!word.isOptional || ++missing > 1) return null;
        continue;
      }
      const key = keys[bestAt]!;
      if (word.isRare || this.entryCounts[key]! <= RARE_WORD_ENTRIES) matchedRareWord = true;
      used[bestAt] = 1;
      if (bestAt < previousAt) isReordered = true;
      previousAt = bestAt;
      const w = this.weights[key]!;
      similarity += w * best.similarity;
      queryWeight += w;
      // A word spelt as the name spells it is exact even when it came through its skeleton.
      vias |= 1 << (best.via === Via.Exact && word.folded !== name.words[bestAt] ? Via.Skeleton : best.via);
    }
    const hasTypo = (vias & (1 << Via.Typo)) !== 0;
    // Leaving a word out is fine beside a word few names have, spelt right: "Micron Technology"
    // is not "Mikron" with a word left out.
    if (queryWeight === 0 || (missing > 0 && (!matchedRareWord || hasTypo))) return null;
    let matchedWeight = 0;
    let unmatchedAreCommon = true;
    let matchedNameRareWord = false;
    for (let at = 0; at < keys.length; at++) {
      const k = keys[at]!;
      if (used[at] === 1) {
        matchedWeight += this.weights[k]!;
        if (this.entryCounts[k]! <= RARE_WORD_ENTRIES) matchedNameRareWord = true;
      } else if (this.entryCounts[k]! < COMMON_WORD_ENTRIES) unmatchedAreCommon = false;
    }
    const coverage = name.weight > 0 ? matchedWeight / name.weight : 1;
    // Most of the name, or the word that identifies it with only common words left out
    // ("Kalashnikov" for "Kalashnikov Concern"; not "Nanjing University" for "Nanjing University
    // of Science and Technology", where nothing rare was typed). Only one allowance at a time:
    // not a query word left out and name words left out too.
    if (coverage < MIN_NAME_COVERAGE && !(matchedNameRareWord && matchedRareWord && unmatchedAreCommon && missing === 0 && !hasTypo)) return null;
    const score = (similarity / queryWeight) * (0.6 + 0.4 * coverage) * MISSING_WORD_FACTOR ** missing;
    return { score, name, coverage, missing, vias, isReordered };
  }

  /** Why a scored name matched, in the words of LOOKUP_REASONS. */
  private explain({ name, coverage, missing, vias, isReordered }: Scored, queryFolded: string[], queryHadLegalForm: boolean): LookupReason[] {
    if (queryFolded.join(' ') === name.folded) return ['exact'];
    const reasons: LookupReason[] = [];
    if (queryHadLegalForm !== name.hadLegalForm || (queryHadLegalForm && coverage === 1)) reasons.push('legalForm');
    if (isReordered) reasons.push('wordOrder');
    if (vias & (1 << Via.Skeleton)) reasons.push('transliteration');
    if (vias & (1 << Via.Typo)) reasons.push('typo');
    if (vias & (1 << Via.Prefix) || coverage < 1 || missing > 0) reasons.push('partial');
    if (reasons.length === 0) reasons.push('normalised');
    return reasons;
  }
}

interface Scored {
  score: number;
  name: IndexedName;
  coverage: number;
  missing: number;
  /** Bits of Via, one per way a query word matched. */
  vias: number;
  isReordered: boolean;
}

/** The index over a bundle's entries and the matcher's compiled names. */
export function buildLookupIndex(entries: readonly LookupEntry[], compiledNames: readonly LookupName[]): LookupIndex {
  return new LookupIndex(entries, compiledNames);
}

/** The compiled names of a matcher, by the index of their entry in `entries`. */
export function compiledNamesOf(
  matcher: Pick<Matcher, 'variantCount' | 'variantText' | 'variantKind' | 'entryId'>,
  entries: readonly LookupEntry[],
): LookupName[] {
  const indexById = new Map(entries.map((e, i) => [e.id, i]));
  const names: LookupName[] = [];
  for (let v = 0; v < matcher.variantCount; v++) {
    const entryIndex = indexById.get(matcher.entryId(v));
    if (entryIndex !== undefined) names.push({ text: matcher.variantText(v), entryIndex, kind: matcher.variantKind(v) });
  }
  return names;
}
