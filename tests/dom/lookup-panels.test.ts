/**
 * The panels of issue 13 in jsdom: the selection check next to a selection (names strong and
 * weak, lookup hits, Esc, focus) and the popup's search field (results as typed, keyboard, card).
 * The background is the setup's message bus, answering as the real one would for these names.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DetailsCard } from '../../src/ui/details-card';
import { SelectionCheck } from '../../src/content/selection-check';
import type { LookupHit } from '../../src/core/lookup';
import type { FoundNames } from '../../src/core/name-finder';
import type { EntryDetails } from '../../src/core/protocol';
import { setUpLookup } from '../../src/popup/lookup';
import { fakeBrowser } from './setup';

function entry(id: string, name: string): EntryDetails {
  return {
    id, list: 'entity-list', source: 'ecfr', country: 'China', name, aliases: [], addresses: [], licenseRequirement: 'For all items subject to the EAR.',
    licenseReviewPolicy: 'Presumption of denial.', citations: [], firstListed: '2019-10-09', footnotes: [], notes: '',
    listName: 'Entity List', listMeaning: 'Listed.', listUrl: 'https://example.org', footnoteTexts: [],
  };
}

const ENTRIES: Record<string, EntryDetails> = { m: entry('m', 'Megvii Technology'), p: entry('p', 'Positive Technologies'), k: entry('k', 'Kalashnikov Concern') };
const KALASHNIKOV: LookupHit = { entryId: 'k', list: 'entity-list', listedName: 'Kalashnikov Concern', country: 'Russia', matchedName: 'Kalashnikov Concern', matchedKind: 'listed', score: 0.96, reasons: ['transliteration', 'partial'] };

/** The background's answers: "Megvii" strong, "PT" weak, anything with "Kalashnikoff" looked up. */
function answer(message: { listmark: string; args: unknown[] }): unknown {
  switch (message.listmark) {
    case 'findNames': {
      const text = (message.args[0] as string[])[0]!;
      const found: FoundNames = { matches: [[]], definitions: [], variants: {} };
      const add = (name: string, variant: number, entryId: string, weak: boolean) => {
        const start = text.indexOf(name);
        if (start < 0) return;
        found.matches[0]!.push([start, start + name.length, -1, variant]);
        found.variants[variant] = { text: name, kind: 'derived', entryId, list: 'entity-list', weak };
      };
      add('Megvii', 1, 'm', false);
      add('PT', 2, 'p', true);
      return { ok: found };
    }
    case 'lookupNames':
      return { ok: /kalashnikoff/i.test(message.args[0] as string) ? [KALASHNIKOV] : [] };
    case 'getEntries':
      return { ok: (message.args[0] as string[]).map((id) => ENTRIES[id] ?? null) };
    case 'getDataset':
      return { ok: { datasetDate: '2026-07-23', source: 'test', entryCount: 3, lists: [] } };
    default:
      return { error: 'unexpected' };
  }
}

let shadows: ShadowRoot[] = [];
const attach = Element.prototype.attachShadow;
const send = fakeBrowser.runtime.sendMessage;
const rangeRect = Range.prototype.getBoundingClientRect;
const scrollIntoView = Element.prototype.scrollIntoView;

beforeEach(() => {
  shadows = [];
  // Closed shadow roots are out of a page's reach; the test keeps a handle to read them.
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    shadows.push(root);
    return root;
  };
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => answer(message as { listmark: string; args: unknown[] })) as typeof send;
  // jsdom has no layout: a rectangle to place panels by, and scrolling that does nothing.
  Range.prototype.getBoundingClientRect = () => ({ left: 10, bottom: 20, top: 0, right: 50, width: 40, height: 20, x: 10, y: 0, toJSON: () => '' });
  Element.prototype.scrollIntoView = () => {};
});

afterEach(() => {
  Element.prototype.attachShadow = attach;
  fakeBrowser.runtime.sendMessage = send;
  Range.prototype.getBoundingClientRect = rangeRect;
  Element.prototype.scrollIntoView = scrollIntoView;
  document.body.replaceChildren();
});

function select(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  const range = document.createRange();
  range.selectNodeContents(p);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return p;
}

