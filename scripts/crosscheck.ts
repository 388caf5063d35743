/**
 * Compares our parse of the Entity List with the third-party parse in ../shared/data/reference
 * (for cross-checking only, never a source) and prints every disagreement on listed names.
 *   npm run data:crosscheck
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileBundle, DEFAULT_SOURCE } from './build-data';
import { exitQuietlyOnClosedPipe } from './quiet-pipe';

exitQuietlyOnClosedPipe();

const REFERENCE = resolve(import.meta.dirname, '../../shared/data/reference/bis-entity-list.third-party-parse.json');
const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const reference = (JSON.parse(readFileSync(REFERENCE, 'utf8')) as { entities: { name: string; country: string }[] }).entities;
const ours = compileBundle(DEFAULT_SOURCE).details.entries.filter((e) => e.list === 'entity-list');
const ourKeys = new Map(ours.map((e) => [key(e.name), e]));
// The reference keeps "(a.k.a. …" / "(f.k.a. …" inside names; we read those as aliases.
// It also keeps a parent's name before "subordinate institution:"; we list the subordinate under its own name.
const theirs = reference.map((r) => ({ ...r, cleaned: r.name.replace(/\s*\((?:a|f)\.k\.a\..*$/i, '').replace(/^.*subordinate institution:\s*/i, '') }));
const missing = theirs.filter((r) => !ourKeys.has(key(r.cleaned)));
const agreed = theirs.length - missing.length;
console.log(`reference names: ${theirs.length}; ours: ${ours.length}; agreeing: ${agreed} (${((agreed / theirs.length) * 100).toFixed(2)}%)`);
console.log(`differences in "(a.k.a./f.k.a." handling alone: ${theirs.filter((r) => r.cleaned !== r.name).length}\n`);
for (const r of missing) {
  const prefix = key(r.cleaned).slice(0, 16);
  const near = ours.filter((e) => key(e.name).startsWith(prefix)).map((e) => e.name);
  console.log(`reference: ${JSON.stringify(r.name)} (${r.country})\n     ours: ${near.length ? near.slice(0, 3).map((n) => JSON.stringify(n)).join(' | ') : '(no entry with that start)'}`);
}
