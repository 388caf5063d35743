/**
 * Lookup quality on the real list: the generated query set (scripts/lookup-query-set.ts), the
 * hand-checked queries and the unlisted names (tests/fixtures/lookup-queries.ts). Shared by the
 * unit test, which keeps the figures from slipping, and the bench, which compares libraries.
 */
import type { Entry } from '../src/core/list-model';
import { HAND_CHECKED_QUERIES, UNLISTED_NAMES } from '../tests/fixtures/lookup-queries';
import { generateLookupQueries, type LookupQuery } from './lookup-query-set';

/** How many generated queries the set holds, beside the hand-checked ones. */
export const GENERATED_QUERIES = 400;

export interface LookupQuality {
  queries: number;
  top1: number;
  top5: number;
  /** Queries whose expected entry is not in the first five, with what came first. */
  misses: { query: LookupQuery; got: string[] }[];
  negatives: number;
  /** Unlisted names that found something. */
  falseHits: { name: string; got: string[] }[];
}

/** The whole query set: generated, then hand-checked (expected names resolved to every entry so named). */
export function lookupQuerySet(entries: readonly Entry[]): LookupQuery[] {
  const idsByName = new Map<string, string[]>();
  for (const e of entries) (idsByName.get(e.name) ?? idsByName.set(e.name, []).get(e.name)!).push(e.id);
  const handChecked = HAND_CHECKED_QUERIES.map(({ query, expected }): LookupQuery => {
    const ids = expected.flatMap((name) => {
      const found = idsByName.get(name);
      if (!found) throw new Error(`lookup-queries: no entry is listed as "${name}"`);
      return found;
    });
    return { query, rule: 'hand-checked', source: expected[0]!, expected: ids };
  });
  return [...generateLookupQueries(entries, GENERATED_QUERIES), ...handChecked];
}

/**
 * Runs every query through `search` (entry ids, best first) and scores the answers; `every`: only
 * every n-th query and unlisted name, for an implementation too slow to run them all.
 */
export function measureLookup(entries: readonly Entry[], search: (query: string) => string[], every = 1): LookupQuality {
  const queries = lookupQuerySet(entries).filter((_q, i) => i % every === 0);
  const unlisted = UNLISTED_NAMES.filter((_n, i) => i % every === 0);
  let top1 = 0;
  let top5 = 0;
  const misses: LookupQuality['misses'] = [];
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));
  for (const query of queries) {
    const got = search(query.query).slice(0, 5);
    if (got.length > 0 && query.expected.includes(got[0]!)) top1++;
    if (got.some((id) => query.expected.includes(id))) top5++;
    else misses.push({ query, got: got.map((id) => nameOf.get(id) ?? id) });
  }
  const falseHits = unlisted.map((name) => ({ name, got: search(name).map((id) => nameOf.get(id) ?? id) })).filter((h) => h.got.length > 0);
  return { queries: queries.length, top1: top1 / queries.length, top5: top5 / queries.length, misses, negatives: unlisted.length, falseHits };
}
