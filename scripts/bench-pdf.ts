/**
 * The PDF viewer on a long PDF, in the built extension (npm run build first), real Chromium and
 * Firefox: time from opening the viewer to its first highlight, to every page read and matched,
 * and to the pages laid out, over BENCH_RUNS runs (medians and ranges). The PDF (tests/fixtures/
 * pdfs.ts: 300 pages of filler, a weak name on page 1 backed by the full name on page 25 and every
 * 25th page) is served from localhost. The first highlight needs page 1 rendered and the evidence
 * from page 25 read: it measures the whole path, not page 1 alone.
 *   npm run bench:pdf      (LISTMARK_BENCH_BROWSERS=chromium or firefox for one; BENCH_PAGES=300)
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { longPdf } from '../tests/fixtures/pdfs';
import { ChromiumDriver, FirefoxDriver, type Driver } from '../tests/e2e/drivers';
import { startServer } from '../tests/e2e/server';

const ENGINES = (process.env.LISTMARK_BENCH_BROWSERS ?? 'chromium,firefox').split(',');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = Number(process.env.BENCH_PAGES ?? 300);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/** Runs in the viewer: its timeline marks, in ms since it was opened, once all are there. */
function marks(): Record<string, number> | null {
  const names = ['listmark:pdf-laid-out', 'listmark:pdf-first-highlight', 'listmark:pdf-all-read'];
  const out: Record<string, number> = {};
  for (const name of names) {
    const entry = performance.getEntriesByName(name)[0];
    if (!entry) return null;
    out[name] = entry.startTime;
  }
  return out;
}

const pdf = await longPdf(PAGES);
console.log(`PDF: ${PAGES} pages, ${(pdf.length / 1024).toFixed(0)} KiB`);
for (const name of ['chrome', 'firefox']) {
  const zip = resolve(`dist/listmark-${name}.zip`);
  console.log(`package dist/listmark-${name}.zip: ${(statSync(zip).size / 1024).toFixed(0)} KiB`);
}
const server = await startServer({ '/long.pdf': pdf });
const drivers: Driver[] = [];
if (ENGINES.includes('chromium')) drivers.push(new ChromiumDriver([], undefined, ['http://127.0.0.1/*']));
if (ENGINES.includes('firefox')) drivers.push(new FirefoxDriver(undefined, true));
try {
  for (const driver of drivers) {
    await driver.launch();
    const results: Record<string, number>[] = [];
    for (let run = 0; run < RUNS; run++) {
      const viewer = await driver.openExtensionPage(`src/viewer/index.html?file=${encodeURIComponent(server.url('/long.pdf'))}`);
      await viewer.waitFor(() => performance.getEntriesByName('listmark:pdf-all-read').length > 0 && performance.getEntriesByName('listmark:pdf-first-highlight').length > 0, null, 120_000);
      results.push((await viewer.evaluate(marks, null))!);
      await viewer.close();
    }
    const of = (name: string) => results.map((r) => r[name]!);
    console.log(`${driver.name} (${RUNS} runs; median, range in ms from opening the viewer):`);
    console.log(`  pages laid out (downloaded, parsed, page 1 measured): ${median(of('listmark:pdf-laid-out')).toFixed(0)} (${range(of('listmark:pdf-laid-out'))})`);
    console.log(`  first highlight: ${median(of('listmark:pdf-first-highlight')).toFixed(0)} (${range(of('listmark:pdf-first-highlight'))})`);
    console.log(`  every page read and matched: ${median(of('listmark:pdf-all-read')).toFixed(0)} (${range(of('listmark:pdf-all-read'))})`);
    await driver.close();
  }
} finally {
  await server.close();
}
