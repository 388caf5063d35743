/**
 * The bundle the build writes: `details.json` (every entry in full, read by the background and
 * fetched by id) and `matcher.json` (names only, loaded once by the background, which matches the
 * text of every tab). Validated before it is written, so a bad source never becomes a bundle.
 */
import type { AffiliatesRule } from './affiliates-rule';
import type { Entry, Footnote } from './list-model';
import { encodeMatcherData, type MatcherData } from './matcher';
import type { Variant } from './variants';

export interface DetailsBundle {
  format: 'listmark-details/1';
  /** Date of the official text the bundle was built from (YYYY-MM-DD). */
  datasetDate: string;
  /** Where the data came from, for the UI. */
  sources: string[];
  /** The day trade.gov's Consolidated Screening List was downloaded, when the data holds its lists. */
  cslDate?: string;
  entries: Entry[];
  footnotes: Footnote[];
  /** The Affiliates rule per list and any stay of it, as the source text states them. */
  affiliatesRules: AffiliatesRule[];
}

export interface Bundle {
  details: DetailsBundle;
  matcher: MatcherData;
}

/** Problems that must stop a build; empty when the bundle is sound. */
export function validateEntries(entries: readonly Entry[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Entry>();
  for (const e of entries) {
    if (!e.name.trim()) problems.push(`entry ${e.id} (${e.list}, ${e.country}) has an empty name`);
    const other = seen.get(e.id);
    if (other) problems.push(`duplicate id ${e.id}: "${other.name}" and "${e.name}"`);
    seen.set(e.id, e);
    for (const c of e.citations) {
      if (!(c.volume > 0 && c.page > 0)) problems.push(`entry ${e.id} ("${e.name}") has a malformed citation "${c.text}"`);
    }
  }
  return problems;
}

export function makeBundle(
  entries: Entry[],
  footnotes: Footnote[],
  variants: readonly Variant[],
  meta: { datasetDate: string; sources: string[]; cslDate?: string; namePrefixVetoes?: readonly string[]; affiliatesRules?: AffiliatesRule[] },
): Bundle {
  const problems = validateEntries(entries);
  if (problems.length > 0) throw new Error(`Invalid bundle:\n  ${problems.slice(0, 20).join('\n  ')}`);
  return {
    details: {
      format: 'listmark-details/1',
      datasetDate: meta.datasetDate,
      sources: meta.sources,
      ...(meta.cslDate ? { cslDate: meta.cslDate } : {}),
      entries,
      footnotes,
      affiliatesRules: meta.affiliatesRules ?? [],
    },
    matcher: encodeMatcherData(variants, entries, meta.namePrefixVetoes),
  };
}

export function parseDetailsBundle(raw: unknown): DetailsBundle {
  const value = raw as Partial<DetailsBundle> | null;
  if (!value || value.format !== 'listmark-details/1' || !Array.isArray(value.entries)) {
    throw new Error('details.json is not a Listmark details bundle (format listmark-details/1)');
  }
  // A bundle from before the Affiliates rule was read states none: the card then says nothing of it.
  return { ...(value as DetailsBundle), affiliatesRules: Array.isArray(value.affiliatesRules) ? value.affiliatesRules : [] };
}
