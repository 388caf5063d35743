/**
 * After `vite build` for both browsers: zips dist/chrome and dist/firefox for the stores and
 * runs `web-ext lint` on the Firefox build, failing on any error or warning but pdf.js's known ones.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zipDir(dir: string, out: string): number {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  // A fixed time stamp keeps the zip byte-identical for identical input.
  for (const file of filesUnder(dir).sort()) files[relative(dir, file)] = [readFileSync(file), { mtime: new Date('2026-01-01T00:00:00Z') }];
  const zipped = zipSync(files, { level: 9 });
  writeFileSync(out, zipped);
  return zipped.length;
}

for (const browser of ['chrome', 'firefox']) {
  const bytes = zipDir(`dist/${browser}`, `dist/listmark-${browser}.zip`);
  console.log(`dist/listmark-${browser}.zip: ${(bytes / 1024).toFixed(0)} KiB`);
}

const report = JSON.parse(
  execFileSync('node_modules/.bin/web-ext', ['lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim() || '{}',
) as { summary: { errors: number; warnings: number; notices: number }; errors: LintMessage[]; warnings: LintMessage[] };

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

/**
 * pdf.js, bundled into the PDF viewer and its worker, probes for `new Function` and imports its
 * worker by address. The viewer turns evaluation off (`isEvalSupported: false`) and the pages'
 * CSP forbids it anyway: those two warnings in those two files are known and allowed; any other
 * warning fails the build.
 */
function isKnownPdfJsWarning(m: LintMessage): boolean {
  return ['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT'].includes(m.code) && /^assets\/(?:viewer-[\w-]+\.js|pdf\.worker[\w.-]*\.mjs)$/.test(m.file ?? '');
}

const unknownWarnings = report.warnings.filter((m) => !isKnownPdfJsWarning(m));
console.log(
  `web-ext lint (Firefox build): ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.summary.warnings - unknownWarnings.length} known, of pdf.js), ${report.summary.notices} notices`,
);
for (const m of [...report.errors, ...unknownWarnings]) console.log(`  ${m.file ?? ''}: ${m.message}`);
if (report.summary.errors > 0 || unknownWarnings.length > 0) process.exit(1);
