/**
 * The screen page: a list of counterparties from a file or pasted text, read in the page
 * (core/screen-table), sent to the background in batches of rows (its lookup index answers each
 * as a whole name: core/screen), shown in a table that sorts, filters, opens the details card and
 * exports. Nothing leaves the browser: the file is read here and the rows go to Listmark's own
 * background only.
 */
import { LISTS } from '../core/list-model';
import type { BackgroundProtocol } from '../core/protocol';
import type { ScreenMatch } from '../core/screen';
import { buildScreenExport, screenExportToCsv, type ScreenedRow } from '../core/screen-export';
import { columnCount, guessColumns, headerIndex, LEGACY_ENCODINGS, screenRowsOf, TableError, type ColumnChoice, type ScreenRow, type Table, type TableProblem } from '../core/screen-table';
import { DEFAULT_SCREEN_VIEW, SCREEN_FILTERS, viewScreenedRows, type ScreenSortKey, type ScreenView } from '../core/screen-view';
import { localisePage, t } from '../platform/i18n';
import { sendToBackground } from '../platform/messaging';
import { CARD_STYLE, element, kindLabel, renderCard } from '../ui/card-view';
import { downloadFile } from '../ui/download';
import { describeReasons } from '../ui/lookup-hit';
import type { ReadReply, ReadRequest } from './read-worker';

/** Rows a message: about 30 ms of the background's work, so Firefox's shared extension process stays responsive. */
const BATCH_ROWS = 200;
const PAGE_ROWS = 100;
const FILTER_DELAY_MS = 150;
const CARD_IN_PAGE_STYLE = '.card { position: relative; }';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`screen: #${id} missing`);
  return el as T;
}

const format = (n: number) => n.toLocaleString('en');

/** What is being screened: the table read from a file or the pasted text, and how to read it. */
interface Source {
  name: string;
  table: Table;
  choice: ColumnChoice;
  /** The file's bytes and name, to read again in another encoding. */
  file?: { name: string; bytes: Uint8Array };
}

let source: Source | null = null;
let results: ScreenedRow[] = [];
let view: ScreenView = { ...DEFAULT_SCREEN_VIEW };
let page = 0;
let datasetDate = '';
/** Each screening has a number; a newer one makes an older one stop. */
let run = 0;

function showError(message: string | null): void {
  const error = byId('error');
  error.textContent = message ?? '';
  error.hidden = message === null;
}

export function problemMessage(problem: TableProblem): string {
  switch (problem.kind) {
    case 'tooBig':
      return t('screenErrorTooBig', format(Math.ceil(problem.bytes / 1024 / 1024)), format(problem.max / 1024 / 1024));
    case 'tooManyRows':
      return t('screenErrorTooManyRows', format(problem.rows), format(problem.max));
    case 'malformedCsv':
      return t('screenErrorMalformedCsv', format(problem.row), format(problem.line), problem.detail);
    case 'malformedXlsx':
      return t('screenErrorMalformedXlsx', problem.detail);
    case 'oldExcel':
      return t('screenErrorOldExcel');
    case 'binary':
      return t('screenErrorBinary', format(problem.row));
    case 'empty':
      return t('screenErrorEmpty');
  }
}

function failed(error: unknown): void {
  byId('progress-row').hidden = true;
  byId('status').textContent = '';
  showError(error instanceof TableError ? problemMessage(error.problem) : t('screenFailed', String(error)));
}

