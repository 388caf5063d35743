/**
 * What the opt-in updates need of the browser: the optional host permission for the official
 * hosts (asked from a click, checked before every download, watched for revocation), the daily
 * alarm, the packaged lexicon, and the stored preferences, last check and data-in-use record.
 */
import {
  parseCheckRecord,
  parseUpdatePreferences,
  type CheckRecord,
  type UpdatePreferences,
} from '../core/update-status';
import { browser } from './browser';
import { storedValue } from './storage';

export function hasHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/**
 * Must be called from the user's click (Chrome and Firefox refuse otherwise): resolves false when
 * the user declines.
 */
export function requestHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

export function removeHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.remove({ origins });
}

/** Calls back when the user takes a host permission back (browser settings, about:addons). */
export function onHostPermissionRemoved(callback: (origins: string[]) => void): void {
  browser.permissions.onRemoved.addListener((removed) => callback(removed.origins ?? []));
}

export const alarms = {
  /** Creates the alarm unless it exists: re-creating would restart its period at every worker start. */
  ensure: async (name: string, periodInMinutes: number, delayInMinutes: number): Promise<void> => {
    if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes, delayInMinutes });
  },
  clear: (name: string): Promise<boolean> => browser.alarms.clear(name),
  onAlarm: (callback: (name: string) => void): void => browser.alarms.onAlarm.addListener((alarm) => callback(alarm.name)),
};

/** A gzipped file of the package as text, ungzipped by the browser's own (native) code. */
export async function readPackagedGzipText(path: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok || !response.body) throw new Error(`The extension package is missing ${path} (HTTP ${response.status}): reinstall Listmark.`);
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

const preferences = storedValue<UpdatePreferences>('local', 'updatePreferences', parseUpdatePreferences);
export const loadUpdatePreferences = preferences.load;
export const updateUpdatePreferences = preferences.update;

const lastCheck = storedValue<CheckRecord | null>('local', 'updateCheck', parseCheckRecord);
export const loadLastCheck = lastCheck.load;
export const updateLastCheck = lastCheck.update;
export const onLastCheckChanged = lastCheck.onChanged;
