/**
 * "Check with Listmark" on selected text: a small panel next to the selection that says what the
 * text matches. Names come from the background's matcher (the findNames path a page scan uses),
 * strong and weak apart; text that looks like a name but is no listed variant is looked up
 * (core/lookup). "Details" opens the same card as a highlight.
 */
import { LISTS } from '../core/list-model';
import type { LookupHit } from '../core/lookup';
import type { FoundNames, VariantInfo } from '../core/name-finder';
import type { BackgroundProtocol, EntryDetails } from '../core/protocol';
import { t } from '../platform/i18n';
import { sendToBackground } from '../platform/messaging';
import { CARD_STYLE, element, kindLabel } from '../ui/card-view';
import { renderLookupHit } from '../ui/lookup-hit';
import { AnchoredPanel, type CardContent, type DetailsCard } from '../ui/details-card';
import { OWN_PREFIX } from './text-segments';

const HOST_ID = `${OWN_PREFIX}selection-host`;
/** More than a page of text is not a selection to check in a panel. */
const MAX_SELECTION_CHARS = 10_000;
/** Longer text is a passage, not a name: it is matched, not looked up. */
const MAX_NAME_WORDS = 12;
const LOOKUP_RESULTS = 5;
/** As many entries as one getEntries request may ask for. */
const MAX_ENTRIES = 200;

const PANEL_STYLE = `${CARD_STYLE}
h3 { font-size: 12px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: .04em; }
ul.found { list-style: none; padding: 0; margin: 0; }
ul.found li { display: flex; gap: 8px; align-items: baseline; padding: 4px 0; border-top: 1px solid rgba(127,127,127,.25); }
ul.found li > div { flex: 1; }
ul.found .name, ul.found .meta, ul.found .why { display: block; }
ul.found .name { font-weight: 600; }
ul.found .meta, ul.found .why { font-size: 12px; color: #5f6068; }
.details { font: inherit; font-size: 12px; padding: 2px 8px; border-radius: 6px; border: 1px solid rgba(127,127,127,.5); background: transparent; color: inherit; cursor: pointer; }
@media (prefers-color-scheme: dark) { ul.found .meta, ul.found .why { color: #a9abb3; } }
`;

/** One name the matcher found in the selection, with the entries it names. */
interface FoundName {
  text: string;
  variant: VariantInfo;
  entryIds: string[];
}

function namesIn(text: string, found: FoundNames): FoundName[] {
  return (found.matches[0] ?? []).map(([start, end, , ...variants]) => ({
    text: text.slice(start, end),
    variant: found.variants[variants[0]!]!,
    entryIds: [...new Set(variants.map((v) => found.variants[v]!.entryId))],
  }));
}

/** Does the text hold more than the names found in it: some word outside them, a name to look up? */
function hasTextBeyond(text: string, names: FoundName[]): boolean {
  const rest = names.reduce((left, n) => left.replace(n.text, ' '), text);
  return /[\p{L}\p{N}]{2}/u.test(rest);
}

export class SelectionCheck {
  private readonly panel: AnchoredPanel;

  constructor(
    private readonly doc: Document,
    private readonly card: DetailsCard,
  ) {
    this.panel = new AnchoredPanel(doc, HOST_ID, PANEL_STYLE);
  }

  get isOpen(): boolean {
    return this.panel.isOpen;
  }

  close(): void {
    this.panel.close();
  }

