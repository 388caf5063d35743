import { earliestDate } from './citations';
import type { Entry } from './list-model';

/**
 * One organisation is one entry: rows with the same id (same list, country and name, as when the
 * list prints an organisation once per address) are merged, keeping every alias, address and
 * citation once.
 */
export function mergeRepeatedRows(entries: readonly Entry[]): Entry[] {
  const byId = new Map<string, Entry>();
  for (const entry of entries) {
    const first = byId.get(entry.id);
    if (!first) {
      byId.set(entry.id, { ...entry });
      continue;
    }
    const union = <T>(a: T[], b: T[], key: (t: T) => string) => {
      const seen = new Set(a.map(key));
      return [...a, ...b.filter((t) => !seen.has(key(t)))];
    };
    first.aliases = union(first.aliases, entry.aliases, (x) => x);
    first.addresses = union(first.addresses, entry.addresses, (x) => x);
    first.citations = union(first.citations, entry.citations, (c) => `${c.volume}:${c.page}`);
    first.footnotes = union(first.footnotes, entry.footnotes, String).sort((a, b) => a - b);
    first.firstListed = earliestDate(first.citations);
    if (entry.notes && !first.notes.includes(entry.notes)) first.notes = `${first.notes} ${entry.notes}`.trim();
  }
  return [...byId.values()];
}
