/**
 * Reads trade.gov's Consolidated Screening List (official CSV and JSON formats) into the same
 * entry model as the eCFR parser. Each CSL source maps to a Listmark list; sources without a
 * list of their own become `other-csl`, keeping their source name in the notes.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { earliestDate, parseCitations } from '../citations';
import { entryId } from '../entry-id';
import type { Entry, ListId } from '../list-model';
import { mergeRepeatedRows } from '../merge-entries';
import { normaliseName } from '../normalise';
import { SourceError } from './source-error';

export const CSL_REQUIRED_COLUMNS = ['_id', 'source', 'name', 'addresses', 'federal_register_notice', 'alt_names'];

const SOURCE_LISTS: [RegExp, ListId][] = [
  [/\bEntity List\b/i, 'entity-list'],
  [/\bMilitary End User\b|\(MEU\)/i, 'meu-list'],
  [/\bUnverified List\b/i, 'unverified-list'],
  [/\bSpecially Designated Nationals\b|\(SDN\)/i, 'sdn-list'],
  [/\bDenied Persons\b|\(DPL\)/i, 'denied-persons-list'],
  [/\bNonproliferation Sanctions\b|\(ISN\)/i, 'nonproliferation-sanctions'],
  [/\bITAR Debarred\b|\(DTC\)/i, 'debarred-parties'],
];

export function listOfSource(source: string): ListId {
  return SOURCE_LISTS.find(([pattern]) => pattern.test(source))?.[1] ?? 'other-csl';
}

type CslValue = string | string[] | { address?: string; city?: string; state?: string; postal_code?: string; country?: string }[] | null | undefined;
type CslRow = Record<string, CslValue>;

function splitList(value: CslValue): string[] {
  if (Array.isArray(value)) {
    return value
      .map((v) => (typeof v === 'string' ? v : [v.address, v.city, v.state, v.postal_code, v.country].filter(Boolean).join(', ')))
      .map((v) => v.replace(/^\s*and\s+/i, '').trim())
      .filter(Boolean);
  }
  return (value ?? '')
    .split(/;\s*(?:and\s+)?/)
    .map((v) => v.trim())
    .filter(Boolean);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The country of the first address that ends in an ISO code (`…, Moscow, 115035, RU`). */
function countryOf(addresses: string[]): string {
  for (const address of addresses) {
    const code = /(?:^|,\s*)([A-Z]{2})$/.exec(address)?.[1];
    if (code) {
      try {
        return regionNames.of(code) ?? code;
      } catch {
        return code;
      }
    }
  }
  return '';
}

function toEntry(row: CslRow, where: string, file: string): Entry | null {
  const source = typeof row.source === 'string' ? row.source.trim() : '';
  const rawName = typeof row.name === 'string' ? row.name : '';
  // "Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof"
  const name = rawName.replace(/;\s*and any successor.*$/i, '').replace(/\s+/g, ' ').trim();
  if (!source) throw new SourceError(file, where, 'row without a source list');
  if (!name) throw new SourceError(file, where, `entry with an empty name (source ${source})`);
  const list = listOfSource(source);
  const addresses = splitList(row.addresses);
  const country = countryOf(addresses);
  const citationsText = Array.isArray(row.federal_register_notice)
    ? row.federal_register_notice.join('; ')
    : (row.federal_register_notice ?? '');
  const citations = parseCitations(String(citationsText));
  const str = (v: CslValue) => (typeof v === 'string' ? v.trim() : '');
  const notes = [list === 'other-csl' ? source : '', str(row.programs) && `Programs: ${str(row.programs)}.`, str(row.remarks)]
    .filter(Boolean)
    .join(' ');
  return {
    id: entryId(list, country, name),
    list,
    source: 'csl',
    country,
    name,
    aliases: splitList(row.alt_names).filter((a) => a !== name),
    addresses,
    licenseRequirement: str(row.license_requirement),
    licenseReviewPolicy: str(row.license_policy),
    citations,
    firstListed: earliestDate(citations) ?? (/^\d{4}-\d{2}-\d{2}$/.test(str(row.start_date)) ? str(row.start_date) : null),
    footnotes: [],
    notes,
  };
}

function parseRows(text: string, file: string): CslRow[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new SourceError(file, 'JSON', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const rows = Array.isArray(json) ? json : (json as { results?: unknown }).results;
    if (!Array.isArray(rows)) throw new SourceError(file, 'JSON', 'expected an array of entries or { "results": [...] }');
    return rows as CslRow[];
  }
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new SourceError(file, 'CSV', error instanceof Error ? error.message : String(error));
  }
  const [header, ...body] = records;
  if (!header) throw new SourceError(file, 'CSV', 'empty file');
  const missing = CSL_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new SourceError(file, 'CSV header', `missing required column(s): ${missing.join(', ')}`);
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

/**
 * Entries from a CSL file. Entries already present in `authoritative` (the eCFR entries for the
 * same list, matched on listed name or alias) are left out: the eCFR entry wins.
 */
export function parseCsl(text: string, file: string, authoritative: readonly Entry[] = []): { entries: Entry[]; skipped: number } {
  const known = new Set<string>();
  for (const e of authoritative) for (const n of [e.name, ...e.aliases]) known.add(`${e.list}|${normaliseName(n)}`);
  const rows = parseRows(text, file);
  const entries: Entry[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    const entry = toEntry(row, `entry ${i + 1}`, file);
    if (!entry) return;
    if (known.has(`${entry.list}|${normaliseName(entry.name)}`)) {
      skipped++;
      return;
    }
    entries.push(entry);
  });
  return { entries: mergeRepeatedRows(entries), skipped };
}
