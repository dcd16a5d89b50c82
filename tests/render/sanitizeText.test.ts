import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sanitizeText, sanitizeLine, expandTabs } from '../../src/render/sanitizeText.js';
import { decodeEntities } from '../../src/render/entities.js';

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('C0, DEL and C1 become visible placeholders; ESC sequences are left inert', () => {
  assert.equal(sanitizeText('a\x1b[2Jb'), 'a␛[2Jb');
  assert.equal(sanitizeText('\x1b]52;c;QUJD\x07'), '␛]52;c;QUJD␇');
  assert.equal(sanitizeText('\x1b]8;;http://x\x1b\\x\x1b]8;;\x1b\\'), '␛]8;;http://x␛\\x␛]8;;␛\\');
  assert.equal(sanitizeText('\x00\x7f\u0085\u009b2J'), '␀␡��2J');
  assert.equal(sanitizeText('line\nnext'), 'line\nnext');
  assert.equal(sanitizeText('a\r\nb'), 'a␍\nb');
});

test('bidi overrides and isolates are removed; other text, curly quotes included, is untouched', () => {
  assert.equal(sanitizeText('\u202eevil\u202c \u2066x\u2069'), 'evil x');
  const text = 'It’s “quoted” — café 中文 🚢 e\u0301 \u00a0 ﷺ';
  assert.equal(sanitizeText(text), text);
});

test('tabs expand to tab stops of 4; sanitizeLine folds newlines and tabs to spaces', () => {
  assert.equal(expandTabs('a\tb\n\tc'), 'a   b\n    c');
  assert.equal(sanitizeText('ab\tc'), 'ab  c');
  assert.equal(sanitizeLine('Title\n\tsecond\x1b[31m'), 'Title second␛[31m');
});

test('lone surrogates become U+FFFD; pairs survive', () => {
  assert.equal(sanitizeText('a\ud800b\udfffc🚢'), 'a\ufffdb\ufffdc🚢');
});

test('entities are decoded first, then cleaned: &#27; cannot become a raw ESC', () => {
  assert.equal(sanitizeText(decodeEntities('&#27;[31m &#x9b; &#x1B; &amp;#27; &lt;b&gt; &nbsp;&constructor; &#0;')), '␛[31m � ␛ &#27; <b> \u00a0&constructor; \ufffd');
});

test('property: output never holds a control, bidi control or lone surrogate; idempotent', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      const out = sanitizeText(decodeEntities(s));
      assert.ok(!UNSAFE.test(out.replace(/\n/g, '')), JSON.stringify(out));
      assert.equal(sanitizeText(out), out);
      assert.ok(!/[\r\n]/.test(sanitizeLine(s)));
    }),
    { numRuns: 2000 },
  );
});
