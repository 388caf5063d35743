/**
 * Reads rows of trade.gov's Consolidated Screening List (its JSON download, or CSV rows read by
 * ./csl) into the same entry model as the eCFR parser. Each CSL source maps to a Listmark list;
 * sources without a list of their own become `other-csl`, keeping their source name in the notes.
 * No CSV parser and no Node API here: the background imports this to read `consolidated.json`.
 */
import { earliestDate, parseCitations } from '../citations';
import { entryId } from '../entry-id';
import type { Entry, ListId } from '../list-model';
import { mergeRepeatedRows } from '../merge-entries';
import { normaliseName } from '../normalise';
import { SourceError } from './source-error';

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
export type CslRow = Record<string, CslValue>;

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

/** The rows of the JSON download (`{ "results": [...] }`, or a bare array). */
export function cslJsonRows(text: string, file: string): CslRow[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SourceError(file, 'JSON', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rows = Array.isArray(json) ? json : (json as { results?: unknown } | null)?.results;
  if (!Array.isArray(rows)) throw new SourceError(file, 'JSON', 'expected an array of entries or { "results": [...] }');
  return rows as CslRow[];
}

/**
 * Words that make a name an organisation's. Rows typed "Entity" are organisations and rows typed
 * "Individual", "Vessel" or "Aircraft" are not; the State and BIS lists type no row, so there a
 * name counts as an organisation's only with one of these words (a person's name has none): a
 * person left out is a miss, a person flagged as a company would be a false flag.
 */
const ORGANISATION_WORDS =
  /\b(?:co|corp|corporation|company|companies|inc|incorporated|ltd|limited|llc|l\.l\.c|plc|gmbh|ag|sa|s\.a|srl|bv|b\.v|nv|jsc|pjsc|ojsc|cjsc|ooo|oao|zao|fze|fzco|fzc|fzllc|llp|lp|pte|pty|sdn|bhd|kg|ab|as|oy|spa|sarl|group|holding|holdings|industries|industry|industrial|enterprise|enterprises|trading|trade|import|export|international|technology|technologies|tech|electronics|engineering|systems|services|bank|institute|university|academy|center|centre|laboratory|laboratories|factory|works|plant|bureau|ministry|organization|organisation|agency|association|foundation|society|council|committee|army|corps|guard|force|forces|command|department|office|authority)\b/i;

export function isOrganisationRow(row: CslRow): boolean {
  const type = typeof row.type === 'string' ? row.type.trim().toLowerCase() : '';
  if (type) return type === 'entity';
  return typeof row.name === 'string' && ORGANISATION_WORDS.test(row.name.replace(/;\s*and any successor.*$/i, ''));
}

export interface CslReadOptions {
  /** Keep organisations only (see isOrganisationRow): what the browser's CSL update takes. */
  organisationsOnly?: boolean;
  /** Lists whose CSL rows are left out whole, because another source is authoritative for them. */
  leaveOut?: readonly ListId[];
}

/**
 * Entries from CSL rows. Entries already present in `authoritative` (the eCFR entries for the
 * same list, matched on listed name or alias) are left out: the eCFR entry wins.
 */
export function cslEntries(
  rows: readonly CslRow[],
  file: string,
  authoritative: readonly Entry[] = [],
  { organisationsOnly = false, leaveOut = [] }: CslReadOptions = {},
): { entries: Entry[]; skipped: number } {
  const known = new Set<string>();
  for (const e of authoritative) for (const n of [e.name, ...e.aliases]) known.add(`${e.list}|${normaliseName(n)}`);
  const entries: Entry[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    if (organisationsOnly && !isOrganisationRow(row)) return;
    const entry = toEntry(row, `entry ${i + 1}`, file);
    if (!entry) return;
    if (leaveOut.includes(entry.list) || known.has(`${entry.list}|${normaliseName(entry.name)}`)) {
      skipped++;
      return;
    }
    entries.push(entry);
  });
  return { entries: mergeRepeatedRows(entries), skipped };
}
