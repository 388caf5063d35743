/**
 * Background: owns the list data. Finds names in the text content scripts send (one matcher for
 * every tab and frame, instead of one per page), answers lookups of full entries by id, keeps the
 * toolbar badge. Listeners are registered at the top level (the service worker may be stopped and
 * restarted at any moment); the data in use (the packaged files, or the last update from the
 * official source: data-in-use.ts, updates.ts) is read when first needed and kept in memory while
 * the worker lives.
 */
import { LIST_IDS, LISTS, type Entry, type ListId } from '../core/list-model';
import { buildLookupIndex, compiledNamesOf, MAX_LOOKUP_QUERY_LENGTH, type LookupIndex } from '../core/lookup';
import { checkFindNamesRequest, findNamesWithRemoved } from '../core/name-finder';
import type { BackgroundProtocol, EntryDetails } from '../core/protocol';
import { checkScreenQueries, screenNames } from '../core/screen';
import { browser } from '../platform/browser';
import { acceptAlivePorts, handleMessages, type Handlers } from '../platform/messaging';
import { dataInUse, type DataVersion, type DetailsStore } from './data-in-use';
import { checkSelectionIn, registerSelectionMenu } from './selection-menu';
import { checkForUpdates, registerUpdates, setCslEnabled, setUpdatesEnabled, updateStatus, useBundledList } from './updates';

const detailsStore = async () => (await dataInUse()).details();

/**
 * Built at the first lookup (the popup asks for one as it opens) and again only when the data in
 * use changes, after an update or a rollback.
 */
let lookup: { data: DataVersion; index: Promise<LookupIndex> } | null = null;
async function lookupIndex(): Promise<LookupIndex> {
  const data = await dataInUse();
  if (lookup?.data !== data) {
    const index = Promise.all([data.details(), data.matcher()]).then(([{ details }, names]) => buildLookupIndex(details.entries, compiledNamesOf(names, details.entries)));
    lookup = { data, index };
    index.catch(() => {
      if (lookup?.index === index) lookup = null; // a failed build is tried again by the next lookup
    });
  }
  return lookup.index;
}

const MAX_LOOKUP_RESULTS = 50;
const MAX_SELECTION_CHARS = 10_000;

function describe({ details }: DetailsStore, entry: Entry): EntryDetails {
  const list = LISTS[entry.list];
  const affiliatesRule = details.affiliatesRules.find((rule) => rule.list === entry.list);
  return {
    ...entry,
    listName: list.name,
    listMeaning: list.meaning,
    listUrl: list.officialUrl,
    footnoteTexts: details.footnotes.filter((f) => f.list === entry.list && entry.footnotes.includes(f.number)),
    ...(affiliatesRule ? { affiliatesRule } : {}),
  };
}

const MAX_IDS = 200;

function validate(type: string, args: unknown[]): string | null {
  switch (type) {
    case 'getEntries':
      return Array.isArray(args[0]) && args[0].length <= MAX_IDS && args[0].every((id) => typeof id === 'string' && id.length < 40)
        ? null
        : 'getEntries takes an array of up to 200 entry ids';
    case 'getDataset':
      return args.length === 0 ? null : `${type} takes no arguments`;
    case 'findNames':
      return args.length === 1 ? checkFindNamesRequest(args[0]) : 'findNames takes one array of texts';
    case 'reportPage': {
      const summary = args[0] as { distinctEntities?: unknown } | undefined;
      return typeof summary?.distinctEntities === 'number' && Number.isInteger(summary.distinctEntities) && summary.distinctEntities >= 0
        ? null
        : 'reportPage takes { distinctEntities: non-negative integer }';
    }
    case 'lookupNames': {
      const options = args[1] as { limit?: unknown; isTyping?: unknown } | undefined;
      if (typeof args[0] !== 'string' || args[0].length > MAX_LOOKUP_QUERY_LENGTH) return `lookupNames takes a name of up to ${MAX_LOOKUP_QUERY_LENGTH} characters`;
      const isLimitOk = options?.limit === undefined || (Number.isInteger(options.limit) && (options.limit as number) >= 1 && (options.limit as number) <= MAX_LOOKUP_RESULTS);
      const isTypingOk = options?.isTyping === undefined || typeof options.isTyping === 'boolean';
      return args.length <= 2 && (options === undefined || (typeof options === 'object' && isLimitOk && isTypingOk))
        ? null
        : `lookupNames takes options { limit?: 1–${MAX_LOOKUP_RESULTS}, isTyping?: boolean }`;
    }
    case 'screenNames':
      return args.length === 1 ? checkScreenQueries(args[0]) : 'screenNames takes one array of rows';
    case 'checkSelection': {
      const target = args[0] as { tabId?: unknown; frameId?: unknown; text?: unknown } | undefined;
      return Number.isInteger(target?.tabId) && Number.isInteger(target?.frameId) && typeof target?.text === 'string' && target.text.length <= MAX_SELECTION_CHARS
        ? null
        : `checkSelection takes { tabId, frameId, text of up to ${MAX_SELECTION_CHARS} characters }`;
    }
    case 'getUpdateStatus':
    case 'checkForUpdates':
    case 'useBundledList':
      return args.length === 0 ? null : `${type} takes no arguments`;
    case 'setUpdatesEnabled':
    case 'setCslEnabled':
      return args.length === 1 && typeof args[0] === 'boolean' ? null : `${type} takes one boolean`;
    default:
      return `unknown message "${type}"`;
  }
}

