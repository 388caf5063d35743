/**
 * The details card: opens next to a mention, in a closed shadow root so page CSS cannot restyle
 * it and page scripts cannot read it. Every value is set as text, never as HTML (ui/card-view
 * builds it). Esc or a click outside closes it; focus returns to where it was.
 */
import { t } from '../platform/i18n';
import { CARD_STYLE, element, renderCard, type CardContent } from './card-view';
import { OWN_PREFIX } from './dom-text';

export type { CardContent } from './card-view';

const HOST_ID = `${OWN_PREFIX}card-host`;

/** What an anchored panel says while it fills and if filling fails. */
export interface PanelTexts {
  label: string;
  loading: string;
  failed: (error: unknown) => string;
}

/**
 * A dialog next to a range of the page, in a closed shadow root: the details card and the
 * selection check. Esc or a click outside closes it, and focus returns to where it was.
 */
export class AnchoredPanel {
  private host: HTMLElement | null = null;
  private panel: HTMLElement | null = null;
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
    private readonly hostId: string,
    private readonly style: string,
  ) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Shows the panel below the range, then lets `fill` put its content in (it may wait for the background). */
  async open(range: Range, texts: PanelTexts, fill: (panel: HTMLElement, isCurrent: () => boolean) => Promise<void>): Promise<void> {
    this.close();
    this.returnFocus = this.doc.activeElement;
    const host = this.doc.createElement('div');
    host.id = this.hostId;
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = this.style;
    const panel = this.doc.createElement('div');
    panel.className = 'card';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', texts.label);
    panel.tabIndex = -1;
    panel.append(element(this.doc, 'p', 'muted', texts.loading));
    shadow.append(style, panel);
    this.place(panel, range);
    this.doc.documentElement.append(host);
    this.host = host;
    this.panel = panel;
    panel.focus({ preventScroll: true });
    this.doc.addEventListener('keydown', this.onKey, true);
    this.doc.addEventListener('mousedown', this.onOutside, true);
    const isCurrent = () => this.panel === panel;
    try {
      await fill(panel, isCurrent);
    } catch (error) {
      if (isCurrent()) panel.replaceChildren(element(this.doc, 'p', 'muted', texts.failed(error)));
    }
  }

  close(): void {
    if (!this.host) return;
    this.host.remove();
    this.host = null;
    this.panel = null;
    this.doc.removeEventListener('keydown', this.onKey, true);
    this.doc.removeEventListener('mousedown', this.onOutside, true);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  private place(panel: HTMLElement, range: Range): void {
    const rect = range.getBoundingClientRect();
    const win = this.doc.defaultView!;
    const left = Math.max(8, Math.min(rect.left, win.innerWidth - 436));
    panel.style.left = `${left + win.scrollX}px`;
    panel.style.top = `${rect.bottom + win.scrollY + 6}px`;
  }
}

export class DetailsCard {
  private readonly panel: AnchoredPanel;

  constructor(
    private readonly doc: Document,
    /** "Not this organisation": stop flagging this entry on this site; rejects if it was not stored. */
    private readonly onDismiss: (entryId: string, name: string) => Promise<unknown>,
  ) {
    this.panel = new AnchoredPanel(doc, HOST_ID, CARD_STYLE);
  }

  get isOpen(): boolean {
    return this.panel.isOpen;
  }

  /** Shows the card below the range; `content` may resolve later (details come from the background). */
  open(range: Range, content: Promise<CardContent>): Promise<void> {
    const texts = { label: t('cardLabel'), loading: t('cardLoading'), failed: (error: unknown) => t('cardLoadFailed', String(error)) };
    return this.panel.open(range, texts, async (card, isCurrent) => {
      const resolved = await content;
      if (isCurrent()) card.replaceChildren(...renderCard(this.doc, resolved, { onClose: () => this.close(), onDismiss: this.onDismiss }));
    });
  }

  close(): void {
    this.panel.close();
  }
}
