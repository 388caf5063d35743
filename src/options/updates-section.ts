/**
 * "Keep the lists up to date": the switch (which asks for the host permission in the user's click,
 * as browsers require), the Consolidated Screening List option (trade.gov's permission, likewise), Check now, Use the bundled list, the data's date and age, the last check
 * and why an update was refused, and what the last update changed, with its citations.
 */
import type { ChangedEntry, DatasetDiff } from '../core/diff';
import { LISTS } from '../core/list-model';
import type { BackgroundProtocol, UpdateStatus } from '../core/protocol';
import { CSL_HOST_PERMISSION, ECFR_HOST_PERMISSION } from '../core/update-checks';
import { checkMessages, cslAgeMessage, textAgeMessage, type MessageRef } from '../core/update-text';
import { t } from '../platform/i18n';
import { sendToBackground } from '../platform/messaging';
import { onDataInUseChanged } from '../platform/data-in-use-record';
import { onLastCheckChanged, removeHostPermission, requestHostPermission } from '../platform/updates';

/** The diff is shown in full up to this many entries per kind; the rest are counted. */
const SHOWN_PER_KIND = 200;

const say = (m: MessageRef) => t(m.key, ...m.substitutions);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function changeItem(entry: ChangedEntry): HTMLLIElement {
  const li = el('li');
  li.append(el('b', entry.name), ` — ${LISTS[entry.list].name}${entry.country ? `, ${entry.country}` : ''}`);
  if (entry.parts.length > 0) li.append(` (${t('updatesChangedParts', entry.parts.join(', '))})`);
  for (const citation of entry.citations) {
    const a = el('a', citation.text);
    a.href = citation.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    li.append(' ', a);
  }
  return li;
}

function renderDiff(diff: DatasetDiff): HTMLElement {
  const section = el('section');
  section.id = 'update-diff';
  section.append(el('h3', t('updatesWhatChanged', diff.fromDate, diff.toDate)));
  section.append(el('p', t('updatesChangeCounts', String(diff.added.length), String(diff.removed.length), String(diff.changed.length))));
  for (const [kind, entries] of [
    ['added', diff.added],
    ['removed', diff.removed],
    ['changed', diff.changed],
  ] as const) {
    const heading = el('h4', t(kind === 'added' ? 'updatesAdded' : kind === 'removed' ? 'updatesRemoved' : 'updatesChanged'));
    const ul = el('ul');
    ul.dataset.kind = kind;
    if (entries.length === 0) ul.append(el('li', t('updatesNone'), 'muted'));
    for (const entry of entries.slice(0, SHOWN_PER_KIND)) ul.append(changeItem(entry));
    if (entries.length > SHOWN_PER_KIND) ul.append(el('li', t('updatesMore', String(entries.length - SHOWN_PER_KIND)), 'muted'));
    section.append(heading, ul);
  }
  return section;
}

