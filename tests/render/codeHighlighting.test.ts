// Fenced code with a language, highlighted through the function the renderer is given: more than
// one colour for JavaScript, plain for a language no grammar knows, every line within the width,
// nothing from the file's bytes reaching the terminal, and nothing written to stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCodeHighlighter } from '../../src/render/codeHighlighter.js';
import { displayWidth } from '../../src/text/width.js';
import { renderBody } from './helpers.js';
import { sgrColours } from '../helpers/contrast.js';

const highlight = createCodeHighlighter();
const JS = '```js\nconst answer = 42; // the answer\nfunction greet(name) { return "hi " + name; }\n```\n';
const colours = (lines: string[]) => new Set(sgrColours(lines.join('\n')).map((c) => c.fg).filter((fg) => fg !== undefined));

test('a js block has more than one colour with the highlighter, one without; the text is the same', () => {
  const plain = renderBody(JS, { width: 80, color: true });
  const lit = renderBody(JS, { width: 80, color: true, highlight });
  assert.equal(plain.plainCode, true, 'laid out plain for want of a highlighter, and says so');
  assert.equal(lit.plainCode, undefined);
  assert.equal(colours(plain.lines).size, 1);
  assert.ok(colours(lit.lines).size >= 3, `colours: ${[...colours(lit.lines)]}`);
  assert.deepEqual(lit.plainLines, plain.plainLines);
});

test('an unknown language, or no language, stays plain and asks for nothing', () => {
  for (const body of ['```klingon\nqapla\n```\n', '```\nconst x = 1;\n```\n']) {
    const r = renderBody(body, { width: 80, color: true, highlight });
    assert.equal(colours(r.lines).size, 1, body);
  }
  assert.equal(renderBody('```\nconst x = 1;\n```\n', { width: 80, color: true }).plainCode, undefined, 'no language: no highlighter wanted');
  assert.equal(renderBody(JS, { width: 80, color: false }).plainCode, undefined, 'no colour: no highlighter wanted');
});

test('highlighted code is sanitised and kept within the width', () => {
  const hostile = '```js\nconst s = "\x1b]52;c;ZWNobw==\x07 \x1b[2J \u009b31m";\tconst t = `' + 'wide 漢字 '.repeat(20) + '`;\n```\n';
  const r = renderBody(hostile, { width: 40, color: true, highlight });
  const text = r.lines.join('\n');
  assert.doesNotMatch(text, /\x1b\]|\x07|\u009b|\x1b\[2J/);
  for (const line of r.lines) assert.ok(displayWidth(line) <= 40, `${displayWidth(line)}: ${JSON.stringify(line)}`);
  assert.ok(r.plainLines.some((line) => line.includes('↪')), 'a long line wraps with its marker');
});

test('the highlighter writes nothing to the console, even for grammars that warn', () => {
  const seen: string[] = [];
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = (...args: unknown[]) => void seen.push(args.join(' '));
  try {
    for (const lang of ['js', 'html', 'no-such-language', 'python', 'bash']) highlight('<script>alert(1)</script>\n', lang);
  } finally {
    Object.assign(console, saved);
  }
  assert.deepEqual(seen, []);
});
