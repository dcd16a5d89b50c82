// Property: whatever Markdown-ish text with controls, CJK, emoji and combining marks an
// article holds, and whatever the width (1–200), rendering never throws, never exceeds
// the width, and lets no escape sequence through but our own SGR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { renderArticle } from '../../src/render/renderArticle.js';
import type { LinkTarget } from '../../src/library/types.js';
import { makeArticle } from './helpers.js';

const pieces = [
  '# ', '## ', '### ', '- ', '* ', '1. ', '> ', '>> ', '    ', '\t', '\n', '\n\n', '```\n', '```js\n', '`', '**', '*', '_', '~~',
  '[', ']', '(', ')', '[link](https://example.com/x)', '[in](other)', '[[Wiki]]', '![[Embed]]', '[[Ref|label]]', '![img](x.png)',
  '| a | b |\n|---|---|\n| c | d |\n', '<div>', '</div>', '<br>', '<img alt="x">', '<!-- c -->', '&amp;', '&#27;', '&#x9b;', '&#0;',
  '&nbsp;', '---\n', 'Read: ', 'See also: ', '→ READ. ', '\\', 'https://very.long.example/path/that/keeps/going/on/and/on',
  '\x1b', '\x1b[31m', '\x1b]52;c;QUJD\x07', '\x1b]8;;http://x\x1b\\', '\x1bP', '\x07', '\x00', '\x7f', '\u0085', '\u009b', '\u009d',
  '\u202e', '\u2066', '\u2069', '\u200b', '\u00ad', '\u2028', '中文', '漢字かなカナ한국어', '🚢', '👍🏽', '👨‍👩‍👧', '🇫🇷', 'e\u0301', 'a\u0308\u0301',
  '\ud800', '\udfff', 'word ', 'longwordwithoutanyspacesatallthatgoesonforeverandever ', '  ', 'Ω', 'ﷺ', '\u0e01\u0e34',
];
const markdownish = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 })
  .map((xs) => xs.join(''));

const targets = new Map<string, LinkTarget>([
  ['other', { kind: 'article', id: 'other' }],
  ['Wiki', { kind: 'article', id: 'wiki' }],
]);

test('random Markdown-ish articles at random widths: no throw, no overflow, no foreign escape', () => {
  fc.assert(
    fc.property(markdownish, markdownish, fc.integer({ min: 1, max: 200 }), fc.boolean(), (body, title, width, color) => {
      const a = makeArticle({
        title,
        body,
        section: [title.slice(0, 5)],
        author: title.slice(0, 3) || null,
        linkTargets: targets,
        related: [
          { title: 'Other', target: { kind: 'article', id: 'other' }, inBody: true },
          { title, target: { kind: 'unresolved', ref: title, title, reason: 'missing' }, inBody: false },
        ],
        previous: { title, target: { kind: 'external', url: `https://x/${title}` } },
        next: { title: 'Next', target: { kind: 'article', id: 'wiki' } },
      });
      const r = renderArticle(a, { width, color });
      assert.equal(r.lines.length, r.plainLines.length);
      for (let i = 0; i < r.lines.length; i++) {
        const line = r.lines[i];
        assert.ok(stringWidth(line) <= width, `line ${i} wider than ${width}: ${JSON.stringify(line)}`);
        assert.ok(stringWidth(r.plainLines[i]) <= width);
        const rest = color ? line.replace(/\x1b\[[0-9;]*m/g, '') : line;
        assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(rest), `foreign control in ${JSON.stringify(line)}`);
        assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(line), 'lone surrogate');
      }
      for (const l of r.links) {
        assert.ok(l.spans.length > 0);
        for (const s of l.spans) assert.ok(s.start >= 0 && s.end <= width && s.start < s.end && s.line < r.lines.length);
      }
      for (const h of r.headings) assert.ok(h.line >= 0 && h.line < r.lines.length);
    }),
    { numRuns: 1500 },
  );
});
