/**
 * One small interface over the two browser drivers, so the same e2e suite runs in real Chromium
 * (playwright-core) and real Firefox ESR (puppeteer-core, WebDriver BiDi).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage, type Worker as PwWorker } from 'playwright-core';
import puppeteer, { type Browser, type Page as PpPage } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH, requireBrowser } from './browsers';

export interface TestPage {
  url(): string;
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Resolves once `fn(arg)` is truthy in the page. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Chooses a file in the page's `<input type=file>`, as a user does in the file dialog. */
  chooseFile(selector: string, path: string): Promise<void>;
  /** Does the details card (in a closed shadow root) show this text? `hostId`: another of Listmark's panels. */
  cardShows(text: string, hostId?: string): Promise<boolean>;
  screenshot(path: string, size?: { width: number; height: number }): Promise<void>;
  /** Errors logged by the extension's scripts in this page (console messages from its own URLs). */
  extensionErrors(): string[];
  /** Chromium only: emulate the light or dark colour-scheme preference. */
  emulateColorScheme?(scheme: 'light' | 'dark'): Promise<void>;
  /** Chromium only: JS heap in use by the page's renderer (page and content scripts), after a GC, in bytes. */
  heapUsed?(): Promise<number>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  launch(): Promise<void>;
  close(): Promise<void>;
  /** Opens a page and waits for its load event, or (`loaded: false`) only for it to start arriving. */
  open(url: string, options?: { loaded?: boolean }): Promise<TestPage>;
  /** An extension page (popup, options) by its path in the build. */
  openExtensionPage(path: string): Promise<TestPage>;
}

const root = resolve(import.meta.dirname, '../..');

/**
 * For the update tests: the browser reaches the official hosts through this CONNECT proxy (the
 * local stand-in, tests/e2e/official-source.ts) and accepts its throw-away certificate.
 */
export interface OfficialSourceRoute {
  proxyPort: number;
}

// ---- Chromium ----------------------------------------------------------------------------

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function cdpText(node: CdpNode, inside: boolean, hostId = 'listmark-card-host'): string {
  const here = inside || (node.attributes ?? []).includes(hostId);
  if (node.nodeName === 'STYLE') return '';
  const own = here && node.nodeType === 3 ? (node.nodeValue ?? '') : '';
  return own + [...(node.shadowRoots ?? []), ...(node.children ?? [])].map((c) => cdpText(c, here, hostId)).join(' ');
}

class ChromiumPage implements TestPage {
  private readonly errors: string[] = [];
  constructor(
    private readonly page: PwPage,
    private readonly context: BrowserContext,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) this.errors.push(message.text());
    });
  }
  extensionErrors() {
    return [...this.errors];
  }
  url() {
    return this.page.url();
  }
  // The drivers' own generics unwrap handles; our page functions take plain JSON values.
  async evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
    return (await this.page.evaluate(fn as never, arg as never)) as Awaited<R>;
  }
  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs = 30_000) {
    // Interval polling: the default uses the page's requestAnimationFrame/MutationObserver, which hostile pages break.
    await this.page.waitForFunction(fn as never, arg as never, { timeout: timeoutMs, polling: 50 });
  }
  async click(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  async press(key: string) {
    await this.page.keyboard.press(key);
  }
  async chooseFile(selector: string, path: string) {
    await this.page.setInputFiles(selector, path);
  }
  async cardShows(text: string, hostId?: string) {
    // Pages cannot read a closed shadow root; the DevTools protocol can.
    const cdp = await this.context.newCDPSession(this.page);
    try {
      const { root: doc } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      return cdpText(doc, false, hostId).replace(/\s+/g, ' ').includes(text);
    } finally {
      await cdp.detach();
    }
  }
  async screenshot(path: string, size?: { width: number; height: number }) {
    await this.page.screenshot({ path, ...(size ? { clip: { x: 0, y: 0, ...size } } : {}) });
  }
  async emulateColorScheme(scheme: 'light' | 'dark') {
    await this.page.emulateMedia({ colorScheme: scheme });
  }
  async heapUsed() {
    const cdp = await this.context.newCDPSession(this.page);
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    } finally {
      await cdp.detach();
    }
  }
  async close() {
    await this.page.close();
  }
}

export class ChromiumDriver implements Driver {
  readonly name = 'chromium';
  private context!: BrowserContext;
  private profile = '';
  private extensionId = '';

