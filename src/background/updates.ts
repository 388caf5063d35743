/**
 * Opt-in updates from the official source. Once a day (an alarm) and on "Check now", asks the
 * eCFR versioner whether Part 744 changed since the data in use; only then downloads the XML,
 * compiles it as `npm run data:build` does (core/compile with the packaged lexicon), checks it,
 * stores it in one IndexedDB transaction and switches to it. Any failure keeps the data in use
 * and records why, for the options page and the popup. Nothing is requested unless the user
 * turned updating on and granted the host permission.
 */
import { compileBundle } from '../core/compile';
import { diffEntries } from '../core/diff';
import { LEXICON_FILE, lexiconFromData, parseLexiconText } from '../core/lexicon-data';
import type { UpdateStatus } from '../core/protocol';
import {
  checkXmlResponse,
  ECFR_HOST_PERMISSION,
  ECFR_ORIGIN,
  fullTextUrl,
  implausibleChange,
  latestVersionDate,
  problemOfSourceError,
  UPDATE_LIMITS,
  UpdateError,
  versionsUrl,
} from '../core/update-checks';
import type { CheckRecord } from '../core/update-status';
import {
  alarms,
  hasHostPermission,
  loadLastCheck,
  loadUpdatePreferences,
  onHostPermissionRemoved,
  readPackagedGzipText,
  updateLastCheck,
  updateUpdatePreferences,
} from '../platform/updates';
import { loadDataInUseInfo } from '../platform/data-in-use-record';
import { deleteStoredUpdate, writeStoredUpdate, type StoredUpdate } from './data-store';
import { bundledVersion, dataInUse, recordDataInUse, switchDataInUse } from './data-in-use';
import { download } from './download';

const ALARM = 'listmark-update-check';
const DAY_MINUTES = 24 * 60;

const today = () => new Date().toISOString().slice(0, 10);

/** Lets queued messages (tabs asking for names) run between the long steps of a compile. */
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function finish(record: Omit<CheckRecord, 'startedAt' | 'finishedAt'>): Promise<void> {
  await updateLastCheck((started) => ({ ...record, startedAt: started?.startedAt ?? new Date().toISOString(), finishedAt: new Date().toISOString() }));
}

async function fetchAndInstall(): Promise<void> {
  if (!(await hasHostPermission([ECFR_HOST_PERMISSION]))) {
    throw new UpdateError('no-permission', `Listmark may not contact ${ECFR_ORIGIN}: the permission was refused or taken back`);
  }
  const version = await dataInUse();
  const { details } = await version.details();
  const versions = await download(versionsUrl(ECFR_ORIGIN), UPDATE_LIMITS.versionsBytes);
  let versionsJson: unknown;
  try {
    versionsJson = JSON.parse(versions.text);
  } catch {
    throw new UpdateError('bad-versions', `the versions list is not JSON (${versions.contentType || 'no content type'})`);
  }
  const latest = latestVersionDate(versionsJson, today());
  if (latest <= details.datasetDate) {
    await finish({ outcome: 'unchanged', problem: null, detail: '', latestDate: latest });
    return;
  }
  const xml = await download(fullTextUrl(ECFR_ORIGIN, latest), UPDATE_LIMITS.xmlBytes);
  checkXmlResponse(xml.contentType, xml.text);
  await yieldToEvents();
  // The lexicon is decoded for this compile only: its sets hold tens of MB the worker need not keep.
  const compileStart = performance.now();
  const lexiconText = await readPackagedGzipText(`data/${LEXICON_FILE}`);
  const lexiconUngzipped = performance.now();
  const lexiconData = parseLexiconText(lexiconText);
  const lexiconParsed = performance.now();
  const lexicon = lexiconFromData(lexiconData);
  const lexiconLoaded = performance.now();
  performance.measure('listmark:update-lexicon-ungzip', { start: compileStart, end: lexiconUngzipped });
  performance.measure('listmark:update-lexicon-parse', { start: lexiconUngzipped, end: lexiconParsed });
  performance.measure('listmark:update-lexicon-sets', { start: lexiconParsed, end: lexiconLoaded });
  await yieldToEvents();
  const variantsStart = performance.now();
  let bundle;
  try {
    bundle = compileBundle({ xml: xml.text, sourceName: `ecfr-title-15-part-744-${latest}.xml`, location: fullTextUrl(ECFR_ORIGIN, latest), datasetDate: latest, lexicon });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UpdateError(problemOfSourceError(message), message);
  }
  // For tests and bench: how long the worker was busy with each step (it answers no tab meanwhile).
  performance.measure('listmark:update-lexicon', { start: compileStart, end: lexiconLoaded });
  performance.measure('listmark:update-compile', { start: variantsStart, end: performance.now() });
  await yieldToEvents();
  const implausible = implausibleChange(details.entries, bundle.details.entries);
  if (implausible) throw new UpdateError('implausible', implausible);
  const diff = diffEntries(details.entries, bundle.details.entries, { fromDate: details.datasetDate, toDate: latest });
  const listedAgain = new Set(bundle.details.entries.map((e) => e.id));
  const update: StoredUpdate = {
    datasetDate: latest,
    installedAt: new Date().toISOString(),
    detailsJson: JSON.stringify(bundle.details),
    matcherJson: JSON.stringify(bundle.matcher),
    diff,
    removed: [...(version.update?.removed ?? []).filter((r) => !listedAgain.has(r.id)), ...diff.removed.map((r) => ({ ...r, removedOn: latest }))],
  };
  // Turned off (or rolled back to the bundled list) while this check ran: the user's word wins.
  if (!(await loadUpdatePreferences()).enabled) {
    await finish({ outcome: 'refused', problem: 'turned-off', detail: 'updating was turned off during the check', latestDate: latest });
    return;
  }
  try {
    await writeStoredUpdate(update);
  } catch (error) {
    throw new UpdateError('storage', error instanceof Error ? error.message : String(error));
  }
  await switchDataInUse(update);
  await finish({ outcome: 'updated', problem: null, detail: '', latestDate: latest });
}

