/**
 * Listmark's work on a page, started by the entry script (./index) once the page has loaded:
 * wires the scanner, painter and card to settings and messages. Starts only where Listmark is on;
 * turning it off removes every highlight and the card at once. After an extension update the old
 * script finds its context gone and tears itself down quietly. The names stay in the background,
 * which matches the text sent to it: no tab or frame builds a matcher of its own.
 */
import type { FoundNames, VariantInfo } from '../core/name-finder';
import { dismissedOn, type Dismissal } from '../core/dismissals';
import type { BackgroundProtocol, ContentProtocol, PageEntity, PageReport } from '../core/protocol';
import { sentenceAround } from '../core/sentence';
import { isActiveOn, type Settings } from '../core/settings';
import { handleMessages, isExtensionContextAlive, sendToBackground, watchExtensionContext } from '../platform/messaging';
import { loadDismissals, loadSettings, onDismissalsChanged, onSettingsChanged, updateDismissals } from '../platform/storage';
import { onDataInUseChanged } from '../platform/data-in-use-record';
import { DetailsCard } from '../ui/details-card';
import { pageDateOf } from './page-date';
import { createPainter } from '../ui/painter';
import { Scanner, SLICE_MS, type Mention } from './scanner';
import { SelectionCheck } from './selection-check';
import { HUGE_TEXT_NODE } from './text-segments';

/** How much text either side of a mention in a huge text node may hold its sentence. */
const SENTENCE_WINDOW = 1_000;

// When the entry script was injected, and when Listmark started working on the page: the
// time-to-highlight figures of npm run bench:browser are measured from both.
let scriptInjectedAt = 0;
let workStart = 0;
const isTopFrame = window === window.top;
let scanner: Scanner | null = null;
let settings: Settings | null = null;
let dismissals: Dismissal[] = [];
/** Settles once the dismissals have been read (or could not be): the first answer waits for it. */
let dismissalsRead: Promise<void> = Promise.resolve();
const card = new DetailsCard(document, (entryId, name) => dismiss(entryId, name));
const selectionCheck = new SelectionCheck(document, card);
let focusIndex = -1;

let reportTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleReport(): void {
  if (!isTopFrame) return;
  clearTimeout(reportTimer);
  reportTimer = setTimeout(() => {
    if (!isExtensionContextAlive()) return teardown();
    // Organisations no longer listed (shown muted, if at all) are not counted as flagged.
    const distinctEntities = scanner ? new Set([...scanner.mentions].filter((m) => !m.name.removed).map((m) => m.entryIds[0])).size : 0;
    sendToBackground<BackgroundProtocol, 'reportPage'>('reportPage', { distinctEntities }).catch(() => {});
  }, 150);
}

/**
 * Each piece of Listmark's work on the page becomes a `listmark:work` performance measure, so
 * benchmarks and tests can see the longest one (the page's own timeline, visible to DevTools).
 */
let workRecorded = 0;
const MAX_WORK_RECORDS = 5_000; // the timeline keeps every entry: bounded on pages that never stop changing

function recordWork(start: number, end: number): void {
  if (workRecorded >= MAX_WORK_RECORDS) return;
  workRecorded++;
  try {
    performance.measure('listmark:work', { start, end });
  } catch {
    // User timing unavailable: measurement only.
  }
}

/**
 * Runs the next slice of work as soon as the event loop is free: a MessageChannel task, not
 * setTimeout, which browsers clamp to 4 ms and more once calls nest (halving the scan's pace).
 */
const slices: (() => void)[] = [];
const sliceChannel = new MessageChannel();
sliceChannel.port1.onmessage = () => slices.shift()?.();
function scheduleSlice(work: () => void): void {
  slices.push(work);
  sliceChannel.port2.postMessage(null);
}

