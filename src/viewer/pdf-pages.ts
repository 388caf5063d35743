/**
 * The PDF's pages in the viewer, rendered lazily: every page has a box of its size from the start
 * (so the scroll bar is right), and only pages within two screens of the visible part have a
 * canvas and a text layer; farther ones give theirs back. A long PDF therefore opens as fast as
 * its first page, and memory stays bounded however far one scrolls. Tells the viewer when a
 * page's text layer is in the document (to paint its highlights) and when it goes.
 */
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';

/** How far outside the viewport pages are rendered, so scrolling rarely shows a blank page. */
const RENDER_MARGIN = '200% 0px';
/** Pages are drawn at least this wide on screen, and no wider than the window allows. */
const MAX_PAGE_WIDTH = 1000;

export interface RenderedPage {
  /** The page number, from 1. */
  number: number;
  /** The text layer's span for each text item (pdf.js `TextLayer.textDivs`), in item order. */
  spans: readonly HTMLElement[];
}

export interface PdfPagesEvents {
  onRendered: (page: RenderedPage) => void;
  onReleased: (pageNumber: number) => void;
  onError: (pageNumber: number, error: unknown) => void;
}

interface PageSlot {
  box: HTMLElement;
  rendering: { cancel: () => void } | null;
  rendered: boolean;
}

/** The text items of a text content (marked-content markers have no string). */
export function textItemsOf(content: TextContent): TextItem[] {
  return content.items.filter((item): item is TextItem => 'str' in item);
}

export class PdfPages {
  private readonly slots: PageSlot[] = [];
  private readonly observer: IntersectionObserver;
  private readonly pages = new Map<number, Promise<PDFPageProxy>>();
  private readonly texts = new Map<number, Promise<TextContent>>();
  private scale = 1;

  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly container: HTMLElement,
    private readonly events: PdfPagesEvents,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: RENDER_MARGIN });
  }

  get count(): number {
    return this.doc.numPages;
  }

  /** Lays out a box per page, sized like the first page until a page's own size is known. */
  async layOut(): Promise<void> {
    const first = (await this.page(1)).getViewport({ scale: 1 });
    const available = Math.min(MAX_PAGE_WIDTH, this.container.clientWidth - 32);
    this.scale = Math.max(0.5, available / first.width);
    this.container.style.setProperty('--total-scale-factor', String(this.scale));
    const viewport = first.clone({ scale: this.scale });
    for (let n = 1; n <= this.count; n++) {
      const box = this.container.ownerDocument.createElement('div');
      box.className = 'page';
      box.dataset.page = String(n);
      box.style.width = `${Math.floor(viewport.width)}px`;
      box.style.height = `${Math.floor(viewport.height)}px`;
      this.container.append(box);
      this.slots.push({ box, rendering: null, rendered: false });
      this.observer.observe(box);
    }
  }

  page(n: number): Promise<PDFPageProxy> {
    let page = this.pages.get(n);
    if (!page) this.pages.set(n, (page = this.doc.getPage(n)));
    return page;
  }

  /** The page's text, read once: the viewer matches it and the text layer shows it. */
  textContent(n: number): Promise<TextContent> {
    let text = this.texts.get(n);
    if (!text) this.texts.set(n, (text = this.page(n).then((page) => page.getTextContent())));
    return text;
  }

  /** The box of a page (for scrolling to it). */
  box(n: number): HTMLElement | undefined {
    return this.slots[n - 1]?.box;
  }

  destroy(): void {
    this.observer.disconnect();
    for (const slot of this.slots) slot.rendering?.cancel();
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const n = Number((entry.target as HTMLElement).dataset.page);
      const slot = this.slots[n - 1];
      if (!slot) continue;
      if (entry.isIntersecting && !slot.rendering && !slot.rendered) void this.render(n, slot);
      else if (!entry.isIntersecting && (slot.rendering || slot.rendered)) this.release(n, slot);
    }
  }

  private async render(n: number, slot: PageSlot): Promise<void> {
    let cancelled = false;
    const tasks: { cancel: () => void }[] = [];
    slot.rendering = {
      cancel: () => {
        cancelled = true;
        for (const task of tasks) task.cancel();
      },
    };
    try {
      const page = await this.page(n);
      const viewport = page.getViewport({ scale: this.scale });
      if (cancelled) return;
      this.size(slot.box, viewport);
      const doc = this.container.ownerDocument;
      const canvas = doc.createElement('canvas');
      const ratio = doc.defaultView?.devicePixelRatio ?? 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      const textLayerBox = doc.createElement('div');
      textLayerBox.className = 'textLayer';
      const drawing = page.render({ canvas, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) });
      tasks.push({ cancel: () => drawing.cancel() });
      const textLayer = new TextLayer({ textContentSource: await this.textContent(n), container: textLayerBox, viewport });
      tasks.push({ cancel: () => textLayer.cancel() });
      if (cancelled) return;
      slot.box.replaceChildren(canvas, textLayerBox);
      await textLayer.render();
      if (cancelled) return;
      slot.rendered = true;
      slot.rendering = null;
      this.events.onRendered({ number: n, spans: textLayer.textDivs });
      await drawing.promise.catch((error: unknown) => {
        if (!cancelled) this.events.onError(n, error);
      });
    } catch (error) {
      if (!cancelled) this.events.onError(n, error);
      if (slot.rendering && !cancelled) slot.rendering = null;
    }
  }

  private release(n: number, slot: PageSlot): void {
    slot.rendering?.cancel();
    slot.rendering = null;
    if (slot.rendered) this.events.onReleased(n);
    slot.rendered = false;
    slot.box.replaceChildren();
    void this.pages.get(n)?.then((page) => page.cleanup());
  }

  private size(box: HTMLElement, viewport: PageViewport): void {
    box.style.width = `${Math.floor(viewport.width)}px`;
    box.style.height = `${Math.floor(viewport.height)}px`;
  }
}
