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
import { documentFlags, loadBundled, pageTexts } from './document-flags';
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
const { matcher, details } = loadBundled(dataDir);
const includeShortForms = values['short-forms'] !== 'no';

/** The document's texts: the file's text, or an HTML page's blocks as the extension reads them. */
function textsOf(file: string): string[] {
  const raw = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  return /\.html?$/i.test(file) ? pageTexts(raw) : [raw];
}

const results = [];
for (const file of positionals) {
  let texts: string[];
  try {
    texts = textsOf(file);
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    continue;
  }
  // Offsets are into the texts joined by newlines (an HTML page's blocks), as before.
  const offsets = texts.map((_, i) => texts.slice(0, i).reduce((sum, t) => sum + t.length + 1, 0));
  // A weak name counts only with evidence in the same file (core/evidence), as on a page.
  for (const flag of documentFlags(matcher, texts, (v) => includeShortForms || v.kind !== 'derived')) {
    const variant = flag.variants[0]!;
    const entry = details.entries.find((e) => e.id === variant.entryId)!;
    results.push({
      file,
      start: offsets[flag.textIndex]! + flag.start,
      end: offsets[flag.textIndex]! + flag.end,
      text: flag.text,
      entryId: entry.id,
      listedName: entry.name,
      list: entry.list,
      variant: variant.text,
      variantKind: variant.kind,
      ...(flag.evidence ? { evidence: flag.evidence } : {}),
    });
  }
}
if (values.json) console.log(JSON.stringify(results));
else for (const r of results) console.log(`${r.file}:${r.start}-${r.end}\t${r.text}\t→ ${r.listedName} [${r.list}; ${r.variantKind} “${r.variant}”]`);
