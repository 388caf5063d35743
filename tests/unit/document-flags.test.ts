/**
 * A document of several texts (a PDF's pages) flagged as one (core/document-flags): a weak name
 * counts with evidence from any page, whichever batch of answers brings it, and settings filter
 * what counts. On the real list.
 */
import { describe, expect, it } from 'vitest';
import { DocumentFlagger, type Flag } from '../../src/core/document-flags';
import { pageEntities } from '../../src/core/page-entities';
import { realFindNames } from './real-bundle';

const pages = ['DJI said on Monday it would appeal.', 'Nothing listed on this page.', 'SZ DJI Technology Co., Ltd. was added in 2020. DJI declined to comment.'];

async function flagInBatches(batches: number[][], accept = () => true): Promise<{ counted: Flag[]; flagger: DocumentFlagger }> {
  const counted: Flag[] = [];
  const flagger = new DocumentFlagger(accept, (flag) => void counted.push(flag));
  for (const batch of batches) {
    const texts = batch.map((i) => pages[i]!);
    flagger.add(batch[0]!, texts, await realFindNames(texts));
  }
  return { counted, flagger };
}

describe('DocumentFlagger', () => {
  it('lights a weak name on page 1 when page 3, answered in a later batch, names it strongly', async () => {
    const { counted, flagger } = await flagInBatches([[0], [1, 2]]);
    expect(counted.map((f) => [f.textIndex, f.text])).toEqual([
      [2, 'SZ DJI Technology Co., Ltd.'],
      [0, 'DJI'],
      [2, 'DJI'],
    ]);
    expect(flagger.evidenceOf(counted[1]!)).toEqual({ kind: 'strong-name', text: 'SZ DJI Technology Co., Ltd.' });
    expect(flagger.evidenceOf(counted[0]!)).toBeUndefined();
    expect(flagger.waitingCount).toBe(0);
  });

  it('keeps a weak name waiting while no page gives evidence', async () => {
    const { counted, flagger } = await flagInBatches([[0], [1]]);
    expect(counted).toEqual([]);
    expect(flagger.waitingCount).toBe(1);
  });

  it('lets nothing count, nor give evidence, that the settings leave out', async () => {
    const { counted } = await flagInBatches([[0, 1, 2]], () => false);
    expect(counted).toEqual([]);
  });

  it('makes the page report: one entity, its texts with counts and sentences', async () => {
    const { counted } = await flagInBatches([[0, 1, 2]]);
    const entities = pageEntities(counted.map((f) => ({ entryId: f.entryIds[0]!, list: f.variants[0]!.list, text: f.text, sentence: pages[f.textIndex]! })));
    expect(entities).toHaveLength(1);
    expect(entities[0]!.count).toBe(3);
    expect(entities[0]!.mentions.map((m) => [m.text, m.count, m.sentences.length])).toEqual([
      ['SZ DJI Technology Co., Ltd.', 1, 1],
      ['DJI', 2, 2],
    ]);
  });
});
