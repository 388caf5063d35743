/** The bundle compiled from the real eCFR snapshot in ../shared/data, built once per test file. */
import { compileBundle, DEFAULT_SOURCE } from '../../scripts/build-data';
import type { Bundle } from '../../src/core/bundle';
import { Matcher } from '../../src/core/matcher';
import { findNames, type FoundNames } from '../../src/core/name-finder';

let bundle: Bundle | undefined;
let matcher: Matcher | undefined;

export function realBundle(): Bundle {
  bundle ??= compileBundle(DEFAULT_SOURCE);
  return bundle;
}

export function realMatcher(): Matcher {
  matcher ??= new Matcher(JSON.parse(JSON.stringify(realBundle().matcher)));
  return matcher;
}

/** Texts of every match, with the listed name of the entry each points at. */
export function flagged(text: string): { text: string; listedName: string; kind: string }[] {
  const m = realMatcher();
  const entries = realBundle().details.entries;
  return m.findMatches(text).map((x) => ({
    text: text.slice(x.start, x.end),
    listedName: entries[m.entryIndex(x.variant)]!.name,
    kind: m.variantKind(x.variant),
  }));
}

/** The background's findNames over the real matcher, as the scanner calls it (asynchronously). */
export function realFindNames(texts: string[]): Promise<FoundNames> {
  return Promise.resolve(findNames(realMatcher(), texts));
}
