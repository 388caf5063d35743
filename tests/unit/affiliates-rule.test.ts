/** The Affiliates rule and its stays, read from the real 2026-07-23 text and from small variants of its sections. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { describeAffiliatesRule, type AffiliatesRule } from '../../src/core/affiliates-rule';
import { parseAffiliatesRules } from '../../src/core/sources/ecfr-affiliates-rule';

const SOURCE = resolve(import.meta.dirname, '../../../shared/data/ecfr-title-15-part-744-2026-07-23.xml');

function rulesOf(xml: string): AffiliatesRule[] {
  return parseAffiliatesRules(new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element, 'test.xml');
}

const STAY_NOTE = (section: string, paragraph: string, until = 'Nov. 9, 2026') =>
  `<EFFDNOT><HED>Effective Date Note:</HED><PSPACE>At 90 FR 50857, Nov. 12, 2025, in &#xA7; ${section}, ${paragraph} was stayed, effective until ${until}.</PSPACE></EFFDNOT>`;

/** Sections 744.11 and 744.21 shaped as the eCFR prints them, with the rule's wording cut short. */
function part744({ entityNote = STAY_NOTE('744.11', 'paragraph (a)(1)'), meuNote = '', entityRule = 'owned 50 percent or more by one or more listed entities' } = {}): string {
  return `<?xml version="1.0"?><DIV5 N="744" TYPE="PART">
<DIV8 N="744.11" TYPE="SECTION"><HEAD>&#xA7; 744.11 License requirements …</HEAD>
<P>BIS may impose foreign policy export … license requirements.</P>
<P>(a) <I>License requirement.</I> A license is required, to the extent specified on the Entity List …</P>
<P>(1) <I>Entity List entries extend to other foreign affiliates.</I> The restrictions also apply to any foreign entity that is ${entityRule}.</P>
<P>(2) <I>Entity List foreign-direct product license requirements.</I> …</P>
<P>(b) <I>Criteria for revising the Entity List.</I> …</P>
<CITA TYPE="N">[87 FR 61973, Oct. 13, 2022]</CITA>
${entityNote}
</DIV8>
<DIV8 N="744.21" TYPE="SECTION"><HEAD>&#xA7; 744.21 Restrictions on certain 'military end use' or 'military end user' …</HEAD>
<P>(a) <I>General prohibition.</I> You may not export, reexport, or transfer (in-country):</P>
<P>(1) Any item subject to the EAR listed in supplement no. 2 …</P>
<P>(2) Any item subject to the EAR without a license …</P>
<P>(3) MEU List and Entity List restrictions extend to foreign affiliates of listed entities owned 50 percent or more by one or more listed entities.</P>
<P>(b) <I>Additional prohibition on those informed by BIS.</I> …</P>
${meuNote}
</DIV8>
</DIV5>`;
}

describe('the Affiliates rule in the 2026-07-23 text', () => {
  const rules = rulesOf(readFileSync(SOURCE, 'utf8'));

  it('is § 744.11(a)(1) for the Entity List, stayed by 90 FR 50857 until 9 Nov 2026', () => {
    expect(rules.find((r) => r.list === 'entity-list')).toEqual({
      list: 'entity-list',
      section: '§ 744.11(a)(1)',
      stay: {
        citation: '90 FR 50857',
        url: 'https://www.federalregister.gov/citation/90-FR-50857',
        published: '2025-11-12',
        until: '2026-11-09',
        scope: 'whole',
        note: 'At 90 FR 50857, Nov. 12, 2025, in § 744.11, paragraph (a)(1) was stayed, effective until Nov. 9, 2026.',
      },
    });
  });

  it('is § 744.21(a)(3) for the MEU List, stayed by the same note, which also stays other paragraphs', () => {
    const meu = rules.find((r) => r.list === 'meu-list');
    expect(meu?.section).toBe('§ 744.21(a)(3)');
    expect(meu?.stay).toMatchObject({ citation: '90 FR 50857', published: '2025-11-12', until: '2026-11-09', scope: 'whole' });
  });

  it('is not stated for the Unverified List', () => {
    expect(rules.map((r) => r.list).sort()).toEqual(['entity-list', 'meu-list']);
  });
});

