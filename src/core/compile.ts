/**
 * Official text → bundle, the one way Listmark does it: `npm run data:build` calls this with the
 * files it read, and the background calls it with an update it downloaded, both with the lexicon
 * decoded from the same `lexicon.bin`. So the browser compiles exactly what the build does
 * (tests/unit/compile.test.ts compares the two byte for byte).
 */
import { makeBundle, type Bundle } from './bundle';
import type { Entry } from './list-model';
import type { Lexicon } from './lexicon';
import { parsePart744 } from './sources/ecfr';
import { buildVariants } from './variants';

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
  log?: (line: string) => void;
}

export function compileBundle({ xml, sourceName, location = sourceName, datasetDate, lexicon, csl = [], log = () => {} }: CompileInput): Bundle {
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
    sources.push(`Consolidated Screening List (${file.sourceName})`);
  }
  for (const rule of part744.affiliatesRules) {
    log(`affiliates rule for ${rule.list}: ${rule.section}${rule.stay ? `, stayed until ${rule.stay.until ?? 'no end given'} by ${rule.stay.citation}` : ''}`);
  }
  const variants = buildVariants(entries, lexicon);
  const kinds: Record<string, number> = {};
  for (const v of variants) kinds[v.kind] = (kinds[v.kind] ?? 0) + 1;
  log(`names compiled: ${variants.length} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  const date = typeof datasetDate === 'function' ? datasetDate() : datasetDate;
  return makeBundle(entries, part744.footnotes, variants, {
    datasetDate: date,
    sources,
    namePrefixVetoes: lexicon.namePrefixVetoes(),
    affiliatesRules: part744.affiliatesRules,
  });
}
