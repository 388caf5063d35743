/**
 * What changed between two versions of the data: entries added, removed and changed, matched by
 * their stable id (list, country, listed name), each with the Federal Register citations a reader
 * can check. A renamed entry is one removed and one added: the listing under the old name is gone.
 */
import type { Citation, Entry, ListId } from './list-model';

export interface ChangedEntry {
  id: string;
  list: ListId;
  country: string;
  name: string;
  /**
   * An added entry's citations; a changed entry's new citations (the rule that changed it), or all
   * of them when none is new; a removed entry's last citations.
   */
  citations: Citation[];
  /** For a changed entry, which parts changed (see CHANGE_PARTS); empty otherwise. */
  parts: ChangePart[];
}

export const CHANGE_PARTS = ['aliases', 'addresses', 'licenseRequirement', 'licenseReviewPolicy', 'citations', 'footnotes', 'notes'] as const;
export type ChangePart = (typeof CHANGE_PARTS)[number];

export interface DatasetDiff {
  /** Dataset dates of the two versions compared (YYYY-MM-DD). */
  fromDate: string;
  toDate: string;
  added: ChangedEntry[];
  removed: ChangedEntry[];
  changed: ChangedEntry[];
}

function summary(entry: Entry, parts: ChangePart[] = []): ChangedEntry {
  return { id: entry.id, list: entry.list, country: entry.country, name: entry.name, citations: entry.citations, parts };
}

const byListThenName = (a: ChangedEntry, b: ChangedEntry) => a.list.localeCompare(b.list) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export function diffEntries(previous: readonly Entry[], next: readonly Entry[], dates: { fromDate: string; toDate: string }): DatasetDiff {
  const before = new Map(previous.map((e) => [e.id, e]));
  const after = new Map(next.map((e) => [e.id, e]));
  const added: ChangedEntry[] = [];
  const changed: ChangedEntry[] = [];
  for (const entry of next) {
    const old = before.get(entry.id);
    if (!old) {
      added.push(summary(entry));
      continue;
    }
    const parts = CHANGE_PARTS.filter((part) => JSON.stringify(old[part]) !== JSON.stringify(entry[part]));
    if (parts.length === 0) continue;
    const known = new Set(old.citations.map((c) => c.text));
    const fresh = entry.citations.filter((c) => !known.has(c.text));
    changed.push({ ...summary(entry, parts), citations: fresh.length > 0 ? fresh : entry.citations });
  }
  const removed = previous.filter((e) => !after.has(e.id)).map((e) => summary(e));
  return { ...dates, added: added.sort(byListThenName), removed: removed.sort(byListThenName), changed: changed.sort(byListThenName) };
}
