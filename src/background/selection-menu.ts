/**
 * The "Check with Listmark" item of the context menu on selected text. Menu items survive a
 * service-worker restart but not an update or (in Firefox) a browser restart, so the item is
 * created again at install and at startup; the click listener is registered at the top level.
 * A click asks the content script of the frame the selection is in to show what it matches.
 */
import type { ContentProtocol } from '../core/protocol';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { sendToFrame } from '../platform/messaging';

const MENU_ID = 'listmark-check-selection';

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: t('menuCheckSelection'), contexts: ['selection'] });
}

/**
 * Shows the check in the frame; false where no content script of Listmark answers (a page it
 * does not run on, or one that has not finished loading).
 */
export async function checkSelectionIn(target: { tabId: number; frameId: number; text: string }): Promise<boolean> {
  return sendToFrame<ContentProtocol, 'showSelectionCheck'>(target.tabId, target.frameId, 'showSelectionCheck', target.text).catch(() => false);
}

export function registerSelectionMenu(): void {
  browser.runtime.onInstalled.addListener(() => void createMenu());
  browser.runtime.onStartup.addListener(() => void createMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void checkSelectionIn({ tabId: tab.id, frameId: info.frameId ?? 0, text: info.selectionText ?? '' });
  });
}
