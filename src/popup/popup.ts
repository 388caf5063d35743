/**
 * Toolbar popup: the on/off switches (written to settings; every tab reacts to the storage
 * change) and a summary of what the current page flags, from the tab's content script.
 */
import type { BackgroundProtocol, ContentProtocol, EntryDetails, PageReport, ViewerProtocol } from '../core/protocol';
import type { Settings } from '../core/settings';
import { browser } from '../platform/browser';
import { localisePage, t } from '../platform/i18n';
import { sendToBackground, sendToExtensionPages, sendToTab } from '../platform/messaging';
import { hasSiteAccess, isActiveTabEnoughToDownload, requestSiteAccess, viewerUrlFor } from '../platform/pdf-access';
import { loadSettings, notSavedMessage, updateSettings } from '../platform/storage';
import { appendRow, citationLinks } from '../ui/card-view';
import { downloadReport } from '../ui/report-download';
import { setUpLookup } from './lookup';
import { showDataStatus } from './data-status';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup: #${id} missing`);
  return el as T;
}

/** The tab the popup is about; `?tab=ID` lets the popup page be opened in a tab (tests, screenshots). */
async function targetTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function render(report: PageReport | null, details: (EntryDetails | null)[]): void {
  const summary = byId('summary');
  const list = byId<HTMLUListElement>('entities');
  list.replaceChildren();
  // Hidden until there is something to export (a page turned off keeps no report).
  byId('export').hidden = true;
  if (!report) {
    summary.textContent = t('popupNotRunning');
    return;
  }
  if (!report.active) {
    summary.textContent = t('popupOffHere');
    return;
  }
  const n = report.entities.length;
  summary.textContent = n === 0 ? t('popupNoneFound') : n === 1 ? t('popupCountOne') : t('popupCountMany', String(n));
  report.entities.forEach((entity, i) => {
    const entry = details[i];
    const li = document.createElement('li');
    const expander = document.createElement('details');
    const summary = document.createElement('summary');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = entry?.name ?? entity.entryId;
    summary.append(name);
    const meta = document.createElement('div');
    meta.className = 'meta';
    const seen = entity.mentions.map((m) => `“${m.text}”`).join(', ');
    meta.textContent = `${entry?.listName ?? entity.list} · ${entry?.country ?? ''} · ${entity.count} mention${entity.count === 1 ? '' : 's'}: ${seen}`;
    summary.append(meta);
    expander.append(summary);
    if (entry) expander.append(listingContext(entry));
    const next = document.createElement('button');
    next.textContent = t('popupShowNext');
    next.addEventListener('click', () => void showOnPage(entity.entryId));
    li.append(expander, next);
    list.append(li);
  });
  byId('export').hidden = n === 0;
}

function listingContext(entry: EntryDetails): HTMLElement {
  const dl = document.createElement('dl');
  dl.className = 'context';
  appendRow(dl, entry.listName, entry.listMeaning);
  if (entry.aliases.length) appendRow(dl, t('cardAliases'), entry.aliases.join('; '));
  appendRow(dl, t('cardLicencePolicy'), entry.licenseReviewPolicy);
  appendRow(dl, t('cardFirstListed'), entry.firstListed ?? '');
  if (entry.citations.length) appendRow(dl, t('cardFederalRegister'), citationLinks(document, entry));
  return dl;
}

let tabId: number | undefined;

// A tab with no content script may show Listmark's PDF viewer, which answers the same questions.
async function showOnPage(entryId: string): Promise<void> {
  const id = tabId;
  if (id === undefined) return;
  await sendToTab<ContentProtocol, 'revealNext'>(id, 'revealNext', entryId).catch(() =>
    sendToExtensionPages<ViewerProtocol, 'revealInViewer'>('revealInViewer', id, entryId),
  );
}

async function fetchReport(): Promise<PageReport | null> {
  const id = tabId;
  if (id === undefined) return null;
  return sendToTab<ContentProtocol, 'getPageReport'>(id, 'getPageReport')
    .catch(() => sendToExtensionPages<ViewerProtocol, 'getViewerReport'>('getViewerReport', id))
    .catch(() => null);
}

const ASK_AGAIN_MS = 200;
/** A question to the page unanswered this long is asked again (a page's first full scan may take a few seconds). */
const ASK_AFRESH_MS = 5_000;
/**
 * How long a loaded page may take to answer before the popup says Listmark does not run there:
 * briefly for a page no content script runs on (the browser's own, a store, a PDF viewer); long
 * for a web page, whose content script may start late on a busy machine.
 */
const ANSWER_AFTER_LOAD_MS = { webPage: 30_000, other: 1_500 };
/** Web pages where browsers run no extension's content script. */
const SCRIPTS_BARRED = /^https:\/\/(?:chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org)\//;

