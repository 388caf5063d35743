/**
 * Lookup speed and quality against two well-kept search libraries, on the real bundle and the
 * same names (listed names, aliases, compiled variants):
 *   npm run bench:lookup       (npm run bench runs it after the matcher bench)
 * Per-keystroke latency: every query of the query set typed one character at a time, each prefix
 * searched as the popup searches it. Quality: the query set and the unlisted names of
 * scripts/lookup-measure.ts, each implementation's results collapsed to entries.
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { DetailsBundle } from '../src/core/bundle';
import { buildLookupIndex, compiledNamesOf, type LookupName } from '../src/core/lookup';
import { Matcher, type MatcherData } from '../src/core/matcher';
import { foldedWords } from '../src/core/normalise';
import { LEGAL_FORM_VOCABULARY } from '../src/core/variants';
import { lookupQuerySet, measureLookup } from './lookup-measure';

/** One frame at 60 Hz: an answer within it keeps up with typing. */
const KEYSTROKE_BUDGET_MS = 16;

interface Contender {
  name: string;
  build: () => (query: string, isTyping: boolean) => string[];
  /** Measure on every n-th query only: fuse.js scans every name per search. */
  every?: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Entry ids of name hits, best first, each entry once. */
function entriesOf(nameHits: Iterable<number>, names: readonly LookupName[], ids: readonly string[], limit = 10): string[] {
  const out: string[] = [];
  for (const n of nameHits) {
    const id = ids[names[n]!.entryIndex]!;
    if (!out.includes(id)) out.push(id);
    if (out.length === limit) break;
  }
  return out;
}

export function benchLookup(): void {
  const details = JSON.parse(readFileSync('build/data/details.json', 'utf8')) as DetailsBundle;
  const matcher = new Matcher(JSON.parse(readFileSync('build/data/matcher.json', 'utf8')) as MatcherData);
  const entries = details.entries;
  const ids = entries.map((e) => e.id);
  // The same names for every contender: listed names and aliases, then the compiled variants.
  const names: LookupName[] = [
    ...entries.flatMap((e, entryIndex) => [e.name, ...e.aliases].map((text) => ({ text, entryIndex, kind: 'listed' as const }))),
    ...compiledNamesOf(matcher, entries),
  ];
  // The libraries get Listmark's folding and legal forms, so they differ only in how they search.
  const terms = (text: string) => foldedWords(text).filter((w) => !LEGAL_FORM_VOCABULARY.has(w));

  const contenders: Contender[] = [
    {
      name: 'listmark LookupIndex',
      build: () => {
        const index = buildLookupIndex(entries, compiledNamesOf(matcher, entries));
        return (query, isTyping) => index.search(query, { isTyping }).map((h) => h.entryId);
      },
    },
    {
      name: 'minisearch (AND, fuzzy 0.2, prefix)',
      build: () => {
        const search = new MiniSearch<{ id: number; text: string }>({
          fields: ['text'],
          tokenize: (text) => terms(text),
          processTerm: (term) => term,
        });
        search.addAll(names.map((n, id) => ({ id, text: n.text })));
        return (query, isTyping) =>
          entriesOf(
            search.search(query, { combineWith: 'AND', fuzzy: 0.2, prefix: (_term, i, all) => isTyping && i === all.length - 1 }).map((r) => r.id as number),
            names,
            ids,
          );
      },
    },
    {
      name: 'fuse.js (threshold 0.3)',
      every: 20,
      build: () => {
        const fuse = new Fuse(
          names.map((n) => terms(n.text).join(' ')),
          { threshold: 0.3, ignoreLocation: true, includeScore: true },
        );
        return (query) => entriesOf(fuse.search(terms(query).join(' '), { limit: 50 }).map((r) => r.refIndex), names, ids);
      },
    },
  ];

  const queries = lookupQuerySet(entries).map((q) => q.query);
  const slowest: string[] = [];
  console.log(`\n## Lookup: ${entries.length} entries, ${names.length} names; ${queries.length} queries typed one character at a time`);
  console.log('implementation                        build ms   keystroke median / p95 / p99 / max ms   top-1   top-5   unlisted with results');
  for (const contender of contenders) {
    const buildStart = performance.now();
    const search = contender.build();
    const buildMs = performance.now() - buildStart;
    const every = contender.every ?? 1;
    const typed = queries.filter((_q, i) => i % every === 0);
    const times: number[] = [];
    for (const query of typed) {
      for (let end = 1; end <= query.length; end++) {
        const start = performance.now();
        search(query.slice(0, end), true);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    console.error(`  typed ${typed.length} queries with ${contender.name}`);
    const quality = measureLookup(entries, (query) => search(query, false), every);
    const over = times.filter((ms) => ms >= KEYSTROKE_BUDGET_MS).length;
    const latency = [50, 95, 99].map((p) => percentile(times, p).toFixed(2)).join(' / ') + ` / ${times[times.length - 1]!.toFixed(1)}`;
    const sampled = every > 1 ? ` (every ${every}th query and unlisted name only)` : '';
    slowest.push(`${contender.name}: ${over} of ${times.length} keystrokes took ${KEYSTROKE_BUDGET_MS} ms or more${sampled}`);
    console.log(
      `${contender.name.padEnd(37)} ${buildMs.toFixed(0).padStart(8)}   ${latency.padStart(36)}   ${(quality.top1 * 100).toFixed(1).padStart(5)}%  ${(quality.top5 * 100).toFixed(1).padStart(5)}%   ${quality.falseHits.length} of ${quality.negatives}`,
    );
  }
  for (const line of slowest) console.log(line);
  console.log(`target: every keystroke < ${KEYSTROKE_BUDGET_MS} ms; top-1 ≥ 90%, top-5 ≥ 98%, no result for an unlisted name`);
}

if (import.meta.url === `file://${process.argv[1]}`) benchLookup();
