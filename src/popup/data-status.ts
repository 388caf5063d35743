/**
 * The popup's line on the data: its date and age, what the last update check found (and why an
 * update was refused), what the last update changed, and — past 45 days with updating off — an
 * offer to turn updating on (in the options page, where the permission is asked for).
 */
import type { BackgroundProtocol, UpdateStatus } from '../core/protocol';
import { checkMessages, cslAgeMessage, textAgeMessage, isStale, type MessageRef } from '../core/update-text';
import { ageInDays } from '../core/update-status';
import { t } from '../platform/i18n';
import { sendToBackground } from '../platform/messaging';
import { onDataInUseChanged } from '../platform/data-in-use-record';
import { onLastCheckChanged, openOptionsPage } from '../platform/updates';

const say = (m: MessageRef) => t(m.key, ...m.substitutions);

function linkToOptions(text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = '#';
  a.textContent = text;
  a.addEventListener('click', (event) => {
    event.preventDefault();
    void openOptionsPage().then(() => window.close());
  });
  return a;
}

function render(root: HTMLElement, status: UpdateStatus): void {
  const now = new Date();
  const lines: HTMLElement[] = [];
  const line = (text: string, className = '') => {
    const p = document.createElement('p');
    p.textContent = text;
    if (className) p.className = className;
    lines.push(p);
    return p;
  };
  const age = line(say(textAgeMessage(status, now)));
  age.id = 'data-age';
  const cslInUse = cslAgeMessage(status.cslDate, now);
  if (cslInUse) line(say(cslInUse)).id = 'data-csl-age';
  if (isStale(status, now)) {
    const stale = line(`${t('updatesStale', String(ageInDays(status.inUse.datasetDate, now)))} `, 'warning');
    stale.id = 'data-stale';
    stale.append(linkToOptions(t('updatesTurnOn')));
  }
  if (status.preferences.enabled || status.check) {
    const [checked, reason] = checkMessages(status.check, status.checking);
    line(say(checked!), 'muted').id = 'update-check';
    if (reason) line(say(reason), 'error').id = 'update-refusal';
  }
  if (status.diff) {
    const { added, removed, changed } = status.diff;
    const summary = line(`${t('updatesChangeCounts', String(added.length), String(removed.length), String(changed.length))} `);
    summary.id = 'update-diff-summary';
    summary.append(linkToOptions(t('updatesSeeChanges')));
  }
  root.replaceChildren(...lines);
}

export function showDataStatus(root: HTMLElement): void {
  const refresh = () =>
    void sendToBackground<BackgroundProtocol, 'getUpdateStatus'>('getUpdateStatus').then(
      (status) => render(root, status),
      () => {}, // the rest of the popup works without it
    );
  onLastCheckChanged(refresh);
  onDataInUseChanged(refresh);
  refresh();
}
