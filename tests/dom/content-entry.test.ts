/**
 * The content script's entry waits for the page to load before Listmark starts (and before the
 * rest of Listmark is even evaluated): load event, or 200 ms after the content was parsed.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

const boot = vi.fn();
vi.mock('../../src/content/main', () => ({ boot }));

let readyState: DocumentReadyState = 'loading';

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
  boot.mockClear();
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
});

afterEach(() => {
  // Lets a scenario's leftover listeners run out before the next one starts.
  window.dispatchEvent(new Event('load'));
  vi.runAllTimers();
  vi.useRealTimers();
});

/**
 * Moves the clock on and lets the entry's import of main settle. (The fake clock runs a task
 * queued at the moment reached by the previous step only once it moves on by at least 1 ms.)
 */
async function after(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await vi.dynamicImportSettled();
}

function contentParsed(): void {
  readyState = 'interactive';
  document.dispatchEvent(new Event('DOMContentLoaded'));
}

function loaded(): void {
  readyState = 'complete';
  window.dispatchEvent(new Event('load'));
}

it('starts in a task of its own after the load event, not before and not inside it', async () => {
  readyState = 'loading';
  await import('../../src/content/index');
  await after(1_000);
  expect(boot).not.toHaveBeenCalled();
  contentParsed();
  await after(100);
  expect(boot).not.toHaveBeenCalled();
  loaded();
  await vi.dynamicImportSettled(); // the microtasks of the page's load event's task
  expect(boot).not.toHaveBeenCalled(); // not in that task: it would lengthen the page's load
  await after(0);
  expect(boot).toHaveBeenCalledTimes(1);
  expect(boot.mock.calls[0]![0]).toEqual(expect.any(Number));
  await after(1_000);
  expect(boot).toHaveBeenCalledTimes(1);
});

it('starts 200 ms after the content was parsed on a page that keeps loading, and only once', async () => {
  readyState = 'loading';
  await import('../../src/content/index');
  contentParsed();
  await after(199);
  expect(boot).not.toHaveBeenCalled();
  await after(2); // the timer at 200 ms, then Listmark's own task
  expect(boot).toHaveBeenCalledTimes(1);
  loaded();
  await after(1_000);
  expect(boot).toHaveBeenCalledTimes(1);
});

it('starts at once (in the next task) when injected into a page that has already loaded', async () => {
  readyState = 'complete';
  await import('../../src/content/index');
  expect(boot).not.toHaveBeenCalled();
  await after(0);
  expect(boot).toHaveBeenCalledTimes(1);
});

it('counts 200 ms from when it was injected into a page whose content is already parsed', async () => {
  readyState = 'interactive';
  await import('../../src/content/index');
  await after(199);
  expect(boot).not.toHaveBeenCalled();
  await after(2); // the timer at 200 ms, then Listmark's own task
  expect(boot).toHaveBeenCalledTimes(1);
});
