/** The data build as a command: deterministic output, and a failed build leaves the old bundle. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle, DEFAULT_SOURCE } from '../../scripts/build-data';

const root = resolve(import.meta.dirname, '../..');

function build(args: string[]): { status: number; output: string } {
  try {
    const output = execFileSync('node', ['--import', 'tsx', 'scripts/build-data.ts', ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: e.stdout + e.stderr };
  }
}

// Each test runs the whole build twice (about 15 s on an idle 2-core machine): the timeout is
// sized for a machine several times slower or busy.
const BUILD_TWICE_MS = 150_000;

describe('data build', () => {
  it('gives byte-identical output for the same input', () => {
    const a = compileBundle(DEFAULT_SOURCE);
    const b = compileBundle(DEFAULT_SOURCE);
    expect(JSON.stringify(b.details)).toBe(JSON.stringify(a.details));
    expect(JSON.stringify(b.matcher)).toBe(JSON.stringify(a.matcher));
  }, BUILD_TWICE_MS);

  it('prints counts per list and country, and leaves the previous bundle when the source is bad', () => {
    const out = mkdtempSync(join(tmpdir(), 'listmark-build-'));
    const good = build(['--out', out]);
    expect(good.status).toBe(0);
    expect(good.output).toMatch(/entity-list: \d{4} entries in 91 countries \(China, People's Republic of \d+, Russia \d+/);
    expect(good.output).toMatch(/unverified-list: 186 entries/);
    expect(good.output).toContain('affiliates rule for entity-list: § 744.11(a)(1), stayed until 2026-11-09 by 90 FR 50857');
    const details = JSON.parse(readFileSync(join(out, 'details.json'), 'utf8')) as { affiliatesRules: { list: string }[] };
    expect(details.affiliatesRules.map((r) => r.list)).toEqual(['entity-list', 'meu-list']);
    const before = readFileSync(join(out, 'details.json'));

    const bad = join(out, 'bad.xml');
    writeFileSync(bad, readFileSync(DEFAULT_SOURCE, 'utf8').slice(0, 100_000));
    const failed = build(['--source', bad, '--out', out]);
    expect(failed.status).toBe(1);
    expect(failed.output).toContain(`${bad}: XML: not well-formed`);
    expect(failed.output).toContain('The previous bundle, if any, was left as it was.');
    expect(readFileSync(join(out, 'details.json')).equals(before)).toBe(true);
  }, BUILD_TWICE_MS);
});
