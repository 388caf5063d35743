/**
 * The details card's content, shared by every context that shows it: the card next to a
 * highlight (ui/details-card.ts), the popup's lookup, the selection check. Everything is built with
 * elements and text, never HTML. Where the card sits and when it closes is the caller's business.
 */
import type { Evidence } from '../core/evidence';
import type { EntryDetails } from '../core/protocol';
import { ageInDays, recentlyAddedOn } from '../core/update-status';
import { t } from '../platform/i18n';
import { NotSavedError } from '../platform/storage';
import { affiliatesRuleNote, listingTimelineNote, removedNote, type CardNote } from './card-notes';

const KIND_MESSAGE: Record<string, string> = {
  listed: 'kindListed',
  alias: 'kindAlias',
  acronym: 'kindAcronym',
  derived: 'kindDerived',
  respelled: 'kindRespelled',
};

/** How a name was made, in the user's words. */
export function kindLabel(kind: string): string {
  return t(KIND_MESSAGE[kind] ?? 'kindListed');
}

export const CARD_STYLE = `
:host { all: initial; }
.card { position: absolute; z-index: 2147483647; width: min(420px, calc(100vw - 24px)); max-height: min(70vh, 560px); overflow: auto;
  box-sizing: border-box; padding: 14px 16px; border-radius: 10px; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: #fff; color: #1d1d1f; border: 1px solid #d0d0d7; box-shadow: 0 8px 28px rgba(0,0,0,.22); }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid rgba(11, 87, 208, 0.6); outline-offset: 2px; }
header { display: flex; align-items: flex-start; gap: 8px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-weight: 600; font-size: 11px; letter-spacing: .02em; background: #ffb84d; color: #3b2300; }
.badge.meu-list { background: #ff8fa3; } .badge.unverified-list { background: #b9a8ff; }
h2 { font-size: 15px; margin: 6px 0 2px; line-height: 1.3; }
.close { margin-left: auto; border: 0; background: transparent; color: inherit; font-size: 18px; line-height: 1; cursor: pointer; padding: 2px 6px; border-radius: 6px; }
.close:hover { background: rgba(127,127,127,.18); }
.muted { color: #5f6068; }
dl { margin: 8px 0 0; display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; }
dt { font-weight: 600; } dd { margin: 0; }
ul { margin: 0; padding-left: 18px; }
section + section { border-top: 1px solid rgba(127,127,127,.3); margin-top: 12px; padding-top: 10px; }
.note { margin-top: 12px; font-size: 12px; }
.added { margin: 4px 0; font-weight: 600; }
.removed { margin: 4px 0; font-weight: 600; } section.was-listed h2, section.was-listed dl { opacity: .75; } .badge.removed-badge { background: #c9c9cf; color: #2b2b30; }
.timeline { margin: 6px 0; font-weight: 600; } .affiliates { margin: 6px 0; font-size: 12px; }
.error { margin: 0 0 6px; font-size: 12px; color: #b3261e; }
.dismiss { margin: 2px 0 6px; font: inherit; font-size: 12px; padding: 3px 10px; border-radius: 6px; border: 1px solid rgba(127,127,127,.5); background: transparent; color: inherit; cursor: pointer; }
.dismiss:hover { background: rgba(127,127,127,.15); }
a { color: #0b57d0; }
/* Last, so it wins over the light defaults above. */
@media (prefers-color-scheme: dark) { .card { background: #1f2023; color: #ececf1; border-color: #45464d; } a { color: #8ab4f8; } .muted { color: #a9abb3 !important; } .error { color: #ff8a80; } .badge { color: #1d1d1f; } }
`;

export interface CardContent {
  matchedText: string;
  variantText: string;
  variantKind: string;
  /** For a weak name (a word, a short acronym…): what on the page made it count. */
  evidence?: Evidence;
  entries: (EntryDetails | null)[];
  datasetDate: string;
  /** The page's publication day (ISO), when the page gives one. */
  pageDate?: string | null;
}

export interface CardActions {
  onClose: () => void;
  /** "Not this organisation" for the current site; no button where there is no site (the popup's lookup). */
  onDismiss?: (entryId: string, name: string) => Promise<unknown>;
}

