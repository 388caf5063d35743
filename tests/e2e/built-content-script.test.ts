/**
 * The content script as built (dist/chrome): until the page has loaded it must not touch the
 * extension API nor evaluate the rest of Listmark (the polyfill, the scanner, the card), only
 * wait. That rests on the bundler keeping the entry's import of ./main lazy, which a change of
 * bundler or build options could silently undo: this runs the built file in a DOM and watches.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect, it } from 'vitest';

const BUILT = resolve('dist/chrome/src/content/index.js');

/** A stand-in for `chrome` that records every property read; every call answers an empty object. */
function recordingApi(touched: string[], path = 'chrome'): unknown {
  return new Proxy(function api() {}, {
    get(_target, key) {
      if (typeof key === 'symbol' || key === 'then' || key === 'lastError') return undefined;
      touched.push(`${path}.${key}`);
      if (key === 'id') return 'listmark-under-test';
      return recordingApi(touched, `${path}.${key}`);
    },
    has: () => true,
    apply: (_target, _this, args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback !== 'function') return Promise.resolve({});
      setTimeout(() => callback({}));
      return undefined;
    },
  });
}

it('touches no extension API and evaluates none of Listmark before the page has loaded', async () => {
  const dom = new JSDOM('<!doctype html><p>Hikvision makes cameras.</p>', { runScripts: 'outside-only', url: 'https://news.example/' });
  const { window } = dom;
  let readyState: DocumentReadyState = 'loading';
  Object.defineProperty(window.document, 'readyState', { configurable: true, get: () => readyState });
  const touched: string[] = [];
  Object.assign(window, { chrome: recordingApi(touched) });
  // jsdom has no MessageChannel: Listmark's slice scheduler makes one as its module is evaluated.
  let channels = 0;
  Object.assign(window, {
    MessageChannel: class {
      port1 = { onmessage: null };
      port2 = { postMessage: () => {} };
      constructor() {
        channels++;
      }
    },
  });

  window.eval(readFileSync(BUILT, 'utf8'));
  readyState = 'interactive';
  window.document.dispatchEvent(new window.Event('DOMContentLoaded'));
  await new Promise((wait) => setTimeout(wait, 50));
  expect(touched, 'extension API touched before load').toEqual([]);
  expect(channels, 'Listmark modules evaluated before load').toBe(0);

  readyState = 'complete';
  window.dispatchEvent(new window.Event('load'));
  await new Promise((wait) => setTimeout(wait, 50));
  // Once loaded, Listmark starts: the polyfill checks its context and the settings are read.
  expect(touched).toContain('chrome.runtime.id');
  expect(touched.some((p) => p.startsWith('chrome.storage.sync'))).toBe(true);
  expect(channels).toBeGreaterThan(0);
  window.close();
});
