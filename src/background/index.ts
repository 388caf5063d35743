/**
 * Background: owns the list data. Finds names in the text content scripts send (one matcher for
 * every tab and frame, instead of one per page), answers lookups of full entries by id, keeps the
 * toolbar badge. Listeners are registered at the top level (the service worker may be stopped and
 * restarted at any moment); the data files are read from the package when first needed and kept
 * in memory while the worker lives.
 */
import { parseDetailsBundle, type DetailsBundle } from '../core/bundle';
import { LIST_IDS, LISTS, type Entry, type ListId } from '../core/list-model';
import { buildLookupIndex, compiledNamesOf, MAX_LOOKUP_QUERY_LENGTH } from '../core/lookup';
import { Matcher, type MatcherData } from '../core/matcher';
import { checkFindNamesRequest, findNames } from '../core/name-finder';
import type { BackgroundProtocol, EntryDetails } from '../core/protocol';
import { browser } from '../platform/browser';
import { acceptAlivePorts, handleMessages, type Handlers } from '../platform/messaging';
import { readPackagedText } from '../platform/packaged';
import { checkSelectionIn, registerSelectionMenu } from './selection-menu';

interface DetailsStore {
  details: DetailsBundle;
  byId: Map<string, Entry>;
}

/** Reads a packaged file once per worker start; a failed read is retried by the next request. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}

const detailsStore = once(async (): Promise<DetailsStore> => {
  const details = parseDetailsBundle(JSON.parse(await readPackagedText('data/details.json')));
  return { details, byId: new Map(details.entries.map((e) => [e.id, e])) };
});

const matcher = once(async () => new Matcher(JSON.parse(await readPackagedText('data/matcher.json')) as MatcherData));

/** Built once per worker start, at the first lookup: the popup asks for one as it opens. */
const lookupIndex = once(async () => {
  const [{ details }, names] = await Promise.all([detailsStore(), matcher()]);
  return buildLookupIndex(details.entries, compiledNamesOf(names, details.entries));
});

const MAX_LOOKUP_RESULTS = 50;
const MAX_SELECTION_CHARS = 10_000;

function describe({ details }: DetailsStore, entry: Entry): EntryDetails {
  const list = LISTS[entry.list];
  return {
    ...entry,
    listName: list.name,
    listMeaning: list.meaning,
    listUrl: list.officialUrl,
    footnoteTexts: details.footnotes.filter((f) => f.list === entry.list && entry.footnotes.includes(f.number)),
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
    case 'checkSelection': {
      const target = args[0] as { tabId?: unknown; frameId?: unknown; text?: unknown } | undefined;
      return Number.isInteger(target?.tabId) && Number.isInteger(target?.frameId) && typeof target?.text === 'string' && target.text.length <= MAX_SELECTION_CHARS
        ? null
        : `checkSelection takes { tabId, frameId, text of up to ${MAX_SELECTION_CHARS} characters }`;
    }
    default:
      return `unknown message "${type}"`;
  }
}

const handlers = {
  findNames: async (_sender, texts) => findNames(await matcher(), texts),
  getEntries: async (_sender, ids) => {
    const store = await detailsStore();
    return ids.map((id) => {
      const entry = store.byId.get(id);
      return entry ? describe(store, entry) : null;
    });
  },
  getDataset: async () => {
    const { details } = await detailsStore();
    const counts = new Map<ListId, number>();
    for (const entry of details.entries) counts.set(entry.list, (counts.get(entry.list) ?? 0) + 1);
    const lists = LIST_IDS.filter((list) => counts.has(list)).map((list) => ({ list, entries: counts.get(list)! }));
    return { datasetDate: details.datasetDate, source: details.sources.join('; '), entryCount: details.entries.length, lists };
  },
  reportPage: async (sender, { distinctEntities }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await browser.action.setBadgeText({ tabId, text: distinctEntities > 0 ? String(distinctEntities) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  },
  lookupNames: async (_sender, query, options) => (await lookupIndex()).search(query, options),
  // What the menu item does, for extension pages only: the e2e tests drive it this way, since no
  // driver can click a browser's context menu.
  checkSelection: async (sender, target) => {
    if (!sender.url?.startsWith(browser.runtime.getURL(''))) throw new Error('Refused: checkSelection is for Listmark’s own pages');
    return checkSelectionIn(target);
  },
} satisfies Handlers<BackgroundProtocol>;

handleMessages<BackgroundProtocol>(handlers, validate);
acceptAlivePorts();
registerSelectionMenu();
