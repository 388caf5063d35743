import { describe, expect, it } from 'vitest';
import { earliestDate, parseCitations } from '../../src/core/citations';

describe('parseCitations', () => {
  it.each([
    ['84 FR 54004, 10/9/19.', [{ volume: 84, page: 54004, date: '2019-10-09', text: '84 FR 54004, 10/9/19' }]],
    ['63 FR 64322, 11/19/98. 66 FR 50090 10/1/01.', [
      { volume: 63, page: 64322, date: '1998-11-19', text: '63 FR 64322, 11/19/98' },
      { volume: 66, page: 50090, date: '2001-10-01', text: '66 FR 50090 10/1/01' },
    ]],
    ['85 FR 64017, October 9, 2020.', [{ volume: 85, page: 64017, date: '2020-10-09', text: '85 FR 64017, October 9, 2020' }]],
    ['88 FR FR 12158, 2/27/23.', [{ volume: 88, page: 12158, date: '2023-02-27', text: '88 FR 12158, 2/27/23' }]],
    ['86 FR 67319. 11/26/21.', [{ volume: 86, page: 67319, date: '2021-11-26', text: '86 FR 67319. 11/26/21' }]],
    ['85 FR 83799, 12/23/2020 .', [{ volume: 85, page: 83799, date: '2020-12-23', text: '85 FR 83799, 12/23/2020' }]],
    ['[Reserved]', []],
  ])('%s', (cell, expected) => {
    const parsed = parseCitations(cell);
    expect(parsed.map(({ volume, page, date, text }) => ({ volume, page, date, text }))).toEqual(expected);
    for (const c of parsed) expect(c.url).toBe(`https://www.federalregister.gov/citation/${c.volume}-FR-${c.page}`);
  });

  it('takes the earliest date as first listed, whatever the order', () => {
    expect(earliestDate(parseCitations('85 FR 1, 6/5/20. 84 FR 2, 10/9/19. 87 FR 3, 1/1/22.'))).toBe('2019-10-09');
    expect(earliestDate([])).toBeNull();
  });
});
