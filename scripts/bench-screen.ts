/**
 * Screening a list of 10,000 counterparties (scripts/screen-rows.ts: listed names as people write
 * them and company names nobody listed), written as CSV and as XLSX:
 *   npm run bench:screen            (builds the extension first)
 *   LISTMARK_BENCH_BROWSERS=chromium npm run bench:screen
 * In Node: building the lookup index, reading each file, screening every row in the batches the
 * page sends, and how many listed rows were found. In the built extension, in real Chromium and
 * Firefox: the page's own measure from the file chosen to the table shown (the background's index
 * already built, as the page asks for it when it opens; and once with a fresh background), the
 * longest the page went without running a timer while it screened, and one message's round trip.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import type { DetailsBundle } from '../src/core/bundle';
import { buildLookupIndex, compiledNamesOf } from '../src/core/lookup';
import { Matcher, type MatcherData } from '../src/core/matcher';
import { screenNames, type ScreenMatch } from '../src/core/screen';
import { guessColumns, readTable, screenRowsOf } from '../src/core/screen-table';
import { ChromiumDriver, FirefoxDriver, type Driver, type TestPage } from '../tests/e2e/drivers';
import { generateScreenRows } from './screen-rows';

const ROWS = 10_000;
const BATCH = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const details = JSON.parse(readFileSync('build/data/details.json', 'utf8')) as DetailsBundle;
const matcher = new Matcher(JSON.parse(readFileSync('build/data/matcher.json', 'utf8')) as MatcherData);
const entries = details.entries;
const rows = generateScreenRows(entries, ROWS);
const listed = rows.filter((r) => r.expected.length > 0);
const dir = mkdtempSync(join(tmpdir(), 'listmark-bench-screen-'));
const csvPath = join(dir, 'counterparties.csv');
const xlsxPath = join(dir, 'counterparties.xlsx');
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
writeFileSync(csvPath, [['Counterparty', 'Country'], ...rows.map((r) => [r.name, r.country])].map((r) => r.map(quote).join(',')).join('\r\n'));
await writeXlsxFile([['Counterparty', 'Country'], ...rows.map((r) => [r.name, r.country])].map((r) => r.map((value) => (value ? { value } : null)))).toFile(xlsxPath);

const ms = (from: number) => performance.now() - from;
const fmt = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
/** Wall and CPU time of some work: the machine is shared, and CPU time is what the work itself took. */
async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; text: string; wall: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wall = ms(started);
  const used = process.cpuUsage(cpu);
  return { value, wall, text: `${fmt(wall)} (CPU ${fmt((used.user + used.system) / 1000)})` };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`${ROWS.toLocaleString('en')} rows: ${listed.length.toLocaleString('en')} made from listed names, ${(ROWS - listed.length).toLocaleString('en')} unlisted (faker, ten locales)`);
console.log(`files: CSV ${(readFileSync(csvPath).length / 1024).toFixed(0)} KB, XLSX ${(readFileSync(xlsxPath).length / 1024).toFixed(0)} KB`);

// ---- Node -------------------------------------------------------------------------------------
const built = await timed(() => buildLookupIndex(entries, compiledNamesOf(matcher, entries)));
const index = built.value;
const read: Record<string, string> = {};
for (const [name, path] of [
  ['CSV', csvPath],
  ['XLSX', xlsxPath],
] as const) {
  const bytes = new Uint8Array(readFileSync(path));
  // Twice: the first read pays for compiling the parser.
  for (const pass of ['first', 'second']) {
    const { value: got, text } = await timed(async () => {
      const table = await readTable(path, bytes);
      return screenRowsOf(table, guessColumns(table)).rows.length;
    });
    if (got !== ROWS) throw new Error(`${name}: read ${got} rows, not ${ROWS}`);
    read[`${name} (${pass})`] = text;
  }
}
const matches: ScreenMatch[][] = [];
let slowestBatch = 0;
const screened = await timed(() => {
  for (let from = 0; from < ROWS; from += BATCH) {
    const batchStarted = performance.now();
    matches.push(...screenNames(index, rows.slice(from, from + BATCH)));
    slowestBatch = Math.max(slowestBatch, ms(batchStarted));
  }
});
const found = rows.filter((r, i) => r.expected.length > 0 && matches[i]!.some((m) => r.expected.includes(m.entryId))).length;
const foundFirst = rows.filter((r, i) => r.expected.length > 0 && r.expected.includes(matches[i]![0]?.entryId ?? '')).length;
const unlistedWithMatch = rows.filter((r, i) => r.expected.length === 0 && matches[i]!.length > 0);
console.log('\nNode (one run, fresh index):');
console.log(`  build the lookup index ${built.text}`);
for (const [what, text] of Object.entries(read)) console.log(`  read ${what}, header and columns guessed: ${text}`);
console.log(`  screen ${ROWS.toLocaleString('en')} rows ${screened.text}: ${((screened.wall / ROWS) * 1000).toFixed(0)} µs a row; slowest batch of ${BATCH} ${fmt(slowestBatch)}`);
console.log(`  listed rows found: ${found} of ${listed.length} in the best three (${((found / listed.length) * 100).toFixed(1)}%), ${foundFirst} first`);
console.log(`  unlisted rows with a possible match: ${unlistedWithMatch.length} of ${ROWS - listed.length}`);
for (const r of unlistedWithMatch.slice(0, 5)) console.log(`    “${r.name}” → ${matches[rows.indexOf(r)]![0]!.listedName}`);

