// A saved page's links read against the page's own address (SPEC §1c, issue 14): another saved
// page when its source matches, external otherwise, in-page fragments to headings or words;
// never "not in library", never a `check` problem. Pages written for this project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryOf, bodyOf } from './helpers.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import { importedMarkdown } from '../../src/commands/importedMarkdown.js';
import type { Library } from '../../src/library/index.js';
import { htmlPage } from './html/shownPage.js';

const page = htmlPage;

const story = (links: string) =>
  `<h1>The ferry timetable changes</h1>
<p>The harbour office published the winter timetable on Monday, and the first crossing now leaves at half past six.</p>
<p>${links}</p>
<p>Passengers with season tickets keep them until the spring, the office said in a note on the landing stage.</p>`;

function shown(lib: Library, id: string): { text: string; links: { label: string; target: unknown }[] } {
  const r = renderArticle(bodyOf(lib, id), { width: 200, color: false });
  return { text: r.plainLines.join('\n'), links: r.links.map((l) => ({ label: l.label, target: l.target })) };
}

const linkProblems = (lib: Library) => lib.problems.filter((p) => ['unresolved', 'ambiguous', 'outside-root'].includes(p.kind));

test('site-relative links read against the canonical address: another saved page by its source, the rest external, none "not in library"', async () => {
  const { lib } = await libraryOf({
    'ferry.html': page(
      '<title>The ferry timetable changes</title><link rel="canonical" href="https://gazette.example/news/ferry">',
      story('See <a href="/wiki/Harbour">the harbour</a>, <a href="?page=2">page two</a>, <a href="../tags/boats">boats</a> and <a href="//other.example/x">elsewhere</a>.'),
    ),
    'harbour.html': page('<title>Harbour</title><link rel="canonical" href="https://gazette.example/wiki/Harbour">', '<p>The harbour was dug in 1820.</p>'),
  });
  const { text, links } = shown(lib, 'ferry');
  assert.doesNotMatch(text, /not in library/);
  assert.deepEqual(linkProblems(lib), []);
  assert.deepEqual(links, [
    { label: 'the harbour', target: { kind: 'article', id: 'harbour' } },
    { label: 'page two', target: { kind: 'external', url: 'https://gazette.example/news/ferry?page=2' } },
    { label: 'boats', target: { kind: 'external', url: 'https://gazette.example/tags/boats' } },
    { label: 'elsewhere', target: { kind: 'external', url: 'https://other.example/x' } },
  ]);
  assert.match(text, /page two \(https:\/\/gazette\.example\/news\/ferry\?page=2\)/);
});

test('<base href> wins over the canonical address, and is itself read against it', async () => {
  const { lib } = await libraryOf({
    'ferry.html': page(
      '<title>The ferry timetable changes</title><base href="/archive/2025/"><link rel="canonical" href="https://gazette.example/news/ferry">',
      story('See <a href="winter.html">the winter timetable</a>.'),
    ),
  });
  assert.deepEqual(shown(lib, 'ferry').links, [{ label: 'the winter timetable', target: { kind: 'external', url: 'https://gazette.example/archive/2025/winter.html' } }]);
});

test('og:url is the address when there is no canonical link', async () => {
  const { lib } = await libraryOf({
    'ferry.html': page('<title>The ferry timetable changes</title><meta property="og:url" content="https://gazette.example/news/ferry">', story('See <a href="/weather">the weather</a>.')),
  });
  assert.deepEqual(shown(lib, 'ferry').links, [{ label: 'the weather', target: { kind: 'external', url: 'https://gazette.example/weather' } }]);
});

test('a page with no address: a saved page beside it is internal by path; a site path or a saved page not there is plain words', async () => {
  const { lib } = await libraryOf({
    'ferry.html': page('<title>The ferry timetable changes</title>', story('See <a href="harbour.html">the harbour</a> and <a href="/wiki/Boats">boats</a>, not <a href="../../index.html">the index</a>.')),
    'harbour.html': page('<title>Harbour</title>', '<p>The harbour was dug in 1820.</p>'),
  });
  const { text, links } = shown(lib, 'ferry');
  assert.deepEqual(links, [{ label: 'the harbour', target: { kind: 'article', id: 'harbour' } }]);
  assert.match(text, /See the harbour and boats, not the index\./);
  assert.doesNotMatch(text, /not in library/);
  assert.deepEqual(linkProblems(lib), []);
});

