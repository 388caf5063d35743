/**
 * The browser compiles an update exactly as `npm run data:build` does: the real build runs in a
 * child process, then the background's path (decode the packaged lexicon.bin, core/compile on the
 * XML text) runs here on the same XML, and the outputs are compared byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE } from '../../scripts/build-data';
import { compileBundle } from '../../src/core/compile';
import { decodeLexiconData, encodeLexiconData, LEXICON_FILE, lexiconFromData, type LexiconData } from '../../src/core/lexicon-data';

const out = mkdtempSync(join(tmpdir(), 'listmark-compile-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('compiling in the browser', () => {
  // The build alone takes ~12 s on an idle 2-core machine; four times that, and twice again.
  it('gives byte for byte what data:build wrote, from its lexicon.bin', { timeout: 120_000 }, () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--source', DEFAULT_SOURCE, '--out', out], { stdio: 'ignore' });
    const lexicon = lexiconFromData(decodeLexiconData(new Uint8Array(readFileSync(join(out, LEXICON_FILE)))));
    const bundle = compileBundle({ xml: readFileSync(DEFAULT_SOURCE, 'utf8'), sourceName: basename(DEFAULT_SOURCE), datasetDate: '2026-07-23', lexicon });
    expect(JSON.stringify(bundle.details) === readFileSync(join(out, 'details.json'), 'utf8')).toBe(true);
    expect(JSON.stringify(bundle.matcher) === readFileSync(join(out, 'matcher.json'), 'utf8')).toBe(true);
  });
});

describe('lexicon data', () => {
  it('survives encoding: words with accents, astral characters, shared prefixes, empty sets', () => {
    const data: LexiconData = {
      englishWords: ['a', 'ab', 'abc', 'abd', 'b'],
      rareWords: ['zoë', 'zoé', 'zo𝔞', 'zo𝔟', ''],
      surnames: [],
      givenNames: ['anna'],
      places: ['new york', 'new york city'],
      everydayWordsBeyondEnglish: ['haus'],
      knownAsOther: ['PST', 'Prius'],
      countryNames: ['russia', 'united states'],
    };
    const decoded = decodeLexiconData(encodeLexiconData(data));
    for (const [field, words] of Object.entries(data)) expect(decoded[field as keyof LexiconData]).toEqual([...new Set(words as string[])].sort());
  });

  it('is the same bytes for the same words', () => {
    const data = { englishWords: ['b', 'a'], rareWords: [], surnames: [], givenNames: [], places: [], everydayWordsBeyondEnglish: [], knownAsOther: [], countryNames: [] };
    expect(encodeLexiconData(data)).toEqual(encodeLexiconData({ ...data, englishWords: ['a', 'b'] }));
  });

  it('refuses data of another format', () => {
    expect(() => decodeLexiconData(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
