/**
 * Listmark's PDF viewer, an extension page opened as `viewer/index.html?file=URL`: browsers'
 * own PDF viewers run no content script. Downloads the PDF (pdf-source), shows its pages lazily
 * (pdf-pages), reads every page's text and has the background find names in it, as a content
 * script does, with the evidence rule over the whole PDF as one document (core/document-flags);
 * paints on the text layer with the Highlight API and opens the same card; answers the popup's
 * page report and exports it. Reacts to settings and dismissals like a page.
 */
// pdf.js's legacy build: its modern build uses JavaScript newer than Firefox ESR 140 has (Map.getOrInsertComputed).
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { dismissedOn, type Dismissal } from '../core/dismissals';
import { DocumentFlagger, type Flag } from '../core/document-flags';
import { MAX_TEXTS_PER_REQUEST, type FoundNames, type VariantInfo } from '../core/name-finder';
import { pageEntities } from '../core/page-entities';
import { itemPositionOf, pdfPageText, type PdfPageText, type PdfTextItem } from '../core/pdf-text';
import type { BackgroundProtocol, EntryDetails, PageReport, ViewerProtocol } from '../core/protocol';
import { sentenceAround } from '../core/sentence';
import { DEFAULT_SETTINGS, isActiveOn, type Settings } from '../core/settings';
import { browser } from '../platform/browser';
import { localisePage, t } from '../platform/i18n';
import { handleMessages, sendToBackground } from '../platform/messaging';
import { loadDismissals, loadSettings, onDismissalsChanged, onSettingsChanged, updateDismissals } from '../platform/storage';
import { requestSiteAccess } from '../platform/pdf-access';
import { DetailsCard } from '../ui/details-card';
import { createPainter } from '../ui/painter';
import { downloadReport } from '../ui/report-download';
import { fetchPdf, MAX_PDF_BYTES, PdfLoadError } from './pdf-source';
import { PdfPages, textItemsOf, type RenderedPage } from './pdf-pages';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Text sent to the background in one request, as the content scanner sends it. */
const BATCH_CHARS = 128 * 1024;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`viewer: #${id} missing`);
  return el as T;
}

const fileUrl = new URLSearchParams(location.search).get('file') ?? '';
const hostname = (() => {
  try {
    return new URL(fileUrl).hostname;
  } catch {
    return '';
  }
})();

/** Each page's text model and items, as read so far (index: page number − 1). */
const pageTexts: { text: PdfPageText; items: PdfTextItem[] }[] = [];
/** The background's answers, kept so that a settings change re-flags without asking again. */
const answers: { first: number; texts: string[]; found: FoundNames }[] = [];
let pages: PdfPages | null = null;
let settings: Settings = DEFAULT_SETTINGS;
let dismissals: Dismissal[] = [];
let flagger: DocumentFlagger | null = null;
/** Counted flags by page index, in the order they came to count. */
let flagsByPage = new Map<number, Flag[]>();
/** Text layers in the document now, by page index. */
const rendered = new Map<number, RenderedPage>();
/** The painted range of each flag on a rendered page. */
const ranges = new Map<Flag, Range>();
const painter = createPainter(window);
const card = new DetailsCard(document, (entryId, name) => updateDismissals((current) => [...current, { site: hostname, entryId, name, at: new Date().toISOString() }]));
let isReadingDone = false;
let whenRead: () => void = () => {};
const allRead = new Promise<void>((resolve) => (whenRead = resolve));
let datasetDate = '';

function setStatus(text: string): void {
  byId('status').textContent = text;
}

function showProblem(text: string, action?: { label: string; run: () => void }): void {
  const problem = byId('problem');
  problem.replaceChildren(document.createTextNode(text));
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    problem.append(' ', button);
  }
  problem.hidden = false;
}

