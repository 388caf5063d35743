/**
 * A list to screen, from a file or pasted text to rows of names: the bytes decoded (UTF-8, UTF-16
 * with a byte-order mark, else a legacy encoding the user can change), CSV/TSV/TXT parsed with
 * csv-parse and XLSX with read-excel-file, the header row and the name and country columns
 * guessed. Every problem is a TableError naming the row, for the screen page to say in words.
 */
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { countryCode } from './countries';
import { foldedWords } from './normalise';

// A global in browsers, workers and Node alike; core's tsconfig has no DOM lib to declare it.
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

/** Bigger files are refused before they are read. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** A list of more rows than this is refused: screened at once it would take minutes. */
export const MAX_ROWS = 50_000;
/** Longest cell kept: longer text is no name (the lookup reads 200 characters). */
const MAX_CELL_CHARS = 1_000;

/** Encodings the page offers for text that is not UTF-8. */
export const LEGACY_ENCODINGS = ['windows-1252', 'windows-1251', 'windows-1250', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'iso-8859-2'] as const;

export type TableProblem =
  | { kind: 'tooBig'; bytes: number; max: number }
  | { kind: 'tooManyRows'; rows: number; max: number }
  | { kind: 'malformedCsv'; row: number; line: number; detail: string }
  | { kind: 'malformedXlsx'; detail: string }
  | { kind: 'oldExcel' }
  | { kind: 'binary'; row: number }
  | { kind: 'empty' };

export class TableError extends Error {
  constructor(readonly problem: TableProblem) {
    super(`${problem.kind}: ${JSON.stringify(problem)}`);
    this.name = 'TableError';
  }
}

export interface Table {
  /** Cells of each row, as text. */
  cells: string[][];
  format: 'csv' | 'xlsx' | 'text';
  /** How the text was decoded, for a file; where `isGuess`, the text was not UTF-8. */
  encoding?: { name: string; isGuess: boolean };
  delimiter?: string;
}

export interface ColumnChoice {
  hasHeader: boolean;
  nameColumn: number;
  /** null: the list gives no country. */
  countryColumn: number | null;
}

/** One row to look up: its number in the file (1 = the first row), the name and the country as written. */
export interface ScreenRow {
  row: number;
  name: string;
  country: string;
}

/** Text from a file's bytes: by its byte-order mark, as UTF-8 if it is valid UTF-8, else as `fallback`. */
export function decodeText(bytes: Uint8Array, fallback: string = LEGACY_ENCODINGS[0]): { text: string; encoding: { name: string; isGuess: boolean } } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: { name: 'utf-8', isGuess: false } };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: { name: 'utf-16le', isGuess: false } };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: { name: 'utf-16be', isGuess: false } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: { name: 'utf-8', isGuess: false } };
  } catch {
    return { text: new TextDecoder(fallback).decode(bytes), encoding: { name: fallback, isGuess: true } };
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function checkRowCount(rows: number): void {
  if (rows > MAX_ROWS) throw new TableError({ kind: 'tooManyRows', rows, max: MAX_ROWS });
}

function cell(value: string): string {
  return value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
}

const DELIMITERS = ['\t', ';', ',', '|'] as const;

/**
 * The delimiter of delimited text, or null for one value a line: the one that appears, outside
 * quotes, the same number of times on most of the first lines.
 */
export function sniffDelimiter(text: string): string | null {
  const lines = text.split(/\r\n|\n|\r/, 200).filter((l) => l.trim() !== '').slice(0, 50);
  let best: { delimiter: string; score: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === delimiter && !quoted) n++;
      }
      return n;
    });
    const withIt = counts.filter((n) => n > 0);
    if (withIt.length === 0) continue;
    // The commonest count, and how many lines have it: a comma inside a name is not a delimiter.
    const tally = new Map<number, number>();
    for (const n of withIt) tally.set(n, (tally.get(n) ?? 0) + 1);
    const agreeing = Math.max(...tally.values());
    if (agreeing < lines.length * 0.6) continue;
    if (!best || agreeing > best.score) best = { delimiter, score: agreeing };
  }
  return best?.delimiter ?? null;
}

