/**
 * Files shipped inside the extension package (the compiled list under data/), read by the
 * background when first needed rather than bundled into its script: a service worker that wakes
 * for a badge update should not first parse megabytes of list data.
 */
import { browser } from './browser';

export async function readPackagedText(path: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`The extension package is missing ${path} (HTTP ${response.status}): reinstall Listmark.`);
  return response.text();
}
