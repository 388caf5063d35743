/** The evidence rule (core/evidence) and where the background finds definitions (core/name-finder). */
import { describe, expect, it } from 'vitest';
import { EvidenceLedger, type FoundName } from '../../src/core/evidence';

/** What counts at once when a mention is recorded. */
function record(ledger: EvidenceLedger<string>, mention: string, found: FoundName): string[] {
  const counted: string[] = [];
  ledger.add(mention, found, (m) => counted.push(m));
  return counted;
}
import { documentFlags } from '../../scripts/document-flags';
import { Matcher } from '../../src/core/matcher';
import { realBundle } from './real-bundle';

describe('EvidenceLedger', () => {
  it('lets a strong name count at once and a weak one only once the same entry is named strongly, before or after', () => {
    const ledger = new EvidenceLedger<string>();
    expect(record(ledger, 'weak-1', { entryIds: ['a'], weak: true, text: 'Era' })).toEqual([]);
    expect(record(ledger, 'weak-2', { entryIds: ['b'], weak: true, text: 'Toga' })).toEqual([]);
    expect(record(ledger, 'strong-a', { entryIds: ['a'], weak: false, text: 'Technopolis Era' })).toEqual(['strong-a', 'weak-1']);
    expect(record(ledger, 'weak-3', { entryIds: ['a'], weak: true, text: 'Era' })).toEqual(['weak-3']);
    expect(ledger.evidenceFor(['a'])).toEqual({ kind: 'strong-name', text: 'Technopolis Era' });
    expect(ledger.waitingCount).toBe(1);
  });

  it('takes a definition in the text as evidence, and forgets a waiting mention whose text went away', () => {
    const ledger = new EvidenceLedger<string>();
    expect(record(ledger, 'w', { entryIds: ['a'], weak: true, text: 'PT' })).toEqual([]);
    ledger.forget('w');
    expect(record(ledger, 'd', { entryIds: ['a'], weak: true, text: 'PT', definedAs: 'Positive Technologies' })).toEqual(['d']);
    expect(ledger.evidenceFor(['a'])).toEqual({ kind: 'definition', text: 'Positive Technologies' });
  });
});

describe('weak names in a document (the real list)', () => {
  const matcher = () => new Matcher(JSON.parse(JSON.stringify(realBundle().matcher)));
  const texts = (doc: string[]) => documentFlags(matcher(), doc).map((f) => f.text);

  it('does not flag everyday tokens that are aliases of listed entries', () => {
    expect(texts(['The update landed at 9:10am PST and 4:00 AM CST.', 'Arsenal won at home.', 'A Prius parked outside.'])).toEqual([]);
    // A one-word short form right after a first name is that person's surname.
    expect(texts(['By Mike Cason, staff writer.'])).toEqual([]);
  });

  it('flags a weak name when the page names the same organisation with a strong name, before or after', () => {
    const weak = texts(['DJI said on Monday it would appeal.']);
    expect(weak).toEqual([]);
    expect(texts(['DJI said on Monday it would appeal.', 'SZ DJI Technology Co., Ltd. was added in 2020.'])).toEqual(['DJI', 'SZ DJI Technology Co., Ltd.']);
  });

  it('takes a short acronym the text calls a kind of organisation for a definition, backing its other mentions', () => {
    const flags = documentFlags(matcher(), ['The department added Chinese drone maker DJI to the list.', 'DJI said it would appeal.']);
    expect(flags.map((f) => [f.text, f.evidence])).toEqual([
      ['DJI', { kind: 'definition', text: 'drone maker DJI' }],
      ['DJI', { kind: 'definition', text: 'drone maker DJI' }],
    ]);
    // A bare noun before it is no description ("company CST copy" is a form's field), nor is a determiner.
    expect(texts(['Documents: 2, company CST copy 3, IEC copy.'])).toEqual([]);
    expect(texts(['Shares of the company DJI rose.'])).toEqual([]);
    expect(texts(['calculated and marketed by DJI Opco, a subsidiary of S&P Dow Jones Indices'])).toEqual([]);
  });
});
