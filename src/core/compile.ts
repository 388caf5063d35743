/**
 * Official text → bundle, the one way Listmark does it: `npm run data:build` calls this with the
 * files it read, and the background calls it with an update it downloaded, both with the lexicon
 * decoded from the same `lexicon.bin`. So the browser compiles exactly what the build does
 * (tests/unit/compile.test.ts compares the two byte for byte).
 */
import type { AffiliatesRule } from './affiliates-rule';
import { makeBundle, type Bundle, type DetailsBundle } from './bundle';
import type { Entry, Footnote } from './list-model';
import type { Lexicon } from './lexicon';
import { encodeMatcherData, type MatcherData } from './matcher';
import { parsePart744 } from './sources/ecfr';
import { buildVariants } from './variants';

/** How the bundle's sources name a CSL file: what recompileWithCsl replaces. */
const CSL_SOURCE_PREFIX = 'Consolidated Screening List ';

export interface CompileInput {
  /** The eCFR XML of Part 744. */
  xml: string;
  /** The XML's name in the bundle's sources, e.g. `ecfr-title-15-part-744-2026-07-23.xml`. */
  sourceName: string;
  /** Where the XML came from, for error messages (a path or a URL); the source name by default. */
  location?: string;
  /** The text's date (YYYY-MM-DD); a function is asked only once the text has parsed, so a broken text is reported first. */
  datasetDate: string | (() => string);
  lexicon: Lexicon;
  /**
   * trade.gov Consolidated Screening List files, added after the eCFR entries: each parses itself
   * (sources/csl's parseCsl) given the eCFR entries, which win where both list an organisation.
   * Passed in rather than imported, so the background does not carry the CSV parser (csv-parse
   * needs Node's Buffer) until it compiles CSL data.
   */
  csl?: { sourceName: string; parse: (authoritative: readonly Entry[]) => { entries: Entry[]; skipped: number } }[];
  /** The day the CSL files were downloaded, for the lists they add (the browser's CSL update). */
  cslDate?: string;
  log?: (line: string) => void;
}

export function compileBundle({ xml, sourceName, location = sourceName, datasetDate, lexicon, csl = [], cslDate, log = () => {} }: CompileInput): Bundle {
  const part744 = parsePart744(xml, location, lexicon);
  for (const [list, perCountry] of Object.entries(part744.counts)) {
    const total = Object.values(perCountry).reduce((a, b) => a + b, 0);
    const top = Object.entries(perCountry)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([c, n]) => `${c} ${n}`);
    log(`${list}: ${total} entries in ${top.length} countries (${top.slice(0, 6).join(', ')}${top.length > 6 ? ', …' : ''})`);
  }
  const entries: Entry[] = [...part744.entries];
  const sources = [`eCFR 15 CFR Part 744, Supplements No. 4, 6 and 7 (${sourceName})`];
  for (const file of csl) {
    // The eCFR entry wins where both sources list the same organisation.
    const parsed = file.parse(part744.entries);
    const known = new Set(entries.map((e) => e.id));
    const added = parsed.entries.filter((e) => !known.has(e.id));
    entries.push(...added);
    const perList: Record<string, number> = {};
    for (const e of added) perList[e.list] = (perList[e.list] ?? 0) + 1;
    log(
      `${file.sourceName}: ${added.length} entries added (${Object.entries(perList).map(([l, n]) => `${l} ${n}`).join(', ')}), ${parsed.skipped + parsed.entries.length - added.length} already in the eCFR text`,
    );
    sources.push(`${CSL_SOURCE_PREFIX}(${file.sourceName})`);
  }
  const date = typeof datasetDate === 'function' ? datasetDate() : datasetDate;
  return compileEntries({ entries, footnotes: part744.footnotes, affiliatesRules: part744.affiliatesRules, sources, datasetDate: date, ...(cslDate ? { cslDate } : {}), lexicon, log });
}

export interface EntriesInput {
  entries: Entry[];
  footnotes: Footnote[];
  affiliatesRules: AffiliatesRule[];
  sources: string[];
  datasetDate: string;
  /** The day the CSL entries among `entries` were downloaded, if any. */
  cslDate?: string;
  lexicon: Lexicon;
  log?: (line: string) => void;
}

/** Parsed entries → bundle: the name rules, the same for every source. */
export function compileEntries({ entries, footnotes, affiliatesRules, sources, datasetDate, cslDate, lexicon, log = () => {} }: EntriesInput): Bundle {
  for (const rule of affiliatesRules) {
    log(`affiliates rule for ${rule.list}: ${rule.section}${rule.stay ? `, stayed until ${rule.stay.until ?? 'no end given'} by ${rule.stay.citation}` : ''}`);
  }
  const variants = buildVariants(entries, lexicon);
  const kinds: Record<string, number> = {};
  for (const v of variants) kinds[v.kind] = (kinds[v.kind] ?? 0) + 1;
  log(`names compiled: ${variants.length} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  return makeBundle(entries, footnotes, variants, {
    datasetDate,
    sources,
    ...(cslDate ? { cslDate } : {}),
    namePrefixVetoes: lexicon.namePrefixVetoes(),
    affiliatesRules,
  });
}

/** Only the names of some entries (removed ones: see core/removed), as matcher.json holds them. */
export function compileNames(entries: readonly Entry[], lexicon: Lexicon): MatcherData {
  return encodeMatcherData(buildVariants(entries, lexicon), entries, lexicon.namePrefixVetoes());
}

/** How the browser names a CSL download among the bundle's sources. */
export const cslSourceName = (date: string) => `trade.gov consolidated.json of ${date}`;

/**
 * The eCFR part of `base` (a bundle compiled from the eCFR text, with or without CSL entries) with
 * `csl`'s entries in place of any it had: what the browser compiles when the CSL download changes
 * or is turned off. The eCFR entries are those the text parsed to, so with `csl` null this gives
 * back what compileBundle gave for the text (tests/unit/compile.test.ts).
 */
export function recompileWithCsl(base: DetailsBundle, csl: { entries: readonly Entry[]; date: string } | null, lexicon: Lexicon): Bundle {
  const ecfr = base.entries.filter((e) => e.source === 'ecfr');
  const known = new Set(ecfr.map((e) => e.id));
  const added = csl ? csl.entries.filter((e) => !known.has(e.id)) : [];
  const sources = base.sources.filter((s) => !s.startsWith(CSL_SOURCE_PREFIX));
  return compileEntries({
    entries: [...ecfr, ...added],
    footnotes: base.footnotes,
    affiliatesRules: base.affiliatesRules,
    sources: csl ? [...sources, `${CSL_SOURCE_PREFIX}(${cslSourceName(csl.date)})`] : sources,
    datasetDate: base.datasetDate,
    ...(csl ? { cslDate: csl.date } : {}),
    lexicon,
  });
}
