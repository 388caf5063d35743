/**
 * Settings in storage.sync (small, follows the user), parsed on every read so a corrupt or
 * older value never reaches the rest of the extension.
 */
import { parseDismissals, type Dismissal } from '../core/dismissals';
import { parseSettings, type Settings } from '../core/settings';
import { browser } from './browser';

const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
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

export async function updateDismissals(change: (current: Dismissal[]) => Dismissal[]): Promise<Dismissal[]> {
  const next = parseDismissals(change(await loadDismissals()));
  await browser.storage.local.set({ [DISMISSALS_KEY]: next });
  return next;
}

export function onDismissalsChanged(callback: (dismissals: Dismissal[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && DISMISSALS_KEY in changes) callback(parseDismissals(changes[DISMISSALS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
