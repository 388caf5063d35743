/** What a reader expects on the seed article (../shared/fixtures/README.md). */
export const SEED_FLAGGED = ['Megvii', 'Yitu', 'Hikvision', 'iFlytek', 'SenseTime', 'Huawei'];
export const SEED_NOT_FLAGGED = ['Alibaba', 'Intel', 'Nvidia', 'Xilinx', 'Informa'];
export const HIKVISION_LISTED_NAME = 'Hangzhou Hikvision Digital Technology Co., Ltd.';
export const HIKVISION_CITATION = '84 FR 54004';

/** Runs in the page: the text of every range in each `listmark-*` highlight. */
export function readHighlights(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  if (!registry) return out;
  for (const [name, highlight] of registry) {
    if (!name.startsWith('listmark-')) continue;
    out[name] = [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }
  return out;
}

/** Runs in the page: the viewport centre of the first highlighted range spelling `text`. */
export function centreOfHighlight(text: string): { x: number; y: number } | null {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  for (const [, highlight] of registry ?? []) {
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() !== text) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}