/** Reads a file or pasted text in a worker (see read-worker.ts): the page keeps painting meanwhile. */
function readInWorker(request: ReadRequest): Promise<Table> {
  const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Table>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ReadReply>) => {
      if ('table' in data) resolve(data.table);
      else reject('problem' in data ? new TableError(data.problem) : new Error(data.error));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the reader failed'));
    // The file's bytes are copied, not transferred: the page keeps them to read again in another encoding.
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

/** Reads a file (or reads it again in another encoding) and screens it. */
async function openFile(name: string, bytes: Uint8Array, started: number, encoding?: string): Promise<void> {
  showError(null);
  byId('status').textContent = t('screenReading', name);
  byId('results').hidden = true;
  try {
    await useTable(name, await readInWorker({ kind: 'file', name, bytes, ...(encoding ? { encoding } : {}) }), started, { name, bytes });
  } catch (error) {
    failed(error);
  }
}

async function chooseFile(file: File): Promise<void> {
  const started = performance.now();
  byId<HTMLSelectElement>('encoding').value = '';
  try {
    await openFile(file.name, new Uint8Array(await file.arrayBuffer()), started);
  } catch (error) {
    failed(error);
  }
}

async function usePasted(): Promise<void> {
  const started = performance.now();
  showError(null);
  try {
    await useTable(t('screenPasted'), await readInWorker({ kind: 'text', text: byId<HTMLTextAreaElement>('paste').value }), started);
  } catch (error) {
    failed(error);
  }
}

async function useTable(name: string, table: Table, started: number, file?: Source['file']): Promise<void> {
  performance.measure('listmark:screen-read', { start: started, end: performance.now() });
  source = { name, table, choice: guessColumns(table), ...(file ? { file } : {}) };
  showColumns(source);
  await screen(started);
}

/** The column pickers, filled from the table's first row. */
function showColumns({ table, choice, file }: Source): void {
  const first = table.cells[headerIndex(table)] ?? [];
  const label = (c: number) => {
    const text = first[c] ?? '';
    return text ? `${t('screenColumn', String(c + 1))}: ${text.slice(0, 40)}` : t('screenColumn', String(c + 1));
  };
  const options = (select: HTMLSelectElement, columns: number, selected: number | null, withNone: boolean) => {
    select.replaceChildren();
    if (withNone) select.append(new Option(t('screenColumnNone'), '', false, selected === null));
    for (let c = 0; c < columns; c++) select.append(new Option(label(c), String(c), false, c === selected));
  };
  const columns = columnCount(table);
  options(byId('name-column'), columns, choice.nameColumn, false);
  options(byId('country-column'), columns, choice.countryColumn, true);
  byId<HTMLInputElement>('has-header').checked = choice.hasHeader;
  const isText = file !== undefined && table.format !== 'xlsx';
  byId('encoding-row').hidden = !isText;
  const note = byId('encoding-note');
  note.hidden = !table.encoding?.isGuess;
  if (table.encoding?.isGuess) note.textContent = t('screenEncodingGuessed', table.encoding.name);
  byId('columns').hidden = false;
}

async function screen(started = performance.now()): Promise<void> {
  if (!source) return;
  const id = ++run;
  const { rows, emptyRows } = screenRowsOf(source.table, source.choice);
  results = [];
  byId('results').hidden = true;
  if (rows.length === 0) {
    byId('progress-row').hidden = true;
    byId('status').textContent = t('screenNoRows');
    return;
  }
  const progress = byId<HTMLProgressElement>('progress');
  const progressText = byId('progress-text');
  byId('progress-row').hidden = false;
  byId('status').textContent = '';
  const ask = (from: number) =>
    sendToBackground<BackgroundProtocol, 'screenNames'>(
      'screenNames',
      rows.slice(from, from + BATCH_ROWS).map((r) => ({ name: r.name.slice(0, 200), country: r.country.slice(0, 100) })),
    );
  const screened: ScreenedRow[] = [];
  const asking = performance.now();
  try {
    // The next batch is asked for while this one is taken in: the background is never idle.
    let pending = ask(0);
    for (let from = 0; from < rows.length; from += BATCH_ROWS) {
      const next = from + BATCH_ROWS < rows.length ? ask(from + BATCH_ROWS) : null;
      const matches = await pending;
      if (id !== run) return;
      rows.slice(from, from + BATCH_ROWS).forEach((row: ScreenRow, i) => screened.push({ ...row, matches: matches[i] ?? [] }));
      progress.value = screened.length / rows.length;
      progressText.textContent = t('screenProgress', format(screened.length), format(rows.length));
      if (next) pending = next;
    }
  } catch (error) {
    if (id === run) failed(error);
    return;
  }
  performance.measure('listmark:screen-lookup', { start: asking, end: performance.now() });
  results = screened;
  page = 0;
  const rendering = performance.now();
  renderResults();
  performance.measure('listmark:screen-render', { start: rendering, end: performance.now() });
  const ms = performance.now() - started;
  performance.measure('listmark:screen', { start: started, duration: ms });
  byId('progress-row').hidden = true;
  const matched = screened.filter((r) => r.matches.length > 0).length;
  const summary = t('screenDone', format(screened.length), (ms / 1000).toFixed(1), format(matched), format(screened.length - matched));
  const skipped = emptyRows === 0 ? '' : emptyRows === 1 ? t('screenEmptyRowsOne') : t('screenEmptyRows', format(emptyRows));
  byId('status').textContent = skipped ? `${summary} ${skipped}` : summary;
}

const HEADS: { key: ScreenSortKey | null; message: string; className?: string }[] = [
  { key: 'row', message: 'screenHeadRow', className: 'num' },
  { key: 'name', message: 'screenHeadName' },
  { key: 'country', message: 'screenHeadCountry' },
  { key: null, message: 'screenHeadMatch' },
  { key: 'list', message: 'screenHeadList' },
  { key: 'score', message: 'screenHeadScore', className: 'num' },
  { key: 'agreement', message: 'screenHeadAgreement' },
];

function renderHead(): void {
  byId('head').replaceChildren(
    ...HEADS.map(({ key, message }) => {
      const th = element(document, 'th');
      th.scope = 'col';
      if (!key) {
        th.append(element(document, 'span', undefined, t(message)));
        th.style.padding = '6px 8px';
        return th;
      }
      if (view.sort === key) th.setAttribute('aria-sort', view.descending ? 'descending' : 'ascending');
      const button = element(document, 'button', undefined, t(message));
      button.dataset.sort = key;
      button.addEventListener('click', () => {
        // A new column sorts the way a reader expects first: scores highest first, names A to Z.
        view = { ...view, sort: key, descending: view.sort === key ? !view.descending : key === 'score' || key === 'agreement' };
        page = 0;
        renderResults();
      });
      th.append(button);
      return th;
    }),
  );
}

function agreementText(match: ScreenMatch): string {
  if (match.countryAgreement === 'same') return t('screenAgreementSame', match.country);
  if (match.countryAgreement === 'different') return t('screenAgreementDifferent', match.country);
  return t('screenAgreementUnknown', match.country);
}

function why(match: ScreenMatch): string {
  return t('lookupMatched', kindLabel(match.matchedKind), match.matchedName, describeReasons(match.reasons));
}

function renderRow(row: ScreenedRow): HTMLTableSectionElement {
  const tbody = element(document, 'tbody');
  tbody.dataset.row = String(row.row);
  const span = Math.max(1, row.matches.length);
  const first = element(document, 'tr');
  for (const [text, className] of [
    [String(row.row), 'num'],
    [row.name, 'name'],
    [row.country, 'country'],
  ] as const) {
    const td = element(document, 'td', className, text);
    td.rowSpan = span;
    first.append(td);
  }
  tbody.append(first);
  if (row.matches.length === 0) {
    const none = element(document, 'td', 'none', t('screenNoMatch'));
    none.colSpan = 4;
    first.append(none);
    return tbody;
  }
  row.matches.forEach((match, i) => {
    const tr = i === 0 ? first : element(document, 'tr', 'more');
    const matchCell = element(document, 'td', 'match');
    const open = element(document, 'button', 'entry', match.listedName);
    open.type = 'button';
    open.title = t('screenOpenDetails');
    open.addEventListener('click', () => void openCard(match, row.name, open));
    matchCell.append(open, element(document, 'span', 'why', why(match)));
    const listCell = element(document, 'td');
    listCell.append(element(document, 'span', `badge ${match.list}`, LISTS[match.list].name));
    tr.append(
      matchCell,
      listCell,
      element(document, 'td', 'num score', String(Math.round(match.score * 100))),
      element(document, 'td', `agreement agreement-${match.countryAgreement}`, agreementText(match)),
    );
    if (i > 0) tbody.append(tr);
  });
  return tbody;
}

function renderResults(): void {
  const shown = viewScreenedRows(results, view);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_ROWS));
  page = Math.min(page, pages - 1);
  const from = page * PAGE_ROWS;
  const table = byId<HTMLTableElement>('table');
  renderHead();
  table.querySelectorAll('tbody').forEach((b) => b.remove());
  table.append(...shown.slice(from, from + PAGE_ROWS).map(renderRow));
  byId('shown').textContent = t('screenShown', format(shown.length), format(results.length));
  byId('page').textContent = shown.length === 0 ? '' : t('screenPage', format(from + 1), format(Math.min(from + PAGE_ROWS, shown.length)), format(shown.length));
  byId<HTMLButtonElement>('previous').disabled = page === 0;
  byId<HTMLButtonElement>('next').disabled = page >= pages - 1;
  byId('results').hidden = false;
}