export function renderUpdatesSection(root: HTMLElement): void {
  const enable = el('input');
  enable.type = 'checkbox';
  enable.id = 'updates-enabled';
  const enableLabel = el('label');
  enableLabel.append(enable, ` ${t('updatesEnable')}`);
  const csl = el('input');
  csl.type = 'checkbox';
  csl.id = 'updates-csl';
  const cslLabel = el('label');
  cslLabel.append(csl, ` ${t('updatesCsl')}`);
  const cslAge = el('p', '', 'muted');
  cslAge.id = 'updates-csl-age';
  const checkNow = el('button', t('updatesCheckNow'));
  checkNow.id = 'updates-check-now';
  checkNow.type = 'button';
  const useBundled = el('button', t('updatesUseBundled'));
  useBundled.id = 'updates-use-bundled';
  useBundled.type = 'button';
  useBundled.title = t('updatesUseBundledTitle');
  const refusal = el('p', '', 'error');
  refusal.id = 'updates-refusal';
  refusal.setAttribute('role', 'alert');
  refusal.hidden = true;
  const age = el('p');
  age.id = 'updates-data-age';
  const checkLine = el('p', '', 'muted');
  checkLine.id = 'updates-check';
  checkLine.setAttribute('aria-live', 'polite');
  const diffSlot = el('div');
  root.append(el('p', t('updatesPrivacy'), 'muted'), enableLabel, cslLabel, age, cslAge, checkLine, refusal, checkNow, ' ', useBundled, diffSlot);

  const show = (status: UpdateStatus) => {
    enable.checked = status.preferences.enabled;
    // A part of updating: with updating off nothing is downloaded, so the choice waits.
    csl.checked = status.preferences.csl;
    csl.disabled = !status.preferences.enabled || status.checking;
    const cslInUse = cslAgeMessage(status.cslDate, new Date());
    cslAge.hidden = !cslInUse;
    cslAge.textContent = cslInUse ? say(cslInUse) : '';
    checkNow.disabled = !status.preferences.enabled || status.checking;
    useBundled.hidden = status.inUse.origin !== 'update';
    age.textContent = say(textAgeMessage(status, new Date()));
    const [line, reason] = checkMessages(status.check, status.checking);
    checkLine.textContent = status.preferences.enabled || status.check ? say(line!) : '';
    refusal.hidden = !reason;
    refusal.textContent = reason ? say(reason) : '';
    diffSlot.replaceChildren(...(status.diff ? [renderDiff(status.diff)] : []));
  };
  const ask = (type: 'getUpdateStatus' | 'checkForUpdates' | 'useBundledList') =>
    sendToBackground<BackgroundProtocol, typeof type>(type).then(show, (error: unknown) => {
      refusal.hidden = false;
      refusal.textContent = String(error);
    });
  const refresh = () => void ask('getUpdateStatus');

  enable.addEventListener('change', () => {
    if (!enable.checked) {
      void sendToBackground<BackgroundProtocol, 'setUpdatesEnabled'>('setUpdatesEnabled', false)
        .then(show)
        // Nothing more will be requested: give the access back too.
        .then(() => removeHostPermission([ECFR_HOST_PERMISSION, CSL_HOST_PERMISSION]))
        .then(refresh, refresh);
      return;
    }
    // Asked first thing in the click's handler: both browsers grant requests only from a user action.
    void requestHostPermission([ECFR_HOST_PERMISSION]).then(
      async (granted) => {
        if (!granted) {
          enable.checked = false;
          refusal.hidden = false;
          refusal.textContent = t('updatesPermissionRefused');
          return;
        }
        show(await sendToBackground<BackgroundProtocol, 'setUpdatesEnabled'>('setUpdatesEnabled', true));
      },
      (error: unknown) => {
        enable.checked = false;
        refusal.hidden = false;
        refusal.textContent = `${t('updatesPermissionRefused')} (${String(error)})`;
      },
    );
  });
  csl.addEventListener('change', () => {
    const refuse = (detail = '') => {
      csl.checked = false;
      refusal.hidden = false;
      refusal.textContent = `${t('updatesCslPermissionRefused')}${detail ? ` (${detail})` : ''}`;
    };
    if (!csl.checked) {
      void sendToBackground<BackgroundProtocol, 'setCslEnabled'>('setCslEnabled', false)
        .then(show)
        .then(() => removeHostPermission([CSL_HOST_PERMISSION]))
        .then(refresh, refresh);
      return;
    }
    // Asked first thing in the click's handler, as for www.ecfr.gov; only trade.gov's host, only now.
    void requestHostPermission([CSL_HOST_PERMISSION]).then(
      async (granted) => {
        if (!granted) return refuse();
        refusal.hidden = true;
        show(await sendToBackground<BackgroundProtocol, 'setCslEnabled'>('setCslEnabled', true));
      },
      (error: unknown) => refuse(String(error)),
    );
  });
  checkNow.addEventListener('click', () => {
    checkNow.disabled = true;
    checkLine.textContent = t('updatesChecking');
    void ask('checkForUpdates');
  });
  useBundled.addEventListener('click', () => void ask('useBundledList'));
  onLastCheckChanged(refresh);
  onDataInUseChanged(refresh);
  refresh();
}
