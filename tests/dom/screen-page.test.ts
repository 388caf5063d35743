/**
 * The screen page in jsdom, built from its own index.html: pasted names and a chosen file are
 * read (by the worker's own module, run in the page: jsdom has no workers), sent to the
 * background in batches, shown, sorted, filtered, opened in the card and exported. The
 * background is the setup's message bus, answering screenNames with the real core/screen over a
 * lookup index of three entries.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildLookupIndex, type LookupEntry } from '../../src/core/lookup';
import type { EntryDetails } from '../../src/core/protocol';
import { screenNames, type ScreenQuery } from '../../src/core/screen';
import { readRequest, type ReadRequest } from '../../src/screen/read-worker';
import { fakeBrowser } from './setup';

const ENTRIES: LookupEntry[] = [
  { id: 'hik', list: 'entity-list', name: 'Hangzhou Hikvision Digital Technology Co., Ltd.', aliases: [], country: "China, People's Republic of" },
  { id: 'kas', list: 'entity-list', name: 'AO Kaspersky Lab', aliases: [], country: 'Russia' },
  { id: 'tup', list: 'meu-list', name: 'Tupolev Aviation Scientific Technical Complex', aliases: ['Tupolev'], country: 'Russia' },
];
const index = buildLookupIndex(ENTRIES, []);

function details(id: string): EntryDetails | null {
  const e = ENTRIES.find((x) => x.id === id);
  if (!e) return null;
  return {
    ...e, aliases: [...e.aliases], source: 'ecfr', addresses: [], licenseRequirement: 'For all items subject to the EAR.', licenseReviewPolicy: 'Presumption of denial.',
    citations: [], firstListed: '2019-10-09', footnotes: [], notes: '', listName: 'Entity List', listMeaning: 'Listed.', listUrl: 'https://example.org', footnoteTexts: [],
  };
}

let batches: number[] = [];

function answer(message: { listmark: string; args: unknown[] }): unknown {
  switch (message.listmark) {
    case 'getDataset':
      return { ok: { datasetDate: '2026-07-23', source: 'test', entryCount: 3, lists: [] } };
    case 'screenNames': {
      const queries = message.args[0] as ScreenQuery[];
      if (queries.length > 0) batches.push(queries.length);
      return { ok: screenNames(index, queries) };
    }
    case 'getEntries':
      return { ok: (message.args[0] as string[]).map(details) };
    default:
      return { error: 'unexpected' };
  }
}

/** jsdom has no workers: this one runs the worker's module in the page, a turn later. */
class PageWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  postMessage(request: ReadRequest) {
    void readRequest(request).then((reply) => this.onmessage?.({ data: reply }));
  }
  terminate() {}
}

const send = fakeBrowser.runtime.sendMessage;
const exported: Blob[] = [];

/** jsdom's Blob has no arrayBuffer() or text(): read it as browsers do, through FileReader. */
function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(reader.result as ArrayBuffer);
    reader.onerror = () => fail(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
const blobText = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBlob(blob));
const hadArrayBuffer = 'arrayBuffer' in Blob.prototype;

beforeEach(async () => {
  batches = [];
  exported.length = 0;
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => answer(message as { listmark: string; args: unknown[] })) as typeof send;
  vi.stubGlobal('Worker', PageWorker);
  if (!hadArrayBuffer) Blob.prototype.arrayBuffer = function (this: Blob) { return readBlob(this); };
  URL.createObjectURL = (blob: Blob) => {
    exported.push(blob);
    return 'blob:test';
  };
  URL.revokeObjectURL = () => {};
  HTMLAnchorElement.prototype.click = function () {};
  const html = readFileSync(resolve(import.meta.dirname, '../../src/screen/index.html'), 'utf8');
  document.body.replaceChildren(new DOMParser().parseFromString(html, 'text/html').body.cloneNode(true));
  vi.resetModules();
  await import('../../src/screen/screen');
});

afterEach(() => {
  fakeBrowser.runtime.sendMessage = send;
  vi.unstubAllGlobals();
  if (!hadArrayBuffer) delete (Blob.prototype as Partial<Blob>).arrayBuffer;
  document.body.replaceChildren();
});

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const status = () => $('#status').textContent ?? '';
const names = () => [...document.querySelectorAll('#table tbody td.name')].map((td) => td.textContent);

async function paste(text: string): Promise<void> {
  $<HTMLTextAreaElement>('#paste').value = text;
  $('#screen-paste').click();
  await vi.waitFor(() => expect(status()).toMatch(/rows screened in/));
}

