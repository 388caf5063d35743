/**
 * The built extension (dist/chrome) in real Chromium, on pages served from localhost.
 * Waits for facts (a highlight exists, a card opened), never for fixed sleeps.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireBrowser } from './browsers';
import {
  centreOfHighlight,
  HIKVISION_CITATION,
  HIKVISION_LISTED_NAME,
  readHighlights,
  SEED_FLAGGED,
  SEED_NOT_FLAGGED,
} from './expectations';
import { startServer, type PageServer } from './server';

const extensionDir = resolve(import.meta.dirname, '../../dist/chrome');
const artifacts = resolve(import.meta.dirname, '../../artifacts');

let context: BrowserContext;
let server: PageServer;
let extensionId: string;
let profile: string;

/** Text inside the card's closed shadow root, read through the DevTools protocol (pages cannot). */
async function cardText(page: Page): Promise<string> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, (n) => (n.attributes ?? []).join('|').includes('listmark-card-host'));
    if (!host) return '';
    const parts: string[] = [];
    const collect = (n: CdpNode) => {
      if (n.nodeName === 'STYLE') return;
      if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
      for (const child of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) collect(child);
    };
    collect(host);
    return parts.join(' ');
  } finally {
    await cdp.detach();
  }
}

interface ExtensionApi {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, message: unknown): Promise<{ ok?: { url?: string } } | null>;
  };
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

async function highlightedTexts(page: Page): Promise<string[]> {
  return Object.values(await page.evaluate(readHighlights)).flat();
}

async function openSeed(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url('/seed-article.html'));
  await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('listmark-entity-list'));
  return page;
}

async function openPopupFor(page: Page): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  // Without the "tabs" permission tab URLs are hidden; ask each tab's content script where it is.
  const tabId = await popup.evaluate(async (url) => {
    // Runs in the extension page, where `chrome` is the extension API.
    const chrome = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    for (const tab of await chrome.tabs.query({})) {
      const reply = await chrome.tabs.sendMessage(tab.id!, { listmark: 'getPageReport', args: [] }).catch(() => null);
      if (reply?.ok?.url === url) return tab.id;
    }
    return undefined;
  }, page.url());
  popup.on('console', (m) => console.log('popup console:', m.text()));
  popup.on('pageerror', (e) => console.log('popup error:', e.message));
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
  return popup;
}

beforeAll(async () => {
  requireBrowser(CHROMIUM_PATH, 'chromium');
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'listmark-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1200, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('Listmark in Chromium', () => {
  it('highlights the listed companies of the seed article and nothing else', async () => {
    const page = await openSeed();
    const texts = await highlightedTexts(page);
    for (const name of SEED_FLAGGED) expect(texts, name).toContain(name);
    for (const name of SEED_NOT_FLAGGED) expect(texts.join('|'), name).not.toContain(name);
    await page.screenshot({ path: join(artifacts, 'chromium-seed-highlighted.png') });
    await page.close();
  });

  it('opens a card with the listed name and citation when a highlight is clicked', async () => {
    const page = await openSeed();
    const point = await page.evaluate(centreOfHighlight, 'Hikvision');
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain(HIKVISION_LISTED_NAME);
    const text = await cardText(page);
    expect(text).toContain(HIKVISION_CITATION);
    expect(text).toContain('Entity List');
    expect(text).toContain('not a legal determination');
    await page.screenshot({ path: join(artifacts, 'chromium-card.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.getElementById('listmark-card-host') === null)).toBe(true);
    await page.close();
  });

  it('turns highlighting off and on from the popup without a reload, and counts the page', async () => {
    const page = await openSeed();
    const popup = await openPopupFor(page);
    await expect.poll(() => popup.textContent('#summary')).toMatch(/^6 listed organisations/);
    await popup.screenshot({ path: join(artifacts, 'chromium-popup.png') });
    await popup.click('#enabled');
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    await popup.click('#enabled');
    await expect.poll(async () => (await highlightedTexts(page)).includes('Hikvision')).toBe(true);
    await popup.close();
    await page.close();
  });
});
