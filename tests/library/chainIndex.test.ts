// Previous/next chains indexed once per library, and the progress the status line shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainIndex } from '../../src/library/chainIndex.js';
import { chainProgressOf, chainProgressText } from '../../src/navigation/index.js';
import { emptyReadingState, setRead } from '../../src/state/readingState.js';
import { libraryOf, markdown } from '../navigation/helpers.js';

const part = (n: number, links: Record<string, string>) => markdown({ title: `Part ${n}`, ...links }, `Part ${n} text.`);

test('a chain written by next links, by previous links, or by both is one chain in order', async () => {
  const library = await libraryOf({
    'a.md': part(1, { next: 'b' }),
    'b.md': part(2, { next: 'c' }),
    'c.md': part(3, {}),
    // Only previous links this time, out of id order.
    'z1.md': part(1, {}),
    'y2.md': part(2, { previous: 'z1' }),
    'x3.md': part(3, { previous: 'y2' }),
    'alone.md': part(1, {}),
  });
  const index = chainIndex(library);
  assert.deepEqual(index.get('b'), { ids: ['a', 'b', 'c'], position: 1 });
  assert.deepEqual(index.get('x3')?.ids, ['z1', 'y2', 'x3']);
  assert.equal(index.get('alone'), undefined, 'an article with no neighbours is in no chain');
});

test('a cycle starts at its first article by id; a branch does not put an article twice', async () => {
  const library = await libraryOf({
    'c1.md': part(1, { next: 'c2' }),
    'c2.md': part(2, { next: 'c3' }),
    'c3.md': part(3, { next: 'c1' }),
    'm.md': part(1, { next: 'n' }),
    'n.md': part(2, {}),
    'o.md': part(3, { previous: 'm' }),
  });
  const index = chainIndex(library);
  assert.deepEqual(index.get('c3'), { ids: ['c1', 'c2', 'c3'], position: 2 });
  const placed = [...index.values()].flatMap((place) => place.ids);
  assert.equal(new Set(placed).size, new Set(index.keys()).size, 'each article in one chain');
  assert.deepEqual(index.get('m')?.ids, ['m', 'n']);
});

test('progress: position, length and unread, counted once per reading state', async () => {
  const files: Record<string, string> = {};
  for (let n = 1; n <= 12; n++) files[`p${String(n).padStart(2, '0')}.md`] = part(n, n < 12 ? { next: `p${String(n + 1).padStart(2, '0')}` } : {});
  const library = await libraryOf(files);
  const progress = chainProgressOf(library);
  let reading = emptyReadingState();
  for (const id of ['p01', 'p02', 'p03', 'p04', 'p09', 'p10', 'p11']) reading = setRead(reading, library.byId.get(id)!.absPath, true);
  const fourth = progress('p04', reading)!;
  assert.equal(chainProgressText(fourth), '4 of 12 · 5 unread');
  const all = library.articles.reduce((state, article) => setRead(state, article.absPath, true), reading);
  assert.equal(chainProgressText(progress('p12', all)!), '12 of 12 · all read');
  assert.equal(chainProgressText(progress('p04', reading)!), '4 of 12 · 5 unread', 'the older state keeps its own count');
});
