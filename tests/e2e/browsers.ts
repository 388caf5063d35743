/**
 * Where the Debian browsers are and how to start them here: headless, no sandbox (root), and no
 * background networking (this machine has no network; Chromium would otherwise retry forever).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.LISTMARK_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.LISTMARK_FIREFOX ?? '/usr/bin/firefox-esr';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireBrowser(path: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} not found. Install it with: apt-get update && apt-get install -y ${debianPackage} (or run npm run setup:browsers)`);
  }
}