describe('variants of the text', () => {
  it('without a note: the rule with no stay', () => {
    const entity = rulesOf(part744({ entityNote: '' })).find((r) => r.list === 'entity-list');
    expect(entity).toEqual({ list: 'entity-list', section: '§ 744.11(a)(1)', stay: null });
  });

  it('a stay with other dates carries those dates', () => {
    const note = STAY_NOTE('744.11', 'paragraph (a)(1)', 'Sept. 30, 2027').replace('Nov. 12, 2025', 'June 3, 2026').replace('90 FR 50857', '91 FR 1234');
    expect(rulesOf(part744({ entityNote: note }))[0]?.stay).toMatchObject({ citation: '91 FR 1234', published: '2026-06-03', until: '2027-09-30', scope: 'whole' });
  });

  it('of two stays, the newest note speaks', () => {
    const later = STAY_NOTE('744.11', 'paragraph (a)(1)', 'Mar. 1, 2028').replace('Nov. 12, 2025', 'Oct. 1, 2026').replace('50857', '70001');
    expect(rulesOf(part744({ entityNote: later + STAY_NOTE('744.11', 'paragraph (a)(1)') }))[0]?.stay).toMatchObject({ citation: '90 FR 70001', until: '2028-03-01' });
  });

  it('a note nested deeper in the section still counts', () => {
    const nested = `<DIV>${STAY_NOTE('744.11', 'paragraph (a)(1)')}</DIV>`;
    expect(rulesOf(part744({ entityNote: nested }))[0]?.stay).toMatchObject({ citation: '90 FR 50857', until: '2026-11-09' });
  });

  it('a stay with no end date is a stay with no end', () => {
    const note = STAY_NOTE('744.11', 'paragraph (a)(1)').replace(', effective until Nov. 9, 2026', ' indefinitely');
    expect(rulesOf(part744({ entityNote: note }))[0]?.stay).toMatchObject({ until: null, scope: 'whole' });
  });

  it('a note staying only a sentence of the paragraph is a partial stay', () => {
    const note = STAY_NOTE('744.11', 'the second sentence of paragraph (a)(1)');
    expect(rulesOf(part744({ entityNote: note }))[0]?.stay?.scope).toBe('part');
  });

  it('notes about other paragraphs are not stays of the rule', () => {
    const note = STAY_NOTE('744.11', 'paragraph (a)(1)(ii)') + STAY_NOTE('744.11', 'paragraph (a)(2)');
    expect(rulesOf(part744({ entityNote: note }))[0]?.stay).toBeNull();
  });

  it('a paragraph that no longer states the rule: no rule for that list', () => {
    expect(rulesOf(part744({ entityRule: 'listed', entityNote: '' })).map((r) => r.list)).toEqual(['meu-list']);
  });

  it.each([
    ['a missing section', part744().replace('N="744.21"', 'N="744.99"'), /§ 744\.21: missing from the document/],
    ['a section without paragraph (a)', part744().replace('<P>(a) <I>License requirement', '<P>(z) <I>License requirement'), /§ 744\.11: no paragraph \(a\)/],
    ['a stay whose end cannot be read', part744({ entityNote: STAY_NOTE('744.11', 'paragraph (a)(1)', 'Smarch 40, 2026') }), /stays \(a\)\(1\) until a date that cannot be read/],
    ['a stay whose citation cannot be read', part744({ entityNote: STAY_NOTE('744.11', 'paragraph (a)(1)').replace('At 90 FR 50857', 'By a rule') }), /citation cannot be read/],
  ])('fails the build on %s', (_label, xml, message) => {
    expect(() => rulesOf(xml)).toThrow(message);
  });
});

describe('what the card says, as of the data’s date', () => {
  const rule: AffiliatesRule = {
    list: 'entity-list',
    section: '§ 744.11(a)(1)',
    stay: { citation: '90 FR 50857', url: 'https://www.federalregister.gov/citation/90-FR-50857', published: '2025-11-12', until: '2026-11-09', scope: 'whole', note: '' },
  };

  it.each([
    ['stayed on the data’s date', rule, '2026-07-23', 'stayed'],
    ['stayed on the stay’s last day', rule, '2026-11-09', 'stayed'],
    ['a text dated after the stay ran out', rule, '2026-12-01', 'stay-ended'],
    ['no stay', { ...rule, stay: null }, '2026-07-23', 'applies'],
    ['a partial stay', { ...rule, stay: { ...rule.stay!, scope: 'part' as const } }, '2026-07-23', 'partly-stayed'],
    ['a stay with no end', { ...rule, stay: { ...rule.stay!, until: null } }, '2030-01-01', 'stayed'],
  ])('%s', (_label, given, dataDate, kind) => {
    expect(describeAffiliatesRule(given, dataDate)).toMatchObject({ kind, section: '§ 744.11(a)(1)', dataDate });
  });
});
