// Saved web pages (SPEC §1c), one fixture per metadata source. Fixtures are written for this
// project; none is copied from a real site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtmlBytes, parseHtmlPage, type SavedPage } from '../../../src/library/html/parseHtmlPage.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/html');
const page = (name: string): SavedPage => parseHtmlPage(decodeHtmlBytes(readFileSync(join(FIXTURES, name))), name);

test('og:title wins, with the site name cut; article:section, published time, author meta, canonical over og:url', () => {
  const p = page('og-title.html');
  assert.equal(p.title, 'The last river ferry keeps running');
  assert.deepEqual(p.section, ['World']);
  assert.equal(p.date, '2025-04-02T09:30:00+02:00');
  assert.equal(p.author, 'Staff reporter');
  assert.equal(p.source, 'https://gazette.example/world/river-ferry');
  assert.deepEqual(p.problems, []);
});

test('rel=prev on <link> and rel=next on an <a> outside the article; hrefs read against the canonical address', () => {
  const p = page('og-title.html');
  assert.deepEqual(p.previous, { title: 'Choir', href: 'https://gazette.example/culture/choir.html' });
  assert.deepEqual(p.next, { title: 'Bridge vote delayed again', href: 'https://gazette.example/world/bridge-vote.html' });
});

test('a related block inside the article becomes `related` and leaves the text; a Read: paragraph stays in place', () => {
  const p = page('og-title.html');
  assert.deepEqual(p.related, [
    { title: 'A night market reopens', href: 'https://gazette.example/world/night-market.html' },
    { title: 'The lighthouse keeper retires', href: 'https://gazette.example/world/lighthouse' },
  ]);
  assert.doesNotMatch(p.markdown, /lighthouse keeper retires|Market stalls/);
  assert.match(p.markdown, /^Read:\u00a0 \[Bridge vote delayed again\]\(https:\/\/gazette\.example\/world\/bridge-vote\.html\)$/m);
  assert.match(p.markdown, /\[river museum\]\(https:\/\/museum\.example\/exhibitions\/ferry\)/);
  assert.match(p.markdown, /^## A crossing with a history$/m);
  // The story's closing line, after the related block, is kept.
  assert.match(p.markdown, /The next review of the service is due in 2035\./);
});

test('images become images of their words on a line of their own, with no source to fetch', () => {
  const p = page('og-title.html');
  assert.match(p.markdown, /^!\[The ferry at its landing stage at dawn\]\(\)$/m);
  assert.doesNotMatch(p.markdown, /images\.example|ferry\.jpg/);
});

test('the <h1> repeating the title, the site menu and the site footer are not in the text', () => {
  const p = page('og-title.html');
  assert.doesNotMatch(p.markdown, /^#+ The last river ferry keeps running/m);
  assert.doesNotMatch(p.markdown, /Harbour Gazette/);
  assert.match(p.markdown, /^Every morning at six/m);
});

test('<title> with " | Site" cut by the <h1>; JSON-LD BreadcrumbList (out of order, Home and the page dropped), datePublished, author.name; og:url as source', () => {
  const p = page('title-site-suffix.html');
  assert.equal(p.title, 'Bridge vote delayed again');
  assert.deepEqual(p.section, ['World', 'Transport']);
  assert.equal(p.date, '2025-03-30');
  assert.equal(p.author, 'Ana Ruiz');
  assert.equal(p.source, 'https://gazette.example/world/transport/bridge-vote');
  assert.match(p.markdown, /^See also: \[The last river ferry keeps running\]\(https:\/\/gazette\.example\/world\/transport\/river-ferry\.html\)$/m);
});

test('the first <h1> when there is no og:title or <title>; a breadcrumb nav; <time datetime> before a date meta; Previous/Next article links outside the article', () => {
  const p = page('title-h1-fallback.html');
  assert.equal(p.title, 'A night market reopens');
  assert.deepEqual(p.section, ['Culture', 'Food and drink']);
  assert.equal(p.date, '2025-02-14');
  assert.deepEqual(p.previous, { title: 'Choir sings at dawn', href: 'choir.html' });
  assert.deepEqual(p.next, { title: 'A concert in the quarry', href: '/culture/quarry-concert' });
  assert.match(p.markdown, /Forty stalls returned to the harbour car park on Friday\./);
  assert.doesNotMatch(p.markdown, /Previous article|Next article|Choir sings|quarry/);
});

test('a short page Readability declines still gives its text', () => {
  const p = page('title-h1-fallback.html');
  assert.ok(p.markdown.includes('Forty stalls'));
  assert.deepEqual(p.problems, []);
});

test('og:site_name cut from the front; a .breadcrumbs run of links; pubdate meta with a time; JSON-LD authors joined when article:author is only a URL; label inside the link', () => {
  const p = page('title-site-first.html');
  assert.equal(p.title, 'Choir sings at dawn');
  assert.deepEqual(p.section, ['Culture', 'Music']);
  assert.equal(p.date, '2025-01-05T07:15:00Z');
  assert.equal(p.author, 'Mei Chen, Tom Okafor');
  assert.equal(p.source, null);
  assert.deepEqual(p.previous, { title: 'A night market reopens', href: 'night-market.html' });
  assert.equal(p.next, null);
  assert.doesNotMatch(p.markdown, /Previous article/);
});

test('with no <h1> and nothing naming the site, the title is kept whole: no part is cut for being shorter', () => {
  const p = page('title-longest.html');
  assert.equal(p.title, 'Gazette · Why the spring tides ran so high this year');
  assert.match(p.markdown, /^Astronomers and harbour masters agree/);
});

test('a list under a "Related articles" heading becomes `related`; the text after it stays; a dc.date in words; site paths read against the canonical address', () => {
  const p = page('related-heading.html');
  assert.deepEqual(p.related, [
    { title: 'A night market reopens', href: 'https://gazette.example/culture/night-market' },
    { title: 'The museum extends its opening hours', href: 'https://gazette.example/culture/museum' },
  ]);
  assert.equal(p.date, '2025-03-08');
  assert.match(p.markdown, /^Read also: \[“Choir sings at dawn”\]\(https:\/\/gazette\.example\/culture\/choir\)$/m);
  assert.doesNotMatch(p.markdown, /Related articles|night market|opening hours/);
  assert.match(p.markdown, /^### Getting there$/m);
  assert.match(p.markdown, /shuttle bus/);
});

test('no trace of scripts, styles, forms, iframes, handlers, menus, cookie banners, comments or hidden text', () => {
  const p = page('junk.html');
  assert.equal(p.title, 'Lighthouse keeper retires');
  for (const mark of ['SCRIPTMARK', 'STYLEMARK', 'ONLOADMARK', 'COOKIEMARK', 'MENUMARK', 'COMMENTMARK', 'JSLINKMARK', 'NOSCRIPTMARK', 'IFRAMEMARK', 'FORMMARK', 'INPUTMARK', 'HIDDENMARK', 'TEMPLATEMARK', 'SVGMARK', 'COMMENTSMARK', 'FOOTERMARK']) {
    assert.ok(!p.markdown.includes(mark), `${mark} leaked into:\n${p.markdown}`);
  }
  assert.doesNotMatch(p.markdown, /onclick|onmouseover|steal\(|track\(|javascript:|Accept all|Subscribe|cookies/i);
  assert.match(p.markdown, /Click here and \[see his photographs\]\(keeper-photos\.html\)/);
  assert.match(p.markdown, /open the tower to visitors/);
});

test('a windows-1252 page read with its declared charset', () => {
  const p = page('windows-1252.html');
  assert.equal(p.title, 'Café prices rise by 2€');
  assert.match(p.markdown, /café’s owner says the new prices — “about 2€ more” — follow/);
  assert.match(p.markdown, /Naïve/);
});

test('&#27; comes out as a literal U+001B (for the renderer to clean), in title and text', () => {
  const p = page('escape-entity.html');
  assert.equal(p.title, 'Terminal \u001b[31mred\u001b[0m title');
  assert.ok(p.markdown.includes('\u001b'), p.markdown);
  assert.ok(!p.markdown.includes('&#27;'));
});

test('an empty or textless page: file name as title, problems noted, no crash', () => {
  const empty = parseHtmlPage('', 'saved/empty-page.html');
  assert.equal(empty.title, 'empty-page');
  assert.equal(empty.markdown, '');
  assert.deepEqual(empty.problems, ['no title found (no og:title, <title> or <h1>); using the file name', 'no readable content found']);
  const scripts = parseHtmlPage('<html><head><title>Only code</title></head><body><script>x()</script></body></html>', 'x.html');
  assert.equal(scripts.title, 'Only code');
  assert.deepEqual(scripts.problems, ['no readable content found']);
});

test('a fragment without <html>/<body> is read', () => {
  const p = parseHtmlPage('<title>Bits</title><p>Just a <a href="a.html">paragraph</a>.</p>', 'bits.html');
  assert.equal(p.title, 'Bits');
  assert.equal(p.markdown, 'Just a [paragraph](a.html).\n');
});

test('an unreadable date is a problem, and the next source is tried first', () => {
  const both = parseHtmlPage('<html><head><meta property="article:published_time" content="soon"><meta name="date" content="2024-02-29"></head><body><p>Text.</p></body></html>', 'd.html');
  assert.equal(both.date, '2024-02-29');
  const bad = parseHtmlPage('<html><head><meta property="article:published_time" content="2025-02-30"></head><body><p>Text.</p></body></html>', 'd.html');
  assert.equal(bad.date, null);
  assert.deepEqual(bad.problems.filter((m) => m.startsWith('date')), ['date "2025-02-30" is not a date broadsheet can read']);
});

test('Read: lines in styled boxes (an <aside>, nested divs, a bold opener) stay in place as plain paragraphs', () => {
  const p = page('read-boxes.html');
  assert.equal(p.title, 'Harbour wall rebuilt');
  const paragraphs = p.markdown.trim().split('\n\n');
  assert.deepEqual(paragraphs.map((para) => para.slice(0, 12)), ['The harbour ', 'Read: [The l', 'The old wall', 'See also: [B', 'The masons f']);
  assert.match(p.markdown, /^Read: \[The last river ferry keeps running\]\(river-ferry\.html\)$/m);
  assert.match(p.markdown, /^See also: \[Bridge vote delayed again\]\(bridge-vote\.html\)$/m);
  assert.deepEqual(p.related, []);
});
