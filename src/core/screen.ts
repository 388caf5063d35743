/**
 * Screening a list: each row's name looked up in the lookup index as a whole name (not as typed),
 * its best matches kept with whether the row's country agrees with the entry's. The background
 * runs it on batches the screen page sends (the index lives there); the bench runs it in Node.
 */
import { countryAgreement, type CountryAgreement } from './countries';
import { MAX_LOOKUP_QUERY_LENGTH, type LookupHit, type LookupIndex } from './lookup';

/** Matches kept per row. */
export const SCREEN_MATCHES = 3;
/** Rows per message to the background. */
export const MAX_SCREEN_BATCH = 500;
export const MAX_SCREEN_COUNTRY_LENGTH = 100;

export interface ScreenQuery {
  name: string;
  country: string;
}

export interface ScreenMatch extends LookupHit {
  countryAgreement: CountryAgreement;
}

const AGREEMENT_ORDER: Record<CountryAgreement, number> = { same: 0, unknown: 1, different: 2 };

/** The best matches of each name; of two that score the same, the one in the row's country first. */
export function screenNames(index: Pick<LookupIndex, 'search'>, queries: readonly ScreenQuery[]): ScreenMatch[][] {
  return queries.map(({ name, country }) => {
    // A few more than kept, so a same-score match in the row's country is not cut off.
    const hits = index.search(name.slice(0, MAX_LOOKUP_QUERY_LENGTH), { limit: SCREEN_MATCHES + 2 });
    return hits
      .map((hit) => ({ ...hit, countryAgreement: countryAgreement(country, hit.country) }))
      .sort((a, b) => b.score - a.score || AGREEMENT_ORDER[a.countryAgreement] - AGREEMENT_ORDER[b.countryAgreement])
      .slice(0, SCREEN_MATCHES);
  });
}

/** Why a batch is refused, or null: the background checks what the page sends. */
export function checkScreenQueries(value: unknown): string | null {
  const isQuery = (q: unknown) => {
    const { name, country } = (q ?? {}) as Partial<ScreenQuery>;
    return typeof name === 'string' && name.length <= MAX_LOOKUP_QUERY_LENGTH && typeof country === 'string' && country.length <= MAX_SCREEN_COUNTRY_LENGTH;
  };
  return Array.isArray(value) && value.length <= MAX_SCREEN_BATCH && value.every(isQuery)
    ? null
    : `screenNames takes up to ${MAX_SCREEN_BATCH} rows { name: up to ${MAX_LOOKUP_QUERY_LENGTH} characters, country: up to ${MAX_SCREEN_COUNTRY_LENGTH} }`;
}