// ---- Browsers ---------------------------------------------------------------------------------
/** Runs in the screen page: records the gaps between timer ticks until the table is shown, or for `forMs`. */
function watchGaps(forMs: number | null): void {
  const w = window as unknown as { gaps: number[] };
  w.gaps = [];
  const start = performance.now();
  let last = start;
  const tick = () => {
    const now = performance.now();
    w.gaps.push(now - last);
    last = now;
    const isOver = forMs === null ? /rows screened in/.test(document.getElementById('status')!.textContent ?? '') : now - start > forMs;
    if (!isOver) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
}

/** Runs in the screen page: the longest gap recorded. */
function longestGap(): number {
  return Math.max(...(window as unknown as { gaps: number[] }).gaps);
}

function pageFigures(): { screenMs: number; phases: string; longestGapMs: number; status: string } {
  const last = (name: string) => performance.getEntriesByName(`listmark:${name}`).at(-1)?.duration ?? NaN;
  return {
    screenMs: last('screen'),
    phases: ['read', 'lookup', 'render'].map((p) => `${p} ${Math.round(last(`screen-${p}`))}`).join(', '),
    longestGapMs: Math.max(...(window as unknown as { gaps: number[] }).gaps),
    status: document.getElementById('status')!.textContent ?? '',
  };
}

/** Runs in the screen page: the median round trip of an empty screenNames message. */
async function roundTrip(): Promise<number> {
  const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  const runtime = (g.browser ?? g.chrome)!.runtime;
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await runtime.sendMessage({ listmark: 'screenNames', args: [[]] });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[25]!;
}

async function screenFile(page: TestPage, path: string): Promise<ReturnType<typeof pageFigures>> {
  // tsx names functions with a helper the page lacks: give the page one that does nothing.
  await page.evaluate(new Function('globalThis.__name = (f) => f') as () => void, null);
  await page.evaluate(() => performance.clearMeasures(), null);
  await page.evaluate(watchGaps, null as number | null);
  await page.chooseFile('#file', path);
  await page.waitFor(() => /rows screened in/.test(document.getElementById('status')?.textContent ?? ''), null, 300_000);
  const figures = await page.evaluate(pageFigures, null);
  // The same file chosen again fires no change event: clear the input for the next run.
  await page.evaluate(() => ((document.getElementById('file') as HTMLInputElement).value = ''), null);
  return figures;
}

const only = process.env.LISTMARK_BENCH_BROWSERS;
const drivers: Driver[] = [new ChromiumDriver(), new FirefoxDriver()].filter((d) => !only || only.split(',').includes(d.name));
for (const driver of drivers) {
  await driver.launch();
  try {
    console.log(`\n${driver.name} (built extension, ${RUNS} runs each):`);
    // A fresh background: the first list waits for the index to be built.
    const first = await driver.openExtensionPage('src/screen/index.html');
    const cold = await screenFile(first, csvPath);
    console.log(`  CSV with the index still being built: ${fmt(cold.screenMs)} (${cold.status})`);
    const rtt = await first.evaluate(roundTrip, null);
    console.log(`  one message's round trip (median of 50): ${rtt.toFixed(2)} ms; ${Math.ceil(ROWS / BATCH)} batches`);
    // The machine's own noise: the same watch on the page doing nothing.
    await first.evaluate(watchGaps, 3_000 as number | null);
    await new Promise((done) => setTimeout(done, 3_500));
    console.log(`  longest gap between timer ticks on the idle page over 3 s (the machine's noise): ${fmt(await first.evaluate(longestGap, null))}`);
    await first.close();
    for (const [name, path] of [
      ['CSV', csvPath],
      ['XLSX', xlsxPath],
    ] as const) {
      const figures: ReturnType<typeof pageFigures>[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await driver.openExtensionPage('src/screen/index.html');
        figures.push(await screenFile(page, path));
        await page.close();
      }
      const times = figures.map((f) => f.screenMs);
      console.log(
        `  ${name}, file chosen to table shown: median ${fmt(median(times))} (${figures.map((f) => `${fmt(f.screenMs)}: ${f.phases}`).join('; ')}); longest the page went without a timer tick: ${fmt(Math.max(...figures.map((f) => f.longestGapMs)))}`,
      );
    }
  } finally {
    await driver.close();
  }
}
rmSync(dir, { recursive: true, force: true });
