import { describe, expect, it } from 'vitest';
import type { EntryDetails, PageReport } from '../../src/core/protocol';
import { buildExport, csvCell, exportToCsv } from '../../src/core/report-export';
import { sentenceAround } from '../../src/core/sentence';

describe('sentenceAround', () => {
  it.each([
    ['First one. Then Huawei Technologies Co., Ltd. said no. Last.', 'Huawei Technologies Co., Ltd.', 'Then Huawei Technologies Co., Ltd. said no.'],
    ['Line one\nHikvision cameras\nline three', 'Hikvision', 'Hikvision cameras'],
    ['Megvii', 'Megvii', 'Megvii'],
  ])('%s', (text, mention, sentence) => {
    const start = text.indexOf(mention);
    expect(sentenceAround(text, start, start + mention.length)).toBe(sentence);
  });
});

describe('export', () => {
  const report: PageReport = {
    url: 'https://news.example/a?b=1',
    title: '=HYPERLINK("http://evil")',
    active: true,
    entities: [
      { entryId: 'el-1', list: 'entity-list', count: 2, mentions: [{ text: 'Hikvision', count: 2, sentences: ['Hikvision said "no".', '+1 for Hikvision'] }] },
    ],
  };
  const details = [
    { id: 'el-1', name: '<img src=x onerror=alert(1)>', listName: 'Entity List', country: 'China', citations: [{ text: '84 FR 54004, 10/9/19' }] } as unknown as EntryDetails,
  ];

  it('has one row per mention with its sentence, entity, list and citations', () => {
    const exported = buildExport(report, details, '2026-07-23', new Date('2026-11-25T10:00:00Z'));
    expect(exported).toMatchObject({ url: report.url, title: report.title, exportedAt: '2026-11-25T10:00:00.000Z', datasetDate: '2026-07-23' });
    expect(exported.mentions).toHaveLength(2);
    expect(exported.mentions[0]).toEqual({
      text: 'Hikvision',
      sentence: 'Hikvision said "no".',
      entryId: 'el-1',
      listedName: '<img src=x onerror=alert(1)>',
      list: 'Entity List',
      country: 'China',
      citations: ['84 FR 54004, 10/9/19'],
    });
  });

  it('neutralises formula prefixes and quotes in CSV', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const csv = exportToCsv(buildExport(report, details, '2026-07-23', new Date('2026-11-25T10:00:00Z')));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[2]).toContain(`"'+1 for Hikvision"`);
  });
});
