// The guards in front of marked's table, HTML-block and setext-heading rules only say "no such
// block" where the rule could not match: marked with them lexes every text as marked without.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Marked } from 'marked';
import { blockRuleGuards } from '../../src/library/blockRuleGuards.js';

const plain = new Marked({ gfm: true });
const guarded = new Marked({ gfm: true }).use({ tokenizer: blockRuleGuards });

const pieces = [
  'Title', 'word ', '\n', '\n\n', '\n  \n', '===', '---', '  ==', '= =', '-', '\t', ' ', '   ', '|', '| a | b |', '|:-:|--|', ' - | - ', 'a | b', '-|-', ':--',
  '<div>', '  <p>x</p>', '<!-- c -->', '<?php ?>', '<!DOC>', '<![CDATA[x]]>', '</span>', '<custom-el a="1">', '<script>', '<', '> ', '- ', '1. ', '# ',
  '```', '    code', '\u2028', 'x'.repeat(1500), '=', 'T\n=\n', 'T\n-', 'T\n   =  \n',
];

test('marked with the block-rule guards lexes as marked without them', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(guarded.lexer(text), plain.lexer(text));
    }),
    { numRuns: 3000 },
  );
});
