/**
 * The built extension in real Chromium and real Firefox ESR, on pages served from localhost.
 * The same suite runs in both; it waits for facts (a highlight exists, a card opened), never
 * for fixed sleeps. Chromium also takes the README's screenshots (artifacts/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumDriver, FirefoxDriver, type Driver, type TestPage } from './drivers';
import {
  badgeText,
  captureExport,
  centreOfHighlight,
  findTabId,
  HIKVISION_CITATION,
  HIKVISION_LISTED_NAME,
  isHighlighted,
  loadingTabIds,
  readHighlights,
  sendRaw,
  writeStorage,
  SEED_FLAGGED,
  SEED_NOT_FLAGGED,
} from './expectations';
import { useBrowser } from './use-browser';
import { parseSettings } from '../../src/core/settings';

const artifacts = resolve(import.meta.dirname, '../../artifacts');
mkdirSync(artifacts, { recursive: true });

// LISTMARK_BROWSERS=firefox (or chromium) runs one browser only, for local iteration.
const only = process.env.LISTMARK_BROWSERS;
const drivers: Driver[] = [new ChromiumDriver(), new FirefoxDriver()].filter((d) => !only || only.split(',').includes(d.name));

describe.each(drivers)('Listmark in $name', (driver) => {
  const browser = useBrowser(driver);
  const server = { url: (path: string, host?: string) => browser.server().url(path, host) };
  const shot = (page: TestPage, name: string, size?: { width: number; height: number }) =>
    driver.name === 'chromium' ? page.screenshot(join(artifacts, `${name}.png`), size) : Promise.resolve();
  const POPUP_SIZE = { width: 370, height: 560 };

  async function openSeed(host = '127.0.0.1'): Promise<TestPage> {
    const page = await driver.open(server.url('/seed-article.html').replace('127.0.0.1', host));
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('listmark-entity-list'), null, 20_000);
    return page;
  }

  async function highlighted(page: TestPage): Promise<string[]> {
    return Object.values(await page.evaluate(readHighlights, null)).flat();
  }

  async function popupFor(page: TestPage): Promise<{ popup: TestPage; tabId: number }> {
    const popup = await driver.openExtensionPage('src/popup/index.html');
    const tabId = await popup.evaluate(findTabId, page.url());
    expect(tabId).toBeTypeOf('number');
    await popup.close();
    const bound = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await bound.waitFor(() => /listed organisation|No listed|off/.test(document.getElementById('summary')?.textContent ?? ''), null);
    return { popup: bound, tabId: tabId! };
  }

  it('highlights the listed companies of the seed article and nothing else', async () => {
    const page = await openSeed();
    const texts = await highlighted(page);
    for (const name of SEED_FLAGGED) expect(texts, name).toContain(name);
    for (const name of SEED_NOT_FLAGGED) expect(texts.join('|'), name).not.toContain(name);
    await shot(page, `${driver.name}-seed-highlighted`);
    await page.close();
  });

  it('leaves the page alone until it has loaded: its work starts after the load event', async () => {
    const page = await openSeed();
    await page.waitFor(() => performance.getEntriesByName('listmark:first-scan').length > 0, null, 20_000);
    const timing = await page.evaluate(
      () => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const scan = performance.getEntriesByName('listmark:first-scan')[0] as PerformanceMeasure;
        const work = performance.getEntriesByName('listmark:work').map((e) => e.startTime);
        return {
          loadEventEnd: navigation.loadEventEnd,
          injectedAt: (JSON.parse(scan.detail as string) as { injectedAt: number }).injectedAt,
          workStart: scan.startTime,
          firstPiece: Math.min(...work),
        };
      },
      null,
    );
    // Injected at document_start, before the page had loaded; nothing done until it had.
    expect(timing.injectedAt).toBeLessThan(timing.loadEventEnd);
    expect(timing.workStart).toBeGreaterThanOrEqual(timing.loadEventEnd);
    expect(timing.firstPiece).toBeGreaterThanOrEqual(timing.loadEventEnd);
    await page.close();
  });

  it('flags a page whose images keep it loading 200 ms after its content is parsed, not at its load event', async () => {
    // The page's one image arrives after 120 s (the response ends when the page closes).
    const page = await driver.open(server.url('/still-loading.html'), { loaded: false });
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('listmark-entity-list'), null, 30_000);
    expect(await page.evaluate(() => document.readyState, null)).toBe('interactive');
    expect(await highlighted(page)).toContain('Hikvision');
    await page.close();
  });

  it('a popup opened while the page is loading says so, then shows what the page flags', async () => {
    const finder = await driver.openExtensionPage('src/options/index.html');
    // The article's second half is held back until the popup has said it is waiting.
    const page = await driver.open(server.url('/streamed-article.html?hold=popup'), { loaded: false });
    try {
      let loading: number[] = [];
      await expect.poll(async () => (loading = await finder.evaluate(loadingTabIds, null)).length, { timeout: 30_000 }).toBe(1);
      await finder.close();
      const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${loading[0]}`);
      await popup.waitFor(() => /finish loading/.test(document.getElementById('summary')?.textContent ?? ''), null, 30_000);
      browser.server().release('popup');
      await popup.waitFor(() => /listed organisation/.test(document.getElementById('summary')?.textContent ?? ''), null, 30_000);
      expect(await popup.evaluate(() => document.querySelectorAll('#entities li').length, null)).toBeGreaterThan(0);
      await popup.close();
    } finally {
      browser.server().release('popup');
      await page.close();
    }
  });

  it('opens a card with the listing when a highlight is clicked, and Esc closes it', async () => {
    const page = await openSeed();
    expect(await page.cardShows(HIKVISION_LISTED_NAME)).toBe(false);
    const point = await page.evaluate(centreOfHighlight, 'Hikvision');
    await page.click(point!.x, point!.y);
    await expect.poll(() => page.cardShows(HIKVISION_LISTED_NAME), { timeout: 30_000 }).toBe(true);
    for (const text of [HIKVISION_CITATION, 'Official list', 'matched an alias on the list', 'not a legal determination', 'Case-by-case review']) {
      expect(await page.cardShows(text), text).toBe(true);
    }
    await shot(page, `${driver.name}-card`);
    await page.press('Escape');
    await page.waitFor(() => document.getElementById('listmark-card-host') === null, null);
    await page.close();
  });

  it('says in the card when the page was written against the listing, and the Affiliates rule of the data', async () => {
    const openHikvisionCard = async (page: TestPage) => {
      await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('listmark-entity-list'), null, 20_000);
      const point = await page.evaluate(centreOfHighlight, 'Hikvision');
      await page.click(point!.x, point!.y);
      await expect.poll(() => page.cardShows(HIKVISION_LISTED_NAME), { timeout: 30_000 }).toBe(true);
    };
    const dated = await driver.open(server.url('/dated-article.html'));
    await openHikvisionCard(dated);
    expect(await dated.cardShows('This article is dated 12 May 2018, before this organisation was listed (9 Oct 2019).')).toBe(true);
    for (const text of ['According to the list text of 23 Jul 2026', 'is stayed until 9 Nov 2026', '90 FR 50857']) {
      expect(await dated.cardShows(text), text).toBe(true);
    }
    await dated.close();
    // The seed article gives no date: the card says nothing of one.
    const undated = await openSeed();
    await openHikvisionCard(undated);
    expect(await undated.cardShows('According to the list text of 23 Jul 2026')).toBe(true);
    expect(await undated.cardShows('This article is dated')).toBe(false);
    await undated.close();
  });

  it('moves to the next highlight with Alt+Shift+N and opens its card', async () => {
    const page = await openSeed();
    await page.press('Alt+Shift+KeyN');
    await expect.poll(() => page.cardShows('Megvii Technology'), { timeout: 30_000 }).toBe(true);
    await page.press('Alt+Shift+KeyN');
    await expect.poll(() => page.cardShows('Yitu Technologies'), { timeout: 30_000 }).toBe(true);
    await page.press('Alt+Shift+KeyP');
    await expect.poll(() => page.cardShows('Megvii Technology'), { timeout: 30_000 }).toBe(true);
    await page.close();
  });

  it('flags text added later and forgets text removed', async () => {
    const page = await openSeed();
    expect(await page.evaluate(isHighlighted, 'Dahua Technology')).toBe(false);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Update: Dahua Technology was also named.';
      document.body.append(p);
    }, null);
    await page.waitFor((t) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      return [...(registry.get('listmark-entity-list') ?? [])].some((r) => r.startContainer.textContent?.includes(t));
    }, 'Dahua Technology');
    await page.evaluate(() => document.getElementById('late')!.remove(), null);
    await page.waitFor(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      return ![...(registry.get('listmark-entity-list') ?? [])].some((r) => r.startContainer.isConnected === false);
    }, null);
    expect(await page.evaluate(isHighlighted, 'Dahua Technology')).toBe(false);
    await page.close();
  });

  it('shows the count on the badge and in the popup, and exports the page report', async () => {
    const page = await openSeed();
    const { popup, tabId } = await popupFor(page);
    await popup.waitFor(() => /^6 listed organisations/.test(document.getElementById('summary')!.textContent!), null);
    expect(await popup.evaluate(badgeText, tabId)).toBe('6');
    await shot(popup, `${driver.name}-popup`, POPUP_SIZE);
    const json = JSON.parse(await popup.evaluate(captureExport, 'export-json')) as {
      url: string;
      datasetDate: string;
      mentions: { text: string; sentence: string; listedName: string; citations: string[] }[];
    };
    expect(json.url).toBe(page.url());
    expect(json.datasetDate).toBe('2026-07-23');
    const hik = json.mentions.find((m) => m.text === 'Hikvision')!;
    expect(hik.listedName).toBe(HIKVISION_LISTED_NAME);
    expect(hik.citations[0]).toBe('84 FR 54004, 10/9/19');
    expect(hik.sentence).toContain('These include major AI companies');
    const csv = await popup.evaluate(captureExport, 'export-csv');
    expect(csv.split('\r\n')[0]).toContain('"page_url","page_title"');
    expect(csv).toContain(`"${HIKVISION_LISTED_NAME}"`);
    await popup.close();
    await page.close();
  });

  it('turns off everywhere, and on one site only, from the popup without a reload', async () => {
    const page = await openSeed();
    const other = await openSeed('localhost');
    const { popup } = await popupFor(page);
    await popup.evaluate(() => document.getElementById('enabled')!.click(), null);
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size === 0, null);
    await other.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size === 0, null);
    // The popup says so, and has nothing to export.
    await popup.waitFor(() => document.getElementById('export')!.hidden && /is off/.test(document.getElementById('summary')!.textContent!), null);
    await popup.evaluate(() => document.getElementById('enabled')!.click(), null);
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null);
    await popup.evaluate(() => document.getElementById('site-off')!.click(), null);
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size === 0, null);
    // localhost is another site: still on.
    await expect.poll(() => other.evaluate(isHighlighted, 'Hikvision'), { timeout: 30_000 }).toBe(true);
    await popup.evaluate(() => document.getElementById('site-off')!.click(), null);
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null);
    await popup.close();
    await other.close();
    await page.close();
  });

  it('"Not this organisation" stops flagging it on this site, and options undo it', async () => {
    const page = await openSeed();
    const point = await page.evaluate(centreOfHighlight, 'Hikvision');
    await page.click(point!.x, point!.y);
    await expect.poll(() => page.cardShows(HIKVISION_LISTED_NAME), { timeout: 30_000 }).toBe(true);
    await page.press('Tab'); // Close
    await page.press('Tab'); // Not this organisation
    await page.press('Enter');
    await page.waitFor(() => document.getElementById('listmark-card-host') === null, null);
    await expect.poll(() => page.evaluate(isHighlighted, 'Hikvision'), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => page.evaluate(isHighlighted, 'Megvii'), { timeout: 30_000 }).toBe(true);

    const options = await driver.openExtensionPage('src/options/index.html');
    await options.waitFor(() => /Hangzhou Hikvision.* on 127\.0\.0\.1/.test(document.getElementById('dismissals')!.textContent!), null);
    await shot(options, `${driver.name}-options`);
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('#dismissals button')!.click(), null);
    await expect.poll(() => page.evaluate(isHighlighted, 'Hikvision'), { timeout: 30_000 }).toBe(true);
    await options.close();
    await page.close();
  });

  it('refuses malformed messages with a clear reason', async () => {
    const page = await driver.openExtensionPage('src/options/index.html');
    const replies = await page.evaluate(sendRaw, [
      { listmark: 'getEntries', args: ['not-an-array'] },
      { listmark: 'getEntries', args: [Array.from({ length: 500 }, (_, i) => `el-${i}`)] },
      { listmark: 'reportPage', args: [{ distinctEntities: -1 }] },
      { listmark: 'getEntries', args: [['el-nonexistent']] },
      { listmark: 'findNames', args: [[42]] },
      { listmark: 'findNames', args: [['x'.repeat(1_100_000)]] },
      { listmark: 'findNames', args: [['Hikvision said', 'nothing here']] },
    ]);
    expect(replies[0]).toEqual({ error: 'Refused: getEntries takes an array of up to 200 entry ids' });
    expect(replies[1]).toEqual({ error: 'Refused: getEntries takes an array of up to 200 entry ids' });
    expect(replies[2]).toEqual({ error: 'Refused: reportPage takes { distinctEntities: non-negative integer }' });
    expect(replies[3]).toEqual({ ok: [null] });
    expect(replies[4]).toEqual({ error: 'Refused: findNames takes texts (strings) only' });
    expect(replies[5]).toEqual({ error: 'Refused: findNames takes at most 1048576 characters at once' });
    const found = (replies[6] as { ok: { matches: number[][][]; variants: Record<number, { text: string }> } }).ok;
    expect(found.matches.map((text) => text.map(([start, end]) => [start, end]))).toEqual([[[0, 9]], []]);
    expect(found.variants[found.matches[0]![0]![3]!]!.text).toBe('Hikvision');
    await page.close();
  });

  it('cannot reach the network from its own pages: its content security policy refuses', async () => {
    const options = await driver.openExtensionPage('src/options/index.html');
    const outcomes = await options.evaluate(
      (urls) =>
        Promise.all(
          urls.map((url) =>
            fetch(url).then(
              (response) => (response.ok ? 'fetched' : `status ${response.status}`),
              () => 'refused',
            ),
          ),
        ),
      [server.url('/seed-article.html'), '/manifest.json'],
    );
    // The test server answers any other client; the packaged file is how the background reads its data.
    expect(outcomes).toEqual(['refused', 'fetched']);
    await options.close();
  });

  it('says why a change could not be stored, and keeps what was', async () => {
    const options = await driver.openExtensionPage('src/options/index.html');
    const sites = sitesFillingSyncQuota();
    await options.evaluate(writeStorage, { sync: { settings: { disabledSites: sites } }, local: { dismissals: [] } });
    const page = await openSeed();
    const { popup } = await popupFor(page);
    // "Off on 127.0.0.1" would take the synced settings past the browser's 8 KB per item.
    await popup.evaluate(() => document.getElementById('site-off')!.click(), null);
    await popup.waitFor(() => !document.getElementById('error')!.hidden, null);
    expect(await popup.evaluate(() => document.getElementById('error')!.textContent, null)).toMatch(/^Not saved: the list of sites .* too long/);
    expect(await popup.evaluate(() => (document.getElementById('site-off') as HTMLInputElement).checked, null)).toBe(false);
    // Nothing lost: every site is still listed in the options, and Listmark still works here.
    await options.waitFor((count) => document.querySelectorAll('#sites li').length === count, sites.length);
    expect(await highlighted(page)).toContain('Hikvision');
    await options.evaluate(writeStorage, { sync: { settings: {} }, local: { dismissals: [] } });
    await popup.close();
    await options.close();
    await page.close();
  });

  it('offers only the lists the data holds, with counts and date; the others unchecked, as not held', async () => {
    const options = await driver.openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelectorAll('#lists input').length > 0, null);
    const lists = await options.evaluate(
      () => [...document.querySelectorAll<HTMLInputElement>('#lists input')].map((box) => ({ id: box.value, checked: box.checked, disabled: box.disabled, label: box.parentElement!.textContent ?? '' })),
      null,
    );
    const byId = Object.fromEntries(lists.map((l) => [l.id, l]));
    expect(byId['entity-list']).toMatchObject({ checked: true, disabled: false });
    expect(byId['entity-list']!.label).toMatch(/Entity List — [\d,]+ entries, data of 2026-07-23/);
    for (const notHeld of ['sdn-list', 'denied-persons-list', 'nonproliferation-sanctions', 'debarred-parties', 'other-csl']) {
      expect(byId[notHeld]).toMatchObject({ checked: false, disabled: true });
      expect(byId[notHeld]!.label).toMatch(/available with the Consolidated Screening List update/);
    }
    await options.close();
  });

  it('loads corrupt or out-of-range stored settings as sensible values', async () => {
    const options = await driver.openExtensionPage('src/options/index.html');
    await options.evaluate(writeStorage, {
      sync: { settings: { enabled: 'yes', lists: ['entity-list', 'bogus'], disabledSites: [42, '<x>'], highlightStyle: 'neon' } },
      local: { dismissals: [{ site: 7 }, 'garbage', null] },
    });
    const page = await openSeed();
    expect(await highlighted(page)).toContain('Hikvision');
    await options.waitFor(() => document.querySelectorAll('#lists input:checked').length === 1, null);
    await options.evaluate(writeStorage, { sync: { settings: {} }, local: { dismissals: [] } });
    await options.close();
    await page.close();
  });
});

/**
 * Hosts that fill the synced settings to just under the browser's limit (8,192 bytes per item:
 * the key plus the JSON of the value), so that adding "127.0.0.1" goes over it.
 */
