/**
 * What the user chose about updates, what the last check found and which data is in use: stored
 * in storage.local by the background, read by the options page, the popup and content scripts.
 * Parsed on every read, so a corrupt or older value loads as "never checked, bundled data".
 */
import { UPDATE_PROBLEMS, type UpdateProblem } from './update-checks';

export interface UpdatePreferences {
  /** "Keep the lists up to date": check the official source daily. Off until the user turns it on. */
  enabled: boolean;
  /** Also trade.gov's Consolidated Screening List (organisations of its other lists). Off until the user turns it on. */
  csl: boolean;
}

export const DEFAULT_UPDATE_PREFERENCES: UpdatePreferences = { enabled: false, csl: false };

export function parseUpdatePreferences(stored: unknown): UpdatePreferences {
  const value = (stored ?? {}) as Partial<Record<keyof UpdatePreferences, unknown>>;
  return { enabled: value.enabled === true, csl: value.csl === true };
}

export type CheckOutcome = 'unchanged' | 'updated' | 'refused';

export interface CheckRecord {
  /** When the check ended (ISO), or null while one runs. */
  finishedAt: string | null;
  startedAt: string;
  outcome: CheckOutcome | null;
  /** Why an update was refused; the data in use stayed as it was. */
  problem: UpdateProblem | null;
  detail: string;
  /** The date of the newest official text the check saw, when it got that far. */
  latestDate: string | null;
}

export function parseCheckRecord(stored: unknown): CheckRecord | null {
  const value = stored as Partial<Record<keyof CheckRecord, unknown>> | null | undefined;
  if (!value || typeof value.startedAt !== 'string') return null;
  const outcome = value.outcome === 'unchanged' || value.outcome === 'updated' || value.outcome === 'refused' ? value.outcome : null;
  const problem = (UPDATE_PROBLEMS as readonly unknown[]).includes(value.problem) ? (value.problem as UpdateProblem) : null;
  return {
    startedAt: value.startedAt,
    finishedAt: typeof value.finishedAt === 'string' ? value.finishedAt : null,
    outcome,
    problem,
    detail: typeof value.detail === 'string' ? value.detail : '',
    latestDate: typeof value.latestDate === 'string' ? value.latestDate : null,
  };
}

/** Which data the background matches with; content scripts rescan when it changes. */
export interface DataInUseInfo {
  origin: 'bundled' | 'update';
  datasetDate: string;
  /** When the data was swapped in (ISO); distinguishes two swaps to the same date. */
  since: string;
}

export function parseDataInUse(stored: unknown): DataInUseInfo | null {
  const value = stored as Partial<Record<keyof DataInUseInfo, unknown>> | null | undefined;
  if (!value || (value.origin !== 'bundled' && value.origin !== 'update') || typeof value.datasetDate !== 'string' || typeof value.since !== 'string') return null;
  return { origin: value.origin, datasetDate: value.datasetDate, since: value.since };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from a dataset date (YYYY-MM-DD, UTC) to now; never negative. */
export function ageInDays(datasetDate: string, now: Date): number {
  const then = Date.parse(`${datasetDate}T00:00:00Z`);
  if (Number.isNaN(then)) return 0;
  return Math.max(0, Math.floor((now.getTime() - then) / DAY_MS));
}

/** Past this age, with updating off, the popup says the data is old and offers to turn it on. */
export const STALE_AFTER_DAYS = 45;

/** An entry first listed this recently is "Added on DATE" in the card. */
export const RECENTLY_ADDED_DAYS = 90;

/** A first-listing date within the last 90 days of `now`, or null. */
export function recentlyAddedOn(firstListed: string | null, now: Date): string | null {
  if (!firstListed) return null;
  const age = ageInDays(firstListed, now);
  return age <= RECENTLY_ADDED_DAYS && Date.parse(`${firstListed}T00:00:00Z`) <= now.getTime() ? firstListed : null;
}
