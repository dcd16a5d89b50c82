// The reader shows the library's titles as the commands do: in the list, in the title block
// and in the status line, one way (issue 11), over the real loader and renderer.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import { loadLibrary } from '../../src/library/index.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import { createRenderCache } from '../../src/ui/renderCache.js';
import { storeOf } from '../library/helpers.js';
import { renderReader } from './helpers.js';
import { TITLE_CASES, titleLibrary } from '../helpers/titleFixtures.js';

afterEach(() => cleanup());

test('the reader: list rows, title block and status line all show the one title', async () => {
  const { root } = titleLibrary();
  const library = await loadLibrary([root]);
  const render = createRenderCache(storeOf(library), renderArticle, false);

  const list = renderReader(library, { render, size: { columns: 70, rows: 24 } });
  await list.waitForText('Paypal updates');
  for (const { title } of TITLE_CASES) {
    assert.ok(list.lines().some((line) => line.replace(/^[›\s]*• /, '').startsWith(title)), `list row for ${title}:\n${list.frame()}`);
  }
  list.unmount();

  for (const { id, title, section } of TITLE_CASES) {
    const reader = renderReader(library, { render, openId: id, size: { columns: 70, rows: 10 } });
    await reader.waitForText('Body of');
    const lines = reader.lines();
    assert.equal(lines[0], title, `${id}: title block`);
    const status = lines.at(-1)!;
    const shown = [...section, title].join(' › ');
    assert.ok(status.startsWith(`${shown} `), `${id}: status line ${JSON.stringify(status)} starts with ${JSON.stringify(shown)}`);
    assert.doesNotMatch(reader.rawFrame(), /[\ud800-\udfff\u200b\u200e\u200f\u2060]/, `${id}: no surrogate or invisible mark on screen`);
    reader.unmount();
  }
});
