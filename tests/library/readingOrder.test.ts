import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareForReading, sortForReading } from '../../src/library/readingOrder.js';
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