  private extensionDir = '';

  /**
   * `otherExtensions`: unpacked extensions loaded beside Listmark (a foreign sender, in tests).
   * `official`: route the official hosts to the local stand-in. Chromium has no way to answer its
   * permission dialog from a test, so with `official` Listmark is loaded from a copy of the build
   * whose manifest lists the official hosts as granted (host_permissions) instead of optional: the
   * state after the user said yes. The code is the shipped build's, byte for byte.
   */
  constructor(
    private readonly otherExtensions: string[] = [],
    private readonly official?: OfficialSourceRoute,
    /** Hosts granted as if the user had said yes (the same concession as `official`), e.g. the page server's for the PDF viewer. */
    private readonly grantedHosts: string[] = [],
  ) {}

  private get isCopy(): boolean {
    return this.official !== undefined || this.grantedHosts.length > 0;
  }

  private hostsGranted(): string {
    const copy = mkdtempSync(join(tmpdir(), 'listmark-chrome-granted-'));
    cpSync(resolve(root, 'dist/chrome'), copy, { recursive: true });
    const manifestPath = join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { optional_host_permissions?: string[]; host_permissions?: string[] };
    // The official hosts: every optional pattern but the any-site ones, of which the PDF viewer asks for one site at a time.
    manifest.host_permissions = this.official ? (manifest.optional_host_permissions ?? []).filter((h) => !h.includes('://*/')) : [];
    manifest.host_permissions.push(...this.grantedHosts);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    return copy;
  }

  async launch() {
    requireBrowser(CHROMIUM_PATH, 'chromium');
    this.profile = mkdtempSync(join(tmpdir(), 'listmark-chromium-'));
    this.extensionDir = this.isCopy ? this.hostsGranted() : resolve(root, 'dist/chrome');
    await this.start();
  }

  /** Closes the browser and starts it again on the same profile, as a user restarting it. */
  async restart() {
    await this.context.close();
    await this.start();
  }

  private async start() {
    const extension = this.extensionDir;
    const extensions = [extension, ...this.otherExtensions].join(',');
    const route = this.official
      ? [`--proxy-server=http://127.0.0.1:${this.official.proxyPort}`, '--ignore-certificate-errors']
      : [];
    this.context = await chromium.launchPersistentContext(this.profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...route, `--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`],
      viewport: { width: 1200, height: 900 },
    });
    const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8')) as { background: { service_worker: string } };
    const worker = await this.worker(manifest.background.service_worker);
    this.extensionId = new URL(worker.url()).host;
  }

  /** Listmark's extension id (its address in chrome-extension:// URLs). */
  get listmarkId(): string {
    return this.extensionId;
  }

  /** The running service worker whose script is at this path inside its extension. */
  async worker(scriptPath: string): Promise<PwWorker> {
    const isIt = (w: PwWorker) => new URL(w.url()).pathname === `/${scriptPath}`;
    return this.context.serviceWorkers().find(isIt) ?? (await this.context.waitForEvent('serviceworker', { predicate: isIt }));
  }
  async close() {
    await this.context?.close();
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
    if (this.isCopy && this.extensionDir) rmSync(this.extensionDir, { recursive: true, force: true });
  }
  async open(url: string, { loaded = true } = {}): Promise<TestPage> {
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: loaded ? 'load' : 'commit' });
    return new ChromiumPage(page, this.context);
  }
  async openExtensionPage(path: string) {
    return this.open(`chrome-extension://${this.extensionId}/${path}`);
  }
}

// ---- Firefox -----------------------------------------------------------------------------

const GECKO_ID = 'listmark@listmark.dev';
// A fixed internal UUID lets tests open moz-extension:// pages at a known address.
const EXTENSION_UUID = '6f1c1b7e-3f7a-4c55-9a58-2d1f1c0b1e01';

/**
 * Waits until `fn` holds in the page, asking it afresh every 50 ms. Puppeteer's waitForFunction
 * builds its poller with Function(), which the extension's own pages refuse under their content
 * security policy in Firefox ESR 140; one evaluate per check needs nothing of the kind. A page
 * still navigating answers with an error: that is "not yet".
 */
async function pollUntil<A>(page: PpPage, fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await page.evaluate(fn as never, arg as never)) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${fn.toString().slice(0, 120)}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((next) => setTimeout(next, 50));
  }
}

