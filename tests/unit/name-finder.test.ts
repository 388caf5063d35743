/** The background's side of matching: batches of texts in, offsets and variant details out. */
import { describe, expect, it } from 'vitest';
import { checkFindNamesRequest, findNames, MAX_CHARS_PER_REQUEST, MAX_TEXTS_PER_REQUEST } from '../../src/core/name-finder';
import { realBundle, realMatcher } from './real-bundle';

describe('findNames', () => {
  it('answers each text with its matches and describes every variant it names', () => {
    const texts = ['Shares of Hikvision and SenseTime fell.', '', 'No listed names here.'];
    const found = findNames(realMatcher(), texts);
    expect(found.matches).toHaveLength(3);
    const names = found.matches[0]!.map(([start, end]) => texts[0]!.slice(start, end));
    expect(names).toEqual(['Hikvision', 'SenseTime']);
    expect(found.matches[1]).toEqual([]);
    expect(found.matches[2]).toEqual([]);
    const hikvision = found.variants[found.matches[0]![0]![3]!]!;
    const entry = realBundle().details.entries.find((e) => e.id === hikvision.entryId)!;
    expect(entry.name).toMatch(/^Hangzhou Hikvision Digital Technology Co\., Ltd\./);
    expect(hikvision).toMatchObject({ text: 'Hikvision', kind: 'alias', list: 'entity-list' });
    // Every variant a match names is described, so the page never has to ask again.
    for (const match of found.matches.flat()) for (const v of match.slice(3)) expect(found.variants[v]).toBeDefined();
  });

  it('refuses requests of the wrong shape or over the limits, with the reason', () => {
    expect(checkFindNamesRequest(['a', 'b'])).toBeNull();
    expect(checkFindNamesRequest('text')).toMatch(/array of up to/);
    expect(checkFindNamesRequest(Array(MAX_TEXTS_PER_REQUEST + 1).fill(''))).toMatch(/array of up to/);
    expect(checkFindNamesRequest(['ok', 7])).toBe('findNames takes texts (strings) only');
    expect(checkFindNamesRequest(['x'.repeat(MAX_CHARS_PER_REQUEST), 'y'])).toMatch(/at most/);
  });
});