function sitesFillingSyncQuota(): string[] {
  const limit = 8192 - 'settings'.length;
  const sizeOf = (disabledSites: string[]) => JSON.stringify(parseSettings({ disabledSites })).length;
  const sites: string[] = [];
  while (sizeOf([...sites, 'site-0000.example.org', 'filler.example.org']) <= limit - 20) {
    sites.push(`site-${String(sites.length).padStart(4, '0')}.example.org`);
  }
  let filler = 'filler';
  while (sizeOf([...sites, `${filler}x.example.org`]) <= limit - 10) filler += 'x';
  sites.push(`${filler}.example.org`);
  if (sizeOf(sites) > limit || sizeOf([...sites, '127.0.0.1']) <= limit) throw new Error('sitesFillingSyncQuota: miscounted');
  return sites;
}

describe.skipIf(only && !only.includes('chromium'))('after the extension reloads (Chromium)', () => {
  const driver = new ChromiumDriver();
  const browser = useBrowser(driver);
  const server = { url: (path: string, host?: string) => browser.server().url(path, host) };

  // One retry: reloading an unpacked extension under a headless browser is itself timing-dependent
  // (it failed once in 10 runs before the content script got its polling backstop).
  it('old content scripts remove their highlights quietly', { retry: 1 }, async () => {
    const page = await driver.open(server.url('/seed-article.html'));
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null, 20_000);
    const ext = await driver.openExtensionPage('src/options/index.html');
    await ext.evaluate(() => {
      setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 50);
    }, null);
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size === 0, null, 20_000);
    expect(page.extensionErrors()).toEqual([]);
    await page.close();
  });
});

