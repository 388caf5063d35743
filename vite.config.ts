/**
 * Builds the extension for one browser: `vite build --mode chrome` → dist/chrome,
 * `--mode firefox` → dist/firefox. The list bundle comes from build/data (made by
 * scripts/build-data.ts from the official source); it is never committed.
 */
import { existsSync } from 'node:fs';
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

/** Copies the details bundle next to the extension, where the background fetches it. */
function listData(): Plugin {
  return {
    name: 'listmark:list-data',
    buildStart() {
      for (const file of ['details.json', 'matcher.json']) {
        if (!existsSync(resolve(dataDir, file))) {
          this.error(`build/data/${file} is missing: run "npm run data:build" first (npm run build does both).`);
        }
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    resolve: { alias: { '@listmark-data': dataDir } },
    json: { stringify: true },
    publicDir: false,
    plugins: [listData(), crx({ manifest: manifestFor(browser), browser })],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox128' : 'chrome120',
      sourcemap: false,
      minify: true,
    },
  };
});
