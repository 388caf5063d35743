/**
 * Prints every listed name found in text or HTML files, with the same bundle and matcher as the
 * extension. For analysts, and for measuring quality.
 *
 *   npm run --silent scan -- [--json] [--short-forms=no] FILE...    (- reads standard input)
 *
 * With --json: one JSON array per run of {file, start, end, text, entryId, listedName, list,
 * variant, variantKind}; start/end are UTF-16 offsets into the file's text (.txt and stdin) or
 * into the page text of an HTML file (text of its blocks joined by newlines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { parseDetailsBundle } from '../src/core/bundle';
import { Matcher, type MatcherData } from '../src/core/matcher';
import { segmentText, textSegments } from '../src/content/text-segments';
import { exitQuietlyOnClosedPipe } from './quiet-pipe';

exitQuietlyOnClosedPipe();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, 'short-forms': { type: 'string', default: 'yes' }, data: { type: 'string', default: 'build/data' } },
});
if (positionals.length === 0) {
  console.error('usage: npm run --silent scan -- [--json] [--short-forms=no] FILE... (- for standard input)');
  process.exit(2);
}
const dataDir = values.data!;
if (!existsSync(`${dataDir}/matcher.json`)) {
  console.error(`${dataDir}/matcher.json not found: run "npm run data:build" first.`);
  process.exit(2);
}
const matcher = new Matcher(JSON.parse(readFileSync(`${dataDir}/matcher.json`, 'utf8')) as MatcherData);
const details = parseDetailsBundle(JSON.parse(readFileSync(`${dataDir}/details.json`, 'utf8')));
const includeShortForms = values['short-forms'] !== 'no';

function textOf(file: string): string {
  const raw = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  if (!/\.html?$/i.test(file)) return raw;
  const dom = new JSDOM(raw);
  return [...textSegments(dom.window.document.body)].map(segmentText).join('\n');
}

const results = [];
for (const file of positionals) {
  let text: string;
  try {
    text = textOf(file);
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    continue;
  }
  for (const m of matcher.findMatches(text)) {
    const variant = m.variants.find((v) => includeShortForms || matcher.variantKind(v) !== 'derived');
    if (variant === undefined) continue;
    const entry = details.entries[matcher.entryIndex(variant)]!;
    results.push({
      file,
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      entryId: entry.id,
      listedName: entry.name,
      list: entry.list,
      variant: matcher.variantText(variant),
      variantKind: matcher.variantKind(variant),
    });
  }
}
if (values.json) console.log(JSON.stringify(results));
else for (const r of results) console.log(`${r.file}:${r.start}-${r.end}\t${r.text}\t→ ${r.listedName} [${r.list}; ${r.variantKind} “${r.variant}”]`);