/** Asks the background; once more after a moment if that failed (its worker may have been restarting). */
async function findNames(texts: string[]): Promise<FoundNames> {
  for (let attempt = 0; ; attempt++) {
    if (!isExtensionContextAlive()) {
      teardown();
      throw new Error('Listmark was updated or removed');
    }
    try {
      const found = await sendToBackground<BackgroundProtocol, 'findNames'>('findNames', texts);
      // The answer is filtered by the dismissals as it is painted: they must have been read.
      await dismissalsRead;
      return found;
    } catch (error) {
      if (attempt >= 1) throw error;
      await new Promise((retry) => setTimeout(retry, 200));
    }
  }
}

let watchingContext = false;

function start(current: Settings): void {
  if (scanner || tornDown) return;
  const lists = new Set(current.lists);
  // Worked out at the first answer, by when the dismissals have been read (see findNames).
  let dismissed: Set<string> | null = null;
  applyHighlightStyle(current.highlightStyle);
  const started = new Scanner(document, {
    findNames,
    painter: createPainter(window, recordWork),
    acceptVariant: (v: VariantInfo) =>
      lists.has(v.list) &&
      (!v.removed || current.showRemoved) && (current.includeShortForms || v.kind !== 'derived') && !(dismissed ??= dismissedOn(dismissals, location.hostname)).has(v.entryId),
    onChange: scheduleReport,
    onSlice: recordWork,
    schedule: scheduleSlice,
  });
  scanner = started;
  started.start();
  // Only a page with Listmark's work on it has anything to tear down; the port waits until then,
  // and until the first text is on its way.
  if (!watchingContext) {
    watchingContext = true;
    watchExtensionContext(teardown);
  }
  // Starting may find the extension gone (updated or removed meanwhile) and tear down at once.
  if (scanner !== started) return;
  void started.whenIdle().then(() => {
    if (scanner !== started) return;
    try {
      // The count lets tests see every mention even where only those near the viewport are painted.
      // The detail is JSON text: in Firefox the page cannot read an object made by a content script.
      performance.measure('listmark:first-scan', { start: workStart, end: performance.now(), detail: JSON.stringify({ mentions: started.mentions.size, injectedAt: scriptInjectedAt }) });
    } catch {
      // measurement only
    }
  });
  document.addEventListener('click', onClick);
  document.addEventListener('keydown', onKeyDown, true);
}

function stop(): void {
  card.close();
  scanner?.stop();
  scanner = null;
  focusIndex = -1;
  document.removeEventListener('click', onClick);
  document.removeEventListener('keydown', onKeyDown, true);
  scheduleReport();
}

let tornDown = false;

function teardown(): void {
  // The extension was updated or removed: the page keeps working, Listmark leaves no trace.
  tornDown = true;
  card.close();
  selectionCheck.close();
  scanner?.stop();
  scanner = null;
  document.removeEventListener('click', onClick);
  document.removeEventListener('keydown', onKeyDown, true);
}

/**
 * Resolves once the settings have been read and Listmark has started on the page or decided not
 * to: a report asked for before then (a popup opened as the page loads) waits for it instead of
 * answering "nothing found" while the first scan has not begun.
 */
let decided: () => void = () => {};
const firstDecision = new Promise<void>((resolve) => (decided = resolve));

function apply(next: Settings): void {
  if (tornDown) return;
  settings = next;
  const active = isActiveOn(next, location.hostname);
  stop();
  if (active) start(next);
  decided();
}

let styleSheet: CSSStyleSheet | null = null;

/**
 * The "underline only" style, as a constructed style sheet adopted by the document: no element
 * is added to the page. The default look comes from the manifest's highlights.css.
 */
function applyHighlightStyle(style: Settings['highlightStyle']): void {
  try {
    // Adopting a sheet makes the browser restyle the whole page: not for the default look.
    if (!styleSheet && style !== 'underline') return;
    if (!styleSheet) {
      styleSheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, styleSheet];
    }
    styleSheet.replaceSync(style === 'underline' ? '::highlight(listmark-entity-list), ::highlight(listmark-meu-list), ::highlight(listmark-unverified-list), ::highlight(listmark-sdn-list), ::highlight(listmark-denied-persons-list), ::highlight(listmark-nonproliferation-sanctions), ::highlight(listmark-debarred-parties), ::highlight(listmark-other-csl), ::highlight(listmark-removed) { background-color: transparent; }' : '');
  } catch {
    // Constructed style sheets unavailable here: the default style stays.
  }
}

