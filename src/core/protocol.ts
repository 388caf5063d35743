/**
 * The message protocol, one map type per receiver. Senders and handlers take their argument
 * and result types from these maps, so a misspelt message or a missing handler does not compile.
 */
import type { AffiliatesRule } from './affiliates-rule';
import type { DatasetDiff } from './diff';
import type { Citation, Entry, Footnote, ListId } from './list-model';
import type { LookupHit, LookupOptions } from './lookup';
import type { FoundNames } from './name-finder';
import type { ScreenMatch, ScreenQuery } from './screen';
import type { CheckRecord, DataInUseInfo, UpdatePreferences } from './update-status';

/** What the details card and the popup show for one entry. */
export interface EntryDetails extends Entry {
  listName: string;
  listMeaning: string;
  listUrl: string;
  footnoteTexts: Footnote[];
  /** The Affiliates rule of the entry's list as the data's text states it; absent when it states none. */
  affiliatesRule?: AffiliatesRule;
  /** For an entry an update removed (see core/removed): when, and by which rule if known. */
  removed?: { on: string; by: Citation | null };
}

export interface DatasetInfo {
  datasetDate: string;
  source: string;
  entryCount: number;
  /** The lists the data in use holds, with their entry counts and the date of their data: the only ones Listmark can flag. */
  lists: { list: ListId; entries: number; date: string }[];
}

/** Opt-in updates: the user's choice, the last check, the data in use and what the last update changed. */
export interface UpdateStatus {
  preferences: UpdatePreferences;
  /** Whether the browser grants the host permission for the official source now. */
  hasPermission: boolean;
  /** The same for trade.gov, which the CSL option needs. */
  hasCslPermission: boolean;
  checking: boolean;
  check: CheckRecord | null;
  inUse: DataInUseInfo;
  bundledDate: string;
  diff: DatasetDiff | null;
  /** The day the CSL copy in use was downloaded; null when the data holds none. */
  cslDate: string | null;
}

/** One flagged organisation on a page, as the content script reports it. */
export interface PageEntity {
  entryId: string;
  list: ListId;
  /** Texts as they appeared on the page, with how often and the sentences they stood in. */
  mentions: { text: string; count: number; sentences: string[] }[];
  count: number;
}

export interface PageReport {
  url: string;
  title: string;
  active: boolean;
  entities: PageEntity[];
}

/** Handled by the background service worker. */
export interface BackgroundProtocol {
  /** Finds listed names in a batch of page texts (see core/name-finder). */
  findNames(texts: string[]): FoundNames;
  getEntries(ids: string[]): (EntryDetails | null)[];
  getDataset(): DatasetInfo;
  reportPage(summary: { distinctEntities: number }): void;
  /** Entries whose names a typed name matches, best first (see core/lookup). */
  lookupNames(query: string, options?: LookupOptions): LookupHit[];
  /** The best matches of each row of a list being screened (see core/screen), a batch at a time. */
  screenNames(queries: ScreenQuery[]): ScreenMatch[][];
  /**
   * What the "Check with Listmark" menu item does, for the selection in one frame of a tab:
   * that frame's content script shows what the text matches. Extension pages only.
   */
  checkSelection(target: { tabId: number; frameId: number; text: string }): boolean;
  getUpdateStatus(): UpdateStatus;
  /** Checks the official source now; resolves when the check is over. */
  checkForUpdates(): UpdateStatus;
  /** Turns daily updates on (after the options page got the host permission) or off. */
  setUpdatesEnabled(enabled: boolean): UpdateStatus;
  /** Turns the CSL option on (after the options page got trade.gov's permission) or off. */
  setCslEnabled(enabled: boolean): UpdateStatus;
  /** Drops the downloaded data and turns updating off. */
  useBundledList(): UpdateStatus;
}

/** Handled by the content script of a tab. */
export interface ContentProtocol {
  getPageReport(): PageReport;
  revealNext(entryId: string): boolean;
  /** Shows, next to the selection, what the text matches; false if this frame has no such text. */
  showSelectionCheck(text: string): boolean;
}


/**
 * Handled by Listmark's PDF viewer pages (runtime messages reach every one of them): each answers
 * only for the tab it is open in, so the popup asks about its tab as it asks a content script.
 */
export interface ViewerProtocol {
  getViewerReport(tabId: number): PageReport;
  revealInViewer(tabId: number, entryId: string): boolean;
}
