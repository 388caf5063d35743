/**
 * The checks an update from the official source passes before it is used, and the reasons it can
 * be refused, as data the options page and the popup put into words. Pure: the background does
 * the fetching (background/updates.ts) and asks these questions of what it got.
 */
import type { Entry, ListId } from './list-model';

/** Why an update was not used; the data in use stays as it was in every case. */
export const UPDATE_PROBLEMS = [
  'no-permission',
  'network',
  'timeout',
  'http-status',
  'too-large',
  'not-xml',
  'not-json',
  'no-organisations',
  'bad-versions',
  'parse-error',
  'missing-supplement',
  'implausible',
  'storage',
  'interrupted',
  'turned-off',
] as const;
export type UpdateProblem = (typeof UPDATE_PROBLEMS)[number];

export class UpdateError extends Error {
  constructor(
    readonly problem: UpdateProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'UpdateError';
  }
}

export const ECFR_ORIGIN = 'https://www.ecfr.gov';
export const ECFR_HOST_PERMISSION = 'https://www.ecfr.gov/*';

export const CSL_ORIGIN = 'https://data.trade.gov';
export const CSL_HOST_PERMISSION = 'https://data.trade.gov/*';
/** trade.gov's keyless download of the whole Consolidated Screening List; checked with its ETag. */
export const CSL_URL = `${CSL_ORIGIN}/downloadable_consolidated_screening_list/v1/consolidated.json`;

export const versionsUrl = (origin: string) => `${origin}/api/versioner/v1/versions/title-15.json?part=744`;
export const fullTextUrl = (origin: string, date: string) => `${origin}/api/versioner/v1/full/${date}/title-15.xml?part=744`;

export const UPDATE_LIMITS = {
  /** The versions list of Part 744 is a few tens of KB. */
  versionsBytes: 2 * 1024 * 1024,
  /** The Part 744 XML of 2026-07-23 is 2.5 MB; six times that is no Part 744 text. */
  xmlBytes: 16 * 1024 * 1024,
  /**
   * consolidated.json holds every CSL row (individuals, vessels and all their identity documents
   * too); its size was not measured from this machine, which has no route to trade.gov. 64 MB is
   * far above what ~13,000 rows of a few KB each make, and what a service worker can parse at once.
   */
  cslBytes: 64 * 1024 * 1024,
  /** Longest wait for the server to start answering, or between two pieces of the body. */
  idleMs: 20_000,
  /** Longest a whole download may take. */
  totalMs: 5 * 60_000,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The newest date at which Part 744 changed, from the versioner's versions list (`content_versions`,
 * each with the `date` of a version), ignoring versions dated after today.
 */
export function latestVersionDate(json: unknown, today: string): string {
  const versions = (json as { content_versions?: unknown } | null)?.content_versions;
  if (!Array.isArray(versions)) throw new UpdateError('bad-versions', 'the versions list has no content_versions');
  let latest: string | null = null;
  for (const version of versions) {
    const date = (version as { date?: unknown } | null)?.date;
    if (typeof date !== 'string' || !ISO_DATE.test(date)) continue;
    if (date <= today && (latest === null || date > latest)) latest = date;
  }
  if (latest === null) throw new UpdateError('bad-versions', 'the versions list names no dated version of Part 744');
  return latest;
}

/** How many amendments of Part 744 the versions list dates after `from` and up to `to`. */
export function amendmentsBetween(json: unknown, from: string, to: string): number {
  const versions = (json as { content_versions?: unknown } | null)?.content_versions;
  const dates = new Set<string>();
  if (Array.isArray(versions)) {
    for (const version of versions) {
      const date = (version as { date?: unknown } | null)?.date;
      if (typeof date === 'string' && ISO_DATE.test(date) && date > from && date <= to) dates.add(date);
    }
  }
  return dates.size;
}

/**
 * A 200 that is not the XML: servers and proxies answer with HTML error or login pages, which
 * would otherwise reach the parser as "malformed XML" and read as a problem of the official text.
 */
export function checkXmlResponse(contentType: string, text: string): void {
  const start = text.slice(0, 512).trimStart().toLowerCase();
  if (/html/i.test(contentType) || start.startsWith('<!doctype html') || start.startsWith('<html')) {
    throw new UpdateError('not-xml', `the server sent a web page (${contentType || 'no content type'}), not the XML`);
  }
  if (!/xml/i.test(contentType)) throw new UpdateError('not-xml', `unexpected content type "${contentType}"`);
}

/** A 200 that is not the CSL's JSON: an HTML error or login page. */
export function checkJsonResponse(contentType: string, text: string): void {
  const start = text.slice(0, 512).trimStart().toLowerCase();
  if (/html/i.test(contentType) || start.startsWith('<!doctype html') || start.startsWith('<html')) {
    throw new UpdateError('not-json', `the server sent a web page (${contentType || 'no content type'}), not the list's JSON`);
  }
}

/** Fewer than this share of a list's entries left is read as a broken text, not a rule. */
export const PLAUSIBLE_SHARE_KEPT = 2 / 3;

/**
 * A change too big to be a rule: a list that shrank by more than a third, or vanished, among the
 * entries of one source. BIS adds and removes tens of entries in a rule, never a third of a list;
 * the CSL's lists change as slowly.
 */
export function implausibleChange(previous: readonly Entry[], next: readonly Entry[], source: Entry['source'] = 'ecfr'): string | null {
  const count = (entries: readonly Entry[]) => {
    const counts = new Map<ListId, number>();
    for (const e of entries) if (e.source === source) counts.set(e.list, (counts.get(e.list) ?? 0) + 1);
    return counts;
  };
  const before = count(previous);
  const after = count(next);
  const nextIds = new Set(next.map((e) => e.id));
  for (const [list, had] of before) {
    const has = after.get(list) ?? 0;
    if (has < had * PLAUSIBLE_SHARE_KEPT) return `${list}: ${has} entries where the data in use has ${had}`;
    const kept = previous.filter((e) => e.list === list && e.source === source && nextIds.has(e.id)).length;
    if (kept < had * PLAUSIBLE_SHARE_KEPT) return `${list}: only ${kept} of ${had} entries kept`;
  }
  return null;
}

/** The part of the parser's message that says what is missing, for "missing supplement". */
export function problemOfSourceError(message: string): UpdateProblem {
  return /missing from the document|expected the <DIV5/.test(message) ? 'missing-supplement' : 'parse-error';
}
