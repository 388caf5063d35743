/**
 * Options page: which lists to flag, strictness, highlight style, and the per-site exceptions and
 * "Not this organisation" dismissals, each with undo. Every change is written at once.
 */
import type { Dismissal } from '../core/dismissals';
import { LISTS, LIST_IDS, type ListId } from '../core/list-model';
import type { BackgroundProtocol, DatasetInfo } from '../core/protocol';
import type { Settings } from '../core/settings';
import { localisePage, t } from '../platform/i18n';
import { sendToBackground } from '../platform/messaging';
import {
  loadDismissals,
  loadSettings,
  notSavedMessage,
  onDismissalsChanged,
  onSettingsChanged,
  updateDismissals,
  updateSettings,
} from '../platform/storage';
import { onDataInUseChanged } from '../platform/data-in-use-record';
import { renderUpdatesSection } from './updates-section';

function item(text: string, action: string, onClick: () => void): HTMLLIElement {
  const li = document.createElement('li');
  const span = document.createElement('span');
  span.textContent = text;
  const button = document.createElement('button');
  button.textContent = action;
  button.addEventListener('click', onClick);
  li.append(span, button);
  return li;
}

function empty(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'muted';
  li.textContent = text;
  return li;
}

/** Shows why a change was not stored (or clears that), and the page as stored. */
function showSaved<T>(write: Promise<T>, rerender: () => Promise<void>): void {
  const error = document.getElementById('error')!;
  void write.then(
    () => {
      error.hidden = true;
    },
    async (refusal: unknown) => {
      error.textContent = notSavedMessage(refusal);
      error.hidden = false;
      await rerender();
    },
  );
}

const saveSettings = (change: (current: Settings) => Settings) =>
  showSaved(updateSettings(change), () => loadSettings().then(renderSettings));
const saveDismissals = (change: (current: Dismissal[]) => Dismissal[]) =>
  showSaved(updateDismissals(change), () => loadDismissals().then(renderDismissals));

/** The lists the data in use holds: asked of the background as the page opens and whenever the data in use changes. */
const askDataset = (): Promise<DatasetInfo | null> => sendToBackground<BackgroundProtocol, 'getDataset'>('getDataset').catch(() => null);
let dataset = askDataset();

async function renderSettings(settings: Settings): Promise<void> {
  const held = await dataset;
  const lists = document.getElementById('lists')!;
  lists.querySelectorAll('label').forEach((l) => l.remove());
  for (const id of LIST_IDS) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = id;
    const info = held?.lists.find((l) => l.list === id);
    // A list the data does not hold is never shown as checked: a reader would take it as screened.
    if (held && !info) {
      box.checked = false;
      box.disabled = true;
      label.className = 'muted';
      label.append(box, ` ${LISTS[id].name} — ${t('optionsListNotHeld')}`);
      lists.append(label);
      continue;
    }
    box.checked = settings.lists.includes(id);
    box.addEventListener('change', () => {
      saveSettings((s) => ({ ...s, lists: box.checked ? [...s.lists, id] : s.lists.filter((l: ListId) => l !== id) }));
    });
    label.append(box, ` ${LISTS[id].name}`);
    if (info) label.append(` — ${t('optionsListHeld', info.entries.toLocaleString('en'), info.date)}`);
    lists.append(label);
  }
  const showRemoved = document.getElementById('show-removed') as HTMLInputElement;
  showRemoved.checked = settings.showRemoved;
  showRemoved.onchange = () => saveSettings((s) => ({ ...s, showRemoved: showRemoved.checked }));
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=strictness]')) {
    radio.checked = (radio.value === 'short') === settings.includeShortForms;
    radio.onchange = () => saveSettings((s) => ({ ...s, includeShortForms: radio.value === 'short' }));
  }
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=style]')) {
    radio.checked = radio.value === settings.highlightStyle;
    radio.onchange = () => saveSettings((s) => ({ ...s, highlightStyle: radio.value === 'underline' ? 'underline' : 'marker' }));
  }
  const sites = document.getElementById('sites')!;
  sites.replaceChildren(
    ...(settings.disabledSites.length === 0
      ? [empty(t('optionsSitesNone'))]
      : settings.disabledSites.map((host) =>
          item(host, t('optionsTurnBackOn'), () => saveSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((h) => h !== host) }))),
        )),
  );
}

function renderDismissals(dismissals: Dismissal[]): void {
  const ul = document.getElementById('dismissals')!;
  ul.replaceChildren(
    ...(dismissals.length === 0
      ? [empty(t('optionsDismissalsNone'))]
      : dismissals.map((d) =>
          item(t('optionsDismissalOn', d.name || d.entryId, d.site), t('optionsUndo'), () =>
            saveDismissals((all) => all.filter((x) => !(x.site === d.site && x.entryId === d.entryId))),
          ),
        )),
  );
}

localisePage();
renderUpdatesSection(document.getElementById('updates')!);
void loadSettings().then(renderSettings);
void loadDismissals().then(renderDismissals);
onSettingsChanged(renderSettings);
// An update (the CSL turned on or off, a rollback) changes which lists can be flagged.
onDataInUseChanged(() => {
  dataset = askDataset();
  void loadSettings().then(renderSettings);
});
onDismissalsChanged(renderDismissals);
