/**
 * The main job, end to end: loads the built extension into headless Chromium, opens a demo news
 * page served from localhost, prints what Listmark flagged and saves screenshots to artifacts/.
 *   npm run demo   (builds first)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireBrowser } from '../tests/e2e/browsers';
import { centreOfHighlight, readHighlights } from '../tests/e2e/expectations';
import { startServer } from '../tests/e2e/server';

requireBrowser(CHROMIUM_PATH, 'chromium');
const extension = resolve('dist/chrome');
const artifacts = resolve('artifacts');
mkdirSync(artifacts, { recursive: true });
const server = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'listmark-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  viewport: { width: 1100, height: 820 },
});
try {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(server.url('/demo-news.html'));
  await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, undefined, { timeout: 15_000 });
  const elapsed = performance.now() - started;
  const highlights = await page.evaluate(readHighlights);
  console.log(`Listmark flagged on ${page.url()} (${elapsed.toFixed(0)} ms from navigation to first highlights):`);
  for (const [name, texts] of Object.entries(highlights)) console.log(`  ${name.replace('listmark-', '')}: ${texts.join(', ')}`);
  await page.screenshot({ path: join(artifacts, 'demo-highlighted.png') });
  const point = await page.evaluate(centreOfHighlight, 'Hikvision');
  if (point) {
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(500); // the card fetches its details from the background; a demo can afford to wait
    await page.screenshot({ path: join(artifacts, 'demo-card.png') });
  }
  console.log(`Screenshots: ${join(artifacts, 'demo-highlighted.png')}, ${join(artifacts, 'demo-card.png')}`);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
