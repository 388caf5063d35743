/**
 * Toolbar popup: the on/off switches (written to settings; every tab reacts to the storage
 * change) and a summary of what the current page flags, from the tab's content script.
 */
import type { BackgroundProtocol, ContentProtocol, EntryDetails, PageReport } from '../core/protocol';
import { browser } from '../platform/browser';
import { sendToBackground, sendToTab } from '../platform/messaging';
import { loadSettings, updateSettings } from '../platform/storage';

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
  if (!report) {
    summary.textContent = 'Listmark does not run on this page.';
    return;
  }
  if (!report.active) {
    summary.textContent = 'Listmark is off for this page.';
    return;
  }
  const n = report.entities.length;
  summary.textContent = n === 0 ? 'No listed organisations found on this page.' : `${n} listed organisation${n === 1 ? '' : 's'} on this page`;
  report.entities.forEach((entity, i) => {
    const entry = details[i];
    const li = document.createElement('li');
    const name = document.createElement('div');
    name.className = 'name';
    name.textContent = entry?.name ?? entity.entryId;
    const meta = document.createElement('div');
    meta.className = 'meta';
    const seen = entity.mentions.map((m) => `“${m.text}”`).join(', ');
    meta.textContent = `${entry?.listName ?? entity.list} · ${entry?.country ?? ''} · ${entity.count} mention${entity.count === 1 ? '' : 's'}: ${seen}`;
    const next = document.createElement('button');
    next.textContent = 'Show on page';
    next.addEventListener('click', () => void showOnPage(entity.entryId));
    li.append(name, meta, next);
    list.append(li);
  });
}

let tabId: number | undefined;

async function showOnPage(entryId: string): Promise<void> {
  if (tabId === undefined) return;
  await sendToTab<ContentProtocol, 'revealNext'>(tabId, 'revealNext', entryId);
}

async function fetchReport(): Promise<PageReport | null> {
  if (tabId === undefined) return null;
  return sendToTab<ContentProtocol, 'getPageReport'>(tabId, 'getPageReport').catch(() => null);
}

async function refresh(): Promise<void> {
  const report = await fetchReport();
  const details = report?.entities.length
    ? await sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', report.entities.map((e) => e.entryId))
    : [];
  render(report, details);
}

async function main(): Promise<void> {
  const tab = await targetTab();
  tabId = tab?.id;
  // The content script says where the tab is: the popup needs no "tabs" permission to read URLs.
  const firstReport = await fetchReport();
  const hostname = firstReport ? new URL(firstReport.url).hostname : '';
  const settings = await loadSettings();
  const enabled = byId<HTMLInputElement>('enabled');
  const siteOff = byId<HTMLInputElement>('site-off');
  byId('site').textContent = hostname || 'this site';
  enabled.checked = settings.enabled;
  siteOff.checked = settings.disabledSites.includes(hostname);
  siteOff.disabled = !hostname;
  enabled.addEventListener('change', () => {
    void updateSettings((s) => ({ ...s, enabled: enabled.checked })).then(() => setTimeout(() => void refresh(), 300));
  });
  siteOff.addEventListener('change', () => {
    void updateSettings((s) => ({
      ...s,
      disabledSites: siteOff.checked ? [...s.disabledSites, hostname] : s.disabledSites.filter((h) => h !== hostname),
    })).then(() => setTimeout(() => void refresh(), 300));
  });
  byId('options').addEventListener('click', (event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  });
  const dataset = await sendToBackground<BackgroundProtocol, 'getDataset'>('getDataset');
  byId('dataset').textContent = `Entity List, UVL and MEU List as of ${dataset.datasetDate}`;
  await refresh();
}

void main();
