/**
 * What Listmark flags in one document (a file, a page, a passage), outside the browser: the same
 * background request (core/name-finder) and the same evidence rule (core/evidence) as the
 * extension applies to one frame's page. Shared by `npm run scan` and `npm run quality`.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseDetailsBundle, type DetailsBundle } from '../src/core/bundle';
import { EvidenceLedger, type Evidence } from '../src/core/evidence';
import { Matcher, type MatcherData } from '../src/core/matcher';
import { findNames, type VariantInfo } from '../src/core/name-finder';
import { segmentText, textSegments } from '../src/content/text-segments';

export interface Flag {
  /** Which of the document's texts, and where in it. */
  textIndex: number;
  start: number;
  end: number;
  text: string;
  /** The variant that matched, then the others with the same name. */
  variants: VariantInfo[];
  /** For a weak name, what made it count. */
  evidence?: Evidence;
}

export interface Bundled {
  matcher: Matcher;
  details: DetailsBundle;
}

export function loadBundled(dataDir = 'build/data'): Bundled {
  return {
    matcher: new Matcher(JSON.parse(readFileSync(`${dataDir}/matcher.json`, 'utf8')) as MatcherData),
    details: parseDetailsBundle(JSON.parse(readFileSync(`${dataDir}/details.json`, 'utf8'))),
  };
}

/**
 * Every flag in a document made of `texts` (its blocks, in order). `accept` filters variants as
 * the extension's settings do (lists, short forms); only accepted names give evidence.
 */
export function documentFlags(matcher: Matcher, texts: readonly string[], accept: (v: VariantInfo) => boolean = () => true): Flag[] {
  const found = findNames(matcher, texts);
  const ledger = new EvidenceLedger<Flag>();
  const counted: Flag[] = [];
  const count = (flag: Flag) => void counted.push(flag);
  found.matches.forEach((matches, textIndex) => {
    for (const match of matches) {
      const variants: VariantInfo[] = [];
      for (let k = 3; k < match.length; k++) if (accept(found.variants[match[k]!]!)) variants.push(found.variants[match[k]!]!);
      if (variants.length === 0) continue;
      const [start, end, definition] = match as [number, number, number];
      const text = texts[textIndex]!.slice(start, end);
      const flag: Flag = { textIndex, start, end, text, variants };
      const entryIds = variants.length === 1 ? [variants[0]!.entryId] : [...new Set(variants.map((v) => v.entryId))];
      const weak = variants[0]!.weak;
      ledger.add(flag, definition >= 0 ? { entryIds, weak, text, definedAs: found.definitions[definition]! } : { entryIds, weak, text }, count);
    }
  });
  for (const flag of counted) {
    if (flag.variants[0]!.weak) flag.evidence = ledger.evidenceFor(flag.variants.map((v) => v.entryId));
  }
  // Weak mentions released by a later strong one come out of order.
  return counted.sort((a, b) => a.textIndex - b.textIndex || a.start - b.start);
}

const quietConsole = new VirtualConsole();

/** The texts of an HTML page as the extension reads it (blocks, with code and menus kept apart). */
export function pageTexts(html: string): string[] {
  const dom = new JSDOM(html, { virtualConsole: quietConsole });
  try {
    return [...textSegments(dom.window.document.body ?? dom.window.document.documentElement)].map(segmentText).filter((t) => t.trim() !== '');
  } finally {
    dom.window.close();
  }
}
