/**
 * The Consolidated Screening List option, end to end: the real built extension asks trade.gov's
 * real address, which the local stand-in answers (tests/e2e/official-source.ts) with a
 * consolidated.json made of real CSL rows (tests/fixtures/csl-sample.ts), then with a 304 for
 * its ETag, broken JSON and a download over the size cap. Each case checks the data in use stays
 * whole. The tests run in order in one browser, each from the state the one before left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumDriver, FirefoxDriver, type Driver, type TestPage } from './drivers';
import { CSL_PATH, SHIPPED_XML, startOfficialSource, type OfficialSource, type Scenario } from './official-source';
import { startServer, type PageServer } from './server';
import { checkLine, clickById, highlightedNames, openOptions, UPDATE_WAIT_MS, updateStatus, waitForCheckLine, waitForHighlight, waitForRefusal } from './update-pages';
import { cslSampleJson } from '../fixtures/csl-sample';

const BUNDLED_DATE = '2026-07-23';
const TODAY = new Date().toISOString().slice(0, 10);
const CSL_REQUEST = `data.trade.gov${CSL_PATH}`;
const FIRST_ETAG = '"csl-first"';
/** The eCFR text stays the bundled one throughout: only the CSL changes. */
const unchangedText = (csl?: Scenario['csl']): Scenario => ({ latestDate: BUNDLED_DATE, xml: { kind: 'xml', body: SHIPPED_XML }, ...(csl ? { csl } : {}) });

const browsers = process.env.LISTMARK_BROWSERS ? process.env.LISTMARK_BROWSERS.split(',') : ['chromium', 'firefox'];

