// Saved pages as the library reads them (SPEC §1c): charset, title, byline, section, previous/next
// and dates, one rule per test. Every page here is written for this project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, libraryOf } from '../helpers.js';
import { parseHtmlPage } from '../../../src/library/html/parseHtmlPage.js';

const STORY = '<p>The last ferry across the river left on time this morning, as it has every day for ninety years, and the crew say it will keep running while anyone still wants to cross.</p><p>Passengers were few but loyal: a baker, two schoolchildren and a man with a bicycle, who said he had never once taken the bridge.</p>';

/** A saved page: `head` inside <head>, `body` inside <body>. */
const pageOf = (head: string, body: string) => parseHtmlPage(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`, 'page.html');

test('a page saved as UTF-8 that still declares gb2312 reads right, with an encoding problem naming the mismatch', async () => {
  const html = '<!doctype html><html><head><meta charset="gb2312"><title>渡船照常运行｜港口日报</title></head><body><article><h1>渡船照常运行</h1><p>今天早上，最后一班渡船照常离港。船长说，只要还有乘客，他就会继续开船。</p></article></body></html>';
  const { lib } = await libraryOf({ 'ferry.html': Buffer.from(html, 'utf8') });
  const a = article(lib, 'ferry');
  assert.equal(a.title, '渡船照常运行');
  assert.match(a.body, /最后一班渡船照常离港/);
  const encoding = a.problems.filter((p) => p.kind === 'encoding');
  assert.equal(encoding.length, 1, JSON.stringify(a.problems));
  assert.match(encoding[0].message, /gb2312.*UTF-8/);
});

test('a logo <h1> in the page header, or one that is the site name, is not the headline: the real <h1> cuts the title', () => {
  const p = pageOf(
    '<title>Harbour Weekly · The ferry keeps running · Local news</title><meta property="og:site_name" content="Harbour Weekly">',
    `<header><h1>HW</h1><nav><a href="/">Home</a></nav></header><div class="logo"><h1><a href="/">Harbour</a></h1></div><h1 class="brand">Harbour Weekly</h1><article><header><h1>The ferry keeps running</h1></header>${STORY}</article>`,
  );
  assert.equal(p.title, 'The ferry keeps running');
  const noOtherH1 = pageOf('<title>Harbour Weekly - The ferry - a history</title><meta property="og:site_name" content="Harbour Weekly">', `<header><h1>Harbour Weekly</h1></header><article>${STORY}</article>`);
  assert.equal(noOtherH1.title, 'The ferry - a history', 'the logo <h1> cut nothing; the site name did');
});

test('the site name is cut when it is the domain of the page address, with no og:site_name', () => {
  const p = pageOf('<title>The ferry keeps running | harbourweekly.example</title><link rel="canonical" href="https://www.harbourweekly.example/ferry">', `<article>${STORY}</article>`);
  assert.equal(p.title, 'The ferry keeps running');
});

test('a generic og:title loses to <title> and <h1> when they agree; an og:title worded otherwise than the <h1> still wins', () => {
  const generic = pageOf(
    '<meta property="og:title" content="Latest News &amp; Headlines"><title>The ferry keeps running | Harbour Weekly</title>',
    `<article><h1>The ferry keeps running</h1>${STORY}</article>`,
  );
  assert.equal(generic.title, 'The ferry keeps running');
  const reworded = pageOf(
    '<meta property="og:title" content="The river ferry keeps running after ninety years"><title>The ferry keeps running</title>',
    `<article><h1>The ferry keeps running</h1>${STORY}</article>`,
  );
  assert.equal(reworded.title, 'The river ferry keeps running after ninety years');
});

test('space-separated RDFa properties: property="og:title twitter:title" is an og:title', () => {
  const p = pageOf('<title>Something else entirely</title><meta property="og:title twitter:title" content="The ferry keeps running">', `<article>${STORY}</article>`);
  assert.equal(p.title, 'The ferry keeps running');
});

test('with no author meta or JSON-LD, the byline in the page: rel=author, itemprop=author (its name), .byline', () => {
  const relAuthor = pageOf('<title>The ferry</title>', `<article><h1>The ferry</h1><p class="meta">By <a rel="author" href="/people/ada">Ada Lovell</a></p>${STORY}</article>`);
  assert.equal(relAuthor.author, 'Ada Lovell');
  const itemprop = pageOf(
    '<title>The ferry</title>',
    `<article><h1>The ferry</h1><div itemprop="author" itemscope itemtype="https://schema.org/Person"><img alt=""><span itemprop="name">Bram Osei</span><span>Harbour correspondent</span></div>${STORY}</article>`,
  );
  assert.equal(itemprop.author, 'Bram Osei');
  const byline = pageOf('<title>The ferry</title>', `<article><h1>The ferry</h1><div class="story-byline">By Cleo Marsh\n  <time>4 March 2025, 09:30</time></div>${STORY}</article>`);
  assert.equal(byline.author, 'Cleo Marsh');
  const glued = pageOf('<title>The ferry</title>', `<article><h1>The ferry</h1><div class="byline">by Dev Anand4 Mar 2025</div>${STORY}</article>`);
  assert.equal(glued.author, 'Dev Anand');
});

test('a byline that is not a name is passed over: "Follow Author", a lone "By", a date, a URL, a sign-up link, comment authors', () => {
  const p = pageOf(
    '<title>The ferry</title>',
    `<div id="authorization"><a href="/join">Sign Up</a></div><article><h1>The ferry</h1>
     <div class="author-follow"><button>+</button><span class="author-cta">Follow Author</span></div>
     <span class="byline">By</span><span class="byline">Sunday, 4 March 2025</span><span class="author-link">https://ferry.example/people</span>
     ${STORY}<section class="comments"><p class="comment-author">Troll 99</p></section></article>`,
  );
  assert.equal(p.author, null);
  const later = pageOf('<title>The ferry</title>', `<article><h1>The ferry</h1><span class="byline">Follow Author</span><p>Words by <span class="author">Elif Kaya</span></p>${STORY}</article>`);
  assert.equal(later.author, 'Elif Kaya');
});

test('the byline in the article wins over one earlier in the page (a teaser list), and the meta author over both', () => {
  const p = pageOf(
    '<title>The ferry</title>',
    `<div class="teasers"><ul><li><a href="/a">Another story</a> <span class="byline">Gus Nilsen</span></li></ul></div><article><h1>The ferry</h1><p class="byline">By Hana Ueda</p>${STORY}</article>`,
  );
  assert.equal(p.author, 'Hana Ueda');
  const meta = pageOf('<title>The ferry</title><meta name="author" content="Iris Moor">', `<article><h1>The ferry</h1><p class="byline">By Hana Ueda</p>${STORY}</article>`);
  assert.equal(meta.author, 'Iris Moor');
});

/** A page whose breadcrumb trail is `crumbs`, as a list. */
const withCrumbs = (crumbs: string[], head = '<title>The ferry keeps running</title>') =>
  pageOf(head, `<nav class="breadcrumbs"><ol>${crumbs.map((c) => `<li><a href="/x">${c}</a></li>`).join('')}</ol></nav><article><h1>The ferry keeps running</h1>${STORY}</article>`);

test('a localised Home leading the breadcrumb trail is dropped, as Home is', () => {
  for (const home of ['首页', 'ホーム', 'トップ', 'Accueil', 'Inicio', 'Startseite', 'Strona główna', 'Главная', 'Home page']) {
    assert.deepEqual(withCrumbs([home, 'World', 'Transport']).section, ['World', 'Transport'], home);
  }
  assert.deepEqual(withCrumbs(['Harbour Weekly Home', 'Transport']).section, ['Transport'], 'the site name and Home');
  assert.deepEqual(withCrumbs(['HW', 'Transport'], '<title>The ferry keeps running</title><link rel="canonical" href="https://hw.example/ferry">').section, ['Transport'], 'the host name');
  assert.deepEqual(withCrumbs(['Home & Garden', 'Boats']).section, ['Home & Garden', 'Boats'], 'a section that starts with Home stays');
});

test('the article itself as the last crumb is dropped: its title, its <h1>, its title with the site name, or cut short; so is "正文"', () => {
  const head = '<title>The ferry keeps running | Harbour Weekly</title><meta property="og:title" content="Why the last river ferry keeps running">';
  assert.deepEqual(withCrumbs(['World', 'The ferry keeps running'], head).section, ['World'], 'the <h1>');
  assert.deepEqual(withCrumbs(['World', 'Why the last river ferry keeps running | Harbour Weekly'], head).section, ['World'], 'the title with the site name');
  assert.deepEqual(withCrumbs(['World', 'Why the last river'], head).section, ['World'], 'the title cut short');
  assert.deepEqual(withCrumbs(['科技', '正文']).section, ['科技']);
  assert.deepEqual(withCrumbs(['World', 'Transport', 'Email a Friend', 'Print Article']).section, ['World', 'Transport'], 'page tools in the trail');
  assert.deepEqual(withCrumbs(['World', 'Why the'], head).section, ['World', 'Why the'], 'two words are not enough to say it is the title');
});

test('previous/next are labelled by the target article when it is in the library, whatever the link says', async () => {
  const page = (title: string, links: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${links}</head><body><article><h1>${title}</h1>${STORY}</article></body></html>`;
  const { lib } = await libraryOf({
    'ferry.html': page('The ferry keeps running', '').replace('</article>', '</article><a rel="prev" href="choir.html">← Previous: ← Previous story</a> <a rel="next" href="bridge.html">Next story →</a>'),
    'choir.html': page('Choir sings at dawn', ''),
    'bridge.html': page('Bridge vote delayed', ''),
  });
  const a = article(lib, 'ferry');
  assert.equal(a.previous?.title, 'Choir sings at dawn');
  assert.equal(a.next?.title, 'Bridge vote delayed');
});

