/**
 * Settings in storage.sync (small, follows the user), parsed on every read so a corrupt or
 * older value never reaches the rest of the extension.
 */
import { parseDismissals, type Dismissal } from '../core/dismissals';
import { parseSettings, type Settings } from '../core/settings';
import { browser } from './browser';
import { t } from './i18n';

const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/**
 * Why the browser refused to store a change, in terms a user can act on: synced settings hold at
 * most 8 KB per item (a long list of sites where Listmark is off can outgrow it) and accept a
 * limited number of writes a minute.
 */
export type WriteRefusal = 'too-large' | 'too-frequent' | 'refused';

export class NotSavedError extends Error {
  constructor(
    readonly refusal: WriteRefusal,
    readonly detail: string,
  ) {
    super(`Not saved (${refusal}): ${detail}`);
    this.name = 'NotSavedError';
  }
}

function refusalOf(error: unknown): NotSavedError {
  const detail = error instanceof Error ? error.message : String(error);
  // Chromium: "QUOTA_BYTES_PER_ITEM quota exceeded", "MAX_WRITE_OPERATIONS_PER_MINUTE quota
  // exceeded"; Firefox: "QuotaExceededError: storage.sync API call exceeded its quota limitations."
  if (/WRITE_OPERATIONS/.test(detail)) return new NotSavedError('too-frequent', detail);
  if (/QUOTA_BYTES|quota/i.test(detail)) return new NotSavedError('too-large', detail);
  return new NotSavedError('refused', detail);
}

/**
 * Runs read-change-write updates one after another: two changes made in quick succession (two
 * switches in the options page) would otherwise both read the same stored value, and the second
 * write would undo the first.
 */
function inTurn() {
  let previous: Promise<unknown> = Promise.resolve();
  return <T>(update: () => Promise<T>): Promise<T> => {
    const run = previous.then(update, update);
    previous = run.catch(() => {});
    return run;
  };
}

const settingsUpdates = inTurn();

/** Writes a change to the settings; a refused write throws a NotSavedError and stores nothing. */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return settingsUpdates(async () => {
    const next = parseSettings(change(await loadSettings()));
    try {
      await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    } catch (error) {
      throw refusalOf(error);
    }
    return next;
  });
}

/** What to tell the user when a change could not be stored. */
export function notSavedMessage(error: unknown): string {
  const refusal = error instanceof NotSavedError ? error : refusalOf(error);
  if (refusal.refusal === 'too-large') return t('errorNotSavedTooLarge');
  if (refusal.refusal === 'too-frequent') return t('errorNotSavedTooFrequent');
  return t('errorNotSaved', refusal.detail);
}

/** Calls back with the new settings whenever they change, in any context. Returns an unsubscribe. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) callback(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const DISMISSALS_KEY = 'dismissals';

/** "Not this organisation" dismissals: in storage.local (they can outgrow sync's quota). */
export async function loadDismissals(): Promise<Dismissal[]> {
  const stored = await browser.storage.local.get(DISMISSALS_KEY);
  return parseDismissals(stored[DISMISSALS_KEY]);
}

const dismissalUpdates = inTurn();

export function updateDismissals(change: (current: Dismissal[]) => Dismissal[]): Promise<Dismissal[]> {
  return dismissalUpdates(async () => {
    const next = parseDismissals(change(await loadDismissals()));
    try {
      await browser.storage.local.set({ [DISMISSALS_KEY]: next });
    } catch (error) {
      throw refusalOf(error);
    }
    return next;
  });
}

export function onDismissalsChanged(callback: (dismissals: Dismissal[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && DISMISSALS_KEY in changes) callback(parseDismissals(changes[DISMISSALS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
