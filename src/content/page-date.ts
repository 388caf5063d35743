/**
 * The day the page says its article was published, read from what publishers put there for
 * machines: JSON-LD `datePublished`, the Open Graph `article:published_time` meta, microdata
 * `itemprop="datePublished"`, other publication-date metas, and a `<time datetime>` in the
 * article's header or byline. Read once, when a card first needs it; dates that belong to
 * something else on the page (a comment, a sidebar teaser, a list of other articles) are not
 * taken for the article's.
 */
import { isIsoDay } from '../core/format-date';

export type PageDateSource = 'json-ld' | 'meta' | 'microdata' | 'other-meta' | 'time';

export interface PageDate {
  /** The day as the publisher wrote it (`YYYY-MM-DD`, in the publisher's own time zone). */
  date: string;
  source: PageDateSource;
}

/** schema.org types that are an article the page is about (or a page that is one). */
const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'blogposting', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'satiricalarticle', 'scholarlyarticle',
  'medicalscholarlyarticle', 'techarticle', 'report', 'liveblogposting', 'socialmediaposting',
  'discussionforumposting', 'webpage', 'itempage', 'aboutpage', 'faqpage', 'qapage',
]);

/** Containers whose dates are someone else's: comments, sidebars, teasers of other articles, navigation. */
const NOT_THE_ARTICLE_TAGS = new Set(['ASIDE', 'NAV']);
const NOT_THE_ARTICLE_ROLES = new Set(['complementary', 'navigation', 'contentinfo']);
/** Words of a class or id that name such a container (`c-comments__list`, `sidebar-right`, `related-posts`). */
const NOT_THE_ARTICLE_WORDS = new Set(['comment', 'comments', 'reply', 'replies', 'sidebar', 'related', 'recommended', 'recommendations', 'teaser', 'teasers', 'promo', 'trending', 'popular', 'feed']);
/** Words of a class or id that mark an article's byline or dateline, where its date sits. */
const BYLINE_WORDS = new Set(['byline', 'bylines', 'dateline', 'meta', 'metadata', 'timestamp', 'date', 'published', 'pubdate', 'posted', 'signature']);

const UPDATE_WORDS = new Set(['updated', 'modified', 'update']);
const PUBLISHED_WORDS = new Set(['published', 'pubdate', 'publish']);

function hasWord(el: Element, words: ReadonlySet<string>): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`.toLowerCase();
  return names.split(/[\s_-]+/).some((word) => words.has(word));
}

/** The earliest day a web article can credibly carry. */
const EARLIEST_YEAR = 1991;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** `12 May 2018`, `Tue, 07 Apr 2020 15:49:34 +0530` */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
/** `May 12, 2018`, `December 1, 2016`, `Mon Aug 03 12:45:00 EDT 2015` */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(?:[\\d:]+\\s+[A-Z]{2,5}\\s+)?(\\d{4})\\b`, 'i');
/** `12-15-2016` or `15.12.2016`: read only when the order cannot be mistaken (one number is over 12). */
const NUMERIC_NOT_ISO = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/**
 * The day a date string names, as written: `2018-05-12T23:30:00-04:00` is 12 May where it was
 * published, whatever the reader's time zone, so the day is read from the text and never
 * converted (nor handed to `Date.parse`, which reads a zoneless date in the reader's zone).
 */
function dayOf(value: string | null | undefined, now: Date): string | null {
  const text = (value ?? '').trim();
  let day: string | null = null;
  const numeric = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[T\s])/.exec(text);
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  const pad = (n: string | number) => String(n).padStart(2, '0');
  const unordered = NUMERIC_NOT_ISO.exec(text);
  if (numeric) day = `${numeric[1]}-${numeric[2]}-${numeric[3]}`;
  else if (unordered) {
    const [first, second] = [Number(unordered[1]), Number(unordered[2])];
    if (first > 12 && second <= 12) day = `${unordered[3]}-${pad(second)}-${pad(first)}`;
    else if (second > 12 && first <= 12) day = `${unordered[3]}-${pad(first)}-${pad(second)}`;
  }
  else if (dayFirst) day = `${dayFirst[3]}-${pad(MONTHS.indexOf(dayFirst[2]!.toLowerCase()) + 1)}-${pad(dayFirst[1]!)}`;
  else if (monthFirst) day = `${monthFirst[3]}-${pad(MONTHS.indexOf(monthFirst[1]!.toLowerCase()) + 1)}-${pad(monthFirst[2]!)}`;
  if (!day || !isIsoDay(day) || Number(day.slice(0, 4)) < EARLIEST_YEAR) return null;
  // Publishers a day ahead of UTC may date a page "tomorrow"; later than that is not a publication date.
  const latest = new Date(now.getTime() + 36 * 3_600_000).toISOString().slice(0, 10);
  return day <= latest ? day : null;
}

/** One day when every candidate agrees on it; several different days mean none is clearly the page's. */
function theOneDay(days: (string | null)[]): string | null {
  const distinct = new Set(days.filter((d): d is string => d !== null));
  return distinct.size === 1 ? [...distinct][0]! : null;
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:]/, '').toLowerCase());
}

/**
 * The article nodes of a JSON-LD block: top-level objects, items of top-level arrays and of
 * `@graph`, and the `mainEntity` of a page. Nested objects (comments, reviews, the parts of a
 * list of other articles) are not the page's article.
 */
