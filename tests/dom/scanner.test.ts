/** Text model and scanner on fixture DOM in jsdom, with a recording painter and the real matcher. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightGroup, Painter, PaintedRange } from '../../src/ui/painter';
import { MarkPainter } from '../../src/ui/painter';
import { Scanner, type ScannerOptions } from '../../src/content/scanner';
import { segmentText, textSegments } from '../../src/content/text-segments';
import { checkFindNamesRequest } from '../../src/core/name-finder';
import { realFindNames } from '../unit/real-bundle';

class RecordingPainter implements Painter {
  readonly kind = 'highlight-api';
  readonly ranges = new Map<Range, HighlightGroup>();
  add(batch: readonly PaintedRange[]) {
    for (const { list, range } of batch) this.ranges.set(range, list);
  }
  remove(_list: HighlightGroup, range: Range) {
    this.ranges.delete(range);
  }
  clear() {
    this.ranges.clear();
  }
  texts() {
    return [...this.ranges.keys()].map((r) => r.toString());
  }
}

function page(html: string): Document {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return document;
}

const running: Scanner[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.stop();
});

/** Starts a scanner of the document with the real matcher, a recording painter and every variant accepted. */
function startScanner<P extends Painter = RecordingPainter>(options: Partial<Omit<ScannerOptions, 'painter'>> & { painter?: P } = {}) {
  const painter = options.painter ?? (new RecordingPainter() as Painter as P);
  const scanner = new Scanner(document, { findNames: realFindNames, acceptVariant: () => true, ...options, painter });
  running.push(scanner);
  scanner.start();
  return { scanner, painter };
}

/** Scans the document to the end. */
async function scan(painter: Painter) {
  const { scanner } = startScanner({ painter });
  await scanner.whenIdle();
  return scanner;
}

/** The real matcher behind the background's own request check; what it refused is kept. */
function checkedFindNames(refused: string[]): ScannerOptions['findNames'] {
  return (texts) => {
    const problem = checkFindNamesRequest(texts);
    if (problem) refused.push(problem);
    return problem ? Promise.reject(new Error(problem)) : realFindNames(texts);
  };
}

describe('textSegments', () => {
  it('joins inline elements within a block and splits at blocks and line breaks', () => {
    page('<p><b>Huawei</b> Tech<i>nologies</i></p><div>one<br>two</div><p>x<span>y</span></p>');
    expect([...textSegments(document.body)].map(segmentText)).toEqual(['Huawei Technologies', 'one', 'two', 'xy']);
  });

  it('skips code, editable regions, scripts and templates', () => {
    page('<p>a</p><pre>b</pre><code>c</code><textarea>d</textarea><div contenteditable="true">e</div><script>f</script><template>g</template><p>h</p>');
    const texts = [...textSegments(document.body)].map(segmentText);
    expect(texts).toContain('a');
    expect(texts).toContain('h');
    for (const hidden of ['b', 'c', 'd', 'e', 'f', 'g']) expect(texts).not.toContain(hidden);
  });

  it('skips pre, code, kbd and samp at any depth', () => {
    page('<p>a</p><pre><span><b>SELECT b</b></span></pre><div><code><i>c</i></code><kbd><span>d</span></kbd><samp>e</samp></div><p>f</p>');
    expect([...textSegments(document.body)].map(segmentText)).toEqual(['a', 'f']);
  });

  it('never joins list items, table cells or links side by side', () => {
    page(
      '<ul><li><a href="/a">Positive</a></li><li><a href="/b">Technologies</a></li></ul>' +
        '<nav><a href="/c">Sense</a> <a href="/d">Time</a></nav>' +
        '<table><tr><td>Dahua</td><td>Technology</td></tr></table>' +
        '<p>Shares of <a href="/e">Huawei</a> Technologies rose</p>',
    );
    expect([...textSegments(document.body)].map((s) => segmentText(s).trim()).filter(Boolean)).toEqual([
      'Positive', 'Technologies', 'Sense', 'Time', 'Dahua', 'Technology', 'Shares of Huawei Technologies rose',
    ]);
  });

  it('reads a huge text node piecewise, never whole', () => {
    const huge = `${'trade rules and chips '.repeat(10_000)}Hikvision`;
    page(`<p>before</p><p id="huge"></p><p>after</p>`);
    const node = document.createTextNode(huge);
    document.getElementById('huge')!.append(node);
    const whole = vi.spyOn(node, 'data', 'get');
    const segments = [...textSegments(document.body)];
    expect(segments.map((s) => s.length)).toEqual([6, huge.length, 5]);
    expect(segments[1]!.read(huge.length - 9, huge.length)).toBe('Hikvision');
    expect(whole).not.toHaveBeenCalled();
  });
});