  /**
   * Checks the selection of this frame (or `fallbackText`, the text the browser reported, if the
   * selection is gone); false when there is no text to check.
   */
  show(fallbackText: string): boolean {
    const selection = this.doc.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : this.doc.createRange();
    const text = ((selection?.toString().trim() || fallbackText.trim()) ?? '').slice(0, MAX_SELECTION_CHARS);
    if (!text) return false;
    const texts = { label: t('selectionLabel'), loading: t('selectionChecking'), failed: (error: unknown) => t('selectionFailed', String(error)) };
    void this.panel.open(range, texts, async (panel, isCurrent) => {
      const found = namesIn(text, await sendToBackground<BackgroundProtocol, 'findNames'>('findNames', [text]));
      const isNameLike = text.length <= 200 && text.split(/\s+/).length <= MAX_NAME_WORDS;
      const looked = isNameLike && (found.length === 0 || hasTextBeyond(text, found))
        ? await sendToBackground<BackgroundProtocol, 'lookupNames'>('lookupNames', text, { limit: LOOKUP_RESULTS })
        : [];
      const shown = new Set(found.flatMap((n) => n.entryIds));
      const hits = looked.filter((hit) => !shown.has(hit.entryId));
      const details = await sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', [...shown].slice(0, MAX_ENTRIES));
      const byId = new Map(details.filter((d): d is EntryDetails => d !== null).map((d) => [d.id, d]));
      if (isCurrent()) panel.replaceChildren(...this.render(text, range, found, hits, byId));
    });
    return true;
  }

  private render(text: string, range: Range, found: FoundName[], hits: LookupHit[], byId: Map<string, EntryDetails>): HTMLElement[] {
    const doc = this.doc;
    const close = element(doc, 'button', 'close', '×');
    close.setAttribute('aria-label', t('cardClose'));
    close.addEventListener('click', () => this.close());
    const header = element(doc, 'header');
    header.append(element(doc, 'strong', undefined, `Listmark: “${text.length > 80 ? `${text.slice(0, 80)}…` : text}”`), close);
    const parts: HTMLElement[] = [header];
    const section = (title: string, items: HTMLElement[]) => {
      if (items.length === 0) return;
      const list = element(doc, 'ul', 'found');
      list.append(...items);
      parts.push(element(doc, 'h3', undefined, title), list);
    };
    const item = (lines: HTMLElement[], open: () => void) => {
      const li = element(doc, 'li');
      const body = element(doc, 'div');
      body.append(...lines);
      const details = element(doc, 'button', 'details', t('selectionDetails'));
      details.addEventListener('click', open);
      li.append(body, details);
      return li;
    };
    const nameItem = (name: FoundName) => {
      const entry = byId.get(name.entryIds[0]!);
      const lines = [
        element(doc, 'span', 'name', entry?.name ?? name.variant.text),
        element(doc, 'span', 'meta', [LISTS[name.variant.list].name, entry?.country ?? ''].filter(Boolean).join(' · ')),
        element(doc, 'span', 'why', t('cardMatched', name.text, kindLabel(name.variant.kind), name.variant.text)),
      ];
      return item(lines, () => this.openCard(range, { matchedText: name.text, variantText: name.variant.text, variantKind: name.variant.kind, entryIds: name.entryIds }));
    };
    section(t('selectionStrong'), found.filter((n) => !n.variant.weak).map(nameItem));
    section(t('selectionWeak'), found.filter((n) => n.variant.weak).map(nameItem));
    section(
      t('selectionLookup'),
      hits.map((hit) => item(renderLookupHit(doc, hit), () => this.openCard(range, { matchedText: text, variantText: hit.matchedName, variantKind: hit.matchedKind, entryIds: [hit.entryId] }))),
    );
    if (parts.length === 1) parts.push(element(doc, 'p', 'muted', t('selectionNothing')));
    return parts;
  }

  /** The card replaces the panel, as it would open from a highlight of the same name. */
  private openCard(range: Range, what: { matchedText: string; variantText: string; variantKind: string; entryIds: string[] }): void {
    this.close();
    const content: Promise<CardContent> = Promise.all([
      sendToBackground<BackgroundProtocol, 'getEntries'>('getEntries', what.entryIds),
      sendToBackground<BackgroundProtocol, 'getDataset'>('getDataset'),
    ]).then(([entries, dataset]) => ({ matchedText: what.matchedText, variantText: what.variantText, variantKind: what.variantKind, entries, datasetDate: dataset.datasetDate }));
    void this.card.open(range, content);
  }
}
