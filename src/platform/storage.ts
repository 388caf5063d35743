/**
 * Settings in storage.sync (small, follows the user) and "Not this organisation" dismissals in
 * storage.local (they can outgrow sync's quota), parsed on every read so a corrupt or older value
 * never reaches the rest of the extension.
 */
import { parseDismissals, type Dismissal } from '../core/dismissals';
import { parseSettings, type Settings } from '../core/settings';
import { browser } from './browser';
import { t } from './i18n';

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

/** What to tell the user when a change could not be stored. */
export function notSavedMessage(error: unknown): string {
  const refusal = error instanceof NotSavedError ? error : refusalOf(error);
  if (refusal.refusal === 'too-large') return t('errorNotSavedTooLarge');
  if (refusal.refusal === 'too-frequent') return t('errorNotSavedTooFrequent');
  return t('errorNotSaved', refusal.detail);
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

/** One value under one key of a storage area: read, changed in turn, and watched, always parsed. */
export function storedValue<T>(area: 'sync' | 'local', key: string, parse: (stored: unknown) => T) {
  const updates = inTurn();
  const load = async (): Promise<T> => parse((await browser.storage[area].get(key))[key]);
  return {
    load,
    /** Writes a change; a refused write throws a NotSavedError and stores nothing. */
    update: (change: (current: T) => T): Promise<T> =>
      updates(async () => {
        const next = parse(change(await load()));
        try {
          await browser.storage[area].set({ [key]: next });
        } catch (error) {
          throw refusalOf(error);
        }
        return next;
      }),
    /**
     * Calls back with the new value whenever it changes, in any context, and whether there was a
     * stored value before. Returns an unsubscribe.
     */
    onChanged: (callback: (value: T, hadValue: boolean) => void): (() => void) => {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, changedArea: string) => {
        if (changedArea === area && key in changes) callback(parse(changes[key]!.newValue), changes[key]!.oldValue !== undefined);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

const settings = storedValue<Settings>('sync', 'settings', parseSettings);
export const loadSettings = settings.load;
export const updateSettings = settings.update;
export const onSettingsChanged = settings.onChanged;

const dismissals = storedValue<Dismissal[]>('local', 'dismissals', parseDismissals);
export const loadDismissals = dismissals.load;
export const updateDismissals = dismissals.update;
export const onDismissalsChanged = dismissals.onChanged;