describe.each(browsers)('the Consolidated Screening List option in %s', (browserName) => {
  let source: OfficialSource;
  let pages: PageServer;
  let driver: Driver;
  let options: TestPage;

  beforeAll(async () => {
    source = await startOfficialSource(unchangedText({ kind: 'json', body: cslSampleJson(), etag: FIRST_ETAG }));
    pages = await startServer();
    driver = browserName === 'firefox' ? new FirefoxDriver({ proxyPort: source.proxyPort }) : new ChromiumDriver([], { proxyPort: source.proxyPort });
    await driver.launch();
    options = await openOptions(driver);
  });
  afterAll(async () => {
    await driver?.close();
    await pages?.close();
    await source?.close();
  });

  /** The options page's line for one list: its text and whether it can be checked. */
  const listLine = (name: string) =>
    options.evaluate((listName) => {
      const label = [...document.querySelectorAll('#lists label')].find((l) => l.textContent?.trim().startsWith(listName));
      const box = label?.querySelector('input');
      return label && box ? { text: label.textContent?.trim() ?? '', disabled: box.disabled, checked: box.checked } : null;
    }, name);

  it('turning updating on asks nothing of trade.gov', async () => {
    await clickById(options, 'updates-enabled');
    await waitForCheckLine(options, 'no change');
    expect(source.requests()).toEqual(['www.ecfr.gov/api/versioner/v1/versions/title-15.json?part=744']);
  });

  // Chromium's test build holds both hosts granted (drivers.ts), and Chromium grants a request for
  // a host it holds without asking: a refusal can only be made to happen in Firefox.
  it.skipIf(browserName === 'chromium')('refused permission: the option stays off and trade.gov is not asked', async () => {
    source.clearRequests();
    // A request made outside a user's click is refused by the browser, as a user's "no" would be:
    // no test can press either browser's permission prompt.
    await options.evaluate(() => {
      const box = document.getElementById('updates-csl') as HTMLInputElement;
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    }, null);
    await waitForRefusal(options, 'did not grant access to data.trade.gov');
    expect(await options.evaluate(() => (document.getElementById('updates-csl') as HTMLInputElement).checked, null)).toBe(false);
    expect(await options.evaluate(updateStatus, null)).toMatchObject({ preferences: { enabled: true, csl: false }, cslDate: null, inUse: { origin: 'bundled' } });
    expect(await listLine('Nonproliferation Sanctions')).toMatchObject({ disabled: true, checked: false, text: expect.stringMatching(/available with the Consolidated Screening List update/) });
    expect(source.requests().filter((r) => r.startsWith('data.trade.gov'))).toEqual([]);
  });

  it('turned on: downloads consolidated.json, its lists become checkable and their names light up', async () => {
    const news = await driver.open(pages.url('/csl-news.html'));
    await waitForHighlight(news, 'Hangzhou Hikvision');
    expect((await highlightedNames(news)).join('|')).not.toMatch(/Sinobright|TNK/);
    source.clearRequests();
    await clickById(options, 'updates-csl');
    await options.waitFor((date) => (document.getElementById('updates-csl-age')?.textContent ?? '').includes(`downloaded from data.trade.gov on ${date}`), TODAY, UPDATE_WAIT_MS);
    expect(source.requests()).toContain(CSL_REQUEST);
    expect(source.cslConditions().ifNoneMatch).toEqual([null]);
    expect(await options.evaluate(updateStatus, null)).toMatchObject({ preferences: { csl: true }, cslDate: TODAY, inUse: { origin: 'update', datasetDate: BUNDLED_DATE }, check: { outcome: 'updated' } });
    // What changed: the CSL's organisations, added.
    await options.waitFor(() => /Sinobright Import and Export Company/.test(document.querySelector('#update-diff ul[data-kind=added]')?.textContent ?? ''), null);
    // Say what is covered: the CSL lists the data now holds are checkable, with counts and the download's date.
    await expect.poll(() => listLine('Nonproliferation Sanctions'), { timeout: 30_000 }).toMatchObject({ disabled: false, checked: true, text: expect.stringContaining(`1 entries, data of ${TODAY}`) });
    expect(await listLine('Consolidated Screening List')).toMatchObject({ disabled: false, text: expect.stringContaining(`3 entries, data of ${TODAY}`) });
    expect(await listLine('Entity List')).toMatchObject({ disabled: false, text: expect.stringContaining(`data of ${BUNDLED_DATE}`) });
    // Organisations only: the SDN row of the sample is a person, so the SDN list is not held.
    expect(await listLine('Specially Designated Nationals')).toMatchObject({ disabled: true, checked: false });
    // The open page scans again: the new names light up, the person does not.
    await waitForHighlight(news, 'Sinobright Import and Export Company', 'listmark-nonproliferation-sanctions');
    await waitForHighlight(news, 'TNK Trading International', 'listmark-other-csl');
    expect((await highlightedNames(news)).join('|')).not.toMatch(/RIM|Ryong/);
    const popup = await driver.openExtensionPage('src/popup/index.html');
    await popup.waitFor((date) => (document.getElementById('data-csl-age')?.textContent ?? '').includes(date), TODAY);
    await popup.close();
    await news.close();
  });

  it('asks again with the ETag: a 304 downloads nothing and changes nothing', async () => {
    source.clearRequests();
    const before = (await options.evaluate(updateStatus, null)).check?.finishedAt;
    await clickById(options, 'updates-check-now');
    await expect.poll(async () => (await options.evaluate(updateStatus, null)).check?.finishedAt, { timeout: UPDATE_WAIT_MS }).not.toBe(before);
    await waitForCheckLine(options, 'no change');
    expect(source.cslConditions()).toEqual({ ifNoneMatch: [FIRST_ETAG], notModified: 1 });
    expect(await options.evaluate(updateStatus, null)).toMatchObject({ check: { outcome: 'unchanged' }, cslDate: TODAY, inUse: { origin: 'update' } });
  });

  const refusals: { name: string; csl: NonNullable<Scenario['csl']>; reason: string }[] = [
    { name: 'broken JSON', csl: { kind: 'json', body: cslSampleJson().slice(0, 2_000), etag: '"csl-broken"' }, reason: 'broken or incomplete' },
    { name: 'a download over the size cap', csl: { kind: 'over-size' }, reason: 'larger than any Part 744 text or screening list' },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} and keeps the data in use whole`, async () => {
      source.clearRequests();
      source.setScenario(unchangedText(refusal.csl));
      await clickById(options, 'updates-check-now');
      await waitForRefusal(options, refusal.reason);
      expect(await checkLine(options)).toMatch(/not used, and the data in use is unchanged/);
      expect(await options.evaluate(updateStatus, null)).toMatchObject({ check: { outcome: 'refused' }, cslDate: TODAY, inUse: { origin: 'update' } });
      expect(source.requests()).toContain(CSL_REQUEST);
      const news = await driver.open(pages.url('/csl-news.html'));
      await waitForHighlight(news, 'Sinobright Import and Export Company', 'listmark-nonproliferation-sanctions');
      await waitForHighlight(news, 'Hangzhou Hikvision');
      await news.close();
    });
  }

  it('turned off: its lists leave the data in use and their names go dark', async () => {
    const news = await driver.open(pages.url('/csl-news.html'));
    await waitForHighlight(news, 'Sinobright Import and Export Company');
    await clickById(options, 'updates-csl');
    await options.waitFor(() => document.getElementById('updates-csl-age')?.hidden === true, null, UPDATE_WAIT_MS);
    expect(await options.evaluate(updateStatus, null)).toMatchObject({ preferences: { csl: false }, cslDate: null, inUse: { origin: 'bundled', datasetDate: BUNDLED_DATE } });
    await expect.poll(() => listLine('Nonproliferation Sanctions'), { timeout: 30_000 }).toMatchObject({ disabled: true, checked: false });
    await news.waitFor(() => !document.body.textContent || ![...(CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.values()].some((h) => [...h].some((r) => r.startContainer.textContent?.slice(r.startOffset, r.endOffset).startsWith('Sinobright'))), null);
    await waitForHighlight(news, 'Hangzhou Hikvision');
    await news.close();
  });
});
