// The body lexer hands marked its extensions one tokenizer per level (extensionsPerLevel.ts): the
// tokens must be those of the same extensions handed over one by one, for any text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Marked } from 'marked';
import { extensionsPerLevel } from '../../src/library/extensionsPerLevel.js';
import { wikilinkExtension } from '../../src/library/wikilinks.js';
import { vaultExtensions, vaultTokenizer } from '../../src/library/vaultSyntax.js';

const extensions = [wikilinkExtension, ...vaultExtensions];
const oneByOne = new Marked({ gfm: true }).use({ extensions, tokenizer: vaultTokenizer });
const perLevel = new Marked({ gfm: true }).use({ extensions: extensionsPerLevel(extensions), tokenizer: vaultTokenizer });

const pieces = [
  '[[a]]', '![[b|c]]', '[[n#h|l]]', '[^1]', '[^1]: note\n', '%%c%%', '%%\nblock\n%%\n', '$x$', '$$y$$', '$$\nz\n$$\n', '==hi==', '> [!note] T\n> body\n',
  '[l](u)', '[^x](d)', '**b**', '_e_', '`c`', '`[[x]]`', '\n\n', '\n', '- ', '1. ', '> ', '    ', '# ', 'word ', '![i](p.png)', '<b>', '~~s~~',
  'https://x.y/z ', '\\[\\[x\\]\\]', '[x]: http://r\n', '| a | b |\n|---|---|\n| c | d |\n', '```\ncode [[w]]\n```\n', '==', '$', '%%', '[[', ']]', '[^', '^id ', '   ',
];

test('extensions one tokenizer per level lex as the same extensions one by one', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(perLevel.lexer(text), oneByOne.lexer(text));
    }),
    { numRuns: 1500 },
  );
});
