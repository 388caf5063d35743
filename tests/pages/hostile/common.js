// Shared by the hostile pages (written for Listmark's tests). Keeps the page as parsed, before the
// extension's content script runs (at document_idle, after DOMContentLoaded), so a test can check
// that Listmark changed nothing. Pages that keep changing themselves set __listmark.dynamic.
window.__listmark = { before: '', ready: 0 };
document.addEventListener('DOMContentLoaded', () => {
  if (!window.__listmark.dynamic) window.__listmark.before = document.body.innerHTML;
});
window.__markReady = () => {
  window.__listmark.ready = performance.now();
};