describe.skipIf(only && !only.includes('chromium'))('messages from outside Listmark (Chromium)', () => {
  // Another extension installed beside Listmark, with a service worker to send from.
  const foreign = mkdtempSync(join(tmpdir(), 'listmark-foreign-'));
  writeFileSync(
    join(foreign, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Foreign sender', version: '1.0', background: { service_worker: 'foreign-worker.js' } }),
  );
  writeFileSync(join(foreign, 'foreign-worker.js'), '');
  const driver = new ChromiumDriver([foreign]);
  const browser = useBrowser(driver);
  afterAll(() => rmSync(foreign, { recursive: true, force: true }));

  it('another extension cannot reach the background, however well it knows the protocol', async () => {
    const worker = await driver.worker('foreign-worker.js');
    const outcome = await worker.evaluate(async (listmarkId) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(id: string, message: unknown): Promise<unknown> } } }).chrome.runtime;
      try {
        return { answered: await runtime.sendMessage(listmarkId, { listmark: 'findNames', args: [['Hikvision said']] }) };
      } catch (error) {
        return { refused: (error as Error).message };
      }
    }, driver.listmarkId);
    expect(outcome).toEqual({ refused: expect.stringMatching(/Receiving end does not exist/) });
  });

  it('a web page has no channel to Listmark at all', async () => {
    const page = await driver.open(browser.server().url('/seed-article.html'));
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, null, 20_000);
    // No externally_connectable: pages get no chrome.runtime to send with.
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage, null)).toBe(
      'undefined',
    );
    await page.close();
  });
});

