/**
 * A list of counterparties to screen, made from the real list each time (nothing derived from the
 * data is committed), seeded so every run screens the same rows:
 *
 * - a fifth are listed names as people write them: the lookup query set's rules
 *   (scripts/lookup-query-set.ts: a typo, another romanisation, a partial name, words reordered,
 *   lower case without punctuation), with the entry's country written as a name (six in ten), an
 *   ISO code (two in ten), another country (one in ten) or left out;
 * - the rest are company names nobody listed, made by @faker-js/faker in ten locales (English,
 *   German, French, Spanish, Italian, Dutch, Polish, Turkish, Russian, Chinese: Latin, Cyrillic
 *   and Han script), each with a country name or code from the same locale's data.
 */
import {
  fakerDE,
  fakerEN_US,
  fakerES,
  fakerFR,
  fakerIT,
  fakerNL,
  fakerPL,
  fakerRU,
  fakerTR,
  fakerZH_CN,
  type Faker,
} from '@faker-js/faker';
import countries from 'i18n-iso-countries';
import type { Entry } from '../src/core/list-model';
import { generateLookupQueries } from './lookup-query-set';
import { mulberry32 } from './seeded-random';

export interface GeneratedRow {
  name: string;
  country: string;
  /** The entry ids that count as found, for a row made from a listed name; empty for an unlisted one. */
  expected: string[];
}

const FAKERS: Faker[] = [fakerEN_US, fakerDE, fakerFR, fakerES, fakerIT, fakerNL, fakerPL, fakerTR, fakerRU, fakerZH_CN];

export function generateScreenRows(entries: readonly Entry[], count: number, seed = 13): GeneratedRow[] {
  const random = mulberry32(seed);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const listedCount = Math.round(count / 5);
  const rows: GeneratedRow[] = generateLookupQueries(entries, listedCount, seed).map((q) => {
    const entry = byId.get(q.expected[0]!)!;
    const r = random();
    const code = countries.getAlpha2Code(entry.country, 'en') ?? '';
    const country = r < 0.6 ? entry.country : r < 0.8 && code ? code : r < 0.9 ? 'Germany' : '';
    return { name: q.query, country, expected: q.expected };
  });
  FAKERS.forEach((faker, i) => faker.seed(seed + i));
  while (rows.length < count) {
    const faker = FAKERS[Math.floor(random() * FAKERS.length)]!;
    const country = random() < 0.5 ? faker.location.countryCode('alpha-2') : faker.location.country();
    rows.push({ name: faker.company.name(), country, expected: [] });
  }
  // Listed and unlisted names mixed, as in a real list.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}
