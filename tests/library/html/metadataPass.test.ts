// The metadata pass (a streaming tokenizer, no DOM) and full extraction give a saved page the
// same title, section, date, author, source and previous/next: the list a folder of pages shows
// at once is the list it shows once every page is read, row for row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFolder } from '../helpers.js';
import { loadLibrary, type Article, type Library } from '../../../src/library/index.js';
import { extractLibrary, extractPages } from '../../../src/library/pageExtraction.js';
import { readPageMetadata } from '../../../src/library/html/pageMetadata.js';
import { parseHtmlPage } from '../../../src/library/html/parseHtmlPage.js';
import { METADATA_PAGES } from './metadataPages.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/html/', import.meta.url));

/** Every saved page written for the tests: the ones here and the shared fixtures. */
function allPages(): Record<string, string> {
  const pages: Record<string, string> = { ...METADATA_PAGES };
  for (const name of readdirSync(FIXTURES)) if (name.endsWith('.html')) pages[`fixtures-${name}`] = readFileSync(join(FIXTURES, name), 'latin1');
  return pages;
}

/** What a list row and the record show of a page, before and after extraction. */
function header(a: Article) {
  return { title: a.title, section: a.section, date: a.date, author: a.author, source: a.source, previous: a.previous, next: a.next };
}

test('on every fixture page, the metadata pass gives what full extraction gives', () => {
  for (const [name, html] of Object.entries(allPages())) {
    const { metadata } = readPageMetadata(html, name);
    const page = parseHtmlPage(html, name);
    const { title, section, date, author, source, previous, next } = page;
    assert.deepEqual(
      { title: metadata.title, section: metadata.section, date: metadata.date, author: metadata.author, source: metadata.source, previous: metadata.previous, next: metadata.next },
      { title, section, date, author, source, previous, next },
      name,
    );
    for (const problem of metadata.problems) assert.ok(page.problems.includes(problem), `${name}: ${problem}`);
  }
});

test('the library read by the metadata pass lists every page as the extracted library does', async () => {
  const dir = await makeFolder(allPages());
  const quick = await loadLibrary([dir], { pages: 'metadata' });
  const whole = await loadLibrary([dir]);
  assert.deepEqual(quick.articles.map((a) => a.id), whole.articles.map((a) => a.id));
  assert.deepEqual([...(quick.pendingPages ?? [])], quick.articles.map((a) => a.id), 'every page waits for its extraction');
  assert.equal(whole.pendingPages, undefined);
  for (const article of whole.articles) assert.deepEqual(header(quick.byId.get(article.id)!), header(article), article.id);
  // Then extracted (on this thread: the sources have no worker script), it is the whole library.
  const extracted = await extractLibrary([dir], quick, { pages: 'metadata' });
  assert.equal(extracted.pendingPages, undefined);
  assert.deepEqual(extracted.articles, whole.articles);
});

test('what each rule reads from the fixture pages', () => {
  const meta = (name: string) => readPageMetadata(METADATA_PAGES[name], name).metadata;
  assert.equal(meta('site-suffix.html').title, 'The ferry keeps running');
  assert.equal(meta('site-suffix.html').author, 'Ana Ruiz');
  const market = meta('byline-element.html');
  assert.equal(market.author, 'Li Wei', 'the byline in the story, not the comment');
  assert.equal(market.date?.slice(0, 10), '2025-04-02', 'the time in the story, not the footer\'s');
  const bac = meta('person-breadcrumbs.html');
  assert.equal(bac.author, 'Claire Martin');
  assert.deepEqual(bac.section, ['Régions', 'Loire'], 'Accueil and the page itself are no section');
  assert.equal(bac.date?.slice(0, 10), '2025-05-06');
  const pager = meta('prev-next.html');
  assert.equal(pager.previous?.title, 'Bridge vote called');
  assert.equal(pager.next?.title, 'Night market reopens');
  const bare = meta('no-skeleton.html');
  assert.equal(bare.title, 'Timetable for the summer');
  assert.equal(bare.author, 'Sam Okafor');
  assert.deepEqual(bare.section, ['Transport']);
  const logo = meta('banner-logo.html');
  assert.equal(logo.title, '渡轮继续运行', 'the site name cut at a CJK separator; the masthead <h1> is the logo');
  assert.equal(logo.date, '2025-01-20');
  assert.equal(logo.next?.href, 'https://news.example/zh/ferry-2.html', 'read against <base href>');
  assert.equal(logo.next?.title, '渡轮的第二部分');
  const trail = meta('text-trail.html');
  assert.equal(trail.title, 'Rivers of the north');
  assert.deepEqual(trail.section, ['World', 'Rivers']);
  assert.equal(trail.author, 'Jo Park');
  assert.match(trail.problems.join('\n'), /sometime soon/);
  assert.equal(meta('jsonld-headline.html').title, 'Night ferry added after bridge closure', 'the JSON-LD headline before og:title');
  const dc = meta('dublin-core.html');
  assert.deepEqual([dc.title, dc.author], ['Tide tables for the estuary', 'Mo Hassan'], 'Dublin Core before og:title and the author meta');
});

test('extraction reports its progress page by page and stops when told', async () => {
  const dir = await makeFolder(METADATA_PAGES);
  const quick: Library = await loadLibrary([dir], { pages: 'metadata' });
  const seen: string[] = [];
  const results = await extractPages(quick, { onProgress: ({ done, total }) => seen.push(`${done}/${total}`) }).done;
  const total = Object.keys(METADATA_PAGES).length;
  assert.deepEqual(seen, Array.from({ length: total + 1 }, (_, i) => `${i}/${total}`));
  assert.equal(results.size, total);
  const stopped = extractPages(quick);
  stopped.stop();
  assert.ok((await stopped.done).size < total, 'a stopped extraction starts no more pages');
});
