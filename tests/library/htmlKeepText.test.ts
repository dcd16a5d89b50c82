// The article's text is kept (issue 14): a box with a "related"/"read-more" class is taken as
// related reading only when it is a box of links; one holding the rest of the story stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtmlPage } from '../../src/library/html/parseHtmlPage.js';
import { htmlPage, shownPage } from './html/shownPage.js';

const paragraphs = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>Paragraph ${first + i} of the harbour story: the masons worked through the winter storms, replacing the stones one by one and keeping a log of every day's progress for the council.</p>`).join('\n');

// The story's page has a long site section beside it, so the read-more box is under half of the page's text.
const readMorePage = `<!doctype html><html><head><meta charset="utf-8"><title>The harbour wall is rebuilt</title></head><body>
<div class="story"><h1>The harbour wall is rebuilt</h1>
${paragraphs(1, 3)}
<div id="read-more" class="read-more-container">
${paragraphs(4, 8)}
<p>See <a href="https://gazette.example/harbour">the harbour page</a> for the timetable.</p>
</div>
<aside class="related-stories"><h3>More stories</h3><ul>
<li><a href="https://gazette.example/a">A night market reopens</a></li>
<li><a href="https://gazette.example/b">The lighthouse keeper retires</a></li>
</ul></aside></div>
<div class="site-about">${'<div>About the gazette: founded by the harbour guild, printed weekly, read in every village along the estuary and beyond.</div>'.repeat(30)}</div>
</body></html>`;

test('a "read-more" box holding most of the story stays in the text; a box of links is still related reading', async () => {
  const text = await shownPage(readMorePage);
  for (let n = 1; n <= 11; n++) assert.match(text, new RegExp(`Paragraph ${n} of the harbour story`));
  assert.match(text, /the harbour page/);
  const parsed = parseHtmlPage(readMorePage, 'page.html');
  assert.deepEqual(parsed.related.map((l) => l.title), ['A night market reopens', 'The lighthouse keeper retires']);
  assert.doesNotMatch(parsed.markdown, /lighthouse keeper/);
});

test('Readability\'s story is shown even when it is a small part of <main>: no menus or teasers come back with the page', async () => {
  const teasers = Array.from({ length: 60 }, (_, i) => `<div class="card"><a href="/t${i}"><h3>Teaser headline number ${i}</h3></a><p>Teaser summary ${i}, a line about another story of the week.</p></div>`).join('');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>The harbour wall is rebuilt</title></head><body><main>
<h1>The harbour wall is rebuilt</h1><div class="story">${paragraphs(1, 4)}</div>
<section class="more">${teasers}</section></main></body></html>`;
  const text = await shownPage(html);
  assert.match(text, /Paragraph 4 of the harbour story/);
  assert.doesNotMatch(text, /Teaser headline/);
});
