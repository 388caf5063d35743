/**
 * Browser budgets, in real Chromium and real Firefox, with and without the extension in the same run:
 *   npm run bench:browser            (LISTMARK_BENCH_BROWSERS=chromium or firefox for one;
 *                                     LISTMARK_BENCH_EXTENSION=dir compares another Chrome build)
 * - time to highlights (seed article; a 5 MB news-like page): from when Listmark starts working
 *   (after the page's load event) and from when its script was injected (at document_start), and
 *   when that is after the load event and after navigation start; "highlighted" is when the
 *   first full scan's highlights are handed to the browser, which draws them in its next frame
 * - the page's first paint (first-contentful-paint) with and without the extension
 * - the longest piece of extension work, and the page's longest task with and without it (over
 *   the whole load, and after the load event, when only Listmark's scan and its highlights differ)
 * - JS heap added per tab (CDP heap usage after GC, with minus without; Chromium only)
 * - (Firefox has no long-task timing: its longest tasks are not reported)
 * - page load time with the extension versus without, as a ratio (interleaved runs, medians), and
 *   with two control extensions: one whose content script is empty (what any content script on
 *   every page costs in this browser) and one whose script only reads a setting from storage (what
 *   an extension that can be turned off per site pays at the least)
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH, requireBrowser } from '../tests/e2e/browsers';

const ENGINES = (process.env.LISTMARK_BENCH_BROWSERS ?? 'chromium,firefox').split(',') as ('chromium' | 'firefox')[];
if (ENGINES.includes('chromium')) requireBrowser(CHROMIUM_PATH, 'chromium');
if (ENGINES.includes('firefox')) requireBrowser(FIREFOX_PATH, 'firefox-esr');
// The small page loads in ~30 ms, where a few ms of noise is 10%: it gets three times the runs.
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

// ---- pages -------------------------------------------------------------------------------
const seed = readFileSync(resolve('../shared/fixtures/seed-article.html'), 'utf8');
const seedText = readFileSync(resolve('../shared/fixtures/seed-article.txt'), 'utf8');
function bigPage(): string {
  const paragraphs = seedText.split(/\n+/).filter((p) => p.trim().length > 40);
  const out: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>5 MB news page</title></head><body>'];
  let length = 0;
  for (let i = 0; length < 5 * 1024 * 1024; i++) {
    const p = `<p>${paragraphs[i % paragraphs.length]!.replace(/[<&]/g, ' ')}</p>`;
    out.push(i % 40 === 0 ? `<h2>Section ${i / 40}</h2>${p}` : p);
    length += p.length;
  }
  out.push('</body></html>');
  return out.join('\n');
}
const pages: Record<string, string> = { '/seed.html': seed, '/big.html': bigPage() };
const server = createServer((req, res) => {
  const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ---- browsers ----------------------------------------------------------------------------
/**
 * A control extension that injects `script` into every page at document_start, like Listmark's:
 * empty (what any content script costs a page in this browser), or one that only reads a
 * setting from storage (the least an extension that can be turned off per site must do).
 */
function controlExtension(name: string, script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'listmark-bench-control-'));
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    permissions: ['storage'],
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['control.js'], run_at: 'document_start', all_frames: true }],
    browser_specific_settings: { gecko: { id: `${name.toLowerCase().replace(/[^a-z]+/g, '-')}@bench.listmark` } },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'control.js'), script);
  return dir;
}

/** One tab, whichever the browser. */
interface BenchTab {
  goto(url: string): Promise<void>;
  /** Runs a script (a string: the bundler's helpers do not exist in the page). */
  evaluate<T>(script: string): Promise<T>;
  /** JS heap in use after a GC, or null where the browser cannot tell. */
  heap(): Promise<number | null>;
  close(): Promise<void>;
}

/** A browser with one extension (or none) loaded. */
interface BenchBrowser {
  newTab(initScript: string): Promise<BenchTab>;
  close(): Promise<void>;
}

