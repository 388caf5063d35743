/**
 * Opt-in updates from the official source. Once a day (an alarm) and on "Check now", asks the
 * eCFR versioner whether Part 744 changed since the data in use; only then downloads the XML,
 * compiles it as `npm run data:build` does (core/compile with the packaged lexicon), checks it,
 * stores it in one IndexedDB transaction and switches to it. With the CSL option it also asks
 * trade.gov for consolidated.json (If-None-Match: the ETag of the copy in use) and compiles its
 * organisations with the eCFR entries, by the same rules; entries an update removes are kept as
 * records, with their names compiled, for the muted "removed" highlight. Any failure keeps the data in use
 * and records why, for the options page and the popup. Nothing is requested unless the user
 * turned updating on and granted the host permission.
 */
import type { Bundle } from '../core/bundle';
import { compileBundle, compileNames, cslSourceName, recompileWithCsl } from '../core/compile';
import { diffEntries, type DatasetDiff } from '../core/diff';
import { LEXICON_FILE, lexiconFromData, parseLexiconText } from '../core/lexicon-data';
import type { Lexicon } from '../core/lexicon';
import type { Entry } from '../core/list-model';
import type { UpdateStatus } from '../core/protocol';
import { removalCitation, updateRemovedRecords } from '../core/removed';
import { cslEntries, cslJsonRows } from '../core/sources/csl-rows';
import {
  amendmentsBetween,
  checkJsonResponse,
  checkXmlResponse,
  CSL_HOST_PERMISSION,
  CSL_ORIGIN,
  CSL_URL,
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
import { PART_744_LISTS } from '../core/list-model';
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

/** The lexicon, decoded for one compile only: its sets hold tens of MB the worker need not keep. */
async function loadLexicon(): Promise<Lexicon> {
  const start = performance.now();
  const lexiconText = await readPackagedGzipText(`data/${LEXICON_FILE}`);
  const ungzipped = performance.now();
  const lexiconData = parseLexiconText(lexiconText);
  const parsed = performance.now();
  const lexicon = lexiconFromData(lexiconData);
  const loaded = performance.now();
  performance.measure('listmark:update-lexicon-ungzip', { start, end: ungzipped });
  performance.measure('listmark:update-lexicon-parse', { start: ungzipped, end: parsed });
  performance.measure('listmark:update-lexicon-sets', { start: parsed, end: loaded });
  performance.measure('listmark:update-lexicon', { start, end: loaded });
  return lexicon;
}

/** The newer eCFR text, if there is one: its XML, date and how many amendments it is past the data in use. */
async function fetchNewerText(inUseDate: string): Promise<{ xml: string; date: string; amendments: number } | null> {
  const versions = await download(versionsUrl(ECFR_ORIGIN), UPDATE_LIMITS.versionsBytes);
  let versionsJson: unknown;
  try {
    versionsJson = JSON.parse(versions.text);
  } catch {
    throw new UpdateError('bad-versions', `the versions list is not JSON (${versions.contentType || 'no content type'})`);
  }
  const latest = latestVersionDate(versionsJson, today());
  if (latest <= inUseDate) return null;
  const xml = await download(fullTextUrl(ECFR_ORIGIN, latest), UPDATE_LIMITS.xmlBytes);
  checkXmlResponse(xml.contentType, xml.text);
  return { xml: xml.text, date: latest, amendments: amendmentsBetween(versionsJson, inUseDate, latest) };
}

/**
 * The CSL's organisations, unless trade.gov says (304, by the ETag of the copy in use) that the
 * copy in use is current. Its Entity List, Unverified List and MEU List rows are left out: the
 * eCFR text is the authoritative source of those three, the CSL's copy of them is derived from it,
 * lags it and spells names differently (so matching the two by name leaves doubles).
 */
async function fetchCsl(etagInUse: string | null): Promise<{ entries: Entry[]; date: string; etag: string | null } | null> {
  const got = await download(CSL_URL, UPDATE_LIMITS.cslBytes, etagInUse ? { 'If-None-Match': etagInUse } : {});
  if (got.notModified) return null;
  checkJsonResponse(got.contentType, got.text);
  let entries: Entry[];
  try {
    entries = cslEntries(cslJsonRows(got.text, CSL_URL), CSL_URL, [], { organisationsOnly: true, leaveOut: PART_744_LISTS }).entries;
  } catch (error) {
    throw new UpdateError('parse-error', error instanceof Error ? error.message : String(error));
  }
  if (entries.length === 0) throw new UpdateError('no-organisations', `${CSL_URL} lists no organisation outside the Part 744 lists`);
  return { entries, date: today(), etag: got.etag };
}

async function fetchAndInstall(): Promise<void> {
  const preferences = await loadUpdatePreferences();
  if (!(await hasHostPermission([ECFR_HOST_PERMISSION]))) {
    throw new UpdateError('no-permission', `Listmark may not contact ${ECFR_ORIGIN}: the permission was refused or taken back`);
  }
  if (preferences.csl && !(await hasHostPermission([CSL_HOST_PERMISSION]))) {
    throw new UpdateError('no-permission', `Listmark may not contact ${CSL_ORIGIN}: the permission was refused or taken back`);
  }
  const version = await dataInUse();
  const { details } = await version.details();
  const bundledDate = (await bundledVersion.details()).details.datasetDate;
  const cslInUse = version.update?.csl ?? null;
  const text = await fetchNewerText(details.datasetDate);
  const csl = preferences.csl ? await fetchCsl(cslInUse?.etag ?? null) : null;
  const dropCsl = !preferences.csl && cslInUse !== null;
  const latest = text?.date ?? details.datasetDate;
  if (!text && !csl && !dropCsl) {
    await finish({ outcome: 'unchanged', problem: null, detail: '', latestDate: latest });
    return;
  }
  // The CSL turned off over the bundled text, with no removal on record: that is the bundled data.
  if (!text && dropCsl && details.datasetDate === bundledDate && !version.update?.removed.some((r) => r.source === 'ecfr')) {
    if (!(await loadUpdatePreferences()).enabled) return finish({ outcome: 'refused', problem: 'turned-off', detail: 'updating was turned off during the check', latestDate: latest });
    await deleteStoredUpdate();
    await switchDataInUse(null);
    await finish({ outcome: 'updated', problem: null, detail: '', latestDate: latest });
    return;
  }
  await yieldToEvents();
  const lexicon = await loadLexicon();
  await yieldToEvents();
  // The CSL entries the new data holds: the new download, or those of the copy in use.
  const cslNow = csl ?? (preferences.csl && cslInUse ? { entries: details.entries.filter((e) => e.source === 'csl'), date: cslInUse.date, etag: cslInUse.etag } : null);
  const compileStart = performance.now();
  let bundle: Bundle;
  try {
    bundle = text
      ? compileBundle({
          xml: text.xml,
          sourceName: `ecfr-title-15-part-744-${text.date}.xml`,
          location: fullTextUrl(ECFR_ORIGIN, text.date),
          datasetDate: text.date,
          lexicon,
          ...(cslNow ? { csl: [{ sourceName: cslSourceName(cslNow.date), parse: () => ({ entries: cslNow.entries, skipped: 0 }) }], cslDate: cslNow.date } : {}),
        })
      : recompileWithCsl(details, cslNow, lexicon);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UpdateError(problemOfSourceError(message), message);
  }
  // For tests and bench: how long the worker was busy compiling (it answers no tab meanwhile).
  performance.measure('listmark:update-compile', { start: compileStart, end: performance.now() });
  await yieldToEvents();
  const next = bundle.details.entries;
  const ofSource = (entries: readonly Entry[], source: Entry['source']) => entries.filter((e) => e.source === source);
  const implausible = (text && implausibleChange(details.entries, next, 'ecfr')) || (csl && cslInUse && implausibleChange(details.entries, next, 'csl'));
  if (implausible) throw new UpdateError('implausible', implausible);
  // What changed, among the sources read anew (entries of a CSL turned off were not removed from any list).
  const compared = (e: Entry) => e.source === 'ecfr' || csl !== null;
  const diff: DatasetDiff =
    text || csl
      ? diffEntries(details.entries.filter(compared), next.filter(compared), { fromDate: csl && !text ? (cslInUse?.date ?? details.datasetDate) : details.datasetDate, toDate: text ? text.date : csl!.date })
      : (version.update?.diff ?? diffEntries([], [], { fromDate: details.datasetDate, toDate: details.datasetDate }));
  let removed = (version.update?.removed ?? []).filter((r) => r.source === 'ecfr' || cslNow);
  if (text) {
    const [before, after] = [ofSource(details.entries, 'ecfr'), ofSource(next, 'ecfr')];
    removed = updateRemovedRecords(removed, before, after, text.date, (list) => removalCitation(before, after, list, text.amendments));
  }
  if (csl && cslInUse) removed = updateRemovedRecords(removed, ofSource(details.entries, 'csl'), ofSource(next, 'csl'), csl.date, () => null);
  const update: StoredUpdate = {
    datasetDate: bundle.details.datasetDate,
    installedAt: new Date().toISOString(),
    detailsJson: JSON.stringify(bundle.details),
    matcherJson: JSON.stringify(bundle.matcher),
    diff,
    removed,
    removedMatcherJson: removed.length > 0 ? JSON.stringify(compileNames(removed, lexicon)) : null,
    csl: cslNow ? { etag: cslNow.etag, date: cslNow.date } : null,
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

/** A check that starts after the one running, which began before the user's latest choice. */
function checkAgain(): Promise<void> {
  return running ? running.then(() => checkForUpdates()) : checkForUpdates();
}

export async function updateStatus(): Promise<UpdateStatus> {
  const [preferences, hasPermission, hasCslPermission, check, inUseInfo, version] = await Promise.all([
    loadUpdatePreferences(),
    hasHostPermission([ECFR_HOST_PERMISSION]),
    hasHostPermission([CSL_HOST_PERMISSION]),
    loadLastCheck(),
    loadDataInUseInfo(),
    dataInUse(),
  ]);
  const bundledDate = (await bundledVersion.details()).details.datasetDate;
  const datasetDate = version.update?.datasetDate ?? bundledDate;
  return {
    preferences,
    hasPermission,
    hasCslPermission,
    checking: running !== null,
    check,
    inUse: inUseInfo ?? { origin: version.origin, datasetDate, since: '' },
    bundledDate,
    diff: version.update?.diff ?? null,
    cslDate: version.update?.csl?.date ?? null,
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

/**
 * The CSL option (the options page asked for trade.gov's permission in the user's click before
 * turning it on). Checks at once while updating is on: the new lists come, or go, now.
 */
export async function setCslEnabled(csl: boolean): Promise<void> {
  await updateUpdatePreferences((p) => ({ ...p, csl }));
  if ((await loadUpdatePreferences()).enabled) void checkAgain();
}

/** Back to the data that came with the extension; updating is turned off, or it would come back. */
export async function useBundledList(): Promise<void> {
  await setUpdatesEnabled(false);
  await updateUpdatePreferences((p) => ({ ...p, csl: false }));
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
    const origin = origins.includes(ECFR_HOST_PERMISSION) ? ECFR_ORIGIN : origins.includes(CSL_HOST_PERMISSION) ? CSL_ORIGIN : null;
    if (!origin) return;
    void finish({ outcome: 'refused', problem: 'no-permission', detail: `the permission for ${origin} was taken back`, latestDate: null });
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
