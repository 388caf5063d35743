/** The parse of the real 2026-07-23 snapshot, pinned entries, the reference cross-check, and bad input. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../scripts/lexicon';
import { parsePart744 } from '../../src/core/sources/ecfr';
import type { Entry } from '../../src/core/list-model';
import { realBundle } from './real-bundle';

const SOURCE = resolve(import.meta.dirname, '../../../shared/data/ecfr-title-15-part-744-2026-07-23.xml');
const REFERENCE = resolve(import.meta.dirname, '../../../shared/data/reference/bis-entity-list.third-party-parse.json');

const entries = () => realBundle().details.entries;
const byList = (list: Entry['list']) => entries().filter((e) => e.list === list);
const find = (name: string, list: Entry['list'] = 'entity-list') => {
  const e = entries().find((x) => x.name === name && x.list === list);
  if (!e) throw new Error(`no entry named ${name} on ${list}`);
  return e;
};
const citationTexts = (e: Entry) => e.citations.map((c) => c.text);

describe('the 2026-07-23 snapshot', () => {
  it('has the expected number of entries per list', () => {
    // ≈3,411 Entity List rows; compound rows (Huawei's 22 affiliates, CETC's subordinates) are split into their entries.
    expect(byList('entity-list').length).toBeGreaterThanOrEqual(3400);
    expect(byList('entity-list').length).toBeLessThanOrEqual(3460);
    expect(byList('unverified-list')).toHaveLength(186);
    expect(byList('meu-list').length).toBeGreaterThanOrEqual(65);
    expect(byList('meu-list').length).toBeLessThanOrEqual(75);
    expect(new Set(byList('entity-list').map((e) => e.country)).size).toBe(91);
    const china = byList('entity-list').filter((e) => e.country === "China, People's Republic of").length;
    const russia = byList('entity-list').filter((e) => e.country === 'Russia').length;
    expect(china).toBeGreaterThanOrEqual(1100);
    expect(russia).toBeGreaterThanOrEqual(1075);
    expect(byList('entity-list').filter((e) => e.aliases.length > 0).length).toBeGreaterThanOrEqual(1850);
  });

  it('gives every entry a name, a citation and a unique id', () => {
    const ids = new Set<string>();
    for (const e of entries()) {
      expect(e.name.trim(), e.id).not.toBe('');
      expect(e.citations.length, e.name).toBeGreaterThan(0);
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
    }
  });

  it('pins well-known listings exactly', () => {
    const hik = find('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(hik.aliases).toEqual(['Hikvision']);
    expect(citationTexts(hik)).toEqual(['84 FR 54004, 10/9/19', '85 FR 34505, 6/5/20', '85 FR 44161, 7/22/20']);
    expect(hik.firstListed).toBe('2019-10-09');
    expect(hik.country).toBe("China, People's Republic of");
    expect(hik.addresses[0]).toBe('No. 555 Qianmo Road, Binjiang District, Hangzhou 310052, China');

    const sensetime = find('Beijing Sensetime Technology Development Co., Ltd.');
    expect(sensetime.aliases).toContain('Sense Time');
    expect(sensetime.aliases).toContain('Beijing Shangtang Technology Development Co., Ltd.');

    const huawei = find('Huawei Technologies Co., Ltd.');
    expect(huawei.aliases).toEqual(['Shenzhen Huawei Technologies', 'Huawei Technology']);
    expect(huawei.firstListed).toBe('2019-05-21');
    expect(huawei.footnotes).toEqual([1, 2]);

    for (const name of ['IFLYTEK', 'Megvii Technology', 'Yitu Technologies', 'Semiconductor Manufacturing International Corporation (SMIC)']) {
      expect(find(name).citations.length).toBeGreaterThan(0);
    }
    expect(find('Beijing Huawei Longshine Information Technology Co., Ltd.').notes).toBe('Affiliate of Huawei Technologies Co., Ltd..');
    expect(find('Beijing Huawei Longshine Information Technology Co., Ltd.').aliases).toEqual(['Beijing Huawei Longshine']);
    // An affiliate's italic name is whole even where it holds a comma; the address follows it.
    const institute = find('Huawei Technologies Co., Ltd. Beijing Research Institute');
    expect(institute.addresses[0]).toMatch(/^No\. 3, Xinxi Rd\./);
    expect(institute.notes).toBe('Affiliate of Huawei Technologies Co., Ltd..');
    expect(entries().some((e) => e.name === 'Huawei Technologies Co.')).toBe(false);
    expect(find('Atlas Sanatgaran', 'unverified-list').citations[0]!.date).toBe('2020-10-09');
    const aecc = find('AECC Aviation Power Co. Ltd.', 'meu-list');
    expect(aecc.notes).toMatch(/Subordinate institution of Aero-Engine Company of China/);
  });

  it.each([
    // [listed name, list, country, first citation, an alias or null]
    ['Dahua Technology', 'entity-list', "China, People's Republic of", '84 FR 54004, 10/9/19', null],
    ['Inspur Group Co., Ltd.', 'entity-list', "China, People's Republic of", '88 FR 13675, 3/6/23', 'Inspur Group'],
    ['Sugon', 'entity-list', "China, People's Republic of", '84 FR 29373, 6/24/19', 'Dawning Information Industry'],
    ['Tianjin Phytium Information Technology', 'entity-list', "China, People's Republic of", '86 FR 18438, 4/9/21', 'Phytium'],
    ['National University of Defense Technology (NUDT)', 'entity-list', "China, People's Republic of", '80 FR 8527, 2/18/15', 'Hunan Guofang Keji University'],
    ['Northwestern Polytechnical University', 'entity-list', "China, People's Republic of", '66 FR 24266, 5/14/01', 'Northwest Polytechnical University'],
    ['DJI', 'entity-list', "China, People's Republic of", '85 FR 83420, 12/22/20', 'SZ DJI Technology Co., Ltd.'],
    ['Yangtze Memory Technologies Co., Ltd.', 'entity-list', "China, People's Republic of", '87 FR 77508, 12/19/22', 'YMTC'],
    ['ZTE Parsian', 'entity-list', 'Iran', '81 FR 12006, 3/8/16', null],
    ['China Electronics Technology Group Corporation 13th Research Institute (CETC 13)', 'entity-list', "China, People's Republic of", '83 FR 37427, 8/1/18', 'HSRI'],
    ['AO Kaspersky Lab', 'entity-list', 'Russia', '89 FR 52363, 6/24/24', 'AO Kaspersky Laboratory'],
    ['Kaspersky Labs Limited', 'entity-list', 'United Kingdom', '89 FR 52363, 6/24/24', 'Kaspersky Labs'],
    ['Positive Technologies', 'entity-list', 'Russia', '86 FR 60760, 11/4/21', null],
    ['Tupolev JSC', 'entity-list', 'Russia', '87 FR 12240, 3/3/22', null],
    ['CloudWalk Technology', 'entity-list', "China, People's Republic of", '85 FR 34505, 6/5/20', 'Chongqing Cloudwalk Technology Co., Ltd.'],
    ['Xiamen Meiya Pico Information Co. Ltd.', 'entity-list', "China, People's Republic of", '84 FR 54004, 10/9/19', null],
    ['Shanghai Micro Electronics Equipment (Group) Co., Ltd.', 'entity-list', "China, People's Republic of", '87 FR 77508, 12/19/22', 'Shanghai Microelectronics Equipment Company'],
    ['Tongfang NucTech Technology Ltd.', 'entity-list', "China, People's Republic of", '85 FR 83420, 12/22/20', 'NucTech'],
    ['Hytera Communications Limited', 'entity-list', "China, People's Republic of", '89 FR 68548, 8/27/24', 'Hytera Communications Ltd.'],
    ['Sichuan University', 'entity-list', "China, People's Republic of", '77 FR 58006, 9/19/12', null],
    ['Academy of Aerospace Solid Propulsion Technology (AASPT)', 'meu-list', "China, People's Republic of", '85 FR 83799, 12/23/2020', null],
    ['Bowei Integrated Circuits', 'entity-list', "China, People's Republic of", '83 FR 37427, 8/1/18', null],
    ['Department of Atomic Energy', 'entity-list', 'India', '63 FR 64322, 11/19/98', null],
    ['Joint Stock Company 766 UPTK', 'entity-list', 'Russia', '87 FR 60066, 10/4/22', null],
  ] as const)('pins %s', (name, list, country, firstCitation, alias) => {
    const e = find(name, list);
    expect(e.country).toBe(country);
    expect(citationTexts(e)[0]).toBe(firstCitation);
    if (alias) expect(e.aliases).toContain(alias);
  });

  it('agrees with the third-party reference parse on at least 99% of listed names', () => {
    const reference = JSON.parse(readFileSync(REFERENCE, 'utf8')) as { entities: { name: string }[] };
    const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const ours = new Set(byList('entity-list').map((e) => key(e.name)));
    // The reference keeps "(a.k.a. …" and "(f.k.a. …" inside names; we parse those as aliases.
    const theirs = reference.entities.map((e) => key(e.name.replace(/\s*\((?:a|f)\.k\.a\..*$/i, '')));
    const agreed = theirs.filter((n) => ours.has(n)).length;
    expect(agreed / theirs.length).toBeGreaterThanOrEqual(0.99);
  });
});

describe('bad input never makes a bundle', () => {
  const xml = readFileSync(SOURCE, 'utf8');
  const lexicon = loadLexicon();
  const parse = (text: string) => () => parsePart744(text, 'test.xml', lexicon);

  it.each([
    ['truncated XML', xml.slice(0, xml.length / 2), /test\.xml: XML: not well-formed/],
    ['a missing supplement', xml.replace('N="Supplement No. 6 to Part 744"', 'N="Supplement No. 66 to Part 744"'), /Supplement No\. 6 to Part 744: missing/],
    ['changed columns', xml.replace('>Listed person and address<', '>Person<'), /Supplement No\. 6 to Part 744: table columns changed/],
    ['an empty name', xml.replace('>Atlas Sanatgaran, Komitas 26/114, Yerevan, Armenia<', '> <'), /Supplement No\. 6 to Part 744, table row \d+: entry with an empty name/],
    ['not Part 744', '<?xml version="1.0"?><DIV5 N="745"></DIV5>', /expected the <DIV5 N="744">/],
  ])('%s', (_label, text, message) => {
    expect(parse(text)).toThrow(message);
  });
});
