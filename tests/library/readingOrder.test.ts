import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareForReading, compareText, QUICK_ORDER, sortForReading } from '../../src/library/readingOrder.js';
import type { Article } from '../../src/library/index.js';

test('sortForReading gives the order of compareForReading (sections ranked once)', () => {
  const word = fc.constantFrom('World', 'world', 'Wörld', 'Culture', 'culture 2', 'culture 10', 'Ä', 'a', '', 'Zeta');
  const item = fc.record({
    section: fc.array(word, { maxLength: 2 }),
    date: fc.constantFrom(null, '2025-01-01', '2025-01-02', '2024-12-31T10:00Z'),
    title: word,
  });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 30 }), (items) => {
      const articles = items.map((x, i) => ({ ...x, id: `id${i % 7}-${i}` }) as unknown as Article);
      assert.deepEqual(sortForReading(articles).map((a) => a.id), [...articles].sort(compareForReading).map((a) => a.id));
    }),
    { numRuns: 500 },
  );
});

// compareText orders plain text without Intl (whose start-up costs the first frame ~9 ms): it
// must give exactly the collator's order.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

test('QUICK_ORDER is the collator order of printable ASCII punctuation and symbols, then digits, then letters', () => {
  const all = [...QUICK_ORDER, '0', '9', 'a', 'A', 'b', 'z', 'Z'];
  for (let i = 1; i < all.length; i++) assert.ok(collator.compare(all[i - 1], all[i]) <= 0, `${all[i - 1]} before ${all[i]}`);
  for (let i = 1; i < QUICK_ORDER.length; i++) assert.equal(collator.compare(QUICK_ORDER[i - 1], QUICK_ORDER[i]), -1, `${QUICK_ORDER[i - 1]} < ${QUICK_ORDER[i]}`);
  for (let c = 0x20; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    assert.ok(QUICK_ORDER.includes(ch) || /[0-9A-Za-z]/.test(ch), `${JSON.stringify(ch)} has a quick weight`);
  }
});

test('compareText gives the sign Intl.Collator gives, on plain text and on text the quick way leaves to it', () => {
  const piece = fc.oneof(
    fc.constantFrom(...QUICK_ORDER, ' › ', 'a', 'B', 'z', 'Z', 'é', 'Ä', '’', '—', '日本', '\u0301', '😀', '\t'),
    fc.stringMatching(/^[0-9]{1,4}$/),
    fc.stringMatching(/^0{0,3}[0-9]{0,3}$/),
    fc.constantFrom('0'.repeat(250), '9'.repeat(201), 'Culture', 'culture', 'World 10', 'World 9'),
  );
  const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, text, (a, b) => {
      assert.equal(Math.sign(compareText(a, b)), Math.sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }),
    { numRuns: 20000 },
  );
  // Shared prefixes reach the digits and the ends.
  fc.assert(
    fc.property(text, text, text, (p, a, b) => {
      assert.equal(Math.sign(compareText(p + a, p + b)), Math.sign(collator.compare(p + a, p + b)));
    }),
    { numRuns: 5000 },
  );
});
