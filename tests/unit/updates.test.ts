/**
 * The pure parts of opt-in updates on the real 2026-07-23 text and edits of it: what changed
 * between two texts, the checks an update passes before use, and the words the UI uses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../scripts/lexicon';
import { compileBundle } from '../../src/core/compile';
import { diffEntries } from '../../src/core/diff';
import { SourceError } from '../../src/core/sources/source-error';
import { parsePart744 } from '../../src/core/sources/ecfr';
import {
  checkXmlResponse,
  implausibleChange,
  latestVersionDate,
  problemOfSourceError,
  UPDATE_PROBLEMS,
  UpdateError,
} from '../../src/core/update-checks';
import { ageInDays, parseCheckRecord, parseDataInUse, parseUpdatePreferences, recentlyAddedOn } from '../../src/core/update-status';
import { checkMessages, cslAgeMessage, dataAgeMessage, isStale, PROBLEM_MESSAGE_KEYS, textAgeMessage } from '../../src/core/update-text';
import { ADDED_NAME, changedXml, NEW_CITATION, NEWER_DATE, REMOVED_NAME, SHIPPED_XML } from '../e2e/official-source';

const lexicon = loadLexicon();
const shipped = compileBundle({ xml: SHIPPED_XML, sourceName: 'shipped.xml', datasetDate: '2026-07-23', lexicon });

describe('what changed', () => {
  it('finds the entry added, the one removed and the one changed in an edited real text, with citations', () => {
    const next = compileBundle({ xml: changedXml(), sourceName: 'changed.xml', datasetDate: NEWER_DATE, lexicon });
    const diff = diffEntries(shipped.details.entries, next.details.entries, { fromDate: '2026-07-23', toDate: NEWER_DATE });
    expect(diff.added.map((e) => e.name)).toEqual([ADDED_NAME]);
    expect(diff.added[0]!.citations.map((c) => c.text)).toEqual([NEW_CITATION]);
    expect(diff.removed.map((e) => e.name)).toEqual([REMOVED_NAME]);
    expect(diff.removed[0]!.citations.length).toBeGreaterThan(0);
    expect(diff.changed.map((e) => [e.name, e.parts, e.citations.map((c) => c.text)])).toEqual([
      ['Hangzhou Hikvision Digital Technology Co., Ltd.', ['citations'], [NEW_CITATION]],
    ]);
    expect(diff).toMatchObject({ fromDate: '2026-07-23', toDate: NEWER_DATE });
  });

  it('finds nothing between a text and itself', () => {
    const diff = diffEntries(shipped.details.entries, shipped.details.entries, { fromDate: 'a', toDate: 'b' });
    expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
  });
});

describe('checks before use', () => {
  it('takes the newest dated version of Part 744 that is not in the future', () => {
    const versions = { content_versions: [{ date: '2025-10-09' }, { date: '2026-11-20' }, { date: '2027-01-01' }, { date: 'soon' }, {}] };
    expect(latestVersionDate(versions, '2026-12-02')).toBe('2026-11-20');
    for (const broken of [null, {}, { content_versions: 'x' }, { content_versions: [{ date: 'x' }] }]) {
      expect(() => latestVersionDate(broken, '2026-12-02')).toThrow(UpdateError);
    }
  });

  it('refuses a web page sent with 200, and anything not labelled XML', () => {
    const problem = (type: string, text: string) => {
      try {
        checkXmlResponse(type, text);
        return null;
      } catch (error) {
        return (error as UpdateError).problem;
      }
    };
    expect(problem('application/xml', SHIPPED_XML.slice(0, 1000))).toBeNull();
    expect(problem('text/xml; charset=utf-8', '<?xml version="1.0"?><DIV5/>')).toBeNull();
    expect(problem('text/html', '<!DOCTYPE html><html></html>')).toBe('not-xml');
    expect(problem('application/xml', '\n  <!doctype HTML><html><body>Maintenance</body></html>')).toBe('not-xml');
    expect(problem('application/json', '{}')).toBe('not-xml');
  });

  it('names a truncated text a parse error and a text without a supplement a missing supplement', () => {
    const problemOf = (xml: string) => {
      try {
        parsePart744(xml, 'update.xml', lexicon);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(SourceError);
        return problemOfSourceError((error as Error).message);
      }
    };
    expect(problemOf(SHIPPED_XML.slice(0, SHIPPED_XML.length / 2))).toBe('parse-error');
    const supplement7 = SHIPPED_XML.indexOf('Supplement No. 7 to Part 744');
    const divStart = SHIPPED_XML.lastIndexOf('<DIV9', supplement7);
    const divEnd = SHIPPED_XML.indexOf('</DIV9>', supplement7) + '</DIV9>'.length;
    expect(divStart).toBeGreaterThan(0);
    expect(problemOf(SHIPPED_XML.slice(0, divStart) + SHIPPED_XML.slice(divEnd))).toBe('missing-supplement');
  });

  it('calls a third of a list gone implausible, and a rule of tens of entries plausible', () => {
    const entries = shipped.details.entries;
    expect(implausibleChange(entries, entries)).toBeNull();
    expect(implausibleChange(entries, entries.slice(40))).toBeNull();
    const entityList = entries.filter((e) => e.list === 'entity-list');
    const withoutAThird = entries.filter((e) => e.list !== 'entity-list').concat(entityList.slice(0, Math.floor(entityList.length * 0.6)));
    expect(implausibleChange(entries, withoutAThird)).toMatch(/^entity-list: /);
    expect(implausibleChange(entries, entries.filter((e) => e.list !== 'meu-list'))).toMatch(/^meu-list: 0 entries/);
  });
});

describe('dates and ages', () => {
  const now = new Date('2026-12-02T15:00:00Z');
  it('counts whole days since the data date, never negative', () => {
    expect(ageInDays('2026-07-23', now)).toBe(132);
    expect(ageInDays('2026-12-02', now)).toBe(0);
    expect(ageInDays('2027-01-01', now)).toBe(0);
  });
  it('says "Added on" for a first listing within the last 90 days only', () => {
    expect(recentlyAddedOn('2026-11-20', now)).toBe('2026-11-20');
    expect(recentlyAddedOn('2026-09-03', now)).toBe('2026-09-03');
    expect(recentlyAddedOn('2026-09-02', now)).toBeNull();
    expect(recentlyAddedOn('2019-10-09', now)).toBeNull();
    expect(recentlyAddedOn('2027-01-01', now)).toBeNull();
    expect(recentlyAddedOn(null, now)).toBeNull();
  });
  it('calls data older than 45 days stale only while updating is off', () => {
    const inUse = { origin: 'bundled' as const, datasetDate: '2026-07-23', since: '' };
    expect(isStale({ preferences: { enabled: false, csl: false }, inUse }, now)).toBe(true);
    expect(isStale({ preferences: { enabled: true, csl: false }, inUse }, now)).toBe(false);
    expect(isStale({ preferences: { enabled: false, csl: false }, inUse: { ...inUse, datasetDate: '2026-10-19' } }, now)).toBe(false);
  });
});

describe('stored values and words', () => {
  const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../_locales/en/messages.json'), 'utf8')) as Record<string, unknown>;
  it('has a message for every reason an update is refused, and for every outcome', () => {
    for (const problem of UPDATE_PROBLEMS) expect(messages[PROBLEM_MESSAGE_KEYS[problem]], problem).toBeDefined();
    const record = { startedAt: '2026-12-01T10:00:00Z', finishedAt: '2026-12-01T10:00:05Z', problem: null, detail: '', latestDate: '2026-11-20' };
    const keys = [
      ...checkMessages(null, false),
      ...checkMessages(null, true),
      ...checkMessages({ ...record, outcome: 'unchanged' }, false),
      ...checkMessages({ ...record, outcome: 'updated' }, false),
      ...checkMessages({ ...record, outcome: 'refused', problem: 'timeout' }, false),
      dataAgeMessage('2026-07-23', 'bundled', new Date()),
      dataAgeMessage('2026-07-23', 'update', new Date()),
      cslAgeMessage('2026-12-01', new Date())!,
    ].map((m) => m.key);
    for (const key of keys) expect(messages[key], key).toBeDefined();
    expect(checkMessages({ ...record, outcome: 'refused', problem: 'timeout' }, false)[1]).toEqual({ key: 'updatesProblemTimeout', substitutions: [''] });
  });
  it('calls the eCFR text bundled when an update brought only the CSL', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const since = '2026-12-01T00:00:00Z';
    expect(textAgeMessage({ inUse: { origin: 'update', datasetDate: '2026-07-23', since }, bundledDate: '2026-07-23' }, now).key).toBe('updatesDataAgeBundled');
    expect(textAgeMessage({ inUse: { origin: 'update', datasetDate: '2026-11-20', since }, bundledDate: '2026-07-23' }, now).key).toBe('updatesDataAgeDownloaded');
    expect(textAgeMessage({ inUse: { origin: 'bundled', datasetDate: '2026-07-23', since }, bundledDate: '2026-07-23' }, now)).toEqual({ key: 'updatesDataAgeBundled', substitutions: ['2026-07-23', '132'] });
    expect(cslAgeMessage(null, now)).toBeNull();
    expect(cslAgeMessage('2026-12-01', now)).toEqual({ key: 'updatesCslInUse', substitutions: ['2026-12-01', '1'] });
  });

  it('reads corrupt or older stored values as defaults', () => {
    expect(parseUpdatePreferences(undefined)).toEqual({ enabled: false, csl: false });
    expect(parseUpdatePreferences({ enabled: 'yes' })).toEqual({ enabled: false, csl: false });
    expect(parseCheckRecord(42)).toBeNull();
    expect(parseCheckRecord({ startedAt: 'x', outcome: 'exploded', problem: 'gremlins' })).toMatchObject({ outcome: null, problem: null, finishedAt: null });
    expect(parseDataInUse({ origin: 'elsewhere', datasetDate: 'x', since: 'y' })).toBeNull();
  });
});
