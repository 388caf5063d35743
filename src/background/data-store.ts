/**
 * The downloaded data in IndexedDB: one record, written in one transaction, so the data in use
 * switches from one whole version to another or not at all (a worker stopped mid-update leaves
 * the previous record untouched). No record means the bundled data is in use.
 */
import type { DatasetDiff } from '../core/diff';
import { parseRemovedRecords, type RemovedEntry } from '../core/removed';

export interface StoredUpdate {
  datasetDate: string;
  installedAt: string;
  /** The bundle as data:build would write it: JSON texts of details.json and matcher.json. */
  detailsJson: string;
  matcherJson: string;
  /** What changed from the data in use before this one. */
  diff: DatasetDiff;
  /** Entries removed by this and earlier updates, whole, with the date of the text that no longer lists them. */
  removed: RemovedEntry[];
  /** The names of `removed`, compiled with the same rules (matcher.json's format); null when none. */
  removedMatcherJson: string | null;
  /** The CSL download the data holds, if any: its ETag (asked again with If-None-Match) and day. */
  csl: { etag: string | null; date: string } | null;
}

const DB_NAME = 'listmark-data';
const STORE = 'data';
const UPDATE_KEY = 'update';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB would not open'));
  }).catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}

/** Resolves once the transaction has committed: only then is the new record durable. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export async function readStoredUpdate(): Promise<StoredUpdate | null> {
  const db = await database();
  const value = (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(UPDATE_KEY))) as StoredUpdate | undefined;
  if (!value || typeof value.detailsJson !== 'string' || typeof value.matcherJson !== 'string') return null;
  // A record written before removed entries were kept whole, or the CSL was offered, reads as holding neither.
  return {
    ...value,
    removed: parseRemovedRecords(value.removed),
    removedMatcherJson: typeof value.removedMatcherJson === 'string' ? value.removedMatcherJson : null,
    csl: value.csl && typeof value.csl.date === 'string' ? value.csl : null,
  };
}

export async function writeStoredUpdate(update: StoredUpdate): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put(update, UPDATE_KEY);
  await committed(tx);
}

export async function deleteStoredUpdate(): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).delete(UPDATE_KEY);
  await committed(tx);
}
