/**
 * The lookup's query set, generated from the real list each time it is needed (nothing derived
 * from the data is committed). A seeded random choice of entries, each turned into the kind of
 * query a person types, by one of these rules (in turn, skipping a rule that does not apply):
 *
 * - typo: one slip (two letters swapped, one dropped, doubled or replaced by its neighbour on a
 *   QWERTY keyboard) in the longest word of six letters or more, never in its first letter;
 * - transliteration: one romanisation swap the name allows (zh→j, kh→h, ts→c, -iy→-y, -ii→-y,
 *   -ov→-off, -ev→-eff, ya→ia, yu→iu, w→v, j→zh), taken from the name or one of its aliases,
 *   in words of four letters or more that are neither legal forms nor written in capitals;
 * - partial: the name without its legal forms and without its first word when five entries or
 *   more have that word (usually the city: "Hangzhou", "Beijing"), else without its last word
 *   when that one is as common ("Technology"); names of three words or more only, and only
 *   when a word fewer than five entries have is left;
 * - reordered: the words of the name without legal forms, first word moved to the end
 *   ("Kaspersky Lab" → "Lab Kaspersky"; "Ivanov Ivan" for a person);
 * - plain: an alias or the name, lower case, punctuation and diacritics dropped, legal forms
 *   shuffled ("Co Ltd" for "Co., Ltd.").
 *
 * A query counts as found when the entry is one that carries, as its listed name or an alias,
 * the name the query came from: entries that share a name (the same organisation on two lists,
 * or in two countries) cannot be told apart by a name. A generated query that is exactly another
 * entry's name is dropped: the slip made a real name.
 */
import type { Entry } from '../src/core/list-model';
import { foldedWords, normaliseName } from '../src/core/normalise';
import { LEGAL_FORM_VOCABULARY } from '../src/core/variants';
import { mulberry32 } from './seeded-random';

export type QueryRule = 'typo' | 'transliteration' | 'partial' | 'reordered' | 'plain';
export const QUERY_RULES: readonly QueryRule[] = ['typo', 'transliteration', 'partial', 'reordered', 'plain'];

