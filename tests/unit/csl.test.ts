/** Consolidated Screening List import: the official CSV and JSON formats, one model, eCFR wins. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listOfSource, parseCsl } from '../../src/core/sources/csl';
import { realBundle } from './real-bundle';

const SAMPLE = resolve(import.meta.dirname, '../../../shared/data/csl-sample-13-rows.csv');
const csv = readFileSync(SAMPLE, 'utf8');

/** The same rows in the CSL JSON shape: arrays for names and addresses, address objects. */
async function asJson(): Promise<string> {
  const { parse } = await import('csv-parse/sync');
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  return JSON.stringify({
    results: rows.map((r) => ({
      ...r,
      alt_names: r.alt_names ? r.alt_names.split('; ') : [],
      addresses: r.addresses
        ? r.addresses.split('; ').map((a) => {
            const parts = a.split(', ');
            return { address: parts.slice(0, -1).join(', '), country: parts.at(-1) };
          })
        : [],
    })),
  });
}

describe('parseCsl', () => {
  it('reads every row of the CSV sample into the shared model', () => {
    const { entries, skipped } = parseCsl(csv, 'sample.csv');
    expect(entries.length + skipped).toBe(13);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const sme = byName.get('SME BANK')!;
    expect(sme.list).toBe('other-csl');
    expect(sme.country).toBe('Russia');
    expect(sme.aliases).toContain('JSC SME BANK');
    const ash = byName.get('I. ASH')!;
    expect(ash.list).toBe('denied-persons-list');
    expect(ash.citations.map((c) => c.text)).toEqual(['67 FR 56530 9/4/02', '67 FR 10890 3/11/02', '71 FR 38843 7/10/06']);
    expect(byName.get('Sinobright Import and Export Company')!.list).toBe('nonproliferation-sanctions');
    expect(byName.get('RIM, Ryong Nam')!.list).toBe('sdn-list');
    expect(byName.get('Cesareo Estanislao Benitez')!.list).toBe('debarred-parties');
  });

  it('reads the JSON format the same way', async () => {
    const fromCsv = parseCsl(csv, 'sample.csv').entries;
    const fromJson = parseCsl(await asJson(), 'sample.json').entries;
    expect(fromJson.map((e) => [e.id, e.name, e.list, e.country, e.aliases])).toEqual(fromCsv.map((e) => [e.id, e.name, e.list, e.country, e.aliases]));
  });

  it('adds nothing twice where the eCFR text lists the same entity', () => {
    const ecfr = realBundle().details.entries;
    const { entries, skipped } = parseCsl(csv, 'sample.csv', ecfr);
    expect(skipped).toBe(3); // the Entity List, MEU and UVL rows
    expect(entries.map((e) => e.list)).not.toContain('entity-list');
    expect(entries.map((e) => e.list)).not.toContain('unverified-list');
    expect(entries.map((e) => e.list)).not.toContain('meu-list');
  });

  it.each([
    ['a missing required column', csv.replace('_id,source,', '_id,origin,'), /sample\.csv: CSV header: missing required column\(s\): source/],
    ['an empty name', csv.replace('"Atlas Sanatgaran"', '""'), /sample\.csv: entry 2: entry with an empty name/],
    ['broken JSON', '{"results": [', /sample\.csv: JSON: not valid JSON/],
    ['a malformed CSV', `${csv}\n"unclosed`, /sample\.csv: CSV: /],
  ])('fails on %s, naming the file and place', (_label, text, message) => {
    expect(() => parseCsl(text, 'sample.csv')).toThrow(message);
  });

  it('maps each CSL source to a list', () => {
    expect(listOfSource('Entity List (EL) - Bureau of Industry and Security')).toBe('entity-list');
    expect(listOfSource('Military End User (MEU) List - Bureau of Industry and Security')).toBe('meu-list');
    expect(listOfSource('Sectoral Sanctions Identifications List (SSI) - Treasury Department')).toBe('other-csl');
  });
});