let cardShadow: ShadowRoot | null = null;

async function openCard(match: ScreenMatch, rowName: string, opener: HTMLElement): Promise<void> {
  const host = byId('card-host');
  cardShadow ??= host.attachShadow({ mode: 'open' });
  let entries;
  try {
    entries = await sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', [match.entryId]);
  } catch (error) {
    showError(t('screenFailed', String(error)));
    return;
  }
  const close = () => {
    cardShadow!.replaceChildren();
    host.hidden = true;
    opener.focus();
  };
  const style = document.createElement('style');
  style.textContent = CARD_STYLE + CARD_IN_PAGE_STYLE;
  const card = element(document, 'div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'true');
  card.setAttribute('aria-label', t('cardLabel'));
  card.tabIndex = -1;
  card.append(...renderCard(document, { matchedText: rowName, variantText: match.matchedName, variantKind: match.matchedKind, entries, datasetDate }, { onClose: close }));
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  host.onclick = (event) => {
    if (event.target === host) close();
  };
  cardShadow.replaceChildren(style, card);
  host.hidden = false;
  card.focus();
}

function exportResults(kind: 'csv' | 'json'): void {
  if (!source) return;
  const exported = buildScreenExport(viewScreenedRows(results, view), { source: source.name, datasetDate, now: new Date(), why });
  const stem = `listmark-screen-${exported.exportedAt.slice(0, 10)}`;
  if (kind === 'json') downloadFile(document, `${stem}.json`, 'application/json', JSON.stringify(exported, null, 2));
  else downloadFile(document, `${stem}.csv`, 'text/csv;charset=utf-8', `\ufeff${screenExportToCsv(exported)}`);
}

function setUpControls(): void {
  const filter = byId<HTMLSelectElement>('filter');
  const FILTER_MESSAGES = { all: 'screenFilterAll', matched: 'screenFilterMatched', unmatched: 'screenFilterUnmatched', countrySame: 'screenFilterCountrySame', countryDifferent: 'screenFilterCountryDifferent' } as const;
  for (const f of SCREEN_FILTERS) filter.append(new Option(t(FILTER_MESSAGES[f]), f, false, f === view.filter));
  filter.addEventListener('change', () => {
    view = { ...view, filter: filter.value as ScreenView['filter'] };
    page = 0;
    renderResults();
  });
  const text = byId<HTMLInputElement>('filter-text');
  text.placeholder = t('screenFilterText');
  text.setAttribute('aria-label', t('screenFilterText'));
  let typing: ReturnType<typeof setTimeout> | undefined;
  text.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      view = { ...view, text: text.value };
      page = 0;
      renderResults();
    }, FILTER_DELAY_MS);
  });
  byId('previous').addEventListener('click', () => {
    page--;
    renderResults();
  });
  byId('next').addEventListener('click', () => {
    page++;
    renderResults();
  });
  byId('export-csv').addEventListener('click', () => exportResults('csv'));
  byId('export-json').addEventListener('click', () => exportResults('json'));

  const rechoose = (change: Partial<ColumnChoice>) => {
    if (!source) return;
    source = { ...source, choice: { ...source.choice, ...change } };
    void screen();
  };
  byId<HTMLInputElement>('has-header').addEventListener('change', (event) => rechoose({ hasHeader: (event.target as HTMLInputElement).checked }));
  byId<HTMLSelectElement>('name-column').addEventListener('change', (event) => rechoose({ nameColumn: Number((event.target as HTMLSelectElement).value) }));
  byId<HTMLSelectElement>('country-column').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    rechoose({ countryColumn: value === '' ? null : Number(value) });
  });
  const encoding = byId<HTMLSelectElement>('encoding');
  encoding.append(new Option(t('screenEncodingAuto'), ''), new Option('UTF-8', 'utf-8'), ...LEGACY_ENCODINGS.map((e) => new Option(e, e)));
  encoding.addEventListener('change', () => {
    if (source?.file) void openFile(source.file.name, source.file.bytes, performance.now(), encoding.value || undefined);
  });

  const input = byId<HTMLInputElement>('file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void chooseFile(file);
  });
  byId('screen-paste').addEventListener('click', () => void usePasted());
  const drop = byId('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void chooseFile(file);
  });
}

async function main(): Promise<void> {
  localisePage();
  setUpControls();
  try {
    const dataset = await sendToBackground<BackgroundProtocol, 'getDataset'>('getDataset');
    datasetDate = dataset.datasetDate;
    byId('dataset').textContent = t('popupDataset', dataset.datasetDate);
  } catch (error) {
    showError(t('screenFailed', String(error)));
  }
  // The background builds its lookup index at the first question: ask one now, so the first list finds it built.
  void sendToBackground<BackgroundProtocol, 'screenNames'>('screenNames', []).catch(() => {});
}

void main();
