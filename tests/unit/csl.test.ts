/** Consolidated Screening List import: the official CSV and JSON formats, one model, eCFR wins. */
import { describe, expect, it } from 'vitest';
import { listOfSource, parseCsl } from '../../src/core/sources/csl';
import { cslEntries, cslJsonRows, isOrganisationRow } from '../../src/core/sources/csl-rows';
import { PART_744_LISTS } from '../../src/core/list-model';
import { CSL_SAMPLE_CSV, cslSampleJson, cslSampleRows } from '../fixtures/csl-sample';
import { realBundle } from './real-bundle';

const csv = CSL_SAMPLE_CSV;
const asJson = async () => cslSampleJson();

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

describe('the JSON download as the browser reads it (csl-rows, no CSV parser)', () => {
  const rows = () => cslJsonRows(cslSampleJson(), 'consolidated.json');

  it('takes organisations only: typed "Entity", or untyped with an organisation word in the name', () => {
    const verdicts = Object.fromEntries(cslSampleRows().map((r) => [r.name as string, isOrganisationRow(r as never)]));
    expect(verdicts).toMatchObject({
      'ROSNEFT TRADE LIMITED': true, // SSI, type Entity
      'SME BANK': true,
      'Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof': true, // ISN, untyped
      'Academy of Aerospace Solid Propulsion Technology (AASPT)': true,
      'RIM, Ryong Nam': false, // SDN, type Individual
      'Evren KAYAKIRAN': false,
      'I. ASH': false, // DPL, untyped person
      'Cesareo Estanislao Benitez': false, // DTC, untyped person
      'Atlas Sanatgaran': false, // UVL, untyped and no organisation word: left out, a miss rather than a guess
    });
  });

  it('leaves out the Part 744 lists, whose source is the eCFR text', () => {
    const { entries, skipped } = cslEntries(rows(), 'consolidated.json', [], { organisationsOnly: true, leaveOut: PART_744_LISTS });
    expect(entries.map((e) => [e.list, e.name]).sort()).toEqual([
      ['nonproliferation-sanctions', 'Sinobright Import and Export Company'],
      ['other-csl', 'ROSNEFT TRADE LIMITED'],
      ['other-csl', 'SME BANK'],
      ['other-csl', 'TNK Trading International S.A.'],
    ]);
    expect(skipped).toBe(2); // the Entity List and MEU rows (the UVL row is no organisation by its name)
  });

  it('reads the same entries as the build does from the JSON', () => {
    const options = { organisationsOnly: true, leaveOut: PART_744_LISTS };
    expect(cslEntries(rows(), 'consolidated.json', [], options)).toEqual(parseCsl(cslSampleJson(), 'consolidated.json', [], options));
  });

  it('names the file and place of broken JSON', () => {
    expect(() => cslJsonRows('{"results": [{"name": ', 'consolidated.json')).toThrow(/consolidated\.json: JSON: not valid JSON/);
    expect(() => cslJsonRows('{"error": "rate limited"}', 'consolidated.json')).toThrow(/expected an array of entries/);
  });
});
