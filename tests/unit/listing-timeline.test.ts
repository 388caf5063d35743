/** A page's day against an entry's first listing, and how the card writes days. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, isIsoDay } from '../../src/core/format-date';
import { compareWithListing } from '../../src/core/listing-timeline';

describe('compareWithListing', () => {
  it.each([
    ['2018-05-12', '2019-10-09', 'before'],
    ['2019-10-09', '2019-10-09', 'same-day'],
    ['2019-10-10', '2019-10-09', 'after'],
    ['2024-01-01', '2019-10-09', 'after'],
  ] as const)('a page of %s and a listing of %s: %s', (pageDate, firstListed, relation) => {
    expect(compareWithListing(pageDate, firstListed)).toEqual({ relation, pageDate, firstListed });
  });

  it.each([
    [null, '2019-10-09'],
    [undefined, '2019-10-09'],
    ['2018-05-12', null],
  ])('says nothing when a day is unknown (%s, %s)', (pageDate, firstListed) => {
    expect(compareWithListing(pageDate, firstListed)).toBeNull();
  });

  it('agrees with the order of the days themselves', () => {
    const day = fc.date({ min: new Date('1991-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (page, listed) => {
        const { relation } = compareWithListing(page, listed)!;
        const order = new Date(page).getTime() - new Date(listed).getTime();
        expect(relation).toBe(order < 0 ? 'before' : order === 0 ? 'same-day' : 'after');
      }),
    );
  });
});

describe('formatDay', () => {
  it.each([
    ['2019-10-09', '9 Oct 2019'],
    ['2026-11-09', '9 Nov 2026'],
    ['2026-07-23', '23 Jul 2026'],
    ['2018-09-30', '30 Sep 2018'],
    ['not a day', 'not a day'],
    ['2019-13-01', '2019-13-01'],
  ])('%s → %s', (iso, written) => {
    expect(formatDay(iso)).toBe(written);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-04-31', false],
    ['2026-4-3', false],
  ])('isIsoDay(%s) is %s', (text, valid) => {
    expect(isIsoDay(text)).toBe(valid);
  });
});
