// One date rule for every format (text/dates.ts): an impossible day is refused the same way
// in front matter and in a saved page's metadata, and a real one reads the same in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, libraryOf } from './helpers.js';

const page = (date: string) =>
  `<!doctype html><html><head><title>Dated page</title><meta property="article:published_time" content="${date}"></head>` +
  '<body><article><p>Text of a dated page, long enough to be the article.</p></article></body></html>';

test('date: 2025-02-30 is one problem, in the same words, in Markdown and in a saved page', async () => {
  const { lib } = await libraryOf({
    'notes/bad.md': '---\ntitle: Bad date\ndate: 2025-02-30\n---\n\nText.\n',
    'pages/bad.html': page('2025-02-30'),
  });
  const message = 'date "2025-02-30" is not a date broadsheet can read';
  const markdown = article(lib, 'notes/bad');
  const html = article(lib, 'pages/bad');
  assert.equal(markdown.date, null);
  assert.equal(html.date, null);
  assert.deepEqual(markdown.problems.map((p) => [p.kind, p.message]), [['front-matter', `notes/bad.md: ${message}`]]);
  // A saved page has no front matter: its metadata problems are `unreadable`, in the same words.
  assert.deepEqual(html.problems.filter((p) => p.message.includes('date')).map((p) => [p.kind, p.message]), [['unreadable', `pages/bad.html: ${message}`]]);
});

test('a real date, in any spelling both formats take, reads the same in both', async () => {
  const spellings = ['2024-02-29', 'April 2, 2025', '2025-04-02T09:30:00+0200'];
  const files: Record<string, string> = {};
  spellings.forEach((date, i) => {
    files[`notes/d${i}.md`] = `---\ntitle: D${i}\ndate: "${date}"\n---\n\nText.\n`;
    files[`pages/d${i}.html`] = page(date);
  });
  const { lib } = await libraryOf(files);
  spellings.forEach((date, i) => {
    const md = article(lib, `notes/d${i}`);
    assert.ok(md.date, `${date} reads in Markdown`);
    assert.equal(article(lib, `pages/d${i}`).date, md.date, date);
    assert.deepEqual(md.problems, []);
  });
  assert.equal(article(lib, 'notes/d0').date, '2024-02-29');
});