export interface LookupQuery {
  query: string;
  rule: QueryRule | 'hand-checked';
  /** The name the query was made from. */
  source: string;
  /** Ids of every entry that counts as the right answer. */
  expected: string[];
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbour(letter: string): string {
  const lower = letter.toLowerCase();
  for (const row of KEYBOARD_ROWS) {
    const at = row.indexOf(lower);
    if (at >= 0) {
      const other = row[at + 1] ?? row[at - 1]!;
      return letter === lower ? other : other.toUpperCase();
    }
  }
  return letter;
}

function withTypo(name: string, random: () => number): string | null {
  const words = [...name.matchAll(/\p{L}+/gu)].filter((m) => m[0].length >= 6);
  if (words.length === 0) return null;
  const longest = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const word = longest[0];
  const at = 1 + Math.floor(random() * (word.length - 2));
  const slips = [
    () => word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
    () => word.slice(0, at) + word.slice(at + 1),
    () => word.slice(0, at) + word[at] + word.slice(at),
    () => word.slice(0, at) + neighbour(word[at]!) + word.slice(at + 1),
  ];
  const slipped = slips[Math.floor(random() * slips.length)]!();
  if (slipped === word) return null;
  return name.slice(0, longest.index) + slipped + name.slice(longest.index + word.length);
}

const TRANSLITERATIONS: [RegExp, string][] = [
  [/zh/gi, 'j'],
  [/kh/gi, 'h'],
  [/ts/gi, 'c'],
  [/iy\b/gi, 'y'],
  [/ii\b/gi, 'y'],
  [/ov\b/gi, 'off'],
  [/ev\b/gi, 'eff'],
  [/ya/gi, 'ia'],
  [/yu/gi, 'iu'],
  [/w/gi, 'v'],
  [/j/gi, 'zh'],
];

function keepCase(found: string, replacement: string): string {
  return found[0] === found[0]!.toUpperCase() && found[0] !== found[0]!.toLowerCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

/** Words a romanisation changes: not legal forms, not acronyms, not short particles ("Wah", "NII"). */
function isRespellable(word: string): boolean {
  return word.length >= 4 && word !== word.toUpperCase() && !LEGAL_FORM_VOCABULARY.has(normaliseName(word));
}

function transliterated(names: readonly string[], random: () => number): { query: string; source: string } | null {
  const options: { query: string; source: string }[] = [];
  for (const name of names) {
    for (const [pattern, replacement] of TRANSLITERATIONS) {
      // Legal forms stay as written: nobody types "ZhSC" for "JSC".
      const query = name.replace(/[\p{L}']+/gu, (word) => (isRespellable(word) ? word.replace(pattern, (found) => keepCase(found, replacement)) : word));
      if (query !== name) options.push({ query, source: name });
    }
  }
  return options.length > 0 ? options[Math.floor(random() * options.length)]! : null;
}

function wordsWithoutLegalForms(name: string): string[] {
  const words = name.replace(/[(),.]/g, ' ').split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !LEGAL_FORM_VOCABULARY.has(normaliseName(w)));
  return kept.length > 0 ? kept : words;
}

const TRAILING_FILLER = /^(?:of|and|the|for|in|on|de|&)$/i;

function partial(name: string, wordEntries: Map<string, number>): string | null {
  const words = wordsWithoutLegalForms(name);
  if (words.length < 3) return null;
  // A word many names share (a city first, a generic word last) is one a person leaves out; a
  // rare one is the name itself.
  const isCommon = (word: string) => (wordEntries.get(normaliseName(word)) ?? 0) >= 5;
  const kept = isCommon(words[0]!) ? words.slice(1) : isCommon(words[words.length - 1]!) ? words.slice(0, -1) : null;
  // What is left must still name something: "International Trading" names nobody in particular.
  if (!kept || kept.every(isCommon)) return null;
  while (kept.length > 0 && TRAILING_FILLER.test(kept[kept.length - 1]!)) kept.pop();
  while (kept.length > 0 && TRAILING_FILLER.test(kept[0]!)) kept.shift();
  return kept.length >= 2 ? kept.join(' ') : null;
}

function reordered(name: string): string | null {
  const words = wordsWithoutLegalForms(name);
  if (words.length < 2) return null;
  return [...words.slice(1), words[0]!].join(' ');
}

function plain(names: readonly string[], random: () => number): { query: string; source: string } {
  const source = names[Math.floor(random() * names.length)]!;
  const query = source
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return { query, source };
}

/** `count` queries with their expected entries, the same for the same entries every time. */
export function generateLookupQueries(entries: readonly Entry[], count: number, seed = 13): LookupQuery[] {
  const random = mulberry32(seed);
  // Entries by each of their names, to accept every entry that carries the query's source name.
  const byName = new Map<string, string[]>();
  for (const e of entries) {
    for (const name of new Set([e.name, ...e.aliases].map(normaliseName))) (byName.get(name) ?? byName.set(name, []).get(name)!).push(e.id);
  }
  const wordEntries = new Map<string, number>();
  for (const e of entries) for (const w of new Set(foldedWords(e.name))) wordEntries.set(w, (wordEntries.get(w) ?? 0) + 1);

  const pool = entries.filter((e) => foldedWords(e.name).length > 0 && !/^address\b/i.test(e.name));
  const queries: LookupQuery[] = [];
  const used = new Set<string>();
  let turn = 0;
  for (let attempts = 0; queries.length < count && attempts < count * 20; attempts++) {
    const entry = pool[Math.floor(random() * pool.length)]!;
    if (used.has(entry.id)) continue;
    const rule = QUERY_RULES[turn % QUERY_RULES.length]!;
    const names = [entry.name, ...entry.aliases];
    let made: { query: string; source: string } | null = null;
    switch (rule) {
      case 'typo': {
        const query = withTypo(entry.name, random);
        made = query ? { query, source: entry.name } : null;
        break;
      }
      case 'transliteration':
        made = transliterated(names, random);
        break;
      case 'partial': {
        const query = partial(entry.name, wordEntries);
        made = query ? { query, source: entry.name } : null;
        break;
      }
      case 'reordered': {
        const query = reordered(entry.name);
        made = query ? { query, source: entry.name } : null;
        break;
      }
      case 'plain':
        made = plain(names, random);
        break;
    }
    if (!made) continue;
    const expected = byName.get(normaliseName(made.source)) ?? [entry.id];
    const clash = byName.get(normaliseName(made.query));
    if (clash && clash.some((id) => !expected.includes(id))) continue;
    used.add(entry.id);
    queries.push({ query: made.query, rule, source: made.source, expected });
    turn++;
  }
  return queries;
}
