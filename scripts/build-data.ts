/**
 * Compiles the bundled list: official eCFR Part 744 XML (and optionally trade.gov CSL files)
 * → build/data/details.json + build/data/matcher.json, and build/data/lexicon.bin (the words the
 * names were compiled with, which the browser needs to compile an update the same way). Writes to temporary files and renames,
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
import type { Bundle } from '../src/core/bundle';
import { compileBundle as compileFromText } from '../src/core/compile';
import type { Lexicon } from '../src/core/lexicon';
import { parseCsl } from '../src/core/sources/csl';
import { decodeLexiconData, encodeLexiconData, LEXICON_FILE, lexiconFromData } from '../src/core/lexicon-data';
import { collectLexiconData, loadLexicon } from './lexicon';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCE = resolve(projectRoot, '../shared/data/ecfr-title-15-part-744-2026-07-23.xml');
export const DEFAULT_OUT = resolve(projectRoot, 'build/data');

/** `…-2026-07-23.xml` → `2026-07-23`; the eCFR API serves a date per request and we name files after it. */
function datasetDateOf(file: string): string {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(basename(file));
  if (!m) throw new Error(`${file}: cannot tell the dataset date; name the file like part-744-YYYY-MM-DD.xml or set LISTMARK_DATASET_DATE`);
  return m[1]!;
}

/** The bundle of one XML file (and CSL files), compiled by core/compile with the packaged lexicon. */
export function compileBundle(sourceFile: string, log: (line: string) => void = () => {}, cslFiles: string[] = [], lexicon: Lexicon = loadLexicon()): Bundle {
  return compileFromText({
    xml: readFileSync(sourceFile, 'utf8'),
    sourceName: basename(sourceFile),
    location: sourceFile,
    datasetDate: () => process.env.LISTMARK_DATASET_DATE ?? datasetDateOf(sourceFile),
    lexicon,
    csl: cslFiles.map((file) => ({ sourceName: basename(file), parse: (authoritative) => parseCsl(readFileSync(file, 'utf8'), file, authoritative) })),
    log,
  });
}

function writeAtomically(file: string, content: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * Writes the bundle and the lexicon it was compiled with; the lexicon ships so that the browser
 * can compile an update with the same words (core/compile).
 */
export function writeBundle(bundle: Bundle, outDir: string, lexiconBytes?: Uint8Array): { file: string; bytes: number; gzipped: number }[] {
  mkdirSync(outDir, { recursive: true });
  const outputs: { file: string; content: string | Uint8Array }[] = [
    { file: join(outDir, 'details.json'), content: JSON.stringify(bundle.details) },
    { file: join(outDir, 'matcher.json'), content: JSON.stringify(bundle.matcher) },
  ];
  if (lexiconBytes) outputs.push({ file: join(outDir, LEXICON_FILE), content: lexiconBytes });
  // Everything is serialised before the first rename, so no failure leaves a half-written pair.
  for (const o of outputs) writeAtomically(o.file, o.content);
  return outputs.map((o) => ({
    file: o.file,
    bytes: typeof o.content === 'string' ? Buffer.byteLength(o.content) : o.content.length,
    gzipped: gzipSync(o.content).length,
  }));
}

function main(): void {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, out: { type: 'string' }, csl: { type: 'string', multiple: true } },
  });
  const source = resolve(values.source ?? process.env.LISTMARK_SOURCE ?? DEFAULT_SOURCE);
  const out = resolve(values.out ?? DEFAULT_OUT);
  const started = performance.now();
  try {
    // Compiled from the lexicon as written, decoded the way the background decodes it.
    const lexiconBytes = encodeLexiconData(collectLexiconData());
    const lexicon = lexiconFromData(decodeLexiconData(lexiconBytes));
    const bundle = compileBundle(source, (line) => console.log(line), (values.csl ?? []).map((f) => resolve(f)), lexicon);
    for (const { file, bytes, gzipped } of writeBundle(bundle, out, lexiconBytes)) {
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