/** Rows of delimited text (CSV, TSV, a pasted column); `format` says what the text came as. */
export function parseDelimited(text: string, format: 'csv' | 'text' = 'csv'): Table {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const nul = body.indexOf('\u0000');
  if (nul >= 0) throw new TableError({ kind: 'binary', row: body.slice(0, nul).split(/\r\n|\n|\r/).length });
  const delimiter = sniffDelimiter(body);
  if (delimiter === null && format === 'text') {
    // One name a line, as written: a quote inside a pasted name is part of it.
    const lines = body.split(/\r\n|\n|\r/);
    if (lines.at(-1) === '') lines.pop();
    checkRowCount(lines.length);
    return { cells: lines.map((l) => [cell(l.trim().replace(/^"(.*)"$/, '$1'))]), format };
  }
  let records: string[][];
  try {
    records = parseCsv(body, { delimiter: delimiter ?? ',', relax_column_count: true, trim: true, skip_empty_lines: false, to: MAX_ROWS + 2 }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; records?: number; message?: string };
    if (!e.code) throw error;
    throw new TableError({ kind: 'malformedCsv', row: (e.records ?? 0) + 1, line: e.lines ?? 0, detail: e.message ?? e.code });
  }
  if (records.length > MAX_ROWS) checkRowCount(body.split(/\r\n|\n|\r/).length);
  return { cells: records.map((r) => r.map(cell)), format, ...(delimiter ? { delimiter } : {}) };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return cell(String(value).trim());
}

/** What a workbook may unpack to: a zip of 16 MB can hold gigabytes of XML. */
const MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024;

/**
 * The workbook's parts unpacked here and packed again without compression: read-excel-file hands
 * a compressed part over 512 KB to fflate's asynchronous inflate, which starts a worker from a
 * blob: URL; an extension page's content security policy forbids that, and in Firefox the read
 * then never ends. Stored parts need no inflating at all.
 */
function storedWorkbook(bytes: Uint8Array): ArrayBuffer {
  let unpacked = 0;
  const parts: Unzipped = unzipSync(bytes, {
    filter: (file) => {
      unpacked += file.originalSize;
      if (unpacked > MAX_XLSX_UNPACKED_BYTES) throw new Error(`the workbook unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB`);
      return true;
    },
  });
  const stored = zipSync(parts, { level: 0 });
  return stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer;
}

/** The first sheet of an XLSX workbook. */
export async function parseXlsx(bytes: Uint8Array): Promise<Table> {
  if (isOldExcel(bytes)) throw new TableError({ kind: 'oldExcel' });
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(storedWorkbook(bytes))) as unknown[][];
  } catch (error) {
    throw new TableError({ kind: 'malformedXlsx', detail: error instanceof Error ? error.message : String(error) });
  }
  checkRowCount(sheet.length);
  return { cells: sheet.map((row) => row.map(cellText)), format: 'xlsx' };
}

/** A file's rows, by its content first (a zip is XLSX, whatever its name) and then its name. */
export async function readTable(fileName: string, bytes: Uint8Array, encoding?: string): Promise<Table> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new TableError({ kind: 'tooBig', bytes: bytes.byteLength, max: MAX_FILE_BYTES });
  if (bytes.byteLength === 0) throw new TableError({ kind: 'empty' });
  if (isZip(bytes) || isOldExcel(bytes) || /\.xlsx?$/i.test(fileName)) return parseXlsx(bytes);
  const decoded = encoding ? { text: new TextDecoder(encoding).decode(bytes), encoding: { name: encoding, isGuess: false } } : decodeText(bytes);
  const table = parseDelimited(decoded.text, /\.(?:csv|tsv)$/i.test(fileName) ? 'csv' : 'text');
  return { ...table, encoding: decoded.encoding };
}

