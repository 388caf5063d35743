/**
 * The page's publication day: each source, their order, and the dates that are not the article's;
 * then real saved pages from ../shared/corpora/everyday-pages (read from there, never copied).
 */
import { describe, expect, it } from 'vitest';
import { loadEverydayPage } from '../../scripts/page-dates';
import { findPageDate, pageDateOf } from '../../src/content/page-date';

const NOW = new Date('2026-12-02T12:00:00Z');

function pageDate(html: string) {
  return findPageDate(new DOMParser().parseFromString(html, 'text/html'), NOW);
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('findPageDate', () => {
  it.each([
    ['the Open Graph meta', '<meta property="article:published_time" content="2018-05-12T08:00:00-04:00">', '2018-05-12', 'meta'],
    ['a JSON-LD article', jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2018-05-12T23:30:00-04:00' }), '2018-05-12', 'json-ld'],
    ['a JSON-LD article inside @graph', jsonLd({ '@graph': [{ '@type': 'WebSite' }, { '@type': ['Article', 'BlogPosting'], datePublished: '2019-01-02' }] }), '2019-01-02', 'json-ld'],
    ['a JSON-LD article in an array', jsonLd([{ '@type': 'Organization' }, { '@type': 'ReportageNewsArticle', datePublished: '2020-03-04T10:00:00Z' }]), '2020-03-04', 'json-ld'],
    ['the main entity of a JSON-LD page', jsonLd({ '@type': 'WebPage', mainEntity: { '@type': 'Article', datePublished: '2021-06-07' } }), '2021-06-07', 'json-ld'],
    ['microdata', '<article itemscope itemtype="https://schema.org/Article"><meta itemprop="datePublished" content="2017-08-09"></article>', '2017-08-09', 'microdata'],
    ['a Parse.ly meta', '<meta name="parsely-pub-date" content="2016-12-21T23:49:10Z">', '2016-12-21', 'other-meta'],
    ['a <time> in the article header', '<article><header><h1>T</h1><time datetime="2015-02-03T09:00">3 Feb</time></header><p>Text.</p></article>', '2015-02-03', 'time'],
    ['a <time> in a byline', '<main><div class="story-byline"><time datetime="2015-02-04">4 Feb</time></div><p>Text.</p></main>', '2015-02-04', 'time'],
    ['a written-out date', '<meta name="publish-date" content="December 1, 2016">', '2016-12-01', 'other-meta'],
    ['a date with a weekday and zone', '<meta property="article:published_time" content="Tue, 07 Apr 2020 02:00:00 +0530">', '2020-04-07', 'meta'],
  ])('reads %s', (_label, html, date, source) => {
    expect(pageDate(html)).toEqual({ date, source });
  });

  it('takes the JSON-LD article before the meta, and the meta before the header <time>', () => {
    const time = '<article><header><time datetime="2012-01-01">1 Jan</time></header></article>';
    const meta = '<meta property="article:published_time" content="2013-01-01">';
    const ld = jsonLd({ '@type': 'Article', datePublished: '2014-01-01' });
    expect(pageDate(time + meta + ld)?.date).toBe('2014-01-01');
    expect(pageDate(time + meta)?.date).toBe('2013-01-01');
    expect(pageDate(time)?.date).toBe('2012-01-01');
  });

  it('says nothing on a page without a date', () => {
    expect(pageDate('<h1>Welcome</h1><p>No date here, only 12 May 2018 in the text.</p>')).toBeNull();
  });

  it.each([
    ['a <time> in a comment', '<article><h1>T</h1><p>Text.</p><section class="comments"><header><time datetime="2019-01-01">c</time></header></section></article>'],
    ['a <time> in a sidebar', '<main><p>Text.</p><aside><header><time datetime="2019-01-01">s</time></header></aside></main>'],
    ['a <time> in the body text, not the header', '<article><h1>T</h1><p>On <time datetime="2001-09-11">that day</time>…</p></article>'],
    ['a <time> marked as the update', '<article><header><time class="updated" datetime="2019-01-01">u</time></header></article>'],
    ['microdata of a comment', '<article><div itemscope itemtype="https://schema.org/Comment"><meta itemprop="datePublished" content="2019-01-01"></div></article>'],
    ['JSON-LD of a list of other articles', jsonLd({ '@type': 'ItemList', itemListElement: [{ '@type': 'NewsArticle', datePublished: '2019-01-01' }] })],
    ['JSON-LD articles that disagree', jsonLd([{ '@type': 'NewsArticle', datePublished: '2019-01-01' }, { '@type': 'NewsArticle', datePublished: '2019-02-02' }])],
    ['a date in the future', '<meta property="article:published_time" content="2031-01-01T00:00:00Z">'],
    ['a date before the web', '<meta property="article:published_time" content="1970-01-01T00:00:00Z">'],
    ['a day that does not exist', '<meta property="article:published_time" content="2019-02-30">'],
    ['a numeric date that could be read either way', '<meta name="date" content="03-04-2019">'],
    ['broken JSON-LD', '<script type="application/ld+json">{ "datePublished": </script>'],
  ])('ignores %s', (_label, html) => {
    expect(pageDate(html)).toBeNull();
  });
});

describe('on real saved pages', () => {
  // Dates checked by eye against each page, and against the publication dates postlight/parser's
  // own tests expect for the same fixtures.
  it.each([
    ['www.theguardian.com.html', '2016-11-29', 'meta'],
    ['www.washingtonpost.com.html', '2018-10-29', 'microdata'],
    ['www.bloomberg.com--graphics.html', '2016-12-07', 'other-meta'],
    // Its header has the updated time first and its comments have their own dates.
    ['blisterreview.com.html', '2019-04-09', 'meta'],
    // 08:15 on 5 March in Tokyo, 4 March in UTC: the publisher's day.
    ['scan.netsecurity.ne.jp.html', '2019-03-05', 'time'],
    ['ici.radio-canada.ca.html', '2017-03-13', 'time'],
    ['www.reddit.com.html', null, null],
  ])('%s', (file, date, source) => {
    expect(findPageDate(loadEverydayPage(file), NOW)).toEqual(date ? { date, source } : null);
  });

  it('finds the published day in a header that gives the updated one first, and not a comment’s', () => {
    const page = loadEverydayPage('blisterreview.com.html');
    for (const meta of page.querySelectorAll('meta')) meta.remove();
    for (const marked of page.querySelectorAll('[itemprop]')) marked.removeAttribute('itemprop');
    expect(findPageDate(page, NOW)).toEqual({ date: '2019-04-09', source: 'time' });
  });
});

describe('pageDateOf', () => {
  it('reads a page once, and again after a single-page app moves to another address', () => {
    const publishedOn = (day: string) => {
      const meta = document.createElement('meta');
      meta.setAttribute('property', 'article:published_time');
      meta.setAttribute('content', day);
      document.head.replaceChildren(meta);
    };
    publishedOn('2018-05-12');
    expect(pageDateOf(document)?.date).toBe('2018-05-12');
    publishedOn('2019-06-13');
    expect(pageDateOf(document)?.date).toBe('2018-05-12');
    history.pushState(null, '', '/another-article');
    expect(pageDateOf(document)?.date).toBe('2019-06-13');
    document.head.replaceChildren();
  });
});
