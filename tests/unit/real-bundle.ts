/** The bundle compiled from the real eCFR snapshot in ../shared/data, built once per test file. */
import { compileBundle, DEFAULT_SOURCE } from '../../scripts/build-data';
import { documentFlags } from '../../scripts/document-flags';
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

/** What the text flags as one document (weak names only with evidence), with each flag's listed name. */
export function flagged(text: string): { text: string; listedName: string; kind: string }[] {
  const entries = realBundle().details.entries;
  return documentFlags(realMatcher(), [text]).map((f) => ({
    text: f.text,
    listedName: entries.find((e) => e.id === f.variants[0]!.entryId)!.name,
    kind: f.variants[0]!.kind,
  }));
}

/** The background's findNames over the real matcher, as the scanner calls it (asynchronously). */
export function realFindNames(texts: string[]): Promise<FoundNames> {
  return Promise.resolve(findNames(realMatcher(), texts));
}