describe('Scanner', () => {
  it('maps a name that runs across inline elements back to one DOM range', async () => {
    page('<p>Shares of <b>Hik</b><a href="#">vision</a> fell; SenseTime did not.</p>');
    const painter = new RecordingPainter();
    await scan(painter);
    expect(painter.texts()).toEqual(['Hikvision', 'SenseTime']);
    const [range] = painter.ranges.keys();
    expect(range!.startContainer.textContent).toBe('Hik');
    expect(range!.endContainer.textContent).toBe('vision');
  });

  it('paints a weak name only once the page names the organisation strongly, also when that comes later', async () => {
    page('<p>DJI said it would appeal.</p>');
    const painter = new RecordingPainter();
    const scanner = await scan(painter);
    expect(painter.texts()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'SZ DJI Technology Co., Ltd. was added in 2020.';
    document.body.append(p);
    await new Promise((r) => setTimeout(r, 0));
    await scanner.whenIdle();
    expect(painter.texts().sort()).toEqual(['DJI', 'SZ DJI Technology Co., Ltd.']);
    const weak = [...scanner.mentions].find((m) => m.text === 'DJI')!;
    expect(scanner.evidenceFor(weak)).toEqual({ kind: 'strong-name', text: 'SZ DJI Technology Co., Ltd.' });
  });

  it('flags text added later and drops highlights of removed text', async () => {
    page('<p id="a">Megvii</p>');
    const painter = new RecordingPainter();
    const scanner = await scan(painter);
    expect(painter.texts()).toEqual(['Megvii']);
    const p = document.createElement('p');
    p.textContent = 'Later: Yitu and Huawei.';
    document.body.append(p);
    await new Promise((r) => setTimeout(r, 0));
    await scanner.whenIdle();
    expect(painter.texts().sort()).toEqual(['Huawei', 'Megvii', 'Yitu']);
    document.getElementById('a')!.remove();
    await new Promise((r) => setTimeout(r, 0));
    await scanner.whenIdle();
    expect(painter.texts().sort()).toEqual(['Huawei', 'Yitu']);
    scanner.stop();
    expect(painter.texts()).toEqual([]);
  });

  it('does not paint a segment twice when a mutation requeues it', async () => {
    page('<p id="a">Megvii</p>');
    const painter = new RecordingPainter();
    const scanner = await scan(painter);
    document.getElementById('a')!.append(' and more');
    await new Promise((r) => setTimeout(r, 0));
    await scanner.whenIdle();
    expect(painter.texts()).toEqual(['Megvii']);
  });

  it('matches a huge text node in chunks without losing a name across a chunk boundary', async () => {
    // "Megvii Technology" straddles the 32 K chunk end; "Hikvision" sits far beyond it.
    const filler = 'word '.repeat(6553); // 32,765 characters: the chunk ends between "Megvii" and "Technology"
    page(`<p>${filler}Megvii Technology ${'more '.repeat(20000)}Hikvision end</p>`);
    const painter = new RecordingPainter();
    await scan(painter);
    expect(painter.texts()).toEqual(['Megvii Technology', 'Hikvision']);
  });

  it('the <mark> fallback restores the page text exactly when cleared', async () => {
    page('<p>Megvii, Yitu and <b>Hikvision</b> were listed.</p>');
    const before = document.body.textContent;
    const painter = new MarkPainter();
    const scanner = await scan(painter);
    expect(document.querySelectorAll('mark.listmark-mark')).toHaveLength(3);
    expect(document.body.textContent).toBe(before);
    scanner.stop();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.textContent).toBe(before);
  });
});

describe('batches sent to be matched', () => {
  it('the first goes out as the scan starts, not after a task in which the page would render first', () => {
    page('<p>Shares of Hikvision fell.</p>');
    const sent: string[][] = [];
    startScanner({
      findNames: (texts) => (sent.push(texts), realFindNames(texts)),
      schedule: () => {}, // a later task never comes
    });
    expect(sent).toEqual([['Shares of Hikvision fell.']]);
  });

  it('stay within what the background accepts, however many small blocks a page has', async () => {
    page(Array.from({ length: 2_500 }, () => '<p>Huawei</p>').join(''));
    const refused: string[] = [];
    // A clock that never moves: only the batch limits end a batch.
    const { scanner, painter } = startScanner({ findNames: checkedFindNames(refused), now: () => 0 });
    await scanner.whenIdle();
    expect(refused).toEqual([]);
    expect(painter.ranges.size).toBe(2_500);
  });
});

describe('a text without white space longer than a request may be', () => {
  it('is cut into chunks the background accepts, and the name after it is found', async () => {
    const blob = document.createElement('p');
    blob.textContent = `${'x'.repeat(1_200_000)} Huawei said`;
    document.body.replaceChildren(blob);
    const refused: string[] = [];
    const { scanner, painter } = startScanner({ findNames: checkedFindNames(refused) });
    await scanner.whenIdle();
    expect(refused).toEqual([]);
    expect(painter.texts()).toEqual(['Huawei']);
  });
});

describe('open shadow roots', () => {
  it('are watched once however often their host is rescanned, and not after stop', async () => {
    page('<div id="host"></div><p>Intro</p>');
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Hikvision';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).append(paragraph);
    const sent: string[] = [];
    const { scanner, painter } = startScanner({ findNames: (texts) => (sent.push(...texts), realFindNames(texts)) });
    await scanner.whenIdle();
    expect(painter.texts()).toEqual(['Hikvision']);
    // Two rescans of the whole body, host included.
    for (let i = 0; i < 2; i++) {
      document.body.append(document.createElement('span'));
      await new Promise((done) => setTimeout(done, 0));
      await scanner.whenIdle();
    }
    sent.length = 0;
    paragraph.textContent = 'Megvii';
    await new Promise((done) => setTimeout(done, 0));
    await scanner.whenIdle();
    expect(sent.filter((t) => t === 'Megvii')).toHaveLength(1);
    expect(painter.texts()).toEqual(['Megvii']);
    scanner.stop();
    sent.length = 0;
    paragraph.textContent = 'SenseTime';
    await new Promise((done) => setTimeout(done, 10));
    expect(sent).toEqual([]);
  });
});
