/**
 * Screening a list, in Node: reading CSV, text and XLSX (written here with write-excel-file, the
 * sibling of the reader), encodings, the header and column guesses, the caps and the errors that
 * name a row; countries; each row's matches on the real list; the table's sort and filter; the
 * export with formula prefixes neutralised.
 */
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { countryAgreement, countryCode } from '../../src/core/countries';
import { buildLookupIndex, compiledNamesOf, type LookupIndex } from '../../src/core/lookup';
import { checkScreenQueries, screenNames, type ScreenMatch } from '../../src/core/screen';
import { buildScreenExport, screenExportToCsv, type ScreenedRow } from '../../src/core/screen-export';
import {
  decodeText,
  guessColumns,
  MAX_ROWS,
  parseDelimited,
  readTable,
  screenRowsOf,
  sniffDelimiter,
  TableError,
  type TableProblem,
} from '../../src/core/screen-table';
import { DEFAULT_SCREEN_VIEW, viewScreenedRows } from '../../src/core/screen-view';
import { realBundle, realMatcher } from './real-bundle';

const bytes = (text: string) => new TextEncoder().encode(text);

async function problemOf(work: () => unknown): Promise<TableProblem> {
  try {
    await work();
  } catch (error) {
    if (error instanceof TableError) return error.problem;
    throw error;
  }
  throw new Error('no TableError');
}

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  return new Uint8Array(await writeXlsxFile(rows.map((r) => r.map((value) => (value === null ? null : { value })))).toBuffer());
}

