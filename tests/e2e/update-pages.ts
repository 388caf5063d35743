/**
 * What the update tests (updates.test.ts, csl-updates.test.ts) do in the options page and on
 * pages: ask the background for the update status, click a control, wait for a line, read the
 * highlights. Each wait is for a fact, with room for a machine twice as slow.
 */
import type { Driver, TestPage } from './drivers';
import { readHighlights } from './expectations';

/** Download and compile of a 2.5 MB text: ~10 s on an idle 2-core machine; six times that. */
export const UPDATE_WAIT_MS = 60_000;

export interface StatusSeen {
  inUse: { origin: string; datasetDate: string };
  check: { outcome: string | null; problem: string | null; finishedAt: string | null; detail: string } | null;
  preferences: { enabled: boolean; csl: boolean };
  cslDate: string | null;
}

/** Runs in an extension page: asks the background for the update status. */
export async function updateStatus(): Promise<StatusSeen> {
  type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Api; chrome: Api };
  const reply = (await (scope.browser ?? scope.chrome).runtime.sendMessage({ listmark: 'getUpdateStatus', args: [] })) as { ok: never };
  return reply.ok;
}

/** Waits until some highlight in the page (of the named highlight, or any) starts with this text. */
export function waitForHighlight(page: TestPage, text: string, highlight = ''): Promise<void> {
  return page.waitFor(
    ([start, name]) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      return [...registry].some(([key, h]) => (!name || key === name) && [...h].some((r) => r.startContainer.textContent?.slice(r.startOffset, r.endOffset).startsWith(start)));
    },
    [text, highlight] as const,
  );
}

/** The names highlighted in a page, all lists together. */
export async function highlightedNames(page: TestPage): Promise<string[]> {
  return Object.values(await page.evaluate(readHighlights, null)).flat();
}

export async function openOptions(driver: Driver): Promise<TestPage> {
  const options = await driver.openExtensionPage('src/options/index.html');
  await options.waitFor(() => /Data in use/.test(document.getElementById('updates-data-age')?.textContent ?? ''), null);
  return options;
}

/** A real click (a user gesture, which permission requests need) on the element's centre, scrolled into view. */
export async function clickById(page: TestPage, id: string): Promise<void> {
  const at = await page.evaluate((elementId) => {
    const element = document.getElementById(elementId)!;
    element.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    const box = element.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }, id);
  await page.click(at.x, at.y);
}

export const checkLine = (page: TestPage) => page.evaluate(() => document.getElementById('updates-check')?.textContent ?? '', null);

export const waitForCheckLine = (page: TestPage, pattern: string, timeoutMs = UPDATE_WAIT_MS) =>
  page.waitFor((p) => new RegExp(p).test(document.getElementById('updates-check')?.textContent ?? ''), pattern, timeoutMs);

export const waitForRefusal = (page: TestPage, pattern: string, timeoutMs = UPDATE_WAIT_MS) =>
  page.waitFor((p) => new RegExp(p).test(document.getElementById('updates-refusal')?.textContent ?? ''), pattern, timeoutMs);
