// `e` asks for the article's file at the line in view: the file's line of the block at the
// top of the screen, found from the layout's map of blocks to file lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { navigationReducer, sourceLineAt } from '../../src/navigation/index.js';
import { filler, lineOf, markdown, navigatorOf } from './helpers.js';

const NOTE = markdown({ title: 'Harbour log', section: 'Logs' }, `Opening words.\n\n${filler('early para ', 12)}\n\n## Tides\n\n- a list item\n- another item\n\n\`\`\`\ncode line one\ncode line two\ncode line three\n\`\`\`\n\n${filler('tide para ', 8)}`);

/** The file's line (1-based) that holds `text`. */
function fileLine(path: string, text: string): number {
  return readFileSync(path, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

test('the line in view is the file line of the block at the top, wherever the front matter ends', async () => {
  const nav = await navigatorOf({ 'log.md': NOTE }, { width: 40, height: 6 });
  nav.open('log');
  const rendered = nav.rendered();
  const path = nav.env.library.byId.get('log')!.absPath;
  for (const text of ['early para 5', 'Tides', 'a list item', 'tide para 3']) {
    assert.equal(sourceLineAt(rendered, lineOf(rendered, text)), fileLine(path, text), text);
  }
  assert.equal(sourceLineAt(rendered, lineOf(rendered, 'code line two')), fileLine(path, 'code line two'), 'a code block line by line');
  assert.equal(sourceLineAt(rendered, lineOf(rendered, 'early para 5') - 1), fileLine(path, 'early para 5'), 'a blank line: the block after it');
  assert.equal(sourceLineAt(rendered, 0), fileLine(path, 'Opening words.'), 'the title block: the first block of the body');
});

test('e asks for the file at the line in view; from the list, the selected article at its start', async () => {
  const nav = await navigatorOf({ 'log.md': NOTE }, { width: 40, height: 6 });
  const path = nav.env.library.byId.get('log')!.absPath;
  nav.run('editArticle');
  assert.deepEqual(nav.state.editRequest, { id: 'log', path, seq: 1 });
  nav.open('log');
  const top = lineOf(nav.rendered(), 'tide para 2');
  nav.state = { ...nav.state, history: [{ ...nav.visit(), top }] };
  nav.run('editArticle');
  assert.deepEqual(nav.state.editRequest, { id: 'log', path, line: fileLine(path, 'tide para 2'), seq: 2 });
  assert.equal(navigationReducer(nav.state, { type: 'command', command: 'lineDown' }, nav.env).editRequest?.seq, 2, 'the request stays until another');
});
