/** Turning Listmark off and on again restores exactly the same highlights, for any page text. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { ListId } from '../../src/core/list-model';
import type { Painter, PaintedRange } from '../../src/ui/painter';
import { Scanner } from '../../src/content/scanner';
import { realFindNames } from '../unit/real-bundle';

class RecordingPainter implements Painter {
  readonly kind = 'highlight-api';
  readonly ranges = new Set<Range>();
  add(batch: readonly PaintedRange[]) {
    for (const { range } of batch) this.ranges.add(range);
  }
  remove(_list: ListId, range: Range) {
    this.ranges.delete(range);
  }
  clear() {
    this.ranges.clear();
  }
}

const word = fc.constantFrom('Huawei', 'Hikvision', 'SenseTime', 'Sense', 'Time', 'Megvii', 'Technology', 'Co.,', 'Ltd.', 'the', 'said', 'SMIC', 'Beijing', 'and', '—', '’s');
const paragraph = fc.array(word, { minLength: 1, maxLength: 25 }).map((w) => w.join(' '));
const page = fc.array(fc.tuple(paragraph, fc.constantFrom('p', 'div', 'li'), fc.boolean()), { minLength: 1, maxLength: 8 });

/** Where each highlight is, as node index in the body's text nodes plus offsets, and its text. */
function describeRanges(ranges: Iterable<Range>): string[] {
  const texts: Node[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
  return [...ranges].map((r) => `${texts.indexOf(r.startContainer)}:${r.startOffset}-${texts.indexOf(r.endContainer)}:${r.endOffset}=${r.toString()}`).sort();
}

async function scan(painter: RecordingPainter): Promise<Scanner> {
  const scanner = new Scanner(document, { findNames: realFindNames, painter, acceptVariant: () => true });
  scanner.start();
  await scanner.whenIdle();
  return scanner;
}

describe('toggling', () => {
  it('off and on restores exactly the same highlights', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (blocks) => {
        document.body.replaceChildren(
          ...blocks.map(([text, tag, bold]) => {
            const el = document.createElement(tag);
            if (bold) {
              // Split the text across an inline element, as pages do.
              const cut = Math.floor(text.length / 2);
              const b = document.createElement('b');
              b.textContent = text.slice(cut);
              el.append(text.slice(0, cut), b);
            } else el.textContent = text;
            return el;
          }),
        );
        const painter = new RecordingPainter();
        const first = await scan(painter);
        const before = describeRanges(painter.ranges);
        first.stop();
        if (painter.ranges.size !== 0) return false;
        const second = await scan(painter);
        const after = describeRanges(painter.ranges);
        second.stop();
        return JSON.stringify(before) === JSON.stringify(after);
      }),
      { numRuns: 60 },
    );
  });
});
