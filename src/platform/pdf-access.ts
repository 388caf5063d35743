/**
 * What opening a PDF in Listmark's viewer takes from the browser: the viewer's address for a PDF,
 * and access to the PDF's site. Chrome lets the viewer download from the site of the tab the user
 * clicked Listmark's button on (activeTab); Firefox's activeTab does not reach an extension
 * page's requests, so there Listmark asks for that one site, from the click.
 */
import { browser } from './browser';

export const VIEWER_PATH = 'src/viewer/index.html';

export function viewerUrlFor(pdfUrl: string): string {
  return `${browser.runtime.getURL(VIEWER_PATH)}?file=${encodeURIComponent(pdfUrl)}`;
}

/** The host permission pattern for a URL's site (ports are not part of a pattern). */
export function sitePattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export function hasSiteAccess(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [sitePattern(url)] }).catch(() => false);
}

/** Must be called from a click (browsers refuse a request without one). */
export function requestSiteAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [sitePattern(url)] });
}

/** Whether activeTab lets the viewer download from the clicked tab's site. */
export function isActiveTabEnoughToDownload(): boolean {
  return !browser.runtime.getURL('').startsWith('moz-extension:');
}
