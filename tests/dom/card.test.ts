/** The details card renders list data as text only: hostile entry data cannot inject markup or script. */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOMParser as XmlParser, type Element as XmlElement } from '@xmldom/xmldom';
import { DetailsCard, type CardContent } from '../../src/ui/details-card';
import { parseAffiliatesRules } from '../../src/core/sources/ecfr-affiliates-rule';
import type { EntryDetails } from '../../src/core/protocol';
import { NotSavedError } from '../../src/platform/storage';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function hostileEntry(): EntryDetails {
  return {
    id: 'el-0000000001',
    list: 'entity-list',
    source: 'ecfr',
    country: `China ${HOSTILE}`,
    name: `Evil ${HOSTILE} Co., Ltd.`,
    aliases: [HOSTILE],
    addresses: [`<script>window.__pwned=2</script> Road`],
    licenseRequirement: HOSTILE,
    licenseReviewPolicy: HOSTILE,
    citations: [{ volume: 84, page: 1, date: '2019-10-09', text: '84 FR 1, 10/9/19', url: 'javascript:alert(1)' }],
    firstListed: '2019-10-09',
    footnotes: [],
    notes: HOSTILE,
    listName: 'Entity List',
    listMeaning: HOSTILE,
    listUrl: 'javascript:alert(2)',
    footnoteTexts: [{ list: 'entity-list', number: 1, text: HOSTILE }],
  };
}

/** Opens the card on a mention of "Evil Co" and returns its closed shadow root (which a page could not reach). */
async function openOnPage(card: DetailsCard, content: CardContent): Promise<ShadowRoot> {
  const p = document.createElement('p');
  p.textContent = 'Evil Co';
  document.body.append(p);
  const range = document.createRange();
  range.selectNodeContents(p);
  // jsdom has no layout: give the range a rectangle to place the card by.
  range.getBoundingClientRect = () => ({ left: 10, bottom: 20, top: 0, right: 50, width: 40, height: 20, x: 10, y: 0, toJSON: () => '' });
  const attach = Element.prototype.attachShadow;
  let shadow: ShadowRoot | null = null;
  Element.prototype.attachShadow = function (init) {
    shadow = attach.call(this, init);
    return shadow;
  };
  try {
    await card.open(range, Promise.resolve(content));
  } finally {
    Element.prototype.attachShadow = attach;
  }
  return shadow as unknown as ShadowRoot;
}

describe('DetailsCard', () => {
  it('says which evidence on the page made a weak name count, and says nothing of it for a strong one', async () => {
    const card = new DetailsCard(document, async () => {});
    const weak = await openOnPage(card, {
      matchedText: 'Evil',
      variantText: 'Evil',
      variantKind: 'derived',
      evidence: { kind: 'strong-name', text: 'Evil Co., Ltd.' },
      entries: [hostileEntry()],
      datasetDate: '2026-07-23',
    });
    expect(weak.textContent).toMatch(/could mean something else.*“Evil Co\., Ltd\.”/);
    card.close();
    const defined = await openOnPage(card, { matchedText: 'EC', variantText: 'EC', variantKind: 'acronym', evidence: { kind: 'definition', text: 'Evil Co' }, entries: [hostileEntry()], datasetDate: '2026-07-23' });
    expect(defined.textContent).toMatch(/the text defines it as “Evil Co”/);
    card.close();
    const strong = await openOnPage(card, { matchedText: 'Evil Co', variantText: 'Evil Co', variantKind: 'listed', entries: [hostileEntry()], datasetDate: '2026-07-23' });
    expect(strong.textContent).not.toMatch(/could mean something else/);
    card.close();
  });

  it('shows hostile strings as text, and no javascript: link', async () => {
    const dismissed: string[] = [];
    const card = new DetailsCard(document, async (id) => void dismissed.push(id));
    const root = await openOnPage(card, { matchedText: HOSTILE, variantText: HOSTILE, variantKind: 'alias', entries: [hostileEntry()], datasetDate: '2026-07-23' });
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(root.textContent).toContain(HOSTILE);
    expect(root.textContent).toContain('Evil <img');
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^javascript:/);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(root.textContent).toContain('not a legal determination');

    // "Not this organisation" reports the entry and, once it is stored, closes the card.
    const dismiss = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Not this organisation')!;
    dismiss.click();
    expect(dismissed).toEqual(['el-0000000001']);
    await vi.waitFor(() => expect(document.getElementById('listmark-card-host')).toBeNull());
  });

  it('keeps the card open and says why when a dismissal could not be stored', async () => {
    let attempts = 0;
    const card = new DetailsCard(document, () => {
      attempts++;
      return Promise.reject(new NotSavedError('refused', 'QUOTA_BYTES quota exceeded'));
    });
    const root = await openOnPage(card, { matchedText: 'Evil Co', variantText: 'Evil Co', variantKind: 'listed', entries: [hostileEntry()], datasetDate: '2026-07-23' });
    const dismiss = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Not this organisation')!;
    dismiss.click();
    expect(dismiss.disabled).toBe(true); // no second click while the first is being stored
    const alert = root.querySelector<HTMLElement>('[role="alert"]')!;
    await vi.waitFor(() => expect(alert.hidden).toBe(false));
    expect(alert.textContent).toBe('Not saved: the browser refused to store the change (QUOTA_BYTES quota exceeded).');
    expect(document.getElementById('listmark-card-host')).not.toBeNull();
    expect(dismiss.disabled).toBe(false);
    dismiss.click();
    expect(attempts).toBe(2);
    card.close();
  });
});

