/**
 * trade.gov's Consolidated Screening List as the build reads it: the official CSV (with csv-parse,
 * which needs Node's Buffer) or JSON. The rows become entries in ./csl-rows, which the background
 * uses alone for the JSON download.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Entry } from '../list-model';
import { cslEntries, cslJsonRows, type CslReadOptions, type CslRow } from './csl-rows';
import { SourceError } from './source-error';

export { listOfSource } from './csl-rows';

export const CSL_REQUIRED_COLUMNS = ['_id', 'source', 'name', 'addresses', 'federal_register_notice', 'alt_names'];

function csvRows(text: string, file: string): CslRow[] {
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

/** Entries from a CSL file, CSV or JSON (see cslEntries: the eCFR entries in `authoritative` win). */
export function parseCsl(text: string, file: string, authoritative: readonly Entry[] = [], options: CslReadOptions = {}): { entries: Entry[]; skipped: number } {
  const trimmed = text.trimStart();
  const rows = trimmed.startsWith('{') || trimmed.startsWith('[') ? cslJsonRows(trimmed, file) : csvRows(text, file);
  return cslEntries(rows, file, authoritative, options);
}
