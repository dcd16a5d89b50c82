// The metadata rules one by one, on their edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutSiteName } from '../../../src/library/html/pageTitle.js';
import { parseHtmlPage } from '../../../src/library/html/parseHtmlPage.js';

const noSite = { name: null, host: null, author: null };
const gazette = { name: 'Gazette', host: null, author: null };

test('cutSiteName: the part matching the headline <h1> wins, even when it holds a separator itself', () => {
  assert.equal(cutSiteName('Ferry – the last crossing | Gazette', 'Ferry - the last crossing', noSite), 'Ferry – the last crossing');
  assert.equal(cutSiteName('Gazette · World · Ferry keeps running', 'Ferry keeps running', gazette), 'Ferry keeps running');
  assert.equal(cutSiteName('FERRY KEEPS RUNNING — Gazette', 'Ferry keeps running', noSite), 'FERRY KEEPS RUNNING');
});

test('cutSiteName: og:site_name dropped from either end when no part matches the <h1>', () => {
  assert.equal(cutSiteName('Gazette - Choir sings at dawn', '', gazette), 'Choir sings at dawn');
  assert.equal(cutSiteName('Choir sings - at dawn | Gazette', 'Something else', gazette), 'Choir sings - at dawn');
});

test('cutSiteName: the domain names the site too: the host, its name, or its name and a word or two', () => {
  assert.equal(cutSiteName('Choir sings at dawn | harbourgazette.example', '', { name: null, author: null, host: 'www.harbourgazette.example' }), 'Choir sings at dawn');
  assert.equal(cutSiteName('Choir sings at dawn - Harbour Gazette', '', { name: null, author: null, host: 'harbourgazette.example' }), 'Choir sings at dawn');
  assert.equal(cutSiteName('Choir sings at dawn - HGN News', '', { name: null, author: null, host: 'news.hgn.co.uk' }), 'Choir sings at dawn');
  assert.equal(cutSiteName('Fan fiction, chapter 1 | Ferry fans [Harbour Archive]', '', { name: null, author: null, host: 'harbourarchive.example' }), 'Fan fiction, chapter 1 | Ferry fans');
});

test('cutSiteName: on a personal site, the owner (the page\'s author) is the site', () => {
  assert.equal(cutSiteName('Testing front-end code | Notes | Jane Doe', '', { name: null, host: null, author: 'Jane Doe' }), 'Testing front-end code | Notes');
});

test('cutSiteName: a part that is not the site is never cut, even the shorter one; no separator means no cut', () => {
  assert.equal(cutSiteName('Ferries - a history | A rather long headline', '', noSite), 'Ferries - a history | A rather long headline');
  assert.equal(cutSiteName('The river - and the town that lives on it', '', gazette), 'The river - and the town that lives on it');
  assert.equal(cutSiteName('Well-known ferry keeps running', '', gazette), 'Well-known ferry keeps running');
  assert.equal(cutSiteName('Ferry|Gazette', '', noSite), 'Ferry|Gazette');
});

test('cutSiteName: the CJK separators ：, ｜ and _ (beside CJK text only), unspaced', () => {
  assert.equal(cutSiteName('渡船照常运行｜港口日报', '', { name: '港口日报', host: null, author: null }), '渡船照常运行');
  assert.equal(cutSiteName('渡し船は今も走る：港町新聞', '', { name: '港町新聞', host: null, author: null }), '渡し船は今も走る');
  assert.equal(cutSiteName('渡船照常运行_新闻_港口网', '渡船照常运行', noSite), '渡船照常运行');
  assert.equal(cutSiteName('read_me_first', '', { name: 'first', host: null, author: null }), 'read_me_first');
});

const head = (inner: string, body = '<p>Some text to read.</p>') => `<!doctype html><html><head>${inner}</head><body>${body}</body></html>`;

test('source: canonical, else og:url; an absolute URL preferred to a relative canonical', () => {
  assert.equal(parseHtmlPage(head('<link rel="canonical" href="/world/ferry"><meta property="og:url" content="https://g.example/world/ferry">'), 'a.html').source, 'https://g.example/world/ferry');
  assert.equal(parseHtmlPage(head('<link rel="canonical" href="/world/ferry">'), 'a.html').source, '/world/ferry');
  assert.equal(parseHtmlPage(head(''), 'a.html').source, null);
});

test('author: several author metas joined; "By " dropped; JSON-LD author as a plain string', () => {
  assert.equal(parseHtmlPage(head('<meta name="author" content="By Ana Ruiz"><meta name="author" content="Tom Okafor">'), 'a.html').author, 'Ana Ruiz, Tom Okafor');
  assert.equal(parseHtmlPage(head('<script type="application/ld+json">{"@type":"NewsArticle","author":"Mei Chen"}</script>'), 'a.html').author, 'Mei Chen');
  assert.equal(parseHtmlPage(head('<script type="application/ld+json">{ broken json </script>'), 'a.html').author, null);
});

test('section: a multi-part article:section, Home and the site name dropped from breadcrumbs, a shortened last crumb dropped', () => {
  assert.deepEqual(parseHtmlPage(head('<meta property="article:section" content="World / Transport">'), 'a.html').section, ['World', 'Transport']);
  const crumbs = '<ol class="breadcrumb"><li><a href="/">Gazette</a></li><li><a href="/world">World</a> ›</li><li>The last river…</li></ol>';
  const p = parseHtmlPage(head('<title>The last river ferry keeps running</title><meta property="og:site_name" content="Gazette">', `${crumbs}<p>Text to read.</p>`), 'a.html');
  assert.deepEqual(p.section, ['World']);
  assert.deepEqual(parseHtmlPage(head('<meta property="article:section" content="Home">', '<nav aria-label="breadcrumb">Home / Science / Tides</nav><p>Text.</p>'), 'a.html').section, ['Science', 'Tides']);
});

test('previous/next: <a rel="prev next"> tokens; a <link> title taken from a link with the same href', () => {
  const p = parseHtmlPage(head('<link rel="next" href="b.html">', '<p>Text to read.</p><p><a rel="nofollow prev" href="z.html">Zed</a> <a href="b.html">Bee</a></p>'), 'a.html');
  assert.deepEqual(p.previous, { title: 'Zed', href: 'z.html' });
  assert.deepEqual(p.next, { title: 'Bee', href: 'b.html' });
});

test('previous/next: a label with no link near it takes none; the first label of each kind wins', () => {
  const body = '<div><p>Previous article</p></div><p>Lots of text in between that is not a link at all.</p><div><div><div><div><div><a href="far.html">Far</a></div></div></div></div></div>'
    + '<p>Next article: <a href="n1.html">One</a></p><p>Next article: <a href="n2.html">Two</a></p>';
  const p = parseHtmlPage(head('', body), 'a.html');
  assert.equal(p.previous, null);
  assert.deepEqual(p.next, { title: 'One', href: 'n1.html' });
});

test('tables become GFM tables; <pre> keeps its lines in a fence', () => {
  const body = '<article><p>The timetable for the ferry and the bus, as printed on Monday by the council for everyone.</p><table><tr><th>Service</th><th>Leaves</th></tr><tr><td>Ferry</td><td>06:00</td></tr></table><pre>a\n  b</pre></article>';
  const md = parseHtmlPage(head('', body), 'a.html').markdown;
  assert.match(md, /^\| Service \| Leaves \|\n\| --- \| --- \|\n\| Ferry \| 06:00 \|$/m);
  assert.match(md, /^```\na\n {2}b\n```$/m);
});
