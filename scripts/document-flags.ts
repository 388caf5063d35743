/**
 * What Listmark flags in one document (a file, a page, a passage), outside the browser: the same
 * background request (core/name-finder) and the same evidence rule (core/evidence) as the
 * extension applies to one frame's page. Shared by `npm run scan` and `npm run quality`.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseDetailsBundle, type DetailsBundle } from '../src/core/bundle';
import { DocumentFlagger, type Flag } from '../src/core/document-flags';
import { Matcher, type MatcherData } from '../src/core/matcher';
import { findNames, type VariantInfo } from '../src/core/name-finder';
import { segmentText, textSegments } from '../src/content/text-segments';

export type { Flag };

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
  const counted: Flag[] = [];
  const flagger = new DocumentFlagger(accept, (flag) => void counted.push(flag));
  flagger.add(0, texts, findNames(matcher, texts));
  for (const flag of counted) {
    const evidence = flagger.evidenceOf(flag);
    if (evidence) flag.evidence = evidence;
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
