/**
 * Background: owns the full list details and answers lookups by id; keeps the toolbar badge.
 * Listeners are registered at the top level (the service worker may be stopped and restarted at
 * any moment) and every handler works from the same in-memory store, built once per start.
 */
import detailsJson from '@listmark-data/details.json';
import { parseDetailsBundle } from '../core/bundle';
import { LISTS, type Entry } from '../core/list-model';
import type { BackgroundProtocol, EntryDetails } from '../core/protocol';
import { browser } from '../platform/browser';
import { acceptAlivePorts, handleMessages, type Handlers } from '../platform/messaging';

const details = parseDetailsBundle(detailsJson);
const byId = new Map<string, Entry>(details.entries.map((e) => [e.id, e]));

function describe(entry: Entry): EntryDetails {
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
      return null;
    case 'reportPage': {
      const summary = args[0] as { distinctEntities?: unknown } | undefined;
      return typeof summary?.distinctEntities === 'number' && Number.isInteger(summary.distinctEntities) && summary.distinctEntities >= 0
        ? null
        : 'reportPage takes { distinctEntities: non-negative integer }';
    }
    default:
      return `unknown message "${type}"`;
  }
}

const handlers = {
  getEntries: (_sender, ids) => ids.map((id) => {
    const entry = byId.get(id);
    return entry ? describe(entry) : null;
  }),
  getDataset: () => ({
    datasetDate: details.datasetDate,
    source: details.sources.join('; '),
    entryCount: details.entries.length,
  }),
  reportPage: async (sender, { distinctEntities }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await browser.action.setBadgeText({ tabId, text: distinctEntities > 0 ? String(distinctEntities) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  },
} satisfies Handlers<BackgroundProtocol>;

handleMessages<BackgroundProtocol>(handlers, validate);
acceptAlivePorts();