function loadProblemText(error: unknown): string {
  if (error instanceof PdfLoadError) {
    switch (error.problem) {
      case 'http':
        return t('viewerErrorHttp', error.detail);
      case 'not-pdf':
        return t('viewerErrorNotPdf');
      case 'too-large':
        return t('viewerErrorTooLarge', String(MAX_PDF_BYTES / 1024 / 1024));
      case 'not-web':
        return t('viewerErrorNotWeb');
      case 'network':
      case 'needs-access':
        return t('viewerErrorNetwork', error.detail);
    }
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return t('viewerErrorPassword');
  return t('viewerErrorDamaged', error instanceof Error ? error.message : String(error));
}

async function open(): Promise<void> {
  byId('problem').hidden = true;
  setStatus(t('viewerLoading'));
  let doc: PDFDocumentProxy;
  try {
    const data = await fetchPdf(fileUrl);
    // isEvalSupported: the extension's pages may not evaluate strings as code (CSP).
    doc = await getDocument({ data, isEvalSupported: false }).promise;
  } catch (error) {
    setStatus('');
    whenRead(); // a report asked for now is an empty one
    if (error instanceof PdfLoadError && error.problem === 'needs-access') {
      // Asked from the click, for this one site only.
      showProblem(t('viewerNeedsAccess', hostname), {
        label: t('viewerAllow'),
        run: () => void requestSiteAccess(fileUrl).then((granted) => (granted ? open() : undefined)),
      });
    } else showProblem(loadProblemText(error));
    return;
  }
  document.title = decodeURIComponent(new URL(fileUrl).pathname.split('/').pop() || hostname);
  void doc.getMetadata().then(({ info }) => {
    const title = (info as { Title?: unknown }).Title;
    if (typeof title === 'string' && title.trim()) document.title = title;
  }, () => {});
  pages = new PdfPages(doc, byId('pages'), { onRendered: paintPage, onReleased: releasePage, onError: () => {} });
  await pages.layOut();
  mark('listmark:pdf-laid-out');
  await readAllPages(pages);
}

/** Reads every page's text in order and sends it in batches; the first page goes alone, so it lights up first. */
async function readAllPages(source: PdfPages): Promise<void> {
  let batch: { first: number; texts: string[] } = { first: 0, texts: [] };
  let chars = 0;
  const sent: Promise<void>[] = [];
  const send = () => {
    if (batch.texts.length === 0) return;
    const out = batch;
    batch = { first: out.first + out.texts.length, texts: [] };
    chars = 0;
    sent.push(findNames(out.texts).then((found) => record(out.first, out.texts, found)));
  };
  for (let n = 1; n <= source.count; n++) {
    setStatus(t('viewerReading', String(n), String(source.count)));
    const items: PdfTextItem[] = textItemsOf(await source.textContent(n));
    const text = pdfPageText(items);
    pageTexts.push({ text, items });
    batch.texts.push(text.text);
    chars += text.text.length;
    if (n === 1 || chars >= BATCH_CHARS || batch.texts.length >= MAX_TEXTS_PER_REQUEST) send();
  }
  send();
  await Promise.all(sent);
  mark('listmark:pdf-all-read');
  isReadingDone = true;
  whenRead();
  const empty = pageTexts.filter((p) => p.text.text.trim() === '').length;
  if (empty === pageTexts.length) showProblem(t('viewerNoText'));
  updateSummary(empty);
}

/** Asks the background; once more after a moment if that failed (its worker may have been restarting). */
async function findNames(texts: string[]): Promise<FoundNames> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendToBackground<BackgroundProtocol, 'findNames'>('findNames', texts);
    } catch (error) {
      if (attempt >= 1) throw error;
      await new Promise((retry) => setTimeout(retry, 200));
    }
  }
}

function record(first: number, texts: string[], found: FoundNames): void {
  answers.push({ first, texts, found });
  flagger?.add(first, texts, found);
}

/** Starts flagging afresh with the current settings and dismissals, from the answers so far. */
function reflag(): void {
  painter.clear();
  ranges.clear();
  card.close();
  flagsByPage = new Map();
  if (!isActiveOn(settings, hostname)) {
    flagger = null;
    if (isReadingDone) updateSummary();
    return;
  }
  const lists = new Set(settings.lists);
  const dismissed = dismissedOn(dismissals, hostname);
  const accept = (v: VariantInfo) => lists.has(v.list) && (settings.includeShortForms || v.kind !== 'derived') && !dismissed.has(v.entryId);
  flagger = new DocumentFlagger(accept, onCount);
  for (const { first, texts, found } of answers) flagger.add(first, texts, found);
  if (isReadingDone) updateSummary();
}

function onCount(flag: Flag): void {
  let flags = flagsByPage.get(flag.textIndex);
  if (!flags) flagsByPage.set(flag.textIndex, (flags = []));
  flags.push(flag);
  const page = rendered.get(flag.textIndex);
  if (page) paint(page, [flag]);
}

function paintPage(page: RenderedPage): void {
  rendered.set(page.number - 1, page);
  paint(page, flagsByPage.get(page.number - 1) ?? []);
}

function releasePage(pageNumber: number): void {
  rendered.delete(pageNumber - 1);
  for (const flag of flagsByPage.get(pageNumber - 1) ?? []) {
    const range = ranges.get(flag);
    if (!range) continue;
    painter.remove(flag.variants[0]!.list, range);
    ranges.delete(flag);
  }
}

/** The flag's range on its page's text layer: from the span of its first item to that of its last. */
function rangeOf(page: RenderedPage, flag: Flag): Range | null {
  const model = pageTexts[flag.textIndex];
  if (!model) return null;
  const start = itemPositionOf(model.text, model.items, flag.start, false);
  const end = itemPositionOf(model.text, model.items, flag.end, true);
  const startNode = page.spans[start.item]?.firstChild;
  const endNode = page.spans[end.item]?.firstChild;
  if (!startNode || !endNode) return null;
  const range = document.createRange();
  try {
    range.setStart(startNode, start.offset);
    range.setEnd(endNode, end.offset);
  } catch {
    return null;
  }
  return range;
}

/** Marks a moment on the page's timeline (npm run bench:pdf reads them), once each. */
function mark(name: string): void {
  try {
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  } catch {
    // measurement only
  }
}