async function dismiss(entryId: string, name: string): Promise<void> {
  const site = location.hostname;
  await updateDismissals((current) => [...current, { site, entryId, name, at: new Date().toISOString() }]);
}

function mentionAt(x: number, y: number): Mention | null {
  if (!scanner) return null;
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const caret = doc.caretPositionFromPoint?.(x, y);
  const node = caret?.offsetNode ?? document.caretRangeFromPoint?.(x, y)?.startContainer;
  if (!node) return null;
  for (const mention of scanner.mentions) {
    if (!mention.range.intersectsNode(node)) continue;
    for (const rect of mention.range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return mention;
    }
  }
  return null;
}

function openCard(mention: Mention): void {
  const evidence = scanner?.evidenceFor(mention);
  const pageDate = pageDateOf(document)?.date ?? null;
  const content = Promise.all([
    sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', mention.entryIds),
    sendToBackground<BackgroundProtocol, 'getDataset'>('getDataset'),
  ]).then(([entries, dataset]) => ({
    matchedText: mention.text,
    variantText: mention.name.text,
    variantKind: mention.name.kind,
    ...(evidence ? { evidence } : {}),
    entries,
    datasetDate: dataset.datasetDate,
    pageDate,
  }));
  void card.open(mention.range, content);
}

function onClick(event: MouseEvent): void {
  if (!isExtensionContextAlive()) return teardown();
  if (event.button !== 0 || event.defaultPrevented) return;
  // A click on a link navigates as the page intends; the keyboard shortcut reaches those names.
  if ((event.target as Element | null)?.closest?.('a[href]')) return;
  if (!document.getSelection()?.isCollapsed) return;
  const mention = mentionAt(event.clientX, event.clientY);
  if (mention) openCard(mention);
}

function onKeyDown(event: KeyboardEvent): void {
  // Alt+Shift+N / Alt+Shift+P: next / previous flagged name, with its card.
  if (!event.altKey || !event.shiftKey || (event.code !== 'KeyN' && event.code !== 'KeyP')) return;
  if (!scanner) return;
  const mentions = scanner.orderedMentions();
  if (mentions.length === 0) return;
  event.preventDefault();
  focusIndex = (focusIndex + (event.code === 'KeyN' ? 1 : -1) + mentions.length) % mentions.length;
  reveal(mentions[focusIndex]!);
}

function reveal(mention: Mention): void {
  const target = mention.range.startContainer.parentElement;
  target?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  openCard(mention);
}

/**
 * The sentence a mention stands in, worked out when a report is asked for: keeping a sentence
 * per mention would hold a second copy of a long page's text in memory.
 */
