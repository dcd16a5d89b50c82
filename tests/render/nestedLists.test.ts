import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderArticle } from '../../src/render/renderArticle.js';
import { makeArticle, overWidth } from './helpers.js';

// The nesting cap lives in the library's lexer (makeArticle lexes with it), as in the reader.

/** `levels` list items, each nested one level (two columns) inside the one before. */
function nestedList(levels: number, marker = '-'): string {
  return Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}${marker} item ${i}`).join('\n');
}

test('a 1,000-level nested list fits the width and keeps its deepest item', () => {
  // Lexing this used to take seconds (marked re-lexes every level); speed is for the bench,
  // this pins what the nesting cap must keep.
  const a = makeArticle({ body: nestedList(1000) });
  for (const width of [80, 30, 5]) {
    const r = renderArticle(a, { width, color: true });
    assert.deepEqual(overWidth(r, width), [], `width ${width}`);
  }
  const r = renderArticle(a, { width: 80, color: false });
  const text = r.plainLines.join('\n');
  assert.match(text, /\bitem 999\b/);
  assert.match(text, /\bitem 500\b/);
});

test('lists nested up to 32 levels keep every level; deeper items line up at the 32nd', () => {
  const r = renderArticle(makeArticle({ body: nestedList(40) }), { width: 200, color: false });
  const column = (i: number): number => {
    const line = r.plainLines.find((l) => l.endsWith(` item ${i}`));
    assert.ok(line, `item ${i} shown`);
    return line.length - ` item ${i}`.length - 1;
  };
  assert.equal(column(0), 0);
  assert.equal(column(31), 62);
  for (const i of [32, 35, 39]) assert.equal(column(i), 62, `item ${i}`);
});

test('a fenced block inside an item past the cap moves with its item, code kept', () => {
  const deep = '  '.repeat(40);
  const body = `${nestedList(40)}\n\n${deep}  \`\`\`\n${deep}  const x = 1;\n${deep}  \`\`\`\n`;
  const r = renderArticle(makeArticle({ body }), { width: 200, color: false });
  assert.ok(r.plainLines.some((l) => l.trim() === 'const x = 1;'));
  assert.ok(!r.plainLines.some((l) => l.includes('```')));
});
