/**
 * Issue 13 §3 in the built extension, in real Chromium and Firefox: the screen page, reached from
 * the options page's link, reads a CSV file and an XLSX file (written here with write-excel-file,
 * the sibling of the reader the page uses) chosen in its file input, screens every row, sorts and
 * filters the results, opens a listing's card and exports CSV and JSON. Chromium takes the
 * README's screenshot (artifacts/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumDriver, FirefoxDriver, type Driver, type TestPage } from './drivers';
import { captureExport, HIKVISION_LISTED_NAME } from './expectations';
import { useBrowser } from './use-browser';

const artifacts = resolve(import.meta.dirname, '../../artifacts');
mkdirSync(artifacts, { recursive: true });
const only = process.env.LISTMARK_BROWSERS;
const drivers: Driver[] = [new ChromiumDriver(), new FirefoxDriver()].filter((d) => !only || only.split(',').includes(d.name));
const files = mkdtempSync(join(tmpdir(), 'listmark-screen-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

/** A list as a compliance team keeps one: listed names written their own way, unlisted ones, a blank row, a formula. */
const ROWS = [
  ['Counterparty', 'Country'],
  ['Hangzhou Hikvison Digital Technology Co Ltd', 'China'],
  ['Kaspersky Lab', 'DE'],
  ['Rheinmetall Logistics GmbH', 'Germany'],
  ['', ''],
  ['Megvii Technology Limited', 'CHN'],
  ['=HYPERLINK("http://example.org")', 'US'],
];
const CSV_PATH = join(files, 'counterparties.csv');
writeFileSync(CSV_PATH, ROWS.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'));
const XLSX_PATH = join(files, 'counterparties.xlsx');

/** Runs in the screen page: the rows of the result table as text, one array per screened row. */
function tableRows(): { row: string; name: string; match: string; agreement: string }[] {
  return [...document.querySelectorAll('#table tbody')].map((tbody) => ({
    row: tbody.querySelector('td.num')?.textContent ?? '',
    name: tbody.querySelector('td.name')?.textContent ?? '',
    match: tbody.querySelector('button.entry')?.textContent ?? '',
    agreement: tbody.querySelector('td.agreement')?.textContent ?? '',
  }));
}

const isDone = () => /rows screened in/.test(document.getElementById('status')?.textContent ?? '');

describe.each(drivers)('Screening a list in $name', (driver) => {
  useBrowser(driver);
  const shot = (page: TestPage, name: string) => (driver.name === 'chromium' ? page.screenshot(join(artifacts, `${name}.png`)) : Promise.resolve());

  it('opens from the options page, screens a CSV file, sorts, filters, opens a card and exports', async () => {
    const options = await driver.openExtensionPage('src/options/index.html');
    const href = await options.evaluate(() => (document.getElementById('screen') as HTMLAnchorElement).href, null);
    expect(href).toMatch(/\/src\/screen\/index\.html$/);
    await options.close();
    const popup = await driver.openExtensionPage('src/popup/index.html');
    expect(await popup.evaluate(() => (document.getElementById('screen') as HTMLAnchorElement).href, null)).toBe(href);
    await popup.close();

    const page = await driver.open(href);
    expect(await page.evaluate(() => document.body.textContent, null)).toContain('A match is not a legal determination, and no match proves nothing');
    await page.chooseFile('#file', CSV_PATH);
    await page.waitFor(isDone, null, 60_000);
    const status = await page.evaluate(() => document.getElementById('status')!.textContent, null);
    expect(status).toMatch(/^5 rows screened in [\d.]+ s: 3 with a possible match, 2 without\. 1 row without a name was skipped\.$/);
    // Sorted by score: the three listed names first.
    const rows = await page.evaluate(tableRows, null);
    expect(rows.slice(0, 3).map((r) => r.match).sort()).toEqual(['AO Kaspersky Lab', HIKVISION_LISTED_NAME, 'Megvii Technology']);
    expect(rows.find((r) => r.match === HIKVISION_LISTED_NAME)!.agreement).toBe("same: China, People's Republic of");
    expect(rows.find((r) => r.match === 'AO Kaspersky Lab')!.agreement).toBe('differs: Russia');
    await shot(page, `${driver.name}-screen`);

    // Sort by row number, then filter to rows without a match and by text.
    await page.evaluate(() => (document.querySelector('th button[data-sort=row]') as HTMLButtonElement).click(), null);
    expect((await page.evaluate(tableRows, null)).map((r) => r.row)).toEqual(['2', '3', '4', '6', '7']);
    await page.evaluate(() => (document.querySelector('th button[data-sort=row]') as HTMLButtonElement).click(), null);
    expect((await page.evaluate(tableRows, null)).map((r) => r.row)).toEqual(['7', '6', '4', '3', '2']);
    await page.evaluate(() => {
      const filter = document.getElementById('filter') as HTMLSelectElement;
      filter.value = 'unmatched';
      filter.dispatchEvent(new Event('change'));
    }, null);
    expect((await page.evaluate(tableRows, null)).map((r) => r.name)).toEqual(['=HYPERLINK("http://example.org")', 'Rheinmetall Logistics GmbH']);
    const csv = await page.evaluate(captureExport, 'export-csv');
    expect(csv.split('\r\n')[0]).toContain('"row","name","country","rank","score"');
    expect(csv).toContain(`"7","'=HYPERLINK(""http://example.org"")","US"`);
    expect(csv).not.toContain('Kaspersky');
    await page.evaluate(() => {
      const filter = document.getElementById('filter') as HTMLSelectElement;
      filter.value = 'all';
      filter.dispatchEvent(new Event('change'));
      const text = document.getElementById('filter-text') as HTMLInputElement;
      text.value = 'kaspersky';
      text.dispatchEvent(new Event('input'));
    }, null);
    await page.waitFor(() => document.querySelectorAll('#table tbody').length === 1, null);
    const json = JSON.parse(await page.evaluate(captureExport, 'export-json')) as { source: string; datasetDate: string; note: string; rows: { row: number; matches: { listedName: string; why: string; countryAgreement: string }[] }[] };
    expect(json).toMatchObject({ source: 'counterparties.csv', datasetDate: '2026-07-23' });
    expect(json.note).toMatch(/not a legal determination/);
    expect(json.rows).toHaveLength(1);
    expect(json.rows[0]!.matches[0]).toMatchObject({ listedName: 'AO Kaspersky Lab', countryAgreement: 'different' });
    expect(json.rows[0]!.matches[0]!.why).toMatch(/^matched /);

    // The listing's card, as the popup's lookup opens it.
    await page.evaluate(() => (document.querySelector('#table button.entry') as HTMLButtonElement).click(), null);
    await page.waitFor(() => (document.getElementById('card-host')!.shadowRoot?.textContent ?? '').includes('Official list'), null);
    expect(await page.evaluate(() => document.getElementById('card-host')!.shadowRoot!.textContent, null)).toContain('AO Kaspersky Lab');
    await page.press('Escape');
    await page.waitFor(() => document.getElementById('card-host')!.hidden, null);
    expect(page.extensionErrors()).toEqual([]);
    await page.close();
  });

  it('screens an XLSX file, and names the row of a malformed CSV file', async () => {
    // 1,500 more rows with a long note each: the workbook's strings unpack to over 512 KB, where
    // the zip reader would hand them to a blob: worker that an extension page may not start.
    const filler = Array.from({ length: 1_500 }, (_, i) => [`Filler Bakery ${i}`, 'France', `${'Delivered weekly. '.repeat(20)}${i}`]);
    await writeXlsxFile([...ROWS, ...filler].map((r) => r.map((value) => (value ? { value } : null)))).toFile(XLSX_PATH);
    const page = await driver.openExtensionPage('src/screen/index.html');
    await page.chooseFile('#file', XLSX_PATH);
    await page.waitFor(isDone, null, 90_000);
    expect(await page.evaluate(() => document.getElementById('status')!.textContent, null)).toMatch(/^1,505 rows screened in /);
    expect((await page.evaluate(tableRows, null)).map((r) => r.match)).toContain(HIKVISION_LISTED_NAME);
    expect(await page.evaluate(() => (document.getElementById('country-column') as HTMLSelectElement).value, null)).toBe('1');

    const broken = join(files, 'broken.csv');
    writeFileSync(broken, 'name,country\nHikvision,CN\n"Megvii,CN\nAcme,US\n');
    await page.chooseFile('#file', broken);
    await page.waitFor(() => !document.getElementById('error')!.hidden, null);
    expect(await page.evaluate(() => document.getElementById('error')!.textContent, null)).toMatch(/^Row 3 \(line \d+ of the file\) cannot be read as CSV/);
    expect(page.extensionErrors()).toEqual([]);
    await page.close();
  });
});
