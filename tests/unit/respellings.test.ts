/** How news writes listed names otherwise: respellings and initials (core/variants). */
import { describe, expect, it } from 'vitest';
import { initialism, respellings } from '../../src/core/variants';
import { flagged } from './real-bundle';

describe('respellings', () => {
  it('gives the other number of a generic word and the other spelling of the Atlantic', () => {
    expect(respellings('Yitu Technologies')).toContain('Yitu Technology');
    expect(respellings('National University of Defense Technology')).toContain('National University of Defence Technology');
    expect(respellings('Special Technology Center')).toContain('Special Technology Centre');
  });

  it('puts the country in front as news does', () => {
    const forms = respellings('Ministry of Defence of the Russian Federation');
    expect(forms).toEqual(expect.arrayContaining(['Russian Ministry of Defence', 'Russian Ministry of Defense', 'Russian Defence Ministry', 'Russia’s Defense Ministry']));
    expect(respellings('Ministry of Defence (Burma)')).toContain('Burmese Ministry of Defence');
  });
});

describe('initialism', () => {
  it('takes the initials of three to six capitalised words, legal forms and "the" left out', () => {
    expect(initialism('China Communications Construction Company Ltd.')).toBe('CCCC');
    expect(initialism('The Test Flying Academy of South Africa')).toBe('TFASA');
    expect(initialism('Dahua Technology')).toBeNull();
    expect(initialism('Institute of applied physics')).toBeNull();
  });

  it('counts only where the page names the organisation in full', () => {
    expect(flagged('CCCC said on Monday.')).toEqual([]);
    expect(flagged('China Communications Construction Company Ltd. (CCCC) and CCCC units').map((f) => f.text)).toEqual([
      'China Communications Construction Company Ltd.',
      'CCCC',
      'CCCC',
    ]);
  });
});
