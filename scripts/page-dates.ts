/**
 * How many of the everyday pages (../shared/corpora/everyday-pages) give a publication date, and
 * which: the date each reader of src/content/page-date.ts finds, the one the card would use, and
 * where the readers disagree. For spot-checking by eye against the pages.
 *   npm run --silent page-dates [-- --json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import { findPageDate, PAGE_DATE_READERS } from '../src/content/page-date';
import { EVERYDAY_PAGES_DIR } from './quality-measure';

/**
 * One everyday page as a document, with no script run and nothing fetched. Postlight's fixture
 * tooling saved every `<meta content>` as `<meta value>` (and `property` as `name`); the
 * `content` is put back, as the publisher served it, so the page reads as a browser would see it.
 */
export function loadEverydayPage(file: string): Document {
  const { document } = new JSDOM(readFileSync(join(EVERYDAY_PAGES_DIR, file), 'utf8'), { virtualConsole: new VirtualConsole() }).window;
  for (const meta of document.querySelectorAll('meta[value]:not([content])')) meta.setAttribute('content', meta.getAttribute('value')!);
  return document;
}

function measure(json: boolean): void {
  const files = readdirSync(EVERYDAY_PAGES_DIR).filter((f) => f.endsWith('.html')).sort();
  const now = new Date();
  const rows = files.map((file) => {
    const document = loadEverydayPage(file);
    const found = findPageDate(document, now);
    const readings = Object.fromEntries(PAGE_DATE_READERS.map(([source, read]) => [source, read(document, now)]));
    return { file, date: found?.date ?? null, source: found?.source ?? null, readings };
  });

  if (json) {
    console.log(JSON.stringify(rows, null, 1));
  } else {
    const dated = rows.filter((r) => r.date);
    console.log(`pages with a date: ${dated.length} of ${rows.length}`);
    const bySource = new Map<string, number>();
    for (const r of dated) bySource.set(r.source!, (bySource.get(r.source!) ?? 0) + 1);
    console.log(`taken from: ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}`);
    for (const r of rows) {
      const others = Object.entries(r.readings).filter(([, d]) => d !== null && d !== r.date);
      const disagreement = others.length > 0 ? `   (also: ${others.map(([s, d]) => `${s} ${d}`).join(', ')})` : '';
      console.log(`${r.file.padEnd(48)} ${r.date ?? '-'.padEnd(10)} ${r.source ?? ''}${disagreement}`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  measure(parseArgs({ options: { json: { type: 'boolean', default: false } } }).values.json ?? false);
}
