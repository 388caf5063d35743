/**
 * The details card: opens next to a mention, in a closed shadow root so page CSS cannot restyle
 * it and page scripts cannot read it. Every value is set as text, never as HTML. Esc or a click
 * outside closes it; focus returns to where it was.
 */
import type { Evidence } from '../core/evidence';
import type { EntryDetails } from '../core/protocol';
import { ageInDays, recentlyAddedOn } from '../core/update-status';
import { t } from '../platform/i18n';
import { NotSavedError } from '../platform/storage';
import { affiliatesRuleNote, listingTimelineNote, type CardNote } from './card-notes';
import { OWN_PREFIX } from './text-segments';

const HOST_ID = `${OWN_PREFIX}card-host`;

const KIND_MESSAGE: Record<string, string> = {
  listed: 'kindListed',
  alias: 'kindAlias',
  acronym: 'kindAcronym',
  derived: 'kindDerived',
  respelled: 'kindRespelled',
};

const STYLE = `
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

export class DetailsCard {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
    }
  };
  private readonly onOutside = (event: MouseEvent) => {
    if (this.host && !event.composedPath().includes(this.host)) this.close();
  };

  constructor(
    private readonly doc: Document,
    /** "Not this organisation": stop flagging this entry on this site; rejects if it was not stored. */
    private readonly onDismiss: (entryId: string, name: string) => Promise<unknown>,
  ) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Shows the card below the range; `content` may resolve later (details come from the background). */
  async open(range: Range, content: Promise<CardContent>): Promise<void> {
    this.close();
    this.returnFocus = this.doc.activeElement;
    const host = this.doc.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    const card = this.doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', t('cardLabel'));
    card.tabIndex = -1;
    card.append(this.el('p', 'muted', t('cardLoading')));
    shadow.append(style, card);
    this.place(card, range);
    this.doc.documentElement.append(host);
    this.host = host;
    this.card = card;
    card.focus({ preventScroll: true });
    this.doc.addEventListener('keydown', this.onKey, true);
    this.doc.addEventListener('mousedown', this.onOutside, true);
    try {
      const resolved = await content;
      if (this.card === card) this.render(card, resolved);
    } catch (error) {
      if (this.card === card) card.replaceChildren(this.el('p', 'muted', t('cardLoadFailed', String(error))));
    }
  }

  close(): void {
    if (!this.host) return;
    this.host.remove();
    this.host = null;
    this.card = null;
    this.doc.removeEventListener('keydown', this.onKey, true);
    this.doc.removeEventListener('mousedown', this.onOutside, true);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  private place(card: HTMLElement, range: Range): void {
    const rect = range.getBoundingClientRect();
    const win = this.doc.defaultView!;
    const left = Math.max(8, Math.min(rect.left, win.innerWidth - 436));
    card.style.left = `${left + win.scrollX}px`;
    card.style.top = `${rect.bottom + win.scrollY + 6}px`;
  }

  private el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
    const el = this.doc.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  private link(href: string, text: string): HTMLAnchorElement {
    const a = this.el('a', undefined, text);
    // Only https links from the bundle; anything else is shown as text.
    if (/^https:\/\//.test(href)) {
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    return a;
  }

  private render(card: HTMLElement, content: CardContent): void {
    const close = this.el('button', 'close', '×');
    close.setAttribute('aria-label', t('cardClose'));
    close.addEventListener('click', () => this.close());
    const entries = content.entries.filter((e): e is EntryDetails => e !== null);
    const sections = entries.slice(0, 5).map((entry) => this.renderEntry(entry, content));
    const how = t(KIND_MESSAGE[content.variantKind] ?? 'kindListed');
    const matched = this.el('p', 'muted', t('cardMatched', content.matchedText, how, content.variantText));
    // A weak name counts only with evidence on the page: the reader sees which.
    if (content.evidence) {
      matched.append(' ', t(content.evidence.kind === 'definition' ? 'cardEvidenceDefinition' : 'cardEvidenceStrongName', content.evidence.text));
    }
    const more = entries.length > 5 ? [this.el('p', 'muted', t('cardMoreListings', String(entries.length - 5)))] : [];
    const note = this.el('p', 'note muted', t('disclaimerCard', content.datasetDate));
    note.append(' ', t('cardDataAge', content.datasetDate, String(ageInDays(content.datasetDate, new Date()))));
    const header = this.el('header');
    header.append(this.el('strong', undefined, 'Listmark'), close);
    card.replaceChildren(header, matched, ...sections, ...more, note);
  }

  /** A sentence of the card, with its citation (if any) as a link. */
  private sentence(note: CardNote, className: string): HTMLElement {
    const p = this.el('p', className);
    const at = note.link ? note.text.indexOf(note.link.text) : -1;
    if (!note.link || at < 0) {
      p.textContent = note.text;
      return p;
    }
    p.append(note.text.slice(0, at), this.link(note.link.url, note.link.text), note.text.slice(at + note.link.text.length));
    return p;
  }

  private renderEntry(entry: EntryDetails, content: CardContent): HTMLElement {
    const section = this.el('section');
    const badge = this.el('span', `badge ${entry.list}`, entry.listName);
    const title = this.el('h2', undefined, entry.name);
    const meaning = this.el('p', 'muted', entry.listMeaning + ' ');
    meaning.append(this.link(entry.listUrl, t('cardOfficialList')));
    const dl = this.el('dl');
    const row = (label: string, value: Node | string) => {
      if (typeof value === 'string' && !value) return;
      const dd = this.el('dd');
      dd.append(value);
      dl.append(this.el('dt', undefined, label), dd);
    };
    if (entry.aliases.length) row(t('cardAliases'), entry.aliases.join('; '));
    row(t('cardCountry'), entry.country);
    if (entry.addresses.length) {
      const ul = this.el('ul');
      for (const a of entry.addresses.slice(0, 6)) ul.append(this.el('li', undefined, a));
      if (entry.addresses.length > 6) ul.append(this.el('li', 'muted', `…${entry.addresses.length - 6} more`));
      row(entry.addresses.length > 1 ? t('cardAddresses') : t('cardAddress'), ul);
    }
    row(t('cardLicenceRequirement'), entry.licenseRequirement);
    row(t('cardLicencePolicy'), entry.licenseReviewPolicy);
    if (entry.citations.length) {
      const ul = this.el('ul');
      for (const c of entry.citations) {
        const li = this.el('li');
        li.append(this.link(c.url, c.text));
        ul.append(li);
      }
      row(t('cardFederalRegister'), ul);
    }
    row(t('cardFirstListed'), entry.firstListed ?? '');
    row(t('cardNotes'), entry.notes);
    for (const f of entry.footnoteTexts) row(t('cardFootnote', String(f.number)), f.text);
    // Right after the name, so keyboard users reach it second (after Close).
    const dismiss = this.el('button', 'dismiss', t('cardNotThis'));
    dismiss.title = t('cardNotThisTitle');
    const problem = this.el('p', 'error');
    problem.setAttribute('role', 'alert');
    problem.hidden = true;
    dismiss.addEventListener('click', () => {
      dismiss.disabled = true;
      this.onDismiss(entry.id, entry.name).then(
        () => this.close(),
        // Not stored: the card stays, says why, and the button can be tried again.
        (error: unknown) => {
          problem.textContent = t('errorNotSaved', error instanceof NotSavedError ? error.detail : String(error));
          problem.hidden = false;
          dismiss.disabled = false;
        },
      );
    });
    const addedOn = recentlyAddedOn(entry.firstListed, new Date());
    const added = addedOn ? [this.el('p', 'added', t('cardAddedOn', addedOn))] : [];
    const timeline = listingTimelineNote(content.pageDate, entry.firstListed);
    const affiliates = affiliatesRuleNote(entry.affiliatesRule, content.datasetDate);
    const notes = [...(timeline ? [this.sentence(timeline, 'timeline')] : []), ...(affiliates ? [this.sentence(affiliates, 'affiliates muted')] : [])];
    section.append(badge, title, ...added, dismiss, problem, meaning, ...notes, dl);
    return section;
  }
}
