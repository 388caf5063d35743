/**
 * Issue 13 §4 in the built extension, in real Chromium and Firefox: Listmark's PDF viewer opens a
 * PDF served from localhost, paints its names on the text layer (a weak name on page 1 counts
 * because page 3 names the organisation strongly: the whole PDF is one document), opens the card,
 * answers the popup's report, and says so for a scanned PDF, a missing one and a file that is no PDF.
 *
 * Access to the PDF's site: Firefox asks from the viewer's "Allow" button, which the test clicks
 * (prompts answered yes by a pref, as in the update tests); Chromium cannot answer its prompt, so
 * there the build is loaded with the page server's host granted, the state after the user said yes.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listedPdf, PDF_STRONG_NAME, PDF_WEAK_NAME, scannedPdf } from '../fixtures/pdfs';
import { ChromiumDriver, FirefoxDriver, type Driver, type TestPage } from './drivers';
import { centreOfHighlight, HIKVISION_CITATION, isHighlighted, sendRaw } from './expectations';
import { useBrowser } from './use-browser';

const artifacts = resolve(import.meta.dirname, '../../artifacts');
mkdirSync(artifacts, { recursive: true });
const only = process.env.LISTMARK_BROWSERS;
const drivers: Driver[] = [new ChromiumDriver([], undefined, ['http://127.0.0.1/*']), new FirefoxDriver(undefined, true)].filter(
  (d) => !only || only.split(',').includes(d.name),
);

const files = async () => ({
  '/pdf/filing.pdf': await listedPdf(),
  '/pdf/scanned.pdf': await scannedPdf(),
  '/pdf/not-a-pdf.pdf': new TextEncoder().encode('<!doctype html><title>Sign in</title><p>Please sign in.</p>'),
});

/** Runs in the viewer: the text of its status line and of its problem notice, if shown. */
function viewerTexts(): { status: string; problem: string } {
  const problem = document.getElementById('problem')!;
  return { status: document.getElementById('status')!.textContent ?? '', problem: problem.hidden ? '' : (problem.textContent ?? '') };
}

/** Runs in the viewer: the centre of its "Allow" button, once shown. */
function allowButton(): { x: number; y: number } | null {
  const button = document.querySelector<HTMLButtonElement>('#problem:not([hidden]) button');
  if (!button) return null;
  const rect = button.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

describe.each(drivers)('PDF viewer in $name', (driver) => {
  const browser = useBrowser(driver, files);
  const viewerFor = (path: string) => `src/viewer/index.html?file=${encodeURIComponent(browser.server().url(path))}`;

  /** Opens the viewer; in Firefox, grants the site from the viewer's own button first. */
  async function openViewer(path: string): Promise<TestPage> {
    const viewer = await driver.openExtensionPage(viewerFor(path));
    if (driver.name === 'firefox') {
      await viewer.waitFor(() => document.querySelector('#problem:not([hidden])') !== null || document.querySelector('.page') !== null, null);
      const button = await viewer.evaluate(allowButton, null);
      if (button) {
        expect((await viewer.evaluate(viewerTexts, null)).problem).toContain('needs your permission to read files from 127.0.0.1');
        await viewer.click(button.x, button.y);
      }
    }
    return viewer;
  }

  it('highlights names across the whole PDF, weak ones with evidence from another page, and opens the card', async () => {
    const viewer = await openViewer('/pdf/filing.pdf');
    await viewer.waitFor((name) => document.title === name, 'Listmark test filing');
    // Page 1 is rendered first; its weak name lights up once page 3's strong name has been read.
    await viewer.waitFor(isHighlighted, PDF_WEAK_NAME);
    await viewer.waitFor(() => /2 listed organisations in this PDF/.test(document.getElementById('status')!.textContent ?? ''), null);
    const centre = await viewer.evaluate(centreOfHighlight, PDF_WEAK_NAME);
    expect(centre).not.toBeNull();
    await viewer.click(centre!.x, centre!.y);
    await expect.poll(() => viewer.cardShows(PDF_STRONG_NAME), { timeout: 30_000 }).toBe(true);
    // The card says which evidence made the weak name count.
    expect(await viewer.cardShows('not a legal determination')).toBe(true);
    if (driver.name === 'chromium') await viewer.screenshot(join(artifacts, 'chromium-pdf-viewer.png'));
    await viewer.press('Escape');

    // Page 3 (rendered once near the viewport) has both names, Hikvision's across a line break.
    await viewer.evaluate(() => document.querySelector('.page[data-page="3"]')!.scrollIntoView(), null);
    await viewer.waitFor(isHighlighted, PDF_STRONG_NAME);
    // Its range runs from the first line's span to the second's: the DOM has no line break between them.
    await viewer.waitFor(isHighlighted, 'Hangzhou Hikvision DigitalTechnology Co., Ltd.');
    const hikvision = await viewer.evaluate(centreOfHighlight, 'Hangzhou Hikvision DigitalTechnology Co., Ltd.');
    await viewer.click(hikvision!.x, hikvision!.y);
    await expect.poll(() => viewer.cardShows(HIKVISION_CITATION), { timeout: 30_000 }).toBe(true);
    await viewer.press('Escape');
    expect(viewer.extensionErrors()).toEqual([]);
    await viewer.close();
  });

  it('answers the popup with the PDF’s report, mentions and sentences', async () => {
    const viewer = await openViewer('/pdf/filing.pdf');
    await viewer.waitFor(isHighlighted, PDF_WEAK_NAME);
    const control = await driver.openExtensionPage('src/options/index.html');
    const tabIds = await control.evaluate(async () => {
      type Api = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (await (g.browser ?? g.chrome)!.tabs.query({})).map((tab) => tab.id!);
    }, null);
    let report: { url?: string; entities?: { mentions: { text: string; sentences: string[] }[] }[] } | undefined;
    for (const tabId of tabIds) {
      const [reply] = (await control.evaluate(sendRaw, [{ listmark: 'getViewerReport', args: [tabId] }])) as [{ ok?: typeof report } | undefined];
      if (reply?.ok) report = reply.ok;
    }
    expect(report?.url).toBe(browser.server().url('/pdf/filing.pdf'));
    const mentions = report!.entities!.flatMap((e) => e.mentions);
    expect(mentions.map((m) => m.text).sort()).toEqual([PDF_WEAK_NAME, `Hangzhou Hikvision Digital\nTechnology Co., Ltd.`, PDF_STRONG_NAME].sort());
    expect(mentions.find((m) => m.text === PDF_WEAK_NAME)!.sentences).toEqual(['DJI said on Monday it would appeal the decision.']);
    await control.close();
    await viewer.close();
  });

  it('says a scanned PDF has no text layer', async () => {
    const viewer = await openViewer('/pdf/scanned.pdf');
    await viewer.waitFor(() => (document.getElementById('problem')!.textContent ?? '').includes('no text layer'), null);
    expect(await viewer.evaluate(() => document.querySelectorAll('.page').length, null)).toBe(1);
    await viewer.close();
  });

  it('says why a PDF cannot be opened: missing, or not a PDF', async () => {
    const missing = await openViewer('/pdf/missing.pdf');
    await missing.waitFor(() => /server answered 404/.test(document.getElementById('problem')!.textContent ?? ''), null);
    await missing.close();
    const html = await openViewer('/pdf/not-a-pdf.pdf');
    await html.waitFor(() => /not a PDF/.test(document.getElementById('problem')!.textContent ?? ''), null);
    await html.close();
  });
});