describe('DetailsCard on time', () => {
  const xml = readFileSync(resolve(import.meta.dirname, '../../../shared/data/ecfr-title-15-part-744-2026-07-23.xml'), 'utf8');
  const rulesOf = (text: string) => parseAffiliatesRules(new XmlParser().parseFromString(text, 'text/xml').documentElement as unknown as XmlElement, 'test.xml');
  const entityRule = (text: string) => rulesOf(text).find((r) => r.list === 'entity-list')!;
  const open = (entry: EntryDetails, more: Partial<CardContent> = {}) =>
    openOnPage(new DetailsCard(document, async () => {}), { matchedText: 'Evil Co', variantText: 'Evil Co', variantKind: 'listed', entries: [entry], datasetDate: '2026-07-23', ...more });

  it('compares the page’s day with the first listing, before and after', async () => {
    const before = await open(hostileEntry(), { pageDate: '2018-05-12' });
    expect(before.textContent).toContain('This article is dated 12 May 2018, before this organisation was listed (9 Oct 2019).');
    const after = await open(hostileEntry(), { pageDate: '2021-03-01' });
    expect(after.textContent).toContain('This article is dated 1 Mar 2021, after this organisation was first listed (9 Oct 2019).');
  });

  it('says nothing of the page’s day where the page gives none', async () => {
    const root = await open(hostileEntry(), { pageDate: null });
    expect(root.textContent).not.toContain('This article is dated');
  });

  it('states the Affiliates rule and its stay as the 2026-07-23 text has them, with the citation linked', async () => {
    const root = await open({ ...hostileEntry(), affiliatesRule: entityRule(xml) });
    expect(root.textContent).toContain(
      'According to the list text of 23 Jul 2026, the rule that organisations 50% or more owned by listed parties are restricted too (§ 744.11(a)(1)) is stayed until 9 Nov 2026 (90 FR 50857).',
    );
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === '90 FR 50857');
    expect(link?.getAttribute('href')).toBe('https://www.federalregister.gov/citation/90-FR-50857');
  });

  it('states the rule without a stay for a text without the note, and nothing for a list without the rule', async () => {
    const withoutNote = xml.replace(/<EFFDNOT>\s*<HED>Effective Date Note:<\/HED><PSPACE>At 90 FR 50857, Nov\. 12, 2025, in &#xA7; 744\.11,[^<]*<\/PSPACE><\/EFFDNOT>/, '');
    expect(withoutNote).not.toBe(xml);
    const root = await open({ ...hostileEntry(), affiliatesRule: entityRule(withoutNote) });
    expect(root.textContent).toContain('According to the list text of 23 Jul 2026, organisations 50% or more owned by listed parties are restricted too (§ 744.11(a)(1)).');
    expect(root.textContent).not.toContain('stayed');
    const unverified = await open({ ...hostileEntry(), list: 'unverified-list' });
    expect(unverified.textContent).not.toContain('50% or more');
  });

  it('says when and by which rule a removed entry left its list, in a grey badge, and no "Added on"', async () => {
    const card = new DetailsCard(document, async () => {});
    const citation = { volume: 91, page: 71234, date: '2026-11-20', text: '91 FR 71234, 11/20/26', url: 'https://www.federalregister.gov/citation/91-FR-71234' };
    const recent = { ...hostileEntry(), name: 'Megvii Technology', firstListed: new Date().toISOString().slice(0, 10) };
    const byRule = await openOnPage(card, { matchedText: 'Megvii', variantText: 'Megvii', variantKind: 'derived', entries: [{ ...recent, removed: { on: '2026-11-22', by: citation } }], datasetDate: '2026-11-22' });
    expect(byRule.textContent).toContain('Removed from the Entity List on 2026-11-22 (91 FR 71234, 11/20/26)');
    expect(byRule.querySelector('.badge')?.textContent).toBe('No longer on the Entity List');
    expect(byRule.querySelector('.badge')?.classList.contains('entity-list')).toBe(false);
    expect([...byRule.querySelectorAll('a')].some((a) => a.textContent === citation.text && a.getAttribute('href') === citation.url)).toBe(true);
    expect(byRule.textContent).not.toContain('Added on');
    card.close();
    const noRule = await openOnPage(card, { matchedText: 'Megvii', variantText: 'Megvii', variantKind: 'derived', entries: [{ ...recent, removed: { on: '2026-11-22', by: null } }], datasetDate: '2026-11-22' });
    expect(noRule.textContent).toContain('Removed from the Entity List on 2026-11-22 (the official text of that day no longer lists it; the rule that removed it is not named there)');
    card.close();
    const listed = await openOnPage(card, { matchedText: 'Megvii', variantText: 'Megvii', variantKind: 'derived', entries: [recent], datasetDate: '2026-11-22' });
    expect(listed.textContent).not.toContain('Removed from');
    expect(listed.textContent).toContain('Added on');
    card.close();
  });
});