class FirefoxPage implements TestPage {
  private readonly errors: string[] = [];
  constructor(private readonly page: PpPage) {
    page.on('console', (message) => {
      if (message.type() === 'error' && (message.location().url ?? '').startsWith('moz-extension://')) this.errors.push(message.text());
    });
  }
  extensionErrors() {
    return [...this.errors];
  }
  url() {
    return this.page.url();
  }
  async evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
    return (await this.page.evaluate(fn as never, arg as never)) as Awaited<R>;
  }
  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs = 30_000) {
    await pollUntil(this.page, fn, arg, timeoutMs);
  }
  async click(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  async press(key: string) {
    const keys = key.split('+');
    for (const k of keys.slice(0, -1)) await this.page.keyboard.down(k as never);
    await this.page.keyboard.press(keys.at(-1) as never);
    for (const k of keys.slice(0, -1).reverse()) await this.page.keyboard.up(k as never);
  }
  async chooseFile(selector: string, path: string) {
    const input = await this.page.$(selector);
    if (!input) throw new Error(`no ${selector} in the page`);
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
  }
  async cardShows(text: string) {
    // No page script or BiDi command reads a closed shadow root; Firefox's find-in-page searches
    // rendered text, shadow trees included.
    return this.page.evaluate((t) => {
      // Search from the top each time: find() continues from the current selection.
      getSelection()?.removeAllRanges();
      return (window as unknown as { find(...a: unknown[]): boolean }).find(t, false, false, true);
    }, text);
  }
  async screenshot(path: string) {
    await this.page.screenshot({ path });
  }
  async close() {
    await this.page.close();
  }
}

export class FirefoxDriver implements Driver {
  readonly name = 'firefox';
  private browser!: Browser;

  /**
   * `official`: route the official hosts to the local stand-in (an HTTPS proxy for https only, so
   * pages on localhost are not affected) and let optional permission requests be granted without
   * the prompt, which no test can answer: the extension still asks, from the user's click.
   */
  constructor(
    private readonly official?: OfficialSourceRoute,
    /** Grant optional permissions without the prompt (the extension still asks, from a click), as with `official`. */
    private readonly grantsOptionalPermissions = false,
  ) {}

  async launch() {
    requireBrowser(FIREFOX_PATH, 'firefox-esr');
    this.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access allowed.
      args: ['--remote-allow-system-access', '--width=1200', '--height=900'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        ...(this.official
          ? {
              'network.proxy.type': 1,
              'network.proxy.ssl': '127.0.0.1',
              'network.proxy.ssl_port': this.official.proxyPort,
              'extensions.webextOptionalPermissionPrompts': false,
            }
          : {}),
        ...(this.grantsOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
      },
      ...(this.official ? { acceptInsecureCerts: true } : {}),
    });
    await this.browser.installExtension(resolve(root, 'dist/firefox'));
  }
  async close() {
    await this.browser?.close();
  }
  async open(url: string, { loaded = true } = {}): Promise<TestPage> {
    const page = await this.browser.newPage();
    // Puppeteer sends a screen-orientation override with every viewport; Firefox ESR 140's WebDriver
    // BiDi does not know that command and refuses it, although the viewport itself is set.
    await page.setViewport({ width: 1200, height: 900 }).catch((error: unknown) => {
      if (!String(error).includes('setScreenOrientationOverride')) throw error;
    });
    if (!loaded) {
      // Puppeteer has no "committed" wait for Firefox, and waiting in the page waits for its load:
      // start the navigation and give its first bytes a moment to arrive.
      void page.goto(url).catch(() => {});
      await new Promise((arrived) => setTimeout(arrived, 500));
    } else if (url.startsWith('moz-extension:')) {
      // The tab moves to the extension process and puppeteer reports the frame detached, though
      // the page loads: wait for the page, not the navigation.
      await page.goto(url, { timeout: 3_000, waitUntil: 'domcontentloaded' }).catch(() => {});
      await pollUntil(page, (u) => location.href === u && document.readyState === 'complete', url, 30_000);
    } else await page.goto(url);
    return new FirefoxPage(page);
  }
  async openExtensionPage(path: string) {
    return this.open(`moz-extension://${EXTENSION_UUID}/${path}`);
  }
}