test('previous/next on a page with no address that lead to no saved page are dropped; with an address they are the site\'s URLs', async () => {
  const chainLinks = '<link rel="prev" href="tides.html" title="The tide tables"><link rel="next" href="harbour.html">';
  const { lib } = await libraryOf({
    'ferry.html': page(`<title>The ferry timetable changes</title>${chainLinks}`, story('Nothing else links here.')),
    'harbour.html': page('<title>Harbour</title>', '<p>The harbour was dug in 1820.</p>'),
    'moved.html': page(`<title>Moved</title><link rel="canonical" href="https://gazette.example/news/moved">${chainLinks}`, story('Nor here.')),
  });
  const ferry = lib.byId.get('ferry')!;
  assert.equal(ferry.previous, null, 'tides.html is not in the library and the page has no address');
  assert.deepEqual(ferry.next?.target, { kind: 'article', id: 'harbour' });
  assert.doesNotMatch(shown(lib, 'ferry').text, /not in library|tide tables/);
  assert.deepEqual(lib.byId.get('moved')!.previous?.target, { kind: 'external', url: 'https://gazette.example/news/tides.html' });
  assert.deepEqual(linkProblems(lib), []);
});

test('an in-page fragment naming a heading leads to it; one naming anything else (a footnote) is plain words', async () => {
  const { lib } = await libraryOf({
    'ferry.html': page(
      '<title>The ferry timetable changes</title><link rel="canonical" href="https://gazette.example/news/ferry">',
      story('Read <a href="#fares">the fares</a>, a note<sup><a href="#cite_note-1">[1]</a></sup> and <a href="https://gazette.example/news/ferry#fares">fares again</a>.') +
        '<h2 id="fares">Fares and passes</h2><p>A single crossing costs two pounds, a return three.</p><ol><li id="cite_note-1">The office’s note.</li></ol>',
    ),
  });
  const { text, links } = shown(lib, 'ferry');
  assert.deepEqual(links, [
    { label: 'the fares', target: { kind: 'article', id: 'ferry', heading: 'Fares and passes' } },
    { label: 'fares again', target: { kind: 'article', id: 'ferry', heading: 'Fares and passes' } },
  ]);
  assert.doesNotMatch(text, /not in library|cite_note/);
});

test('import writes each link of a saved page with its absolute URL, its own label and its fragment', async () => {
  const { lib } = await libraryOf({
    'ferry.html': page(
      '<title>The ferry timetable changes</title><link rel="canonical" href="https://gazette.example/news/ferry">',
      story('<a href="/wiki/Netscape">Netscape</a> and <a href="/wiki/Netscape">Netscape Communications Corporation</a>, see <a href="/wiki/Boats#Sails">sails</a>.'),
    ),
  });
  const written = importedMarkdown(bodyOf(lib, 'ferry'), new Map());
  assert.match(written, /\[Netscape\]\(https:\/\/gazette\.example\/wiki\/Netscape\) and \[Netscape Communications Corporation\]\(https:\/\/gazette\.example\/wiki\/Netscape\)/);
  assert.match(written, /\[sails\]\(https:\/\/gazette\.example\/wiki\/Boats#Sails\)/);
  assert.doesNotMatch(written, /\[\[/);
});

test('import keeps each label of links to one missing saved page', async () => {
  const { lib } = await libraryOf({
    'ferry.html': page('<title>The ferry timetable changes</title>', story('<a href="netscape.html">Netscape</a> and <a href="netscape.html">Netscape Communications Corporation</a>.')),
  });
  const written = importedMarkdown(bodyOf(lib, 'ferry'), new Map());
  assert.match(written, /\[\[Netscape\]\] and \[Netscape Communications Corporation\]\(<Netscape>\)\./);
});
