/**
 * What the popup, the options page and the card say about the data's age and the last update
 * check, as message keys with their substitutions: one wording for every place, testable in Node.
 * The strings themselves are in _locales/en/messages.json.
 */
import type { UpdateStatus } from './protocol';
import type { UpdateProblem } from './update-checks';
import { ageInDays, STALE_AFTER_DAYS, type CheckRecord } from './update-status';

export interface MessageRef {
  key: string;
  substitutions: string[];
}

const ref = (key: string, ...substitutions: string[]): MessageRef => ({ key, substitutions });

export const PROBLEM_MESSAGE_KEYS: Readonly<Record<UpdateProblem, string>> = {
  'no-permission': 'updatesProblemNoPermission',
  network: 'updatesProblemNetwork',
  timeout: 'updatesProblemTimeout',
  'http-status': 'updatesProblemHttpStatus',
  'too-large': 'updatesProblemTooLarge',
  'not-xml': 'updatesProblemNotXml',
  'not-json': 'updatesProblemNotJson',
  'no-organisations': 'updatesProblemNoOrganisations',
  'bad-versions': 'updatesProblemBadVersions',
  'parse-error': 'updatesProblemParseError',
  'missing-supplement': 'updatesProblemMissingSupplement',
  implausible: 'updatesProblemImplausible',
  storage: 'updatesProblemStorage',
  interrupted: 'updatesProblemInterrupted',
  'turned-off': 'updatesProblemTurnedOff',
};

/** "Official text of 23 Jul 2026, 132 days old" (bundled or downloaded). */
export function dataAgeMessage(datasetDate: string, origin: 'bundled' | 'update', now: Date): MessageRef {
  const days = ageInDays(datasetDate, now);
  return ref(origin === 'update' ? 'updatesDataAgeDownloaded' : 'updatesDataAgeBundled', datasetDate, String(days));
}

/**
 * The data's age as the popup and options page say it: an update that only brought the CSL keeps
 * the bundled eCFR text, which is then called bundled, not downloaded.
 */
export function textAgeMessage(status: Pick<UpdateStatus, 'inUse' | 'bundledDate'>, now: Date): MessageRef {
  const isDownloaded = status.inUse.origin === 'update' && status.inUse.datasetDate !== status.bundledDate;
  return dataAgeMessage(status.inUse.datasetDate, isDownloaded ? 'update' : 'bundled', now);
}

/** "Consolidated Screening List in use: downloaded on DATE, N days old", or null when the data holds none. */
export function cslAgeMessage(cslDate: string | null, now: Date): MessageRef | null {
  return cslDate ? ref('updatesCslInUse', cslDate, String(ageInDays(cslDate, now))) : null;
}

/** Old data with updating off: the popup says so and offers to turn updating on. */
export function isStale(status: Pick<UpdateStatus, 'preferences' | 'inUse'>, now: Date): boolean {
  return !status.preferences.enabled && ageInDays(status.inUse.datasetDate, now) > STALE_AFTER_DAYS;
}

/** The last check in a sentence; the reason comes as a second message when it refused an update. */
export function checkMessages(check: CheckRecord | null, checking: boolean): MessageRef[] {
  if (checking || (check && check.finishedAt === null)) return [ref('updatesChecking')];
  if (!check) return [ref('updatesNeverChecked')];
  const when = (check.finishedAt ?? check.startedAt).slice(0, 16).replace('T', ' ');
  if (check.outcome === 'unchanged') return [ref('updatesUnchanged', when, check.latestDate ?? '')];
  if (check.outcome === 'updated') return [ref('updatesUpdated', when, check.latestDate ?? '')];
  return [ref('updatesRefused', when), ref(PROBLEM_MESSAGE_KEYS[check.problem ?? 'network'], check.detail)];
}