export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A link that opens in a new tab; only https links from the bundle, anything else stays text. */
export function externalLink(doc: Document, href: string, text: string): HTMLAnchorElement {
  const a = element(doc, 'a', undefined, text);
  if (/^https:\/\//.test(href)) {
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  return a;
}

/** Appends a label and its value to a definition list; an empty text value adds nothing. */
export function appendRow(dl: HTMLDListElement, label: string, value: Node | string): void {
  if (typeof value === 'string' && !value) return;
  const doc = dl.ownerDocument;
  const dd = element(doc, 'dd');
  dd.append(value);
  dl.append(element(doc, 'dt', undefined, label), dd);
}

/** The Federal Register citations as links. */
export function citationLinks(doc: Document, entry: EntryDetails): HTMLUListElement {
  const ul = element(doc, 'ul');
  for (const c of entry.citations) {
    const li = element(doc, 'li');
    li.append(externalLink(doc, c.url, c.text));
    ul.append(li);
  }
  return ul;
}

/** The card's children: header with Close, how the text matched, up to five listings, the note. */
export function renderCard(doc: Document, content: CardContent, actions: CardActions): HTMLElement[] {
  const close = element(doc, 'button', 'close', '×');
  close.setAttribute('aria-label', t('cardClose'));
  close.addEventListener('click', () => actions.onClose());
  const entries = content.entries.filter((e): e is EntryDetails => e !== null);
  const sections = entries.slice(0, 5).map((entry) => renderEntry(doc, entry, content, actions));
  const matched = element(doc, 'p', 'muted', t('cardMatched', content.matchedText, kindLabel(content.variantKind), content.variantText));
  // A weak name counts only with evidence on the page: the reader sees which.
  if (content.evidence) {
    matched.append(' ', t(content.evidence.kind === 'definition' ? 'cardEvidenceDefinition' : 'cardEvidenceStrongName', content.evidence.text));
  }
  const more = entries.length > 5 ? [element(doc, 'p', 'muted', t('cardMoreListings', String(entries.length - 5)))] : [];
  const note = element(doc, 'p', 'note muted', t('disclaimerCard', content.datasetDate));
  note.append(' ', t('cardDataAge', content.datasetDate, String(ageInDays(content.datasetDate, new Date()))));
  const header = element(doc, 'header');
  header.append(element(doc, 'strong', undefined, 'Listmark'), close);
  return [header, matched, ...sections, ...more, note];
}

/** A sentence of the card, with its citation (if any) as a link. */
function sentence(doc: Document, note: CardNote, className: string): HTMLElement {
  const p = element(doc, 'p', className);
  const at = note.link ? note.text.indexOf(note.link.text) : -1;
  if (!note.link || at < 0) {
    p.textContent = note.text;
    return p;
  }
  p.append(note.text.slice(0, at), externalLink(doc, note.link.url, note.link.text), note.text.slice(at + note.link.text.length));
  return p;
}

function renderEntry(doc: Document, entry: EntryDetails, content: CardContent, actions: CardActions): HTMLElement {
  const section = element(doc, 'section', entry.removed ? 'was-listed' : undefined);
  // A removed entry wears no list colour: the card must not read as a listing.
  const badge = element(doc, 'span', entry.removed ? 'badge removed-badge' : `badge ${entry.list}`, entry.removed ? t('cardRemovedBadge', entry.listName) : entry.listName);
  const title = element(doc, 'h2', undefined, entry.name);
  const meaning = element(doc, 'p', 'muted', entry.listMeaning + ' ');
  meaning.append(externalLink(doc, entry.listUrl, t('cardOfficialList')));
  const dl = element(doc, 'dl');
  const row = (label: string, value: Node | string) => appendRow(dl, label, value);
  if (entry.aliases.length) row(t('cardAliases'), entry.aliases.join('; '));
  row(t('cardCountry'), entry.country);
  if (entry.addresses.length) {
    const ul = element(doc, 'ul');
    for (const a of entry.addresses.slice(0, 6)) ul.append(element(doc, 'li', undefined, a));
    if (entry.addresses.length > 6) ul.append(element(doc, 'li', 'muted', `…${entry.addresses.length - 6} more`));
    row(entry.addresses.length > 1 ? t('cardAddresses') : t('cardAddress'), ul);
  }
  row(t('cardLicenceRequirement'), entry.licenseRequirement);
  row(t('cardLicencePolicy'), entry.licenseReviewPolicy);
  if (entry.citations.length) row(t('cardFederalRegister'), citationLinks(doc, entry));
  row(t('cardFirstListed'), entry.firstListed ?? '');
  row(t('cardNotes'), entry.notes);
  for (const f of entry.footnoteTexts) row(t('cardFootnote', String(f.number)), f.text);
  section.append(badge, title);
  const removal = removedNote(entry);
  if (removal) section.append(sentence(doc, removal, 'removed'));
  const addedOn = entry.removed ? null : recentlyAddedOn(entry.firstListed, new Date());
  if (addedOn) section.append(element(doc, 'p', 'added', t('cardAddedOn', addedOn)));
  const onDismiss = actions.onDismiss;
  if (onDismiss) {
    // Right after the name, so keyboard users reach it second (after Close).
    const dismiss = element(doc, 'button', 'dismiss', t('cardNotThis'));
    dismiss.title = t('cardNotThisTitle');
    const problem = element(doc, 'p', 'error');
    problem.setAttribute('role', 'alert');
    problem.hidden = true;
    dismiss.addEventListener('click', () => {
      dismiss.disabled = true;
      onDismiss(entry.id, entry.name).then(
        () => actions.onClose(),
        // Not stored: the card stays, says why, and the button can be tried again.
        (error: unknown) => {
          problem.textContent = t('errorNotSaved', error instanceof NotSavedError ? error.detail : String(error));
          problem.hidden = false;
          dismiss.disabled = false;
        },
      );
    });
    section.append(dismiss, problem);
  }
  const timeline = listingTimelineNote(content.pageDate, entry.firstListed);
  const affiliates = affiliatesRuleNote(entry.affiliatesRule, content.datasetDate);
  section.append(meaning, ...(timeline ? [sentence(doc, timeline, 'timeline')] : []), ...(affiliates ? [sentence(doc, affiliates, 'affiliates muted')] : []), dl);
  return section;
}