function articleNodes(value: unknown, out: Record<string, unknown>[], depth = 0): void {
  if (depth > 3 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) articleNodes(item, out, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  if (typesOf(node).some((t) => ARTICLE_TYPES.has(t))) out.push(node);
  articleNodes(node['@graph'], out, depth + 1);
  articleNodes(node['mainEntity'], out, depth + 1);
}

function fromJsonLd(doc: Document, now: Date): string | null {
  const nodes: Record<string, unknown>[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      articleNodes(JSON.parse(script.textContent ?? ''), nodes);
    } catch {
      // A publisher's broken JSON-LD says nothing about the date.
    }
  }
  const articles = nodes.filter((n) => !typesOf(n).some((t) => t.endsWith('page')));
  const pages = nodes.filter((n) => typesOf(n).some((t) => t.endsWith('page')));
  // An article node speaks for the article; a WebPage node only when no article node has a date.
  const date = (n: Record<string, unknown>) => (typeof n['datePublished'] === 'string' ? dayOf(n['datePublished'], now) : null);
  return theOneDay(articles.map(date)) ?? theOneDay(pages.map(date));
}

/** Open Graph's `article:published_time`, also found as `og:article:published_time` and under `name`. */
function fromMeta(doc: Document, now: Date): string | null {
  const metas = doc.querySelectorAll(
    ['article:published_time', 'og:article:published_time'].map((p) => `meta[property="${p}" i], meta[name="${p}" i]`).join(', '),
  );
  return theOneDay([...metas].map((m) => dayOf(m.getAttribute('content'), now)));
}

/**
 * False for an element inside a comment, a sidebar, navigation or a teaser of other articles. The
 * page's `<html>` and `<body>` are not looked at: their classes describe the page (`comments-open`).
 */
function isTheArticles(el: Element): boolean {
  for (let at: Element | null = el; at && at.tagName !== 'BODY' && at.tagName !== 'HTML'; at = at.parentElement) {
    if (NOT_THE_ARTICLE_TAGS.has(at.tagName) || NOT_THE_ARTICLE_ROLES.has(at.getAttribute('role') ?? '') || hasWord(at, NOT_THE_ARTICLE_WORDS)) return false;
    if ((at.getAttribute('itemtype') ?? '').toLowerCase().endsWith('/comment')) return false;
  }
  return true;
}

function fromMicrodata(doc: Document, now: Date): string | null {
  const marked = [...doc.querySelectorAll('[itemprop~="datePublished"]')].filter(isTheArticles);
  return theOneDay(marked.map((el) => dayOf(el.getAttribute('content') ?? el.getAttribute('datetime'), now)));
}

/** Is the element in the header or byline of the article it belongs to (below `scope`)? */
function isInHeaderOf(el: Element, scope: Element): boolean {
  for (let at = el.parentElement; at && at !== scope; at = at.parentElement) {
    if (at.tagName === 'HEADER' || hasWord(at, BYLINE_WORDS)) return true;
  }
  return false;
}

/**
 * A `<time datetime>` in the header or byline of the page's article or main content (of the body,
 * on a page that marks neither). The one marked as the published date if the header marks one;
 * otherwise the first not marked as an update, as a header that gives two dates gives the
 * published one first.
 */
function fromTimeInHeader(doc: Document, now: Date): string | null {
  const hasMain = doc.querySelector('article, main, [role="main"]') !== null;
  const candidates = [...doc.querySelectorAll('time[datetime]')].filter((time) => {
    const scope = hasMain ? time.closest('article, main, [role="main"]') : doc.body;
    return scope !== null && isInHeaderOf(time, scope) && isTheArticles(time) && !hasWord(time, UPDATE_WORDS);
  });
  const chosen = candidates.find((time) => hasWord(time, PUBLISHED_WORDS) || time.getAttribute('itemprop') === 'datePublished') ?? candidates[0];
  return chosen ? dayOf(chosen.getAttribute('datetime'), now) : null;
}

/** Other publishers' names for the publication date: Parse.ly, Dublin Core, Highwire (scholarly), Sailthru, plain `date`. */
const OTHER_DATE_METAS = ['parsely-pub-date', 'dc.date.issued', 'dcterms.issued', 'citation_publication_date', 'sailthru.date', 'publish-date', 'date'];

function fromOtherMeta(doc: Document, now: Date): string | null {
  for (const name of OTHER_DATE_METAS) {
    const day = theOneDay([...doc.querySelectorAll(`meta[name="${name}" i]`)].map((m) => dayOf(m.getAttribute('content'), now)));
    if (day) return day;
  }
  return null;
}

/** Each way of reading the date, most certain first (exported so the corpus measurement can compare them). */
export const PAGE_DATE_READERS: readonly (readonly [PageDateSource, (doc: Document, now: Date) => string | null])[] = [
  ['json-ld', fromJsonLd],
  ['meta', fromMeta],
  ['microdata', fromMicrodata],
  ['other-meta', fromOtherMeta],
  ['time', fromTimeInHeader],
];

/**
 * The page's publication day, or null. JSON-LD first: it is the one form that says which object
 * the date belongs to. Then the Open Graph meta (one per page, set for the article), microdata,
 * the metas of analytics and library tools (a few of which carry a modified date), and last the
 * header's `<time>`, which may be an "updated" date.
 */
export function findPageDate(doc: Document, now: Date = new Date()): PageDate | null {
  for (const [source, read] of PAGE_DATE_READERS) {
    const date = read(doc, now);
    if (date) return { date, source };
  }
  return null;
}

const readDays = new WeakMap<Document, { url: string; found: PageDate | null }>();

/**
 * The page's day, read once per document and address: cards opened later on the same page reuse
 * it, and a single-page app that moves to another address is read again.
 */
export function pageDateOf(doc: Document): PageDate | null {
  const url = doc.location?.href ?? '';
  const read = readDays.get(doc);
  if (read?.url === url) return read.found;
  const found = findPageDate(doc);
  readDays.set(doc, { url, found });
  return found;
}
