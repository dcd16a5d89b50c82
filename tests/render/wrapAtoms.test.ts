// wrapAtoms' one-atom shortcut (single-spaced ASCII words, cut with lastIndexOf) against the
// pieces it stands in for: the same atom followed by an empty one takes the pieces' way, and an
// empty atom adds no piece, so both must give the same lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wrapAtoms, type Atom } from '../../src/render/wrapAtoms.js';

const word = fc.oneof(fc.stringMatching(/^[!-~]{1,12}$/), fc.constantFrom('a', 'of', 'the', 'https://news.example/bridge/12', 'x'.repeat(90)));
const text = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 30 }).map((words) => words.join(' ')),
  // Texts the shortcut leaves to the pieces: spaces at an end or doubled, soft breaks, tabs, other scripts.
  fc.array(fc.oneof(word, fc.constantFrom(' ', '  ', '\n', '\t', 'é', '漢字', '🚢')), { maxLength: 30 }).map((parts) => parts.join('')),
);

test('one atom wraps as the pieces wrap it, at any width', () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: -1, max: 3 }), (t, width, style, link) => {
      const atom: Atom = { text: t, style, link };
      assert.deepEqual(wrapAtoms([atom], width), wrapAtoms([atom, { text: '', style, link }], width));
    }),
    { numRuns: 2000 },
  );
});
