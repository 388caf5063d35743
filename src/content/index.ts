/**
 * Content script entry, injected at document_start into every frame. Until the page has loaded
 * it does nothing but wait: no extension API calls, no storage reads, not even evaluating the
 * rest of Listmark. Then it loads ./main and starts it.
 *
 * Why: any work a content script does before the load event delays the page's own load and first
 * paint. The build keeps this file's import of ./main lazy (one classic script whose modules are
 * evaluated when first imported, see vite.config.ts), so before load the browser only parses the
 * script: what is left of Listmark's cost to the load event beyond that of any content script
 * (`npm run bench:browser` compares it with an empty one).
 *
 * "Loaded" is the load event or, on a page whose images or ads keep it loading, 200 ms after its
 * content was parsed (as browsers time document_idle). Listmark then starts in a task of its own,
 * which does not lengthen the load event and lets the browser render the page first if it will.
 */
export {};

const injectedAt = performance.now();
const IDLE_AFTER_CONTENT_MS = 200;

function whenPageLoaded(run: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ran = false;
  const done = () => {
    if (ran) return;
    ran = true;
    clearTimeout(timer);
    removeEventListener('load', done);
    // A task of its own: running inside the load event would lengthen it.
    setTimeout(run);
  };
  if (document.readyState === 'complete') return done();
  addEventListener('load', done);
  const contentParsed = () => (timer = setTimeout(done, IDLE_AFTER_CONTENT_MS));
  if (document.readyState === 'interactive') contentParsed();
  else document.addEventListener('DOMContentLoaded', contentParsed, { once: true });
}

whenPageLoaded(() => {
  import('./main').then(
    (main) => main.boot(injectedAt),
    () => {}, // the extension was removed or reloaded meanwhile: nothing to start
  );
});