function paint(page: RenderedPage, flags: readonly Flag[]): void {
  const batch = [];
  for (const flag of flags) {
    if (ranges.has(flag)) continue;
    const range = rangeOf(page, flag);
    if (!range) continue;
    ranges.set(flag, range);
    batch.push({ list: flag.variants[0]!.list, range });
  }
  if (batch.length === 0) return;
  painter.add(batch);
  mark('listmark:pdf-first-highlight');
}

function countedFlags(): Flag[] {
  return [...flagsByPage.values()].flat().sort((a, b) => a.textIndex - b.textIndex || a.start - b.start);
}

function report(): PageReport {
  const entities = pageEntities(
    countedFlags().map((flag) => ({
      entryId: flag.entryIds[0]!,
      list: flag.variants[0]!.list,
      text: flag.text,
      sentence: sentenceAround(pageTexts[flag.textIndex]!.text.text, flag.start, flag.end),
    })),
  );
  return { url: fileUrl, title: document.title, active: flagger !== null, entities };
}

function updateSummary(emptyPages = pageTexts.filter((p) => p.text.text.trim() === '').length): void {
  const current = report();
  const n = current.entities.length;
  const parts = [!current.active ? t('viewerOffHere', hostname) : n === 0 ? t('viewerNoneFound') : n === 1 ? t('viewerCountOne') : t('viewerCountMany', String(n))];
  if (emptyPages > 0 && emptyPages < pageTexts.length) parts.push(t('viewerSomePagesNoText', String(emptyPages), String(pageTexts.length)));
  setStatus(parts.join(' '));
  byId('export').hidden = n === 0;
}

function flagAt(x: number, y: number): Flag | null {
  for (const [flag, range] of ranges) {
    for (const rect of range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return flag;
    }
  }
  return null;
}

function openCard(flag: Flag, range: Range): void {
  const evidence = flagger?.evidenceOf(flag);
  const name = flag.variants[0]!;
  const content = Promise.all([
    sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', flag.entryIds),
    sendToBackground<BackgroundProtocol, 'getDataset'>('getDataset'),
  ]).then(([entries, dataset]) => ({
    matchedText: flag.text,
    variantText: name.text,
    variantKind: name.kind,
    ...(evidence ? { evidence } : {}),
    entries,
    datasetDate: dataset.datasetDate,
    pageDate: null,
  }));
  void card.open(range, content);
}

/** Scrolls to the next mention of an entry below the top of the window (or the first), and opens its card. */
async function reveal(entryId: string): Promise<boolean> {
  const flags = countedFlags().filter((f) => f.entryIds.includes(entryId));
  if (flags.length === 0 || !pages) return false;
  const next = flags.find((f) => (pages!.box(f.textIndex + 1)?.getBoundingClientRect().top ?? 0) > 80) ?? flags[0]!;
  pages.box(next.textIndex + 1)?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  // The page renders once it is in view; its text layer then has the range.
  for (let waited = 0; !ranges.has(next) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  const range = ranges.get(next);
  if (!range) return false;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  openCard(next, range);
  return true;
}

async function exportReport(format: 'csv' | 'json'): Promise<void> {
  const current = report();
  const details: (EntryDetails | null)[] = current.entities.length
    ? await sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', current.entities.map((e) => e.entryId))
    : [];
  downloadReport(document, current, details, datasetDate, format);
}

async function main(): Promise<void> {
  localisePage();
  byId('source').textContent = fileUrl;
  byId<HTMLAnchorElement>('original').href = fileUrl;
  if (!hostname) {
    showProblem(t('viewerErrorNoFile'));
    return;
  }
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  handleMessages<ViewerProtocol>(
    {
      getViewerReport: async () => {
        await allRead;
        return report();
      },
      revealInViewer: (_sender, _tabId, entryId) => reveal(entryId),
    },
    (type, args) => (Number.isInteger(args[0]) && (type === 'getViewerReport' || typeof args[1] === 'string') ? null : `${type}: bad arguments`),
    (args) => tab?.id !== undefined && args[0] === tab.id,
  );
  document.addEventListener('click', (event) => {
    if (event.button !== 0 || !document.getSelection()?.isCollapsed) return;
    const flag = flagAt(event.clientX, event.clientY);
    const range = flag && ranges.get(flag);
    if (flag && range) openCard(flag, range);
  });
  byId('export-csv').addEventListener('click', () => void exportReport('csv'));
  byId('export-json').addEventListener('click', () => void exportReport('json'));
  [settings, dismissals] = await Promise.all([loadSettings().catch(() => DEFAULT_SETTINGS), loadDismissals().catch(() => [])]);
  reflag();
  onSettingsChanged((next) => {
    settings = next;
    reflag();
  });
  onDismissalsChanged((next) => {
    dismissals = next;
    reflag();
  });
  void sendToBackground<BackgroundProtocol, 'getDataset'>('getDataset').then((dataset) => (datasetDate = dataset.datasetDate));
  // Anything unforeseen (a page pdf.js cannot parse) is said, not left as a spinner.
  await open().catch((error: unknown) => showProblem(loadProblemText(error)));
}

void main();