describe('reading a list', () => {
  it('reads CSV with a header, quoted commas, an empty row and a country column', async () => {
    const table = await readTable('list.csv', bytes('Company name,Country\n"Huawei Technologies Co., Ltd.",CN\n\nAcme Widgets,US\n'));
    expect(table.cells).toEqual([['Company name', 'Country'], ['Huawei Technologies Co., Ltd.', 'CN'], [''], ['Acme Widgets', 'US']]);
    const choice = guessColumns(table);
    expect(choice).toEqual({ hasHeader: true, nameColumn: 0, countryColumn: 1 });
    expect(screenRowsOf(table, choice)).toEqual({
      rows: [
        { row: 2, name: 'Huawei Technologies Co., Ltd.', country: 'CN' },
        { row: 4, name: 'Acme Widgets', country: 'US' },
      ],
      emptyRows: 1,
    });
  });

  it.each([
    ['a;b;c\nd;e;f\n', ';'],
    ['a\tb\nc\td\n', '\t'],
    ['"Huawei, Inc."\n"Megvii, Ltd."\n', null],
    ['Huawei Technologies\nHikvision\n', null],
    ['Name,Country\nHuawei, Inc.,China\nHikvision,China\nAcme,US\n', ','],
  ])('finds the delimiter of %j', (text, delimiter) => expect(sniffDelimiter(text)).toBe(delimiter));

  it('guesses the columns of a list without a header: the country column by its values, the name column by its words', () => {
    const table = parseDelimited('1001;RU;Kaspersky Lab\n1002;China;Hikvision\n1003;DE;Siemens AG\n', 'csv');
    expect(guessColumns(table)).toEqual({ hasHeader: false, nameColumn: 2, countryColumn: 1 });
  });

  it('takes a first row whose country cell is no country for a header', () => {
    const table = parseDelimited('Supplier\tWhere\nKaspersky Lab\tRussia\nHikvision\tChina\n', 'text');
    expect(guessColumns(table)).toMatchObject({ hasHeader: true, countryColumn: 1, nameColumn: 0 });
  });

  it('reads pasted names one a line, quotes and all', () => {
    const table = parseDelimited('Hikvision\n"Sense Time"\nO"Brien Trading\n', 'text');
    expect(table.cells).toEqual([['Hikvision'], ['Sense Time'], ['O"Brien Trading']]);
    expect(guessColumns(table)).toEqual({ hasHeader: false, nameColumn: 0, countryColumn: null });
  });

  it('names the row of malformed CSV', async () => {
    expect(await problemOf(() => readTable('bad.csv', bytes('name,country\nHikvision,CN\n"Megvii,CN\nAcme,US\n')))).toMatchObject({ kind: 'malformedCsv', row: 3 });
    expect(await problemOf(() => readTable('bad.csv', bytes('name,country\nHikvision,CN\n"Megvii" Ltd,CN\n')))).toMatchObject({ kind: 'malformedCsv', row: 3, line: 3 });
  });

  it('refuses binary data, naming its row, an old .xls and an empty file', async () => {
    expect(await problemOf(() => readTable('list.txt', bytes('Hikvision\nMegvii\n\u0000\u0001')))).toEqual({ kind: 'binary', row: 3 });
    expect(await problemOf(() => readTable('list.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2])))).toEqual({ kind: 'oldExcel' });
    expect(await problemOf(() => readTable('list.csv', new Uint8Array()))).toEqual({ kind: 'empty' });
  });

  it(`refuses a list of more than ${MAX_ROWS} rows, saying how many it has`, async () => {
    const text = Array.from({ length: MAX_ROWS + 5 }, (_, i) => `Company ${i},US`).join('\n');
    expect(await problemOf(() => readTable('big.csv', bytes(text)))).toEqual({ kind: 'tooManyRows', rows: MAX_ROWS + 5, max: MAX_ROWS });
  });

  it('decodes UTF-8, UTF-16 by its byte-order mark, and Windows-1252 text that is not UTF-8', () => {
    expect(decodeText(bytes('Zhōngxīng,CN'))).toEqual({ text: 'Zhōngxīng,CN', encoding: { name: 'utf-8', isGuess: false } });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Müller'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeText(utf16)).toEqual({ text: 'Müller', encoding: { name: 'utf-16le', isGuess: false } });
    // "Société Générale" as Excel on Western Windows saves it.
    const latin1 = new Uint8Array([...'Soci'].map((c) => c.charCodeAt(0)).concat([0xe9], [...'t'].map((c) => c.charCodeAt(0)), [0xe9]));
    expect(decodeText(latin1)).toEqual({ text: 'Société', encoding: { name: 'windows-1252', isGuess: true } });
    expect(decodeText(new Uint8Array([0xcf, 0xc0, 0xce]), 'windows-1251').text).toBe('ПАО');
  });

  it('reads the first sheet of an XLSX workbook, numbers and empty cells included', async () => {
    const table = await readTable('list.xlsx', await xlsx([['Name', 'Country', 'Id'], ['Kaspersky Lab', 'RUS', 7], [null, null, 8], ['Acme Widgets', 'USA', 9]]));
    expect(table.format).toBe('xlsx');
    expect(table.cells.map((r) => r.slice(0, 3))).toEqual([['Name', 'Country', 'Id'], ['Kaspersky Lab', 'RUS', '7'], ['', '', '8'], ['Acme Widgets', 'USA', '9']]);
    const choice = guessColumns(table);
    expect(choice).toEqual({ hasHeader: true, nameColumn: 0, countryColumn: 1 });
    expect(screenRowsOf(table, choice).emptyRows).toBe(1);
  });

  it('knows an XLSX file by its content, whatever its name, and says when a workbook is broken', async () => {
    const workbook = await xlsx([['Hikvision']]);
    expect((await readTable('list.csv', workbook)).format).toBe('xlsx');
    const broken = workbook.slice(0, workbook.length / 2);
    expect(await problemOf(() => readTable('list.xlsx', broken))).toMatchObject({ kind: 'malformedXlsx' });
  });
});

describe('countries', () => {
  it.each([
    ['China', 'CN'],
    ['CHN', 'CN'],
    ['cn', 'CN'],
    ["China, People's Republic of", 'CN'],
    ['Russian Federation', 'RU'],
    ['Burma', 'MM'],
    ['Crimea Region of Ukraine', 'UA'],
    ['Türkiye', 'TR'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['UAE', 'AE'],
    ['Acme', null],
    ['', null],
  ])('%s is %s', (text, code) => expect(countryCode(text)).toBe(code));

  it('knows every country the real list names', () => {
    const unknown = [...new Set(realBundle().details.entries.map((e) => e.country))].filter((c) => countryCode(c) === null);
    expect(unknown).toEqual([]);
  });

  it.each([
    ['RU', 'Russia', 'same'],
    ['Hong Kong', "China, People's Republic of", 'same'],
    ['DE', 'Russia', 'different'],
    ['', 'Russia', 'unknown'],
    ['Atlantis', 'Russia', 'unknown'],
  ] as const)('a row in %s and an entry in %s: %s', (row, entry, agreement) => expect(countryAgreement(row, entry)).toBe(agreement));
});

describe('screening on the real list', () => {
  let index: LookupIndex;
  beforeAll(() => {
    const entries = realBundle().details.entries;
    index = buildLookupIndex(entries, compiledNamesOf(realMatcher(), entries));
  }, 90_000);

  it('finds a listed name written differently, with the lookup’s reasons and the country agreement', () => {
    const [hik, kaspersky, acme] = screenNames(index, [
      { name: 'Hangzhou Hikvison Digital Technology Co Ltd', country: 'CN' },
      { name: 'Kaspersky Lab', country: 'Germany' },
      { name: 'Acme Widgets Incorporated', country: 'US' },
    ]);
    expect(hik![0]).toMatchObject({ listedName: 'Hangzhou Hikvision Digital Technology Co., Ltd.', countryAgreement: 'same' });
    expect(hik![0]!.reasons).toContain('typo');
    expect(kaspersky![0]).toMatchObject({ listedName: 'AO Kaspersky Lab', countryAgreement: 'different' });
    expect(acme).toEqual([]);
  });

  it('gives each row the same matches the lookup gives a whole name, at most three', () => {
    const [rows] = screenNames(index, [{ name: 'Huawei', country: '' }]);
    const lookup = index.search('Huawei', { limit: 3 });
    expect(rows!.length).toBeLessThanOrEqual(3);
    expect(rows!.map((m) => m.entryId)).toEqual(lookup.map((h) => h.entryId));
    expect(rows!.every((m) => m.countryAgreement === 'unknown')).toBe(true);
  });

  it('answers a word the same after it was remembered, and after a joined word used it', () => {
    const before = index.search('Hik', { limit: 3 });
    index.search('Hik Vision', { limit: 3 });
    expect(index.search('Hik', { limit: 3 })).toEqual(before);
  });

  it('checks what the page sends', () => {
    expect(checkScreenQueries([{ name: 'Hikvision', country: 'CN' }])).toBeNull();
    expect(checkScreenQueries([{ name: 'x'.repeat(201), country: '' }])).toMatch(/up to 500 rows/);
    expect(checkScreenQueries(Array.from({ length: 501 }, () => ({ name: 'a', country: '' })))).toMatch(/up to 500 rows/);
    expect(checkScreenQueries([{ name: 'a' }])).toMatch(/country/);
  });
});

function match(over: Partial<ScreenMatch>): ScreenMatch {
  return {
    entryId: 'e',
    list: 'entity-list',
    listedName: 'Listed',
    country: 'Russia',
    matchedName: 'Listed',
    matchedKind: 'listed',
    score: 1,
    reasons: ['exact'],
    countryAgreement: 'unknown',
    ...over,
  };
}

const ROWS: ScreenedRow[] = [
  { row: 2, name: 'Beta Trading', country: 'DE', matches: [match({ listedName: 'Beta Trading LLC', score: 0.8, countryAgreement: 'different' })] },
  { row: 3, name: 'Acme', country: '', matches: [] },
  { row: 4, name: 'Gamma Systems', country: 'RU', matches: [match({ listedName: 'Gamma Systems JSC', score: 0.95, countryAgreement: 'same', list: 'meu-list' })] },
];

describe('the result table', () => {
  it('sorts by score, highest first, by default; rows without a match last', () => {
    expect(viewScreenedRows(ROWS, DEFAULT_SCREEN_VIEW).map((r) => r.row)).toEqual([4, 2, 3]);
  });

  it.each([
    ['name', false, [3, 2, 4]],
    ['row', true, [4, 3, 2]],
    ['list', false, [3, 2, 4]],
    ['agreement', true, [4, 2, 3]],
  ] as const)('sorts by %s (descending: %s)', (sort, descending, order) => {
    expect(viewScreenedRows(ROWS, { ...DEFAULT_SCREEN_VIEW, sort, descending }).map((r) => r.row)).toEqual(order);
  });

  it.each([
    ['matched', '', [4, 2]],
    ['unmatched', '', [3]],
    ['countrySame', '', [4]],
    ['countryDifferent', '', [2]],
    ['all', 'gamma', [4]],
    ['all', 'trading llc', [2]],
  ] as const)('filters %s with the text %j', (filter, text, rows) => {
    expect(viewScreenedRows(ROWS, { ...DEFAULT_SCREEN_VIEW, filter, text }).map((r) => r.row)).toEqual(rows);
  });
});

describe('the export', () => {
  const rows: ScreenedRow[] = [
    { row: 2, name: '=HYPERLINK("http://x")', country: '+RU', matches: [match({ listedName: '@Listed', matchedName: '-Listed', score: 0.912 })] },
    { row: 3, name: 'Acme', country: '', matches: [] },
  ];
  const exported = buildScreenExport(rows, { source: 'list.csv', datasetDate: '2026-07-23', now: new Date('2026-12-02T10:00:00Z'), why: (m) => `why ${m.matchedName}` });

  it('neutralises formula prefixes in every CSV cell, one line per match and one for a row without', () => {
    const lines = screenExportToCsv(exported).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      '"2","\'=HYPERLINK(""http://x"")","\'+RU","1","0.912","\'@Listed","Entity List","Russia","unknown","\'-Listed","why -Listed","e","2026-07-23","2026-12-02T10:00:00.000Z"',
    );
    expect(lines[2]).toMatch(/^"3","Acme","","","",/);
  });

  it('says in JSON what a match is not', () => {
    expect(exported.note).toMatch(/not a legal determination/);
    expect(exported.rows[0]!.matches[0]).toMatchObject({ rank: 1, list: 'Entity List', why: 'why -Listed' });
  });
});
