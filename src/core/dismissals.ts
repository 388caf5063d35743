/**
 * "Not this organisation": the user says a highlight on a site names someone else. Kept per site
 * and entry in storage.local, undoable from the options page. Parsed like settings: a corrupt
 * stored value loses only the bad records.
 */
export interface Dismissal {
  site: string;
  entryId: string;
  /** The listed name, so the options page can show what was dismissed. */
  name: string;
  /** ISO time of the dismissal. */
  at: string;
}

export const MAX_DISMISSALS = 5000;

export function parseDismissals(raw: unknown): Dismissal[] {
  if (!Array.isArray(raw)) return [];
  const out: Dismissal[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const d = item as Partial<Dismissal> | null;
    if (!d || typeof d.site !== 'string' || typeof d.entryId !== 'string' || !/^[a-z0-9.-]{1,253}$/.test(d.site) || !/^[a-z]+-[0-9a-z]{1,20}$/.test(d.entryId)) continue;
    const key = `${d.site}|${d.entryId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ site: d.site, entryId: d.entryId, name: typeof d.name === 'string' ? d.name.slice(0, 300) : '', at: typeof d.at === 'string' ? d.at : '' });
  }
  return out.slice(-MAX_DISMISSALS);
}

export function dismissedOn(dismissals: readonly Dismissal[], site: string): Set<string> {
  return new Set(dismissals.filter((d) => d.site === site).map((d) => d.entryId));
}