describe('SelectionCheck', () => {
  it('lists strong and weak names apart, each with Details that opens the card in its place', async () => {
    select('Megvii and PT supplied the cameras.');
    const check = new SelectionCheck(document, new DetailsCard(document, async () => {}));
    expect(check.show('')).toBe(true);
    const panel = shadows[0]!;
    await vi.waitFor(() => expect(panel.textContent).toContain('Names on the lists'));
    expect(panel.textContent).toContain('Megvii Technology');
    expect(panel.textContent).toMatch(/could mean a listed organisation.*Positive Technologies/);
    expect(panel.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('Listmark: what the selected text matches');
    panel.querySelector<HTMLButtonElement>('button.details')!.click();
    expect(document.getElementById('listmark-selection-host')).toBeNull();
    await vi.waitFor(() => expect(shadows[1]!.textContent).toContain('Megvii Technology'));
    expect(document.getElementById('listmark-card-host')).not.toBeNull();
  });

  it('looks a name up when it is no listed variant, and says why it matched', async () => {
    select('Kalashnikoff Concern');
    const check = new SelectionCheck(document, new DetailsCard(document, async () => {}));
    check.show('');
    await vi.waitFor(() => expect(shadows[0]!.textContent).toContain('Listed names close to the selection'));
    expect(shadows[0]!.textContent).toContain('another transliteration, part of the name');
    expect(shadows[0]!.textContent).toContain('Kalashnikov Concern');
  });

  it('says when nothing matches, closes with Esc and gives focus back', async () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    select('The weather was fine.');
    const check = new SelectionCheck(document, new DetailsCard(document, async () => {}));
    check.show('');
    await vi.waitFor(() => expect(shadows[0]!.textContent).toContain('Nothing in the selection matches the lists'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.getElementById('listmark-selection-host')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('shows nothing when there is no text to check', () => {
    getSelection()!.removeAllRanges();
    expect(new SelectionCheck(document, new DetailsCard(document, async () => {})).show('  ')).toBe(false);
    expect(document.getElementById('listmark-selection-host')).toBeNull();
  });
});

describe('the popup lookup', () => {
  function popup(): HTMLInputElement {
    const input = Object.assign(document.createElement('input'), { id: 'lookup' });
    const results = Object.assign(document.createElement('ul'), { id: 'lookup-results' });
    const status = Object.assign(document.createElement('p'), { id: 'lookup-status' });
    const card = Object.assign(document.createElement('div'), { id: 'lookup-card', hidden: true });
    document.body.append(input, results, status, card);
    setUpLookup(() => '2026-07-23');
    return input;
  }

  it('lists the entries a typed name finds, opens the card with Enter and closes it with Esc', async () => {
    const input = popup();
    input.value = 'Kalashnikoff';
    input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(document.querySelectorAll('#lookup-results li')).toHaveLength(1));
    const li = document.querySelector('#lookup-results li')!;
    expect(li.textContent).toContain('Kalashnikov Concern');
    expect(li.textContent).toContain('Entity List · Russia · score 96%');
    expect(li.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(li.id);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    const host = document.getElementById('lookup-card')!;
    await vi.waitFor(() => expect(host.hidden).toBe(false));
    expect(host.shadowRoot!.textContent).toContain('Presumption of denial.');
    expect(host.shadowRoot!.textContent).not.toContain('Not this organisation');
    host.shadowRoot!.querySelector('.card')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host.hidden).toBe(true);
    expect(document.activeElement).toBe(input);
  });

  it('says so when nothing matches, and drops an answer a newer keystroke overtook', async () => {
    const input = popup();
    let release: (value: unknown) => void = () => {};
    const held = new Promise<unknown>((resolve) => (release = resolve));
    fakeBrowser.runtime.sendMessage = ((message: unknown) =>
      (message as { args: unknown[] }).args[0] === 'Kalashnikoff' ? held : Promise.resolve(answer(message as { listmark: string; args: unknown[] }))) as typeof send;
    input.value = 'Kalashnikoff';
    input.dispatchEvent(new Event('input'));
    input.value = 'Acme Widgets';
    input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(document.getElementById('lookup-status')!.textContent).toMatch(/No listed name matches/));
    release({ ok: [KALASHNIKOV] });
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelectorAll('#lookup-results li')).toHaveLength(0);
  });
});
