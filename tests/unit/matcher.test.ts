/** Matching rules on a small variant set, then on the real bundle. */
import { describe, expect, it } from 'vitest';
import { encodeMatcherData, Matcher } from '../../src/core/matcher';
import type { Variant } from '../../src/core/variants';
import { flagged, realBundle } from './real-bundle';

const ENTRIES = [
  { id: 'e0', list: 'entity-list' as const },
  { id: 'e1', list: 'entity-list' as const },
  { id: 'e2', list: 'meu-list' as const },
  { id: 'e3', list: 'entity-list' as const },
];
const VARIANTS: Variant[] = [
  { text: 'Huawei', entryIndex: 0, kind: 'derived', caseSensitive: false },
  { text: 'Huawei Technologies Co., Ltd.', entryIndex: 0, kind: 'listed', caseSensitive: false },
  { text: 'SMIC', entryIndex: 1, kind: 'acronym', caseSensitive: true },
  { text: 'Société Générale Électronique', entryIndex: 2, kind: 'listed', caseSensitive: false },
  { text: "Xi'an Aero-Engine", entryIndex: 3, kind: 'listed', caseSensitive: false },
  { text: '华为技术', entryIndex: 0, kind: 'alias', caseSensitive: false },
  { text: 'Center (Lab)', entryIndex: 2, kind: 'alias', caseSensitive: false },
  { text: 'JSC “Star”', entryIndex: 2, kind: 'alias', caseSensitive: true },
  { text: 'Megvii', entryIndex: 3, kind: 'derived', caseSensitive: false },
];
const matcher = new Matcher(encodeMatcherData(VARIANTS, ENTRIES));
const texts = (text: string) => matcher.findMatches(text).map((m) => text.slice(m.start, m.end));