/** Headers of a name column, folded; the first ones are the surest. */
const NAME_HEADERS = /^(?:(?:company|legal|entity|party|counterparty|counter party|organisation|organization|supplier|vendor|customer|client|business|firm|account|beneficiary|consignee|end user|screened) ?(?:name|names)?|names?|full name)$/;
const COUNTRY_HEADERS = /^(?:country|countries|country code|country name|nation|nationality|jurisdiction|iso|iso code|country iso|iso country|land|pays|pais)$/;

const header = (value: string) => foldedWords(value).join(' ');

function isNamelike(value: string): boolean {
  return /\p{L}.*\p{L}/u.test(value) && countryCode(value) === null;
}

/** The header row, name column and country column a table most likely has. */
export function guessColumns(table: Table): ColumnChoice {
  const rows = table.cells.filter((r) => r.some((c) => c !== ''));
  const width = Math.max(1, ...rows.slice(0, 200).map((r) => r.length));
  const first = rows[0] ?? [];
  const headers = first.map(header);
  const namedAsName = headers.findIndex((h) => NAME_HEADERS.test(h));
  const namedAsCountry = headers.findIndex((h) => COUNTRY_HEADERS.test(h));
  const sample = rows.slice(1, 201);
  const countryShare = (column: number) => {
    const values = sample.map((r) => r[column] ?? '').filter(Boolean);
    return values.length === 0 ? 0 : values.filter((v) => countryCode(v) !== null).length / values.length;
  };
  let countryColumn: number | null = namedAsCountry >= 0 ? namedAsCountry : null;
  if (countryColumn === null && width > 1) {
    const shares = Array.from({ length: width }, (_, c) => countryShare(c));
    const best = shares.indexOf(Math.max(...shares));
    if (shares[best]! >= 0.6) countryColumn = best;
  }
  const firstIsCountry = countryColumn !== null && first[countryColumn] !== undefined && first[countryColumn] !== '' && countryCode(first[countryColumn]!) !== null;
  const hasHeader =
    namedAsName >= 0 ||
    namedAsCountry >= 0 ||
    (countryColumn !== null && (first[countryColumn] ?? '') !== '' && !firstIsCountry && namedAsCountry < 0 && sample.length > 0 && countryShare(countryColumn) >= 0.6);
  let nameColumn = namedAsName;
  if (nameColumn < 0) {
    const body = hasHeader ? sample : rows.slice(0, 200);
    let bestScore = -1;
    for (let c = 0; c < width; c++) {
      if (c === countryColumn) continue;
      const score = body.filter((r) => isNamelike(r[c] ?? '')).length;
      if (score > bestScore) {
        bestScore = score;
        nameColumn = c;
      }
    }
  }
  return { hasHeader, nameColumn: Math.max(0, nameColumn), countryColumn: countryColumn === nameColumn ? null : countryColumn };
}

/** How many columns the table has (by its first 200 rows). */
export function columnCount(table: Table): number {
  return Math.max(1, ...table.cells.slice(0, 200).map((r) => r.length));
}

/** The header row's index in the table: its first row that is not blank. */
export function headerIndex(table: Table): number {
  return Math.max(0, table.cells.findIndex((r) => r.some((c) => c.trim() !== '')));
}

/** The rows to look up, and how many rows had no name (blank, or only other cells filled). */
export function screenRowsOf(table: Table, choice: ColumnChoice): { rows: ScreenRow[]; emptyRows: number } {
  const rows: ScreenRow[] = [];
  let emptyRows = 0;
  const skip = choice.hasHeader ? headerIndex(table) : -1;
  table.cells.forEach((cells, i) => {
    if (i <= skip) return;
    const name = (cells[choice.nameColumn] ?? '').trim();
    if (!/[\p{L}\p{N}]/u.test(name)) {
      emptyRows++;
      return;
    }
    const country = choice.countryColumn === null ? '' : (cells[choice.countryColumn] ?? '').trim();
    rows.push({ row: i + 1, name, country });
  });
  return { rows, emptyRows };
}
