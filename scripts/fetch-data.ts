/**
 * Downloads the current official source for users with internet:
 *   npm run data:fetch [-- --date YYYY-MM-DD] [--csl] [--out DIR]
 * Part 744 comes from the eCFR versioner API; with --csl, trade.gov's Consolidated Screening
 * List CSV too. Each download is checked (content type, size cap, a full parse) before it is
 * renamed into place, so a bad or truncated response never replaces a good file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePart744 } from '../src/core/sources/ecfr';
import { loadLexicon } from './lexicon';

export const ECFR_API = 'https://www.ecfr.gov/api/versioner/v1';
export const CSL_URL = 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv';
const MAX_BYTES = 64 * 1024 * 1024;

export interface FetchOptions {
  ecfrApi?: string;
  cslUrl?: string;
  date?: string;
  outDir: string;
  csl?: boolean;
  timeoutMs?: number;
}

async function download(url: string, accept: RegExp, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  const type = response.headers.get('content-type') ?? '';
  if (!accept.test(type)) throw new Error(`${url}: unexpected content type "${type}"`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw new Error(`${url}: response of ${declared} bytes is larger than the ${MAX_BYTES}-byte limit`);
  const reader = response.body?.getReader();
  if (!reader) throw new Error(`${url}: empty response`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_BYTES) {
      await reader.cancel();
      throw new Error(`${url}: response larger than the ${MAX_BYTES}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The date the eCFR says title 15 is up to date as of. */
async function latestDate(api: string, timeoutMs: number): Promise<string> {
  const titles = JSON.parse(await download(`${api}/titles.json`, /json/, timeoutMs)) as {
    titles?: { number: number; up_to_date_as_of?: string }[];
  };
  const date = titles.titles?.find((t) => t.number === 15)?.up_to_date_as_of;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${api}/titles.json: no up_to_date_as_of date for title 15`);
  return date;
}

function writeAtomically(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

export async function fetchSources(options: FetchOptions): Promise<string[]> {
  const api = options.ecfrApi ?? ECFR_API;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const date = options.date ?? (await latestDate(api, timeoutMs));
  const url = `${api}/full/${date}/title-15.xml?part=744`;
  const xml = await download(url, /xml/, timeoutMs);
  const file = join(options.outDir, `ecfr-title-15-part-744-${date}.xml`);
  // A full parse before the file is kept: a truncated or changed document is refused here.
  const parsed = parsePart744(xml, url, loadLexicon());
  writeAtomically(file, xml);
  const written = [file];
  console.log(`${file}: ${parsed.entries.length} entries`);
  if (options.csl) {
    const csv = await download(options.cslUrl ?? CSL_URL, /csv|text\/plain|octet-stream/, timeoutMs);
    if (!csv.startsWith('_id,') && !csv.includes('source,') ) throw new Error(`${options.cslUrl ?? CSL_URL}: not a Consolidated Screening List CSV`);
    const cslFile = join(options.outDir, `consolidated-screening-list-${date}.csv`);
    writeAtomically(cslFile, csv);
    written.push(cslFile);
  }
  return written;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { date: { type: 'string' }, csl: { type: 'boolean', default: false }, out: { type: 'string', default: 'build/sources' } },
  });
  try {
    const files = await fetchSources({ date: values.date, csl: values.csl, outDir: resolve(values.out!) });
    console.log(`Now build with: LISTMARK_SOURCE=${files[0]} npm run build`);
  } catch (error) {
    console.error(`data:fetch failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Nothing was replaced.');
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