/** Whether a content script may run on the page; a page whose address the popup may not read may be any. */
function mayRunOn(url: string | undefined): boolean {
  return url === undefined || (/^(?:https?|file):/.test(url) && !SCRIPTS_BARRED.test(url) && !/\.pdf(?:[?#]|$)/i.test(url));
}

/**
 * The report of a page Listmark may not have started on yet. It starts only once the page has
 * loaded (see content/index.ts), so a popup opened while the tab is loading, or a moment after,
 * finds nobody to answer: it says it is waiting and asks again, until the page answers or has
 * been loaded for a while (a page Listmark cannot run on, such as the browser's own, never will).
 */
interface Question {
  answer: Promise<PageReport | null>;
  since: number;
}

async function reportOnceStarted(): Promise<PageReport | null> {
  let loadedSince: number | null = null;
  // One question at a time; asked again if it has had no answer for a while: Firefox may hold a
  // message sent to a tab as it loads unanswered, also once the page has loaded.
  let asking: Question | null = null;
  for (;;) {
    if (tabId === undefined) return null;
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) return null;
    const loading = tab.status === 'loading';
    // Said before asking, in case the answer is held.
    if (loading) byId('summary').textContent = t('popupWaitingForPage');
    if (!asking || performance.now() - asking.since > ASK_AFRESH_MS) asking = { answer: fetchReport(), since: performance.now() };
    const current: Question = asking;
    const report = await Promise.race([current.answer, delay(ASK_AGAIN_MS * 5).then(() => undefined)]);
    if (report) return report;
    if (report === null && asking === current) asking = null; // answered that nobody is there: ask again
    if (loading) loadedSince = null;
    else if (performance.now() - (loadedSince ??= performance.now()) > (mayRunOn(tab.url) ? ANSWER_AFTER_LOAD_MS.webPage : ANSWER_AFTER_LOAD_MS.other)) return null;
    await delay(ASK_AGAIN_MS);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

let current: { report: PageReport; details: (EntryDetails | null)[] } | null = null;
let datasetDate = '';

async function refresh(): Promise<void> {
  await show(await fetchReport());
}

async function show(report: PageReport | null): Promise<void> {
  const details = report?.entities.length
    ? await sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', report.entities.map((e) => e.entryId))
    : [];
  current = report ? { report, details } : null;
  render(report, details);
}

function exportReport(format: 'csv' | 'json'): void {
  if (current) downloadReport(document, current.report, current.details, datasetDate, format);
}

/** A PDF by its address; the browser's PDF viewer keeps the file's address in the tab. */
function isPdfAddress(url: string): boolean {
  return /^https?:/.test(url) && /\.pdf$/i.test(new URL(url).pathname);
}

/**
 * Whether the tab shows a PDF: by its address, or, for a web page whose content script has not
 * answered by now (no browser runs one in its PDF viewer), by what its server says it is.
 */
async function isPdfTab(url: string, hasAnswered: () => boolean): Promise<boolean> {
  if (isPdfAddress(url)) return true;
  if (!/^https?:/.test(url)) return false;
  await delay(ANSWER_AFTER_LOAD_MS.other);
  if (hasAnswered()) return false;
  const head = await fetch(url, { method: 'HEAD', credentials: 'include' }).catch(() => null);
  return head?.headers.get('content-type')?.toLowerCase().startsWith('application/pdf') ?? false;
}

/** Offers Listmark's viewer for a PDF tab: opened beside it, with access to its site asked for now if activeTab does not give it. */
async function offerViewer(tab: { id?: number; index: number; url?: string }, hasAnswered: () => boolean): Promise<void> {
  const url = tab.url;
  if (!url || !(await isPdfTab(url, hasAnswered))) return;
  const hasAccess = await hasSiteAccess(url);
  byId('pdf').hidden = false;
  byId('open-viewer').addEventListener('click', () => {
    // Asked first thing in the click: the browser grants nothing outside one.
    const access = hasAccess || isActiveTabEnoughToDownload() ? Promise.resolve(true) : requestSiteAccess(url).catch(() => false);
    // Refused, the viewer opens all the same and says what it needs.
    void access
      .then(() => browser.tabs.create({ url: viewerUrlFor(url), index: tab.index + 1, ...(tab.id !== undefined ? { openerTabId: tab.id } : {}) }))
      .then(() => window.close());
  });
}

async function main(): Promise<void> {
  localisePage();
  setUpLookup(() => datasetDate);
  const tab = await targetTab();
  tabId = tab?.id;
  let hasAnswered = false;
  if (tab) void offerViewer(tab, () => hasAnswered);
  // The content script says where the tab is: the popup needs no "tabs" permission to read URLs.
  const firstReport = await reportOnceStarted();
  hasAnswered = firstReport !== null;
  const hostname = firstReport ? new URL(firstReport.url).hostname : '';
  const settings = await loadSettings();
  const enabled = byId<HTMLInputElement>('enabled');
  const siteOff = byId<HTMLInputElement>('site-off');
  byId('site').textContent = hostname || t('popupThisSite');
  enabled.checked = settings.enabled;
  siteOff.checked = settings.disabledSites.includes(hostname);
  siteOff.disabled = !hostname;
  const error = byId('error');
  /** Stores a change; if the browser refuses it, says why and shows the switches as stored. */
  const save = (change: (current: Settings) => Settings) =>
    void updateSettings(change).then(
      () => {
        error.hidden = true;
        setTimeout(() => void refresh(), 300);
      },
      async (refusal: unknown) => {
        error.textContent = notSavedMessage(refusal);
        error.hidden = false;
        const stored = await loadSettings();
        enabled.checked = stored.enabled;
        siteOff.checked = stored.disabledSites.includes(hostname);
      },
    );
  enabled.addEventListener('change', () => save((s) => ({ ...s, enabled: enabled.checked })));
  siteOff.addEventListener('change', () =>
    save((s) => ({
      ...s,
      disabledSites: siteOff.checked ? [...s.disabledSites, hostname] : s.disabledSites.filter((h) => h !== hostname),
    })),
  );
  byId('options').addEventListener('click', (event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  });
  byId('export-csv').addEventListener('click', () => exportReport('csv'));
  byId('export-json').addEventListener('click', () => exportReport('json'));
  const dataset = await sendToBackground<BackgroundProtocol, 'getDataset'>('getDataset');
  datasetDate = dataset.datasetDate;
  byId('dataset').textContent = t('popupDataset', dataset.datasetDate);
  byId('dataset').title = dataset.source;
  // The first report is shown as it is: building one takes a while on a page with many names.
  await show(firstReport);
}

showDataStatus(document.getElementById('data-status')!);
void main();