describe('Matcher rules', () => {
  it.each([
    ['whole words only', 'Huaweis and HuaweiX and xHuawei', []],
    ['case-insensitive for distinctive names', 'HUAWEI and Huawei and HuaWei', ['HUAWEI', 'Huawei', 'HuaWei']],
    ['a one-word name all in lower case is a word of the text', 'huawei and hua\u200dwei', []],
    ['case-sensitive for short acronyms', 'SMIC, not smic or Smic', ['SMIC']],
    ['folds diacritics', 'Societe Generale Electronique', ['Societe Generale Electronique']],
    ['folds quotes, hyphens and dashes', 'Xi’an Aero–Engine and Xi an Aero Engine', ['Xi’an Aero–Engine', 'Xi an Aero Engine']],
    ['folds any whitespace run', 'Huawei\n  Technologies\u00a0Co.,\tLtd.', ['Huawei\n  Technologies\u00a0Co.,\tLtd.']],
    ['tolerates a possessive', "Huawei's phones and Huawei’s", ['Huawei', 'Huawei']],
    ['prefers the longest match', 'Huawei Technologies Co., Ltd. said', ['Huawei Technologies Co., Ltd.']],
    ['matches CJK without word boundaries', '据报道华为技术有限公司', ['华为技术']],
    ['ignores zero-width joiners inside names', 'Hua\u200dwei', ['Hua\u200dwei']],
    ['covers the closing bracket and quote a name ends in', 'the Center (Lab) and JSC "Star" said', ['Center (Lab)', 'JSC "Star"']],
    ['covers a legal form written after a name listed without one', 'Megvii Corp. and Megvii Co., Ltd said', ['Megvii Corp.', 'Megvii Co., Ltd']],
    ['takes a legal form written first into the name', 'part of JSC Megvii said', ['JSC Megvii']],
    ['leaves a form that starts the next name to it', 'Megvii Corp, JSC Huawei said', ['Megvii Corp', 'JSC Huawei']],
    ['never joins paragraphs', 'Huawei\n\nTechnologies Co., Ltd.', ['Huawei']],
    ['never joins list items', 'Megvii\n• Huawei', ['Megvii', 'Huawei']],
    ['leaves no bracket open', 'the Center (Lab, Beijing', []],
    ['covers the kind of company written after a name', 'Megvii Technology Co and Megvii technology', ['Megvii Technology Co', 'Megvii']],
    ['covers a legal form written in capitals', 'Megvii PTE. LTD said', ['Megvii PTE. LTD']],
    ['finds nothing in empty text', '', []],
  ])('%s', (_rule, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('reports offsets into the original text, the variant and every entry sharing the name', () => {
    const [m] = matcher.findMatches('— SMIC —');
    expect(m).toMatchObject({ start: 2, end: 6 });
    expect(matcher.variantText(m!.variant)).toBe('SMIC');
    expect(matcher.variantKind(m!.variant)).toBe('acronym');
    expect(matcher.entryId(m!.variant)).toBe('e1');
  });

  it('never reports overlapping matches', () => {
    const found = matcher.findMatches('Huawei Huawei Technologies Co., Ltd. SMIC SMIC');
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('does not report a one-word name that is part of another name ("China Unicom", "Lake Baikal")', () => {
    const variants: Variant[] = [
      { text: 'Unicom', entryIndex: 0, kind: 'derived', caseSensitive: false },
      { text: 'Baikal', entryIndex: 1, kind: 'alias', caseSensitive: true },
      { text: 'SMIC', entryIndex: 1, kind: 'acronym', caseSensitive: true },
      { text: 'Baikal Electronics', entryIndex: 3, kind: 'listed', caseSensitive: false },
    ];
    const vetoing = new Matcher(encodeMatcherData(variants, ENTRIES, ['china', 'lake']));
    const found = (text: string) => vetoing.findMatches(text).map((m) => text.slice(m.start, m.end));
    expect(found('China Unicom and Lake Baikal')).toEqual([]);
    // Only right after the word, written with a capital; acronyms and longer names are never part of another.
    // (A one-word name in lower case is a word of the text, not the name: "china unicom" is not flagged.)
    expect(found('Unicom, China; Baikal said; China’s Unicom; china unicom')).toEqual(['Unicom', 'Baikal', 'Unicom']);
    expect(found('China SMIC and Lake Baikal Electronics')).toEqual(['SMIC', 'Baikal Electronics']);
  });

  it('rejects data of another format', () => {
    expect(() => new Matcher({ format: 'other' } as never)).toThrow(/Unknown matcher format/);
  });
});

describe('the real bundle', () => {
  it('compiles no list label, address or word fragment into a name to match', () => {
    const bad = realBundle().matcher.variants.filter(
      (v) =>
        /\b(?:a\.k\.a|f\.k\.a)\b|\baddress(?:es)?\b\s*(?::|\d)|following\s+(?:\w+\s+)?alia/i.test(v) ||
        /^(?:and|of|the|as|an|including)\s/.test(v) || // the tail of a longer name, or the list's prose
        /^[\s,;:.]/.test(v) ||
        /\b\d+\s+[\p{L}-]+\s+(?:Street|Road|Avenue|Ave|St|Rd|Ulitsa|Prospekt)\b/u.test(v),
    );
    expect(bad).toEqual([]);
  });

  it('flags exactly what a reader expects in the seed article', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../shared/fixtures/seed-article.txt', import.meta.url), 'utf8');
    const names = new Set(flagged(text).map((f) => f.text));
    expect([...names].sort()).toEqual(['Huawei', 'Hikvision', 'iFlytek', 'Megvii', 'SenseTime', 'Yitu'].sort());
  });

  it.each([
    ['Hikvision cameras', 'Hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.'],
    ['shares of SenseTime fell', 'SenseTime', 'Beijing Sensetime Technology Development Co., Ltd.'],
    // Two everyday words: a weak name, flagged where the page names the company strongly too.
    ['Sense Time said; SenseTime shares fell', 'Sense Time', 'Beijing Sensetime Technology Development Co., Ltd.'],
    ['Megvii and Yitu', 'Megvii', 'Megvii Technology'],
    ["Huawei's new phone", 'Huawei', 'Huawei Technologies Co., Ltd.'],
    ['SMIC shares', 'SMIC', 'Semiconductor Manufacturing International Corporation (SMIC)'],
    ['Dahua Technology and Dahua', 'Dahua Technology', 'Dahua Technology'],
    ['Tactical Missile Corporation', 'Tactical Missile Corporation', 'Tactical Missile Corporation'],
  ])('%s', (text, expectedText, listedName) => {
    const found = flagged(text);
    expect(found[0]).toMatchObject({ text: expectedText, listedName });
  });

  it('does not flag a weak name the text never backs with a strong one', () => {
    expect(flagged('Sense Time said')).toEqual([]);
  });

  it('takes an everyday word before the kind of company for a name, written with its capitals only', () => {
    expect(flagged('Positive Technologies was added.')).toEqual([expect.objectContaining({ text: 'Positive Technologies', listedName: 'Positive Technologies' })]);
    expect(flagged('Toga Networks was added.')).toEqual([expect.objectContaining({ text: 'Toga Networks', listedName: 'Toga Networks' })]);
    expect(flagged('a positive technologies outlook')).toEqual([]);
    // A person, a nationality or a generic word first keeps the name weak.
    expect(flagged('Russian Helicopters said')).toEqual([]);
    expect(flagged('Hansen Technologies said')).toEqual([]);
  });

  it.each([
    'Arrow Electronics reported earnings',
    'Apple and Nvidia and Intel and Alibaba and Informa',
    'ZTE Corporation phones',
    'the Ministry of Defense said',
    'Aviation Industry news',
    'under blue sky at the Nova Scotia conference',
    // Everyday words and an acronym: only the capitals make them a name.
    'the Russian foreign intelligence service SVR was behind it',
    // Without "The", an everyday phrase of three words is a kind of shop again.
    'ration from the nearest Fair Price Shop',
    'Dick Leung, the singer',
    // An adjective and the kind of company is a description ("High Technologies, Ltd." is listed).
    'the International Centre for Science and High Technology',
    'Inside Unmanned Systems looks at the laws',
    // Listed by these letters alone, yet the Dow Jones Industrial Average's ticker too.
    'calculated and marketed by DJI Opco, a subsidiary of S&P Dow Jones Indices',
  ])('flags nothing in %s', (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it('takes an acronym the text defines as another organisation for that one', () => {
    // AVIC International Holding Corporation is listed; the Aviation Industry Corporation of China is not.
    expect(flagged('Aviation Industry Corporation of China (AVIC) and eight entities')).toEqual([]);
    expect(flagged('AVIC International Holding Corporation (AVIC) was added')).toEqual([
      expect.objectContaining({ text: 'AVIC International Holding Corporation', listedName: 'AVIC International Holding Corporation' }),
      expect.objectContaining({ text: 'AVIC', listedName: 'AVIC International Holding Corporation' }),
    ]);
    expect(flagged('Semiconductor Manufacturing Intl Corp (SMIC) was added').map((f) => f.text)).toEqual(['Semiconductor Manufacturing Intl Corp', 'SMIC']);
  });

  it('takes a brand written with another kind of legal form than the entry is listed with for another company', () => {
    // AO Kaspersky Lab is listed; Kaspersky Lab, Inc. is its US arm. Milur SA is listed, not Milur Electronics LLC.
    expect(flagged('Treasury prohibited Kaspersky Lab, Inc., along with its affiliates')).toEqual([]);
    expect(flagged('companies from Armenia (Milur Electronics LLC)')).toEqual([]);
    // Forms of the same kind are the same company: "Corp." for "Corporation", "JSC" for "AO".
    expect(flagged('SMIC Corp. and Kaspersky Lab JSC').map((f) => f.text)).toEqual(['SMIC Corp.', 'Kaspersky Lab JSC']);
  });

  it('takes a Russian legal form spelled out before a name, also misspelled, as part of it', () => {
    expect(flagged('- Obshchchestvo S Ogranichennoi Otvetstvennostyu Neobit').map((f) => f.text)).toEqual(['Obshchchestvo S Ogranichennoi Otvetstvennostyu Neobit']);
  });

  it.each([
    // A surname and an everyday word, an official alias.
    ['shipped through Lerma Trading to Moscow', 'Lerma Trading', 'Lerma Trading S.A.'],
    // A word and a legal form.
    ['payments to Tako LLC', 'Tako LLC', 'Tako LLC'],
    // The list's own typo mended ("Techology").
    ['Suma Technology Co., Ltd. was added', 'Suma Technology Co., Ltd.', 'Suma Techology Co., Ltd.'],
    // A leading "The" left out of a long name.
    ['the Test Flying Academy of South Africa trained them', 'Test Flying Academy of South Africa', 'The Test Flying Academy of South Africa'],
    // A place the list qualifies a subsidiary by, left out.
    ['BGI Tech Solutions was added', 'BGI Tech Solutions', 'BGI Tech Solutions (Hongkong) Co., Ltd.'],
    // "in" before a trailing place, and "Supercomputer" for "Supercomputing".
    ['the National Supercomputer Center in Wuxi', 'National Supercomputer Center in Wuxi', 'National Supercomputing Center Wuxi'],
    // An ordinal for the number a name starts with.
    ['the 558th Aircraft Repair Plant in Baranovichi', '558th Aircraft Repair Plant', '558 Aircraft Repair Plant JSC'],
    // Opening brackets and quotes that are part of the name.
    ["'Wolf' Holding of Security Structures was added", "'Wolf' Holding of Security Structures", "'Wolf' Holding of Security Structures"],
  ])('%s', (text, expectedText, listedName) => {
    expect(flagged(text)).toEqual([expect.objectContaining({ text: expectedText, listedName })]);
  });
});