test('previous/next not in the library: the link words unless they only say "next", else its title attribute, else the URL slug', () => {
  const links = (previous: string, next: string) => pageOf('<title>The ferry</title>', `<article><h1>The ferry</h1>${STORY}</article><nav class="pager">${previous} ${next}</nav>`);
  const worded = links('<a rel="prev" href="/world/choir-at-dawn">← Previous: Choir sings at dawn</a>', '<a rel="next" href="/world/bridge">Next story: Bridge vote delayed →</a>');
  assert.equal(worded.previous?.title, 'Choir sings at dawn');
  assert.equal(worded.next?.title, 'Bridge vote delayed');
  const attribute = links('<a rel="prev" href="/p/1" title="Choir sings at dawn">← Previous: ← Previous story</a>', '<a rel="next" href="/world/bridge-vote-delayed-2596982.html">Next story →</a>');
  assert.equal(attribute.previous?.title, 'Choir sings at dawn');
  assert.equal(attribute.next?.title, 'Bridge vote delayed');
  const labelled = pageOf('<title>The ferry</title>', `<article><h1>The ferry</h1>${STORY}</article><p>Next article: <a href="https://ferry.example/2025/04/night-market-reopens/">Next story</a></p><p>Nächste Meldung <a href="/meldung/12345">Weiter →</a></p>`);
  assert.equal(labelled.next?.title, 'Night market reopens');
  const pager = links('<a rel="prev" href="/?page=1&amp;list">←</a>', '<a rel="next" href="https://ferry.example/">Next →</a>');
  assert.equal(pager.previous?.title, 'Page 1');
  assert.equal(pager.next?.title, 'https://ferry.example/', 'nothing better to say than the address');
});

test('with no og:title, a Dublin Core or Parse.ly title comes before <title>', () => {
  const dc = pageOf('<title>draft-ferry-04 - Ferry timetables</title><meta name="DC.Title" content="Ferry timetables">', `<article>${STORY}</article>`);
  assert.equal(dc.title, 'Ferry timetables');
  const parsely = pageOf('<meta name="parsely-title" content="The ferry keeps running">', `<article><h1>Ferry</h1>${STORY}</article>`);
  assert.equal(parsely.title, 'The ferry keeps running');
});
