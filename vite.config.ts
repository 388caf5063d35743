/**
 * Builds the extension for one browser: `vite build --mode chrome` → dist/chrome,
 * `--mode firefox` → dist/firefox. The list bundle comes from build/data (made by
 * scripts/build-data.ts from the official source); it is never committed.
 *
 * The content script is built as one classic script (CRXJS's IIFE mode), not as ES modules
 * behind CRXJS's loader: the loader's dynamic import held up the page's load event and made
 * every chunk a web-accessible resource, which any page could probe to detect Listmark.
 * The entry's dynamic import of ./main is inlined into that script with the module behind an
 * init function, so nothing of Listmark is evaluated before the page has loaded (checked on the
 * built file by tests/e2e/built-content-script.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

const dataDir = resolve(import.meta.dirname, 'build/data');
const GECKO_ID = 'listmark@listmark.dev';

function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  if (browser === 'chrome') return baseManifest as ManifestV3Export;
  return {
    ...baseManifest,
    background: { scripts: ['src/background/index.ts'], type: 'module' },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

// lexicon.bin: the words the names were compiled with, for compiling an update in the browser.
const DATA_FILES = ['details.json', 'matcher.json', 'lexicon.bin'];

/** Puts the list bundle in the package under data/, where the background reads it when needed. */
function listData(): Plugin {
  return {
    name: 'listmark:list-data',
    buildStart() {
      for (const file of DATA_FILES) {
        if (!existsSync(resolve(dataDir, file))) {
          this.error(`build/data/${file} is missing: run "npm run data:build" first (npm run build does both).`);
        }
      }
    },
    generateBundle() {
      for (const file of DATA_FILES) {
        this.emitFile({ type: 'asset', fileName: `data/${file}`, source: readFileSync(resolve(dataDir, file)) });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    publicDir: false,
    plugins: [listData(), crx({ manifest: manifestFor(browser), browser, contentScripts: { standaloneFiles: ['src/content/index.ts'] } })],
    build: {
      // Extension pages the manifest does not name: the screen page, opened from the popup and
      // options, and the PDF viewer, opened by address from the popup.
      rollupOptions: {
        input: {
          screen: resolve(import.meta.dirname, 'src/screen/index.html'),
          viewer: resolve(import.meta.dirname, 'src/viewer/index.html'),
        },
      },
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox128' : 'chrome120',
      sourcemap: false,
      minify: true,
    },
  };
});
