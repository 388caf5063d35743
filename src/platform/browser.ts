/**
 * The only module that imports webextension-polyfill. Chrome now ships a promise-based
 * `browser`-like API and the polyfill is frozen; replacing it should touch this folder only.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Storage } from 'webextension-polyfill';