async function launchChromium(extension: string | null, isListmark: boolean): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'listmark-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : [])],
  });
  if (isListmark && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return {
    async newTab(initScript) {
      const page = await context.newPage();
      await page.addInitScript(initScript);
      return {
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        evaluate: async (script) => (await page.evaluate(script)) as never,
        async heap() {
          const cdp = await context.newCDPSession(page);
          await cdp.send('HeapProfiler.collectGarbage');
          const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
          await cdp.detach();
          return usedSize;
        },
        close: () => page.close(),
      };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(extension: string | null): Promise<BenchBrowser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
  if (extension) await browser.installExtension(extension);
  return {
    async newTab(initScript) {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(initScript);
      return {
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        evaluate: async (script) => (await page.evaluate(script)) as never,
        heap: async () => null,
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The ratio of two sets of runs' medians, with a 95% interval from resampling each set (a
 * bootstrap): on a page that loads in 30 ms the machine's noise is a few ms, and a ratio alone
 * does not say whether a difference is there.
 */
function ratio(xs: number[], ys: number[], resamples = 2_000): string {
  const resample = (v: number[]) => median(Array.from(v, () => v[Math.floor(Math.random() * v.length)]!));
  const ratios = Array.from({ length: resamples }, () => resample(xs) / resample(ys)).sort((p, q) => p - q);
  const interval = [ratios[Math.floor(resamples * 0.025)]!, ratios[Math.floor(resamples * 0.975)]!];
  return `${(median(xs) / median(ys)).toFixed(3)} (95% interval ${interval.map((x) => x.toFixed(2)).join('–')})`;
}

interface Run {
  load: number;
  /** From Listmark's start (after the page has loaded) to its first scan's highlights. */
  firstScan: number | null;
  /** From the script's injection (document_start) to the same. */
  fromInjection: number | null;
  /** When the first scan's highlights were handed to the browser, since navigation start. */
  paintedAt: number | null;
  firstPaint: number | null;
  longestWork: number;
  longestTask: number;
  longestTaskAfterLoad: number;
  heap: number | null;
}

const LONG_TASKS = `window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}`;

async function measure(browser: BenchBrowser, path: string, withExtension: boolean): Promise<Run> {
  const page = await browser.newTab(LONG_TASKS);
  await page.goto(base + path);
  // Waits on a PerformanceObserver, not waitForFunction: its polling runs in the page at every
  // frame and delayed the very scan it waited for (~12 ms on the seed article).
  // (A string: the bundler's helpers for named functions do not exist in the page.)
  if (withExtension) {
    await page.evaluate(`new Promise((scanned) => {
      const done = () => performance.getEntriesByName('listmark:first-scan').length > 0;
      if (done()) return scanned();
      const observer = new PerformanceObserver(() => {
        if (done()) observer.disconnect(), scanned();
      });
      observer.observe({ type: 'measure' });
    })`);
  }
  await new Promise((settled) => setTimeout(settled, 300));
  const result = await page.evaluate<Omit<Run, 'heap'>>(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const scan = performance.getEntriesByName('listmark:first-scan')[0];
    const injectedAt = scan && scan.detail ? JSON.parse(scan.detail).injectedAt : undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const work = performance.getEntriesByName('listmark:work').map((e) => e.duration);
    const tasks = window.__longTasks;
    return {
      load: nav.loadEventEnd - nav.startTime,
      firstScan: scan ? scan.duration : null,
      fromInjection: scan && injectedAt !== undefined ? scan.startTime + scan.duration - injectedAt : null,
      paintedAt: scan ? scan.startTime + scan.duration : null,
      firstPaint: fcp ? fcp.startTime : null,
      longestWork: Math.max(0, ...work),
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      longestTaskAfterLoad: Math.max(0, ...tasks.filter((t) => t.start >= nav.loadEventEnd).map((t) => t.duration)),
    };
  })()`);
  const heap = await page.heap();
  await page.close();
  return { ...result, heap };
}

const emptyExtension = controlExtension('Empty content script', '');
const settingsExtension = controlExtension('Content script that reads its settings', "chrome.storage.sync.get('settings');");
try {
  for (const engine of ENGINES) {
    const listmarkBuild = resolve(engine === 'chromium' ? (process.env.LISTMARK_BENCH_EXTENSION ?? 'dist/chrome') : 'dist/firefox');
    const launch = (extension: string | null) =>
      engine === 'chromium' ? launchChromium(extension, extension === listmarkBuild) : launchFirefox(extension);
    const withExt = await launch(listmarkBuild);
    const without = await launch(null);
    const withEmpty = await launch(emptyExtension);
    const withSettingsRead = await launch(settingsExtension);
    try {
      await benchEngine(engine, withExt, without, withEmpty, withSettingsRead);
    } finally {
      for (const b of [withExt, without, withEmpty, withSettingsRead]) await b.close();
    }
  }
} finally {
  for (const dir of [emptyExtension, settingsExtension]) rmSync(dir, { recursive: true, force: true });
  server.close();
}

async function benchEngine(engine: string, withExt: BenchBrowser, without: BenchBrowser, withEmpty: BenchBrowser, withSettingsRead: BenchBrowser) {
  for (const [label, path] of [
    ['seed article', '/seed.html'],
    ['5 MB news page', '/big.html'],
  ] as const) {
    const a: Run[] = [];
    const b: Run[] = [];
    const e: Run[] = [];
    const r: Run[] = [];
    await measure(withExt, path, true); // warm caches
    await measure(without, path, false);
    await measure(withEmpty, path, false);
    await measure(withSettingsRead, path, false);
    const runs = path === '/seed.html' ? RUNS * 3 : RUNS;
    for (let i = 0; i < runs; i++) {
      a.push(await measure(withExt, path, true));
      b.push(await measure(without, path, false));
      e.push(await measure(withEmpty, path, false));
      r.push(await measure(withSettingsRead, path, false));
    }
    const heaps = (runs: Run[]) => runs.map((r) => r.heap ?? NaN);
    const heapAdded = (median(heaps(a)) - median(heaps(b))) / 1024 / 1024;
    const hasLongTasks = engine === 'chromium';
    console.log(`${engine}, ${label} (${runs} runs each, interleaved; medians):`);
    console.log(`  Listmark's start (after load) → highlights: ${median(a.map((r) => r.firstScan ?? NaN)).toFixed(1)} ms`);
    console.log(
      `  script injected (document_start) → highlights: ${median(a.map((r) => r.fromInjection ?? NaN)).toFixed(1)} ms ` +
        `(it waits for the page's load and first rendering)`,
    );
    console.log(
      `  highlights ${median(a.map((r) => r.paintedAt ?? NaN)).toFixed(1)} ms after navigation start, ` +
        `${median(a.map((r) => (r.paintedAt ?? NaN) - r.load)).toFixed(1)} ms after the load event`,
    );
    const firstPaint = (runs: Run[]) => median(runs.map((r) => r.firstPaint ?? NaN));
    console.log(
      `  page's first paint: ${firstPaint(a).toFixed(0)} ms with, ${firstPaint(b).toFixed(0)} ms without, ` +
        `${firstPaint(e).toFixed(0)} ms with an empty content script (reported in 4 ms steps here)`,
    );
    console.log(`  longest piece of extension work: ${Math.max(...a.map((r) => r.longestWork)).toFixed(1)} ms (worst run)`);
    if (hasLongTasks) {
      console.log(
        `  page's longest task: ${median(a.map((r) => r.longestTask)).toFixed(0)} ms with, ${median(b.map((r) => r.longestTask)).toFixed(0)} ms without, ` +
          `${median(e.map((r) => r.longestTask)).toFixed(0)} ms with an empty content script`,
      );
      console.log(
        `  longest task after the load event: ${Math.max(...a.map((r) => r.longestTaskAfterLoad)).toFixed(0)} ms with, ` +
          `${Math.max(...b.map((r) => r.longestTaskAfterLoad)).toFixed(0)} ms without (worst run; 0 = none over 50 ms)`,
      );
    }
    console.log(`  JS heap of the tab: ${Number.isNaN(heapAdded) ? 'not measurable in this browser' : `+${heapAdded.toFixed(2)} MB with the extension`}`);
    const load = (runs: Run[]) => median(runs.map((r) => r.load));
    const loads = (runs: Run[]) => runs.map((r) => r.load);
    console.log(`  load event: ${load(a).toFixed(1)} ms with, ${load(b).toFixed(1)} ms without: ratio ${ratio(loads(a), loads(b))}`);
    console.log(
      `  load event with an empty content script instead: ${load(e).toFixed(1)} ms: ratio ${ratio(loads(e), loads(b))}; ` +
        `Listmark versus it: ${ratio(loads(a), loads(e))}`,
    );
    console.log(
      `  load event with a content script that only reads its settings: ${load(r).toFixed(1)} ms: ratio ${ratio(loads(r), loads(b))}; ` +
        `Listmark versus it: ${ratio(loads(a), loads(r))}`,
    );
  }
}
