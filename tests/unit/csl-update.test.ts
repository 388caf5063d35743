/**
 * The CSL option and removed entries, on the real 2026-07-23 text and the real CSL sample rows:
 * compiling the CSL's organisations with the eCFR entries in the browser, checking a download,
 * keeping removed entries as records with their names and finding those names muted.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../scripts/lexicon';
import { compileBundle, compileNames, recompileWithCsl } from '../../src/core/compile';
import { PART_744_LISTS, type Entry } from '../../src/core/list-model';
import { Matcher } from '../../src/core/matcher';
import { findNames, findNamesWithRemoved } from '../../src/core/name-finder';
import { parseRemovedRecords, removalCitation, updateRemovedRecords } from '../../src/core/removed';
import { cslEntries, cslJsonRows } from '../../src/core/sources/csl-rows';
import { amendmentsBetween, checkJsonResponse, implausibleChange, UpdateError } from '../../src/core/update-checks';
import { changedXml, NEW_CITATION, NEWER_DATE, REMOVED_NAME, SHIPPED_XML } from '../e2e/official-source';
import { cslSampleJson } from '../fixtures/csl-sample';

const lexicon = loadLexicon();
const shipped = compileBundle({ xml: SHIPPED_XML, sourceName: 'shipped.xml', datasetDate: '2026-07-23', lexicon });
const sampleEntries = (json = cslSampleJson()) => cslEntries(cslJsonRows(json, 'consolidated.json'), 'consolidated.json', [], { organisationsOnly: true, leaveOut: PART_744_LISTS }).entries;

describe('the CSL compiled with the eCFR entries in the browser', () => {
  it('gives back exactly the bundle of the text when recompiled without CSL entries', () => {
    const again = recompileWithCsl(shipped.details, null, lexicon);
    expect(JSON.stringify(again.details)).toBe(JSON.stringify(shipped.details));
    expect(JSON.stringify(again.matcher)).toBe(JSON.stringify(shipped.matcher));
  });

  it('adds the CSL lists, dated by the download, and their names match', () => {
    const withCsl = recompileWithCsl(shipped.details, { entries: sampleEntries(), date: '2026-12-01' }, lexicon);
    expect(withCsl.details.cslDate).toBe('2026-12-01');
    expect(withCsl.details.sources.at(-1)).toBe('Consolidated Screening List (trade.gov consolidated.json of 2026-12-01)');
    const lists = new Set(withCsl.details.entries.map((e) => e.list));
    expect([...lists].sort()).toEqual(['entity-list', 'meu-list', 'nonproliferation-sanctions', 'other-csl', 'unverified-list']);
    // No double entries: the eCFR text's entries are all there, once, and nothing of the Part 744 lists came from the CSL.
    expect(withCsl.details.entries.filter((e) => e.source === 'ecfr')).toEqual(shipped.details.entries);
    expect(withCsl.details.entries.filter((e) => e.source === 'csl' && PART_744_LISTS.includes(e.list))).toEqual([]);
    const matcher = new Matcher(withCsl.matcher);
    const found = findNames(matcher, ['Sinobright Import and Export Company sold parts to TNK Trading International S.A., Hikvision said.']);
    const lists1 = Object.values(found.variants).map((v) => [v.text, v.list]);
    expect(lists1).toEqual(
      expect.arrayContaining([
        ['Sinobright Import and Export Company', 'nonproliferation-sanctions'],
        [expect.stringMatching(/^TNK Trading International/), 'other-csl'],
      ]),
    );
    // ...and turned off again, the text's own bundle comes back.
    expect(JSON.stringify(recompileWithCsl(withCsl.details, null, lexicon).matcher)).toBe(JSON.stringify(shipped.matcher));
  });

  it('compiles an eCFR update and the CSL in one go as in two', () => {
    const csl = { entries: sampleEntries(), date: '2026-12-01' };
    const together = compileBundle({ xml: changedXml(), sourceName: 'changed.xml', datasetDate: NEWER_DATE, lexicon, csl: [{ sourceName: 'trade.gov consolidated.json of 2026-12-01', parse: () => ({ entries: csl.entries, skipped: 0 }) }], cslDate: csl.date });
    const textOnly = compileBundle({ xml: changedXml(), sourceName: 'changed.xml', datasetDate: NEWER_DATE, lexicon });
    expect(JSON.stringify(recompileWithCsl(textOnly.details, csl, lexicon))).toBe(JSON.stringify(together));
  });

  it('checks a CSL download: a web page, a list that lost a third, a change of tens', () => {
    expect(() => checkJsonResponse('text/html; charset=utf-8', '<!DOCTYPE html><html>')).toThrow(UpdateError);
    expect(() => checkJsonResponse('application/json', cslSampleJson())).not.toThrow();
    const entry = (i: number, list: Entry['list']): Entry => ({ ...sampleEntries()[0]!, id: `e${i}`, list, source: 'csl' });
    const before = Array.from({ length: 30 }, (_, i) => entry(i, 'other-csl'));
    expect(implausibleChange(before, before.slice(5), 'csl')).toBeNull();
    expect(implausibleChange(before, before.slice(12), 'csl')).toMatch(/^other-csl: 18 entries where the data in use has 30/);
    // The eCFR check does not count CSL entries, nor the CSL check eCFR ones.
    expect(implausibleChange(before, [], 'ecfr')).toBeNull();
    expect(implausibleChange(shipped.details.entries, [], 'csl')).toBeNull();
  });
});

describe('removed entries', () => {
  const next = compileBundle({ xml: changedXml(), sourceName: 'changed.xml', datasetDate: NEWER_DATE, lexicon });
  const versions = { content_versions: [{ date: '2025-11-12' }, { date: '2026-07-23' }, { date: NEWER_DATE }] };

  it('names the rule that removed an entry only when one amendment brought one new citation', () => {
    expect(amendmentsBetween(versions, '2026-07-23', NEWER_DATE)).toBe(1);
    expect(amendmentsBetween(versions, '2025-10-01', NEWER_DATE)).toBe(3);
    expect(removalCitation(shipped.details.entries, next.details.entries, 'entity-list', 1)?.text).toBe(NEW_CITATION);
    expect(removalCitation(shipped.details.entries, next.details.entries, 'entity-list', 2)).toBeNull();
    // A removal with no new citation on the list (a rule that only removes): the date alone.
    expect(removalCitation(shipped.details.entries, next.details.entries, 'meu-list', 1)).toBeNull();
  });

  it('keeps removed entries whole, drops one listed again, and never calls a source not read anew "removed"', () => {
    const removed = updateRemovedRecords([], shipped.details.entries, next.details.entries, NEWER_DATE, () => null);
    expect(removed.map((r) => [r.name, r.removedOn])).toEqual([[REMOVED_NAME, NEWER_DATE]]);
    expect(removed[0]!.aliases.length + removed[0]!.addresses.length).toBeGreaterThan(0);
    // The next update lists it again (and drops the entry the last one added): Megvii's record goes.
    expect(updateRemovedRecords(removed, next.details.entries, shipped.details.entries, '2027-01-01', () => null).map((r) => r.name)).toEqual(['Zephyrine Quantum Devices Co., Ltd.']);
    expect(parseRemovedRecords(removed)).toEqual(removed);
    expect(parseRemovedRecords([{ id: 'x', name: 'Old record without aliases', removedOn: '2026-01-01' }, 7, null])).toEqual([]);
  });

  it('finds a removed name muted, with the same name rules, and never where a listed name matched', () => {
    const removed = updateRemovedRecords([], shipped.details.entries, next.details.entries, NEWER_DATE, () => null);
    const live = new Matcher(next.matcher);
    const gone = new Matcher(compileNames(removed, lexicon));
    const texts = ['Megvii Technology and Hikvision were named.', 'Face++ maker Megvii said nothing.'];
    const found = findNamesWithRemoved(live, gone, texts);
    const named = found.matches.map((matches, i) => matches.map(([s, e, , v]) => [texts[i]!.slice(s, e), found.variants[v!]!.removed === true]));
    expect(named[0]).toEqual([
      ['Megvii Technology', true],
      ['Hikvision', false],
    ]);
    // A derived short form of the removed entry, as for a listed one (weak or strong as the rules say).
    expect(named[1]).toContainEqual(['Megvii', true]);
    // Where a listed name covers the same words, the removed one is not reported.
    const shippedGone = new Matcher(compileNames(shipped.details.entries.filter((e) => /Hikvision/.test(e.name)), lexicon));
    const overlap = findNamesWithRemoved(live, shippedGone, ['Hikvision was named.']);
    expect(overlap.matches[0]!.map(([, , , v]) => overlap.variants[v!]!.removed)).toEqual([undefined]);
    // Without records, exactly findNames.
    expect(findNamesWithRemoved(live, null, texts)).toEqual(findNames(live, texts));
  });
});