const handlers = {
  findNames: async (_sender, texts) => {
    const data = await dataInUse();
    const [names, removed] = await Promise.all([data.matcher(), data.removedMatcher()]);
    return findNamesWithRemoved(names, removed, texts);
  },
  getEntries: async (_sender, ids) => {
    const data = await dataInUse();
    const store = await data.details();
    return ids.map((id) => {
      const entry = store.byId.get(id);
      if (entry) return describe(store, entry);
      const removed = data.removedById.get(id);
      if (!removed) return null;
      const { removedOn, removedBy, ...listed } = removed;
      // As it was listed; its list's Affiliates rule is today's text's, which no longer concerns it.
      const described: EntryDetails = { ...describe(store, listed), removed: { on: removedOn, by: removedBy } };
      delete described.affiliatesRule;
      return described;
    });
  },
  getDataset: async () => {
    const { details } = await detailsStore();
    const counts = new Map<ListId, number>();
    const sourceOf = new Map<ListId, Entry['source']>();
    for (const entry of details.entries) {
      counts.set(entry.list, (counts.get(entry.list) ?? 0) + 1);
      sourceOf.set(entry.list, entry.source);
    }
    const dateOf = (list: ListId) => (sourceOf.get(list) === 'csl' && details.cslDate ? details.cslDate : details.datasetDate);
    const lists = LIST_IDS.filter((list) => counts.has(list)).map((list) => ({ list, entries: counts.get(list)!, date: dateOf(list) }));
    return { datasetDate: details.datasetDate, source: details.sources.join('; '), entryCount: details.entries.length, lists };
  },
  reportPage: async (sender, { distinctEntities }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await browser.action.setBadgeText({ tabId, text: distinctEntities > 0 ? String(distinctEntities) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  },
  lookupNames: async (_sender, query, options) => (await lookupIndex()).search(query, options),
  screenNames: async (_sender, queries) => screenNames(await lookupIndex(), queries),
  // What the menu item does, for extension pages only: the e2e tests drive it this way, since no
  // driver can click a browser's context menu.
  checkSelection: async (sender, target) => {
    if (!sender.url?.startsWith(browser.runtime.getURL(''))) throw new Error('Refused: checkSelection is for Listmark’s own pages');
    return checkSelectionIn(target);
  },
  getUpdateStatus: () => updateStatus(),
  checkForUpdates: async () => {
    await checkForUpdates();
    return updateStatus();
  },
  setUpdatesEnabled: async (_sender, enabled) => {
    await setUpdatesEnabled(enabled);
    return updateStatus();
  },
  setCslEnabled: async (_sender, enabled) => {
    await setCslEnabled(enabled);
    return updateStatus();
  },
  useBundledList: async () => {
    await useBundledList();
    return updateStatus();
  },
} satisfies Handlers<BackgroundProtocol>;

handleMessages<BackgroundProtocol>(handlers, validate);
registerUpdates();
acceptAlivePorts();
registerSelectionMenu();
