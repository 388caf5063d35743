/** Options page: which lists to flag, strictness, and the sites where Listmark is off (with undo). */
import { LISTS, LIST_IDS, type ListId } from '../core/list-model';
import type { Settings } from '../core/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '../platform/storage';

function render(settings: Settings): void {
  const lists = document.getElementById('lists')!;
  lists.querySelectorAll('label').forEach((l) => l.remove());
  for (const id of LIST_IDS) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = settings.lists.includes(id);
    box.addEventListener('change', () => {
      void updateSettings((s) => ({
        ...s,
        lists: box.checked ? [...s.lists, id] : s.lists.filter((l: ListId) => l !== id),
      }));
    });
    label.append(box, ` ${LISTS[id].name}`);
    lists.append(label);
  }
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=strictness]')) {
    radio.checked = (radio.value === 'short') === settings.includeShortForms;
    radio.onchange = () => void updateSettings((s) => ({ ...s, includeShortForms: radio.value === 'short' }));
  }
  const sites = document.getElementById('sites')!;
  sites.replaceChildren();
  if (settings.disabledSites.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'None.';
    sites.append(li);
  }
  for (const host of settings.disabledSites) {
    const li = document.createElement('li');
    const undo = document.createElement('button');
    undo.textContent = 'Turn back on';
    undo.addEventListener('click', () => void updateSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((h) => h !== host) })));
    li.append(`${host} `, undo);
    sites.append(li);
  }
}

void loadSettings().then(render);
onSettingsChanged(render);
