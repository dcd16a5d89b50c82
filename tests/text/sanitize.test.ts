import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sanitizeText, sanitizeLine, expandTabs } from '../../src/text/sanitize.js';
import { cleanLine } from '../../src/text/clean.js';
import { decodeEntities } from '../../src/text/entities.js';

// Controls, bidi controls and invisible marks (joiners are judged by their neighbours: apart).
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u061c\u200b\u200e\u200f\u2060\ufeff]/;

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
  // HTML maps the C1 references to the windows-1252 characters they meant (`&#x9b;` is ›).
  assert.equal(sanitizeText(decodeEntities('&#27;[31m &#x9b; &#x1B; &amp;#27; &lt;b&gt; &nbsp;&constructor; &#0;')), '␛[31m › ␛ &#27; <b> \u00a0&constructor; \ufffd');
  assert.equal(cleanLine('&#27;[31m &#x9b;\n&amp;#27;'), '␛[31m › &#27;');
});

test('decodeEntities: every HTML name, one pass, strict; nothing from Object.prototype; no lone surrogate', () => {
  assert.equal(decodeEntities('Fish &amp; chips &middot; &NotNestedLessLess; &hellip;'), 'Fish & chips · \u2aa1\u0338 …');
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    assert.equal(decodeEntities(`a &${name}; b`), `a &${name}; b`);
  }
  assert.equal(decodeEntities('&#xD800;&#xdfff;&#55296;&#x110000;'), '\ufffd\ufffd\ufffd\ufffd');
  assert.equal(decodeEntities('&#x1F6A2; &#128674;'), '🚢 🚢');
  // Strict: a reference ends with `;`, so text that only looks like one stays as written.
  assert.equal(decodeEntities('AT&T &copy2024 &amp &unknown;'), 'AT&T &copy2024 &amp &unknown;');
  assert.equal(decodeEntities('&amp;amp;'), '&amp;');
});

test('invisible marks are removed: LRM, RLM, ALM, zero-width space, word joiner, an inner BOM', () => {
  assert.equal(sanitizeLine('Pay\u200bpal \u200eA\u200f \u061cB\u2060C \ufeffD'), 'Paypal A BC D');
  assert.equal(sanitizeText('x\u202ay\u2067z'), 'xyz');
});

test('zero-width joiners: kept inside emoji sequences and between letters of scripts that spell with them, else removed', () => {
  const family = '👩\u200d👩\u200d👧';
  const coder = '👩🏽\u200d💻';
  const rainbow = '🏳\ufe0f\u200d🌈';
  const persian = 'می\u200cخواهم';
  const hindi = 'क्\u200dष';
  for (const text of [family, coder, rainbow, persian, hindi]) assert.equal(sanitizeText(text), text, JSON.stringify(text));
  assert.equal(sanitizeText('pay\u200dpal'), 'paypal');
  assert.equal(sanitizeText('Pay\u200cPal'), 'PayPal');
  assert.equal(sanitizeText('\u200d👩 👩\u200d'), '👩 👩');
  assert.equal(sanitizeText('👩\u200d\u200d💻'), '👩💻');
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