let running: Promise<void> | null = null;

/**
 * Runs one check (or joins the one running); never throws: the outcome is in the check record.
 * Does nothing while updating is off: no request leaves the browser unless the user turned it on.
 */
export function checkForUpdates(): Promise<void> {
  running ??= (async () => {
    if (!(await loadUpdatePreferences()).enabled) return;
    await updateLastCheck(() => ({ startedAt: new Date().toISOString(), finishedAt: null, outcome: null, problem: null, detail: '', latestDate: null }));
    try {
      await fetchAndInstall();
    } catch (error) {
      const refusal = error instanceof UpdateError ? error : new UpdateError('network', error instanceof Error ? error.message : String(error));
      await finish({ outcome: 'refused', problem: refusal.problem, detail: refusal.detail, latestDate: null });
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

export async function updateStatus(): Promise<UpdateStatus> {
  const [preferences, hasPermission, check, inUseInfo, version] = await Promise.all([
    loadUpdatePreferences(),
    hasHostPermission([ECFR_HOST_PERMISSION]),
    loadLastCheck(),
    loadDataInUseInfo(),
    dataInUse(),
  ]);
  const bundledDate = (await bundledVersion.details()).details.datasetDate;
  const datasetDate = version.update?.datasetDate ?? bundledDate;
  return {
    preferences,
    hasPermission,
    checking: running !== null,
    check,
    inUse: inUseInfo ?? { origin: version.origin, datasetDate, since: '' },
    bundledDate,
    diff: version.update?.diff ?? null,
  };
}

/** The options page asked for the permission in the user's click before turning this on. */
export async function setUpdatesEnabled(enabled: boolean): Promise<void> {
  await updateUpdatePreferences((p) => ({ ...p, enabled }));
  if (!enabled) {
    await alarms.clear(ALARM);
    return;
  }
  await alarms.ensure(ALARM, DAY_MINUTES, DAY_MINUTES);
  void checkForUpdates();
}

export async function setShowRemoved(showRemoved: boolean): Promise<void> {
  await updateUpdatePreferences((p) => ({ ...p, showRemoved }));
}

/** Back to the data that came with the extension; updating is turned off, or it would come back. */
export async function useBundledList(): Promise<void> {
  await setUpdatesEnabled(false);
  await deleteStoredUpdate();
  await switchDataInUse(null);
}

/** Top-level registrations: the alarm, revocation, and a check a stopped worker left unfinished. */
export function registerUpdates(): void {
  alarms.onAlarm((name) => {
    if (name !== ALARM) return;
    void loadUpdatePreferences().then(async (p) => {
      if (p.enabled) await checkForUpdates();
      else await alarms.clear(ALARM);
    });
  });
  onHostPermissionRemoved((origins) => {
    if (!origins.includes(ECFR_HOST_PERMISSION)) return;
    void finish({ outcome: 'refused', problem: 'no-permission', detail: `the permission for ${ECFR_ORIGIN} was taken back`, latestDate: null });
  });
  void (async () => {
    await recordDataInUse();
    const last = await loadLastCheck();
    // A browser closed or a worker stopped mid-check: nothing was swapped (that is one transaction
    // at the very end); say so, and check again if the user still wants updates.
    if (last && last.finishedAt === null && running === null) {
      await finish({ outcome: 'refused', problem: 'interrupted', detail: `a check started at ${last.startedAt} did not finish`, latestDate: null });
      if ((await loadUpdatePreferences()).enabled) void checkForUpdates();
    }
  })().catch(() => {});
}