describe('the screen page', () => {
  it('says what a match is not, and that nothing leaves the browser', () => {
    expect(document.body.textContent).toContain('A match is not a legal determination, and no match proves nothing');
    expect(document.body.textContent).toContain('nothing you screen leaves it');
  });

  it('screens pasted names with countries: matches, why, country agreement, the rows without', async () => {
    await paste('Hikvison Digital Technology\tCN\nKaspersky Lab\tGermany\nAcme Widgets\tUS\n\nTupolev\t\n');
    expect(status()).toMatch(/^4 rows screened in [\d.]+ s: 3 with a possible match, 1 without\. 1 row without a name was skipped\.$/);
    expect($<HTMLInputElement>('#has-header').checked).toBe(false);
    expect($<HTMLSelectElement>('#country-column').value).toBe('1');
    const hik = $('#table tbody[data-row="1"]');
    expect(hik.querySelector('button.entry')!.textContent).toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(hik.querySelector('.why')!.textContent).toMatch(/^matched the listed name “Hangzhou Hikvision Digital Technology Co\., Ltd\.”: .*a typo allowed for/);
    expect(hik.querySelector('.agreement')!.textContent).toBe("same: China, People's Republic of");
    expect($('#table tbody[data-row="2"] .agreement').textContent).toBe('differs: Russia');
    expect($('#table tbody[data-row="5"] .agreement').textContent).toBe('Russia');
    expect($('#table tbody[data-row="3"] td.none').textContent).toBe('No match');
    expect($('#progress-row').hidden).toBe(true);
  });

  it('sorts by a column and back, and filters by what matched and by text', async () => {
    await paste('Kaspersky Lab\nAcme Widgets\nTupolev\nHikvision Digital Technology\n');
    const sortBy = (key: string) => $<HTMLButtonElement>(`th button[data-sort=${key}]`).click();
    sortBy('name');
    expect(names()).toEqual(['Acme Widgets', 'Hikvision Digital Technology', 'Kaspersky Lab', 'Tupolev']);
    expect($('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    sortBy('name');
    expect(names()).toEqual(['Tupolev', 'Kaspersky Lab', 'Hikvision Digital Technology', 'Acme Widgets']);
    const filter = $<HTMLSelectElement>('#filter');
    filter.value = 'unmatched';
    filter.dispatchEvent(new Event('change'));
    expect(names()).toEqual(['Acme Widgets']);
    filter.value = 'all';
    filter.dispatchEvent(new Event('change'));
    const text = $<HTMLInputElement>('#filter-text');
    text.value = 'aviation';
    text.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(names()).toEqual(['Tupolev']));
    expect($('#shown').textContent).toBe('1 of 4 rows shown; exports hold the rows shown.');
  });

  it('exports the rows shown as CSV with formula prefixes neutralised, and as JSON', async () => {
    await paste('=cmd|calc\nKaspersky Lab\n');
    $('#export-csv').click();
    const csv = await blobText(exported[0]!);
    expect(csv.split('\r\n')[0]).toBe('\ufeff"row","name","country","rank","score","listed_name","list","entry_country","country_agreement","matched_name","why","entry_id","dataset_date","exported_at"');
    expect(csv).toContain(`"1","'=cmd|calc","",`);
    $('#export-json').click();
    const json = JSON.parse(await blobText(exported[1]!)) as { source: string; rows: { name: string; matches: { listedName: string }[] }[] };
    expect(json.source).toBe('pasted names');
    expect(json.rows.map((r) => r.matches[0]?.listedName ?? null)).toEqual(['AO Kaspersky Lab', null]);
  });

  it('opens the listing’s card from a match and closes it with Escape, focus back on the match', async () => {
    await paste('Kaspersky Lab\n');
    const open = $<HTMLButtonElement>('#table button.entry');
    open.click();
    const host = $('#card-host');
    await vi.waitFor(() => expect(host.hidden).toBe(false));
    expect(host.shadowRoot!.textContent).toContain('AO Kaspersky Lab');
    expect(host.shadowRoot!.textContent).toContain('not a legal determination');
    host.shadowRoot!.querySelector('.card')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host.hidden).toBe(true);
    expect(document.activeElement).toBe(open);
  });

  it('reads a chosen CSV file with a header, in batches, and screens again when another column is chosen', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => `Acme ${i},Kaspersky Lab,RU`);
    const file = new File([`Id,Supplier name,Country\n${rows.join('\n')}\n`], 'suppliers.csv', { type: 'text/csv' });
    const input = $<HTMLInputElement>('#file');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(status()).toMatch(/^450 rows screened/));
    expect(batches).toEqual([200, 200, 50]);
    expect($<HTMLSelectElement>('#name-column').value).toBe('1');
    expect(status()).toMatch(/450 with a possible match/);
    const nameColumn = $<HTMLSelectElement>('#name-column');
    nameColumn.value = '0';
    nameColumn.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(status()).toMatch(/^450 rows screened in [\d.]+ s: 0 with a possible match/));
  });

  it('names the row of a malformed CSV file, and refuses an old .xls workbook', async () => {
    const input = $<HTMLInputElement>('#file');
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
    };
    choose(new File(['name,country\nHikvision,CN\nKaspersky,RU\n"Tupolev,RU\n'], 'bad.csv'));
    await vi.waitFor(() => expect($('#error').hidden).toBe(false));
    expect($('#error').textContent).toMatch(/^Row 4 \(line 4 of the file\) cannot be read as CSV: Quote Not Closed/);
    choose(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])], 'old.xls'));
    await vi.waitFor(() => expect($('#error').textContent).toMatch(/old Excel \(\.xls\) workbook/));
  });

  it('says when a file is not UTF-8, and reads it again in the encoding chosen', async () => {
    // "Kaspersky Laboratoriya" with Cyrillic "Лаборатория" in Windows-1251: not UTF-8.
    const cyrillic = [0xcb, 0xe0, 0xe1, 0xee, 0xf0, 0xe0, 0xf2, 0xee, 0xf0, 0xe8, 0xff];
    const file = new File([new Uint8Array([...new TextEncoder().encode('Kaspersky '), ...cyrillic, 0x0a])], 'list.txt');
    const input = $<HTMLInputElement>('#file');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(status()).toMatch(/^1 rows screened/));
    expect($('#encoding-note').hidden).toBe(false);
    expect($('#encoding-note').textContent).toContain('read as windows-1252');
    const encoding = $<HTMLSelectElement>('#encoding');
    encoding.value = 'windows-1251';
    encoding.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(names()).toEqual(['Kaspersky Лаборатория']));
    expect($('#encoding-note').hidden).toBe(true);
  });
});
