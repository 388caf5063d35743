/**
 * The popup's search field: every keystroke asks the background's lookup index (see
 * core/lookup) and lists the best entries; Enter or a click opens the details card in the popup.
 * Answers that arrive after a newer keystroke's are dropped.
 */
import type { BackgroundProtocol, EntryDetails } from '../core/protocol';
import type { LookupHit } from '../core/lookup';
import { t } from '../platform/i18n';
import { sendToBackground } from '../platform/messaging';
import { CARD_STYLE, renderCard } from '../ui/card-view';
import { renderLookupHit } from '../ui/lookup-hit';

const RESULTS = 8;
/** The card sits in the popup's flow, not over a page. */
const IN_POPUP_STYLE = '.card { position: static; width: auto; max-height: none; box-shadow: none; border: 0; padding: 4px 0; border-radius: 0; }';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup: #${id} missing`);
  return el as T;
}

export function setUpLookup(datasetDate: () => string): void {
  const input = byId<HTMLInputElement>('lookup');
  const results = byId<HTMLUListElement>('lookup-results');
  const status = byId('lookup-status');
  const cardHost = byId('lookup-card');
  const shadow = cardHost.attachShadow({ mode: 'open' });
  input.placeholder = t('lookupPlaceholder');
  input.setAttribute('aria-label', t('lookupLabel'));
  let asked = 0;
  let hits: LookupHit[] = [];
  let active = -1;

  const setActive = (index: number) => {
    active = hits.length === 0 ? -1 : (index + hits.length) % hits.length;
    [...results.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `lookup-hit-${active}`);
      results.children[active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const showResults = (found: LookupHit[], query: string) => {
    hits = found;
    results.replaceChildren(
      ...found.map((hit, i) => {
        const li = document.createElement('li');
        li.id = `lookup-hit-${i}`;
        li.setAttribute('role', 'option');
        li.dataset.entryId = hit.entryId;
        li.append(...renderLookupHit(document, hit));
        li.addEventListener('click', () => void openCard(hit));
        return li;
      }),
    );
    results.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    status.textContent = query.trim() && found.length === 0 ? t('lookupNone') : '';
    setActive(found.length > 0 ? 0 : -1);
  };

  const closeCard = () => {
    shadow.replaceChildren();
    cardHost.hidden = true;
    results.hidden = hits.length === 0;
    input.focus();
  };

  const openCard = async (hit: LookupHit) => {
    let entries: (EntryDetails | null)[];
    try {
      entries = await sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', [hit.entryId]);
    } catch (error) {
      status.textContent = t('lookupFailed', String(error));
      return;
    }
    const style = document.createElement('style');
    style.textContent = CARD_STYLE + IN_POPUP_STYLE;
    const card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', t('cardLabel'));
    card.tabIndex = -1;
    const content = { matchedText: input.value, variantText: hit.matchedName, variantKind: hit.matchedKind, entries, datasetDate: datasetDate() };
    card.append(...renderCard(document, content, { onClose: closeCard }));
    card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        closeCard();
      }
    });
    shadow.replaceChildren(style, card);
    results.hidden = true;
    cardHost.hidden = false;
    card.focus();
  };

  input.addEventListener('input', () => {
    const query = input.value;
    const ask = ++asked;
    if (!query.trim()) return showResults([], '');
    sendToBackground<BackgroundProtocol, 'lookupNames'>('lookupNames', query, { limit: RESULTS, isTyping: true }).then(
      (found) => ask === asked && showResults(found, query),
      (error: unknown) => {
        if (ask === asked) status.textContent = t('lookupFailed', String(error));
      },
    );
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      void openCard(hits[active]!);
    }
  });
  // The index is built at the first lookup: ask for one now, so the first keystroke finds it built.
  void sendToBackground<BackgroundProtocol, 'lookupNames'>('lookupNames', '').catch(() => {});
}
