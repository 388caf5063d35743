/**
 * User-facing strings from _locales/<lang>/messages.json. `t` falls back to the key itself, so a
 * missing message shows up in review instead of as an empty label.
 */
import { browser } from './browser';

export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Fills every element marked `data-i18n="key"` with its message, as text. */
export function localisePage(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
}
