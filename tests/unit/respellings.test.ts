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

describe('respellings of punctuation', () => {
  it('writes "&" for "and" and the reverse, and dotted initials run together', () => {
    expect(respellings('Yixin Science and Technology Co. Ltd.')).toContain('Yixin Science & Technology Co. Ltd.');
    expect(respellings('Research & Production Enterprise')).toContain('Research and Production Enterprise');
    expect(respellings('V.A. Trapeznikov Institute of Control Sciences')).toContain('VA Trapeznikov Institute of Control Sciences');
  });
});

describe('short forms of names listed with a parent, a place or a dedication', () => {
  it.each([
    // [text as news writes it, listed name]
    ['AA Kharkevich Institute for Information Transmission Problems', 'A.A. Kharkevich Institute for Information Transmission Problems (IITP), Russian Academy of Sciences (RAS)'],
    ['V.A. Trapeznikov Institute of Control Sciences', 'V.A. Trapeznikov Institute of Control Sciences of Russian Academy of Sciences'],
    ['Zhejiang Dahua Technology', 'Dahua Technology'],
    ['Beijing Megvii Technology', 'Megvii Technology'],
    ['Vityaz Machine Building Company', 'Joint Stock Company Machine Building Company Vityaz'],
    ['Radiosvyaz Scientific Technical Institute', 'Joint Stock Company Scientific Technical Institute Radiosvyaz'],
    ['Arzamas Instrument-Making Plant', 'Joint Stock Company Arzamas Instrument-Making Plant named after P.I. Plandin'],
    ['Yixin Science & Technology', 'Yixin Science and Technology Co. Ltd.'],
    ['Tactical Missiles Corporation', 'Tactical Missiles Corporation JSC'],
    ['Ratep', 'Joint Stock Company Ratep'],
    ['NSCC-GZ', 'National Supercomputing Center Guangzhou (NSCC-GZ), Sun Yat-Sen University'],
    ['Burmese Ministry of Home Affairs', 'Ministry of Home Affairs'],
    ['Burmese Ministry of Defense', 'Ministry of Defence'],
  ])('finds "%s" for %s', (text, listedName) => {
    expect(flagged(`Officials said ${text} was added.`)).toEqual([expect.objectContaining({ text, listedName })]);
  });

  it('does not take what is left without a parent for a name when it could be anyone\'s', () => {
    expect(flagged('Papers from the Institute of Physics of the University of London.')).toEqual([]);
    expect(flagged('They study at the Institute of Physics.')).toEqual([]);
  });

  it('leaves the acronym of the parent a name ends with to the parent', () => {
    expect(flagged('The RAS said, citing A.A. Kharkevich Institute for Information Transmission Problems.').map((f) => f.text)).toEqual([
      'A.A. Kharkevich Institute for Information Transmission Problems',
    ]);
  });
});
