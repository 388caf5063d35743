/**
 * Entries an update took off a list, kept as records so that a page naming one can say so, muted
 * ("Removed from the Entity List on DATE (citation)"), when the user asks for that. Records are
 * whole entries (names and aliases: the same name rules match them) with the day of the first
 * text that no longer lists them and, where the update can tell, the rule that removed them.
 */
import type { Citation, Entry, ListId } from './list-model';

export interface RemovedEntry extends Entry {
  /** The date of the first text (or download) that no longer lists the entry. */
  removedOn: string;
  /** The Federal Register rule that removed it, when the update can tell which (see removalCitation). */
  removedBy: Citation | null;
}

/**
 * The rule that removed entries from `list` between two texts, or null when the texts cannot
 * tell. The removed rows are gone from the new text, so the rule is found by elimination: only
 * when the update spans one amendment of the text (`amendments`, from the versions list) and the
 * new text cites exactly one rule that the old one did not, on that list, is that rule named. A
 * rule that only removes leaves no new citation, and two rules in one update cannot be told
 * apart: then the card gives the date alone, never a guess.
 */
export function removalCitation(previous: readonly Entry[], next: readonly Entry[], list: ListId, amendments: number): Citation | null {
  if (amendments !== 1) return null;
  const known = new Set(previous.filter((e) => e.list === list).flatMap((e) => e.citations.map((c) => `${c.volume}:${c.page}`)));
  const fresh = new Map<string, Citation>();
  for (const e of next) {
    if (e.list !== list) continue;
    for (const c of e.citations) {
      const key = `${c.volume}:${c.page}`;
      if (!known.has(key)) fresh.set(key, c);
    }
  }
  return fresh.size === 1 ? [...fresh.values()][0]! : null;
}

/**
 * The records after an update: those kept from before, less any entry listed again, then the
 * entries this update removed. `previous` and `next` are the entries of the sources this update
 * read anew; an entry of a source it did not read (the CSL turned off) is not "removed".
 */
export function updateRemovedRecords(
  records: readonly RemovedEntry[],
  previous: readonly Entry[],
  next: readonly Entry[],
  removedOn: string,
  citationOf: (list: ListId) => Citation | null,
): RemovedEntry[] {
  const nextIds = new Set(next.map((e) => e.id));
  const removedNow = previous.filter((e) => !nextIds.has(e.id));
  const nowIds = new Set(removedNow.map((e) => e.id));
  return [
    ...records.filter((r) => !nextIds.has(r.id) && !nowIds.has(r.id)),
    ...removedNow.map((e) => ({ ...e, removedOn, removedBy: citationOf(e.list) })),
  ];
}

/** A stored value read back: records from before they held whole entries are dropped. */
export function parseRemovedRecords(stored: unknown): RemovedEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (r): r is RemovedEntry =>
      typeof r === 'object' && r !== null && typeof (r as RemovedEntry).id === 'string' && Array.isArray((r as RemovedEntry).aliases) && typeof (r as RemovedEntry).removedOn === 'string',
  );
}
