/**
 * The one version of the data the background answers from: the bundled files, or the last update
 * stored in IndexedDB. A version is replaced by one assignment, after its record has committed,
 * so every answer comes from one whole version; tabs learn of the change from storage (the
 * data-in-use record) and scan again.
 */
import { parseDetailsBundle, type DetailsBundle } from '../core/bundle';
import type { Entry } from '../core/list-model';
import type { RemovedEntry } from '../core/removed';
import { Matcher, type MatcherData } from '../core/matcher';
import { readPackagedText } from '../platform/packaged';
import { loadDataInUseInfo, updateDataInUseInfo } from '../platform/data-in-use-record';
import { readStoredUpdate, type StoredUpdate } from './data-store';

export interface DetailsStore {
  details: DetailsBundle;
  byId: Map<string, Entry>;
}

export interface DataVersion {
  origin: 'bundled' | 'update';
  /** The stored record, for an update (its diff and removed entries). */
  update: StoredUpdate | null;
  details: () => Promise<DetailsStore>;
  matcher: () => Promise<Matcher>;
  /** The names of entries updates removed (core/removed), or null when there are none. */
  removedMatcher: () => Promise<Matcher | null>;
  /** The removed entries by id. */
  removedById: Map<string, RemovedEntry>;
}

/** Runs a load once per version; a failed load is retried by the next request. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}

function detailsFrom(text: string): DetailsStore {
  const details = parseDetailsBundle(JSON.parse(text));
  return { details, byId: new Map(details.entries.map((e) => [e.id, e])) };
}

function versionOf(update: StoredUpdate | null): DataVersion {
  if (!update) {
    return {
      origin: 'bundled',
      update: null,
      details: once(async () => detailsFrom(await readPackagedText('data/details.json'))),
      matcher: once(async () => new Matcher(JSON.parse(await readPackagedText('data/matcher.json')) as MatcherData)),
      removedMatcher: () => Promise.resolve(null),
      removedById: new Map(),
    };
  }
  return {
    origin: 'update',
    update,
    details: once(async () => detailsFrom(update.detailsJson)),
    matcher: once(async () => new Matcher(JSON.parse(update.matcherJson) as MatcherData)),
    removedMatcher: once(async () => (update.removedMatcherJson ? new Matcher(JSON.parse(update.removedMatcherJson) as MatcherData) : null)),
    removedById: new Map(update.removed.map((r) => [r.id, r])),
  };
}

/** The bundled data, whatever is in use: the floor "Use the bundled list" goes back to. */
export const bundledVersion = versionOf(null);

let current: Promise<DataVersion> | null = null;

/** The version in use; read from IndexedDB at the first request after the worker starts. */
export function dataInUse(): Promise<DataVersion> {
  current ??= readStoredUpdate()
    .catch(() => null) // IndexedDB unreadable: the bundled data still works
    .then((update) => (update ? versionOf(update) : bundledVersion));
  return current;
}

/**
 * Makes `update` (or, with null, the bundled data) the version in use. Call after its record
 * has committed (or been deleted): a restart then reads the same version back.
 */
export async function switchDataInUse(update: StoredUpdate | null): Promise<void> {
  const version = update ? versionOf(update) : bundledVersion;
  current = Promise.resolve(version);
  const datasetDate = update ? update.datasetDate : (await bundledVersion.details()).details.datasetDate;
  await updateDataInUseInfo(() => ({ origin: version.origin, datasetDate, since: new Date().toISOString() }));
}

/** Writes the data-in-use record at worker start if it is missing (first run, cleared storage). */
export async function recordDataInUse(): Promise<void> {
  if (await loadDataInUseInfo()) return;
  const version = await dataInUse();
  const datasetDate = version.update ? version.update.datasetDate : (await version.details()).details.datasetDate;
  await updateDataInUseInfo((existing) => existing ?? { origin: version.origin, datasetDate, since: new Date().toISOString() });
}