function sentenceOf(mention: Mention): string {
  const { startContainer, startOffset } = mention.range;
  // In a huge text node (a segment of its own) the sentence is read from a window around the
  // mention: the block's whole text would be megabytes copied per mention.
  if (startContainer.nodeType === 3 /* text */ && (startContainer as Text).length > HUGE_TEXT_NODE) {
    const node = startContainer as Text;
    const from = Math.max(0, startOffset - SENTENCE_WINDOW);
    const window = node.substringData(from, 2 * SENTENCE_WINDOW + mention.text.length);
    return sentenceAround(window, startOffset - from, startOffset - from + mention.text.length);
  }
  let block: Node | null = mention.range.startContainer.parentElement;
  while (block && block instanceof Element && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
  if (!block) return mention.text;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(mention.range.startContainer, mention.range.startOffset);
  const text = block.textContent ?? '';
  const start = before.toString().length;
  return sentenceAround(text, start, start + mention.text.length);
}

/**
 * The page report, built in slices like the scan: each mention's sentence takes a range and a
 * style lookup, 70 ms for 10,000 mentions in one go.
 */
async function pageReport(): Promise<PageReport> {
  const byEntry = new Map<string, PageEntity>();
  const sentencesOf = new Map<PageEntity['mentions'][number], Set<string>>();
  let sliceStart = performance.now();
  for (const mention of scanner?.orderedMentions() ?? []) {
    if (performance.now() - sliceStart > SLICE_MS) {
      recordWork(sliceStart, performance.now());
      await new Promise<void>((next) => scheduleSlice(next));
      sliceStart = performance.now();
    }
    if (!mention.range.startContainer.isConnected) continue; // removed while the report was built
    if (mention.name.removed) continue; // no longer listed: not part of what the page flags
    const id = mention.entryIds[0]!;
    let entity = byEntry.get(id);
    if (!entity) {
      entity = { entryId: id, list: mention.list, mentions: [], count: 0 };
      byEntry.set(id, entity);
    }
    entity.count++;
    const sentence = sentenceOf(mention);
    let existing = entity.mentions.find((x) => x.text === mention.text);
    if (!existing) {
      existing = { text: mention.text, count: 0, sentences: [] };
      entity.mentions.push(existing);
      sentencesOf.set(existing, new Set());
    }
    existing.count++;
    const seen = sentencesOf.get(existing)!;
    if (!seen.has(sentence)) {
      seen.add(sentence);
      existing.sentences.push(sentence);
    }
  }
  recordWork(sliceStart, performance.now());
  return {
    url: location.href,
    title: document.title,
    active: scanner !== null,
    entities: [...byEntry.values()].sort((a, b) => b.count - a.count),
  };
}

/**
 * Starts Listmark's work on the page: called by the entry script once the page has loaded and
 * been rendered, with the time the script was injected.
 */
export function boot(injectedAt: number): void {
  workStart = performance.now();
  scriptInjectedAt = injectedAt;
  // In every frame: the selection to check may be in any of them, whether Listmark flags names there or not.
  handleMessages<Pick<ContentProtocol, 'showSelectionCheck'>>({ showSelectionCheck: (_sender, text) => selectionCheck.show(text) });
  if (isTopFrame) {
    handleMessages<Omit<ContentProtocol, 'showSelectionCheck'>>({
      getPageReport: async () => {
        await firstDecision;
        await scanner?.whenIdle();
        return await pageReport();
      },
      revealNext: (_sender, entryId) => {
        const mentions = scanner?.orderedMentions().filter((m) => m.entryIds.includes(entryId)) ?? [];
        if (mentions.length === 0) return false;
        const next = mentions.find((m) => m.range.getBoundingClientRect().top > 80) ?? mentions[0]!;
        reveal(next);
        return true;
      },
    });
  }

  // Only the settings decide whether to start; the dismissals are needed once the first answer is
  // back, so reading them is not on the way to the first highlight. A change event carries the
  // newest value: a first read that answers after one must not bring the older value back.
  let settingsChanged = false;
  let dismissalsChanged = false;
  dismissalsRead = loadDismissals().then(
    (stored) => void (dismissalsChanged || (dismissals = stored)),
    () => {}, // storage unreadable: highlights without dismissals beat no highlights at all
  );
  void loadSettings()
    .then((loaded) => settingsChanged || apply(loaded))
    .finally(() => decided()); // unreadable settings: nothing starts, and a report says so
  onSettingsChanged((next) => {
    settingsChanged = true;
    apply(next);
  });
  onDismissalsChanged((next) => {
    dismissalsChanged = true;
    dismissals = next;
    if (settings) apply(settings);
  });
  // An update from the official source was swapped in (or rolled back): scan again with it. The
  // record the background writes when it first starts only describes the data already in use: a
  // rescan then would close an open card and repaint every highlight for nothing.
  onDataInUseChanged((next, hadRecord) => {
    if (settings && (hadRecord || next?.origin === 'update')) apply(settings);
  });
}
