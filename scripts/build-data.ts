/**
 * Compiles the bundled list: official eCFR Part 744 XML (and optionally trade.gov CSL files)
 * → build/data/details.json + build/data/matcher.json. Writes to temporary files and renames,
 * so a failed build leaves the previous bundle intact. Same input, byte-identical output.
 *
 *   npm run data:build [-- --source FILE.xml] [--csl FILE.csv|FILE.json ...] [--out DIR]
 *   LISTMARK_SOURCE=FILE.xml npm run data:build
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { makeBundle, type Bundle } from '../src/core/bundle';
import { parseCsl } from '../src/core/sources/csl';
import { parsePart744 } from '../src/core/sources/ecfr';
import { buildVariants } from '../src/core/variants';
import { loadLexicon } from './lexicon';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCE = resolve(projectRoot, '../shared/data/ecfr-title-15-part-744-2026-07-23.xml');
export const DEFAULT_OUT = resolve(projectRoot, 'build/data');

/** `…-2026-07-23.xml` → `2026-07-23`; the eCFR API serves a date per request and we name files after it. */
function datasetDateOf(file: string): string {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(basename(file));
  if (!m) throw new Error(`${file}: cannot tell the dataset date; name the file like part-744-YYYY-MM-DD.xml or set LISTMARK_DATASET_DATE`);
  return m[1]!;
}

export function compileBundle(sourceFile: string, log: (line: string) => void = () => {}, cslFiles: string[] = []): Bundle {
  const xml = readFileSync(sourceFile, 'utf8');
  const lexicon = loadLexicon();
  const part744 = parsePart744(xml, sourceFile, lexicon);
  for (const [list, perCountry] of Object.entries(part744.counts)) {
    const total = Object.values(perCountry).reduce((a, b) => a + b, 0);
    const top = Object.entries(perCountry)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([c, n]) => `${c} ${n}`);
    log(`${list}: ${total} entries in ${top.length} countries (${top.slice(0, 6).join(', ')}${top.length > 6 ? ', …' : ''})`);
  }
  const entries = [...part744.entries];
  const sources = [`eCFR 15 CFR Part 744, Supplements No. 4, 6 and 7 (${basename(sourceFile)})`];
  for (const cslFile of cslFiles) {
    // The eCFR entry wins where both sources list the same organisation.
    const csl = parseCsl(readFileSync(cslFile, 'utf8'), cslFile, part744.entries);
    const known = new Set(entries.map((e) => e.id));
    const added = csl.entries.filter((e) => !known.has(e.id));
    entries.push(...added);
    const perList: Record<string, number> = {};
    for (const e of added) perList[e.list] = (perList[e.list] ?? 0) + 1;
    log(`${basename(cslFile)}: ${added.length} entries added (${Object.entries(perList).map(([l, n]) => `${l} ${n}`).join(', ')}), ${csl.skipped + csl.entries.length - added.length} already in the eCFR text`);
    sources.push(`Consolidated Screening List (${basename(cslFile)})`);
  }
  for (const rule of part744.affiliatesRules) {
    log(`affiliates rule for ${rule.list}: ${rule.section}${rule.stay ? `, stayed until ${rule.stay.until ?? 'no end given'} by ${rule.stay.citation}` : ''}`);
  }
  const variants = buildVariants(entries, lexicon);
  const kinds: Record<string, number> = {};
  for (const v of variants) kinds[v.kind] = (kinds[v.kind] ?? 0) + 1;
  log(`names compiled: ${variants.length} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  return makeBundle(entries, part744.footnotes, variants, {
    datasetDate: process.env.LISTMARK_DATASET_DATE ?? datasetDateOf(sourceFile),
    sources,
    namePrefixVetoes: lexicon.namePrefixVetoes(),
    affiliatesRules: part744.affiliatesRules,
  });
}

function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

export function writeBundle(bundle: Bundle, outDir: string): { file: string; bytes: number; gzipped: number }[] {
  mkdirSync(outDir, { recursive: true });
  const outputs = [
    { file: join(outDir, 'details.json'), content: JSON.stringify(bundle.details) },
    { file: join(outDir, 'matcher.json'), content: JSON.stringify(bundle.matcher) },
  ];
  // Everything is serialised before the first rename, so no failure leaves a half-written pair.
  for (const o of outputs) writeAtomically(o.file, o.content);
  return outputs.map((o) => ({ file: o.file, bytes: Buffer.byteLength(o.content), gzipped: gzipSync(o.content).length }));
}

function main(): void {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, out: { type: 'string' }, csl: { type: 'string', multiple: true } },
  });
  const source = resolve(values.source ?? process.env.LISTMARK_SOURCE ?? DEFAULT_SOURCE);
  const out = resolve(values.out ?? DEFAULT_OUT);
  const started = performance.now();
  try {
    const bundle = compileBundle(source, (line) => console.log(line), (values.csl ?? []).map((f) => resolve(f)));
    for (const { file, bytes, gzipped } of writeBundle(bundle, out)) {
      console.log(`wrote ${file} (${(bytes / 1024).toFixed(0)} KiB, ${(gzipped / 1024).toFixed(0)} KiB gzipped)`);
    }
    console.log(`data build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`Listmark data build failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('The previous bundle, if any, was left as it was.');
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
