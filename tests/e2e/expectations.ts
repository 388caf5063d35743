/** What a reader expects on the seed article (../shared/fixtures/README.md). */
export const SEED_FLAGGED = ['Megvii', 'Yitu', 'Hikvision', 'iFlytek', 'SenseTime', 'Huawei'];
export const SEED_NOT_FLAGGED = ['Alibaba', 'Intel', 'Nvidia', 'Xilinx', 'Informa'];
export const HIKVISION_LISTED_NAME = 'Hangzhou Hikvision Digital Technology Co., Ltd.';
export const HIKVISION_CITATION = '84 FR 54004';

/** Runs in the page: the text of every range in each `listmark-*` highlight. */
export function readHighlights(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  if (!registry) return out;
  for (const [name, highlight] of registry) {
    if (!name.startsWith('listmark-')) continue;
    out[name] = [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }
  return out;
}

/** Runs in the page: the viewport centre of the first highlighted range spelling `text`. */
export function centreOfHighlight(text: string): { x: number; y: number } | null {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  for (const [, highlight] of registry ?? []) {
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() !== text) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

interface ExtensionApi {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, message: unknown): Promise<{ ok?: { url?: string } } | null>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

/** Runs in an extension page: the id of the tab showing `url` (asks each tab's content script). */
export async function findTabId(url: string): Promise<number | null> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = (g.browser ?? g.chrome)!;
  for (const tab of await api.tabs.query({})) {
    const reply = await api.tabs.sendMessage(tab.id!, { listmark: 'getPageReport', args: [] }).catch(() => null);
    if (reply?.ok?.url === url) return tab.id!;
  }
  return null;
}

/**
 * Runs in an extension page: the ids of the tabs still loading. (A loading page's content script
 * does not answer yet, and without the "tabs" permission a tab's address is not visible.)
 */
export async function loadingTabIds(): Promise<number[]> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = (g.browser ?? g.chrome)!;
  return (await api.tabs.query({ status: 'loading' })).map((tab) => tab.id!);
}

/** Runs in an extension page: the toolbar badge text of a tab. */
export async function badgeText(tabId: number): Promise<string> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (g.browser ?? g.chrome)!.action.getBadgeText({ tabId });
}

/** Runs in the popup: clicks an export button and returns the text of the file it offers. */
export async function captureExport(buttonId: string): Promise<string> {
  const blobs: Blob[] = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return original.call(URL, blob);
  };
  HTMLAnchorElement.prototype.click = function () {}; // keep the download from leaving the page
  document.getElementById(buttonId)!.click();
  URL.createObjectURL = original;
  return blobs[0] ? await blobs[0].text() : '';
}

/** Runs in the page: is a `listmark-*` highlight registered with this text? */
export function isHighlighted(text: string): boolean {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, highlight] of registry ?? []) {
    if (!name.startsWith('listmark-')) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() === text) return true;
    }
  }
  return false;
}

/** Runs in an extension page: sends raw messages to the background and returns its replies. */
export async function sendRaw(messages: unknown[]): Promise<unknown[]> {
  const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  const runtime = (g.browser ?? g.chrome)!.runtime;
  const replies: unknown[] = [];
  for (const m of messages) replies.push(await runtime.sendMessage(m).catch((e: Error) => ({ thrown: e.message })));
  return replies;
}

/** Runs in an extension page: writes raw values to storage, as a corrupt profile or an older version might have. */
export async function writeStorage(values: { sync: Record<string, unknown>; local: Record<string, unknown> }): Promise<void> {
  const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
  const api = (g.browser ?? g.chrome)!;
  await api.storage.sync.set(values.sync);
  await api.storage.local.set(values.local);
}

interface StorageApi {
  storage: { sync: { set(v: object): Promise<void> }; local: { set(v: object): Promise<void> } };
}