describe('screenshots in the dark colour scheme (Chromium)', () => {
  const driver = new ChromiumDriver();
  const browser = useBrowser(driver);
  const server = { url: (path: string, host?: string) => browser.server().url(path, host) };

  it.skipIf(only && !only.includes('chromium'))('renders card, popup and options dark', async () => {
    const page = await driver.open(server.url('/dark-article.html'));
    await page.emulateColorScheme!('dark');
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('listmark-entity-list'), null, 20_000);
    const point = await page.evaluate(centreOfHighlight, 'Hikvision');
    await page.click(point!.x, point!.y);
    await expect.poll(() => page.cardShows(HIKVISION_LISTED_NAME), { timeout: 30_000 }).toBe(true);
    await page.screenshot(join(artifacts, 'chromium-card-dark.png'));
    const popup = await driver.openExtensionPage('src/popup/index.html');
    await popup.emulateColorScheme!('dark');
    const tabId = await popup.evaluate(findTabId, page.url());
    const bound = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await bound.emulateColorScheme!('dark');
    await bound.waitFor(() => /listed organisation/.test(document.getElementById('summary')?.textContent ?? ''), null);
    await bound.screenshot(join(artifacts, 'chromium-popup-dark.png'), { width: 370, height: 560 });
    const options = await driver.openExtensionPage('src/options/index.html');
    await options.emulateColorScheme!('dark');
    await options.waitFor(() => document.querySelectorAll('#lists input').length > 0, null);
    await options.screenshot(join(artifacts, 'chromium-options-dark.png'));
    for (const p of [options, bound, popup, page]) await p.close();
  });
});
