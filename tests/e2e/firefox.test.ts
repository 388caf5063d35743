/**
 * The built extension (dist/firefox) in real Firefox ESR through WebDriver BiDi (puppeteer-core).
 * The card lives in a closed shadow root, which no page script and no BiDi command can read;
 * Firefox's find-in-page (`window.find`) searches rendered text, shadow trees included, so the
 * test checks the card shows strings that appear nowhere else on the page.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_PATH, requireBrowser } from './browsers';
import { centreOfHighlight, HIKVISION_CITATION, HIKVISION_LISTED_NAME, readHighlights, SEED_FLAGGED, SEED_NOT_FLAGGED } from './expectations';
import { startServer, type PageServer } from './server';

const extensionDir = resolve(import.meta.dirname, '../../dist/firefox');
const artifacts = resolve(import.meta.dirname, '../../artifacts');
const GECKO_ID = 'listmark@listmark.dev';
// Fixing the internal UUID lets the test open moz-extension:// pages at a known address.
const EXTENSION_UUID = '6f1c1b7e-3f7a-4c55-9a58-2d1f1c0b1e01';

let browser: Browser;
let server: PageServer;

async function highlightedTexts(page: Page): Promise<string[]> {
  return Object.values(await page.evaluate(readHighlights)).flat();
}

async function openSeed(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url('/seed-article.html'));
  await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('listmark-entity-list'), {
    timeout: 20_000,
  });
  return page;
}

/**
 * Loading an extension page moves the tab to the extension process; puppeteer reports the old
 * frame as detached though the page loads. Wait for the page itself instead of the navigation.
 */
async function openExtensionPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 3_000, waitUntil: 'domcontentloaded' }).catch(() => {});
  await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: 10_000 }, url);
}

beforeAll(async () => {
  requireBrowser(FIREFOX_PATH, 'firefox-esr');
  server = await startServer();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.proxy.allow_hijacking_localhost': false,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  await browser.installExtension(extensionDir);
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Listmark in Firefox', () => {
  it('highlights the listed companies of the seed article and nothing else', async () => {
    const page = await openSeed();
    const texts = await highlightedTexts(page);
    for (const name of SEED_FLAGGED) expect(texts, name).toContain(name);
    for (const name of SEED_NOT_FLAGGED) expect(texts.join('|'), name).not.toContain(name);
    await page.close();
  });

  it('opens a card with the listed name and citation when a highlight is clicked', async () => {
    const page = await openSeed();
    const point = await page.evaluate(centreOfHighlight, 'Hikvision');
    expect(point).not.toBeNull();
    const shown = (text: string) => page.evaluate((t) => (window as unknown as { find(...a: unknown[]): boolean }).find(t, false, false, true), text);
    expect(await shown(HIKVISION_LISTED_NAME)).toBe(false);
    expect(await shown(HIKVISION_CITATION)).toBe(false);
    await page.mouse.click(point!.x, point!.y);
    await page.waitForFunction(() => document.getElementById('listmark-card-host') !== null, { timeout: 10_000 });
    await expect.poll(() => shown(HIKVISION_LISTED_NAME), { timeout: 10_000 }).toBe(true);
    expect(await shown(HIKVISION_CITATION)).toBe(true);
    expect(await shown('not a legal determination')).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('listmark-card-host') === null);
    await page.close();
  });

  it('turns highlighting off and on from the popup without a reload', async () => {
    const page = await openSeed();
    const popup = await browser.newPage();
    await openExtensionPage(popup, `moz-extension://${EXTENSION_UUID}/src/popup/index.html`);
    const url = page.url();
    const tabId = await popup.evaluate(async (pageUrl) => {
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<{ ok?: { url?: string } }> } } }).browser;
      for (const tab of await api.tabs.query({})) {
        const reply = await api.tabs.sendMessage(tab.id!, { listmark: 'getPageReport', args: [] }).catch(() => null);
        if (reply?.ok?.url === pageUrl) return tab.id;
      }
      return undefined;
    }, url);
    expect(tabId).toBeTypeOf('number');
    await openExtensionPage(popup, `moz-extension://${EXTENSION_UUID}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForFunction(() => /^6 listed organisations/.test(document.getElementById('summary')?.textContent ?? ''), { timeout: 10_000 });
    await popup.click('#enabled');
    await page.waitForFunction(() => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('listmark-entity-list'), { timeout: 10_000 });
    expect(await highlightedTexts(page)).toEqual([]);
    await popup.click('#enabled');
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('listmark-entity-list'), { timeout: 10_000 });
    expect(await highlightedTexts(page)).toContain('Hikvision');
    await popup.close();
    await page.close();
  });
});
