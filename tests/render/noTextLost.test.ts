// No text is ever lost: over real Markdown (the CommonMark spec's examples, the READMEs in
// node_modules, the bundled guide), every word marked-terminal shows, broadsheet shows too.
// marked-terminal is the reference renderer here and nowhere else; what is compared, and how
// both outputs are normalised, is written at the top of markedTerminalReference.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as commonmark from 'commonmark-spec';
import { wikilinkExtension } from '../../src/library/wikilinks.js';
import { renderBody } from './helpers.js';
import { markedTerminalText, missingLetters, missingWords } from './markedTerminalReference.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Wide enough that nothing wraps (words compared); narrow ones where wrapping is real (letters). */
const WIDE = 1000;
const NARROW = [80, 40];
const WIKILINKS = { extensions: [wikilinkExtension] };

/**
 * What broadsheet shows of a body at a width, as text; code lines it wrapped joined again (`↪ `).
 * The article's title is a dash, so the title block adds no word of its own.
 */
function shown(markdown: string, width: number): string {
  return renderBody(markdown, { width, color: false }, { title: '—' }).plainLines.join('\n').replace(/\n[^\p{L}\p{N}\n]*↪ /gu, '');
}

/** For each document, what broadsheet leaves out of marked-terminal's text, at every width. */
function losses(documents: { name: string; markdown: string; wikilinks?: boolean; referenceMarkdown?: string }[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const { name, markdown, wikilinks, referenceMarkdown } of documents) {
    const reference = markedTerminalText(referenceMarkdown ?? markdown, wikilinks ? WIKILINKS : undefined);
    const lost: string[] = [];
    const words = missingWords(reference, shown(markdown, WIDE));
    if (words.size) lost.push(`words at ${WIDE}: ${[...words.keys()].join(' ')}`);
    for (const width of NARROW) {
      const letters = missingLetters(reference, shown(markdown, width));
      if (letters.size) lost.push(`letters at ${width}: ${[...letters].map(([c, n]) => `${c}×${n}`).join(' ')}`);
    }
    if (lost.length) found[name] = lost.join('; ');
  }
  return found;
}

test('the CommonMark spec examples: broadsheet shows every word marked-terminal shows', () => {
  const examples = commonmark.tests;
  assert.ok(examples.length > 600, `${examples.length} examples`);
  // The spec writes a tab as `→` in its examples.
  const documents = examples.map((e) => ({ name: `example ${e.number} (${e.section})`, markdown: e.markdown.replace(/→/g, '\t') }));
  // Every HTML5 entity name is decoded (src/text/entities.ts, the `entities` package), example 25's too.
  assert.deepEqual(losses(documents), {});
});

function readmes(): { name: string; markdown: string }[] {
  const nodeModules = join(REPO_ROOT, 'node_modules');
  const packages: string[] = [];
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) for (const name of readdirSync(join(nodeModules, entry.name))) packages.push(join(entry.name, name));
    else packages.push(entry.name);
  }
  return packages.flatMap((pkg) =>
    readdirSync(join(nodeModules, pkg))
      .filter((file) => /^readme\.(md|markdown)$/i.test(file))
      .map((file) => ({ name: `${pkg}/${file}`, markdown: readFileSync(join(nodeModules, pkg, file), 'utf8') })),
  );
}

test('the READMEs in node_modules: broadsheet shows every word marked-terminal shows', () => {
  const documents = readmes();
  assert.ok(documents.length > 50, `${documents.length} READMEs`);
  assert.deepEqual(losses(documents), {});
});

test('the bundled guide: broadsheet shows every word marked-terminal shows', () => {
  const articles = join(REPO_ROOT, 'articles');
  const files = readdirSync(articles, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'));
  assert.ok(files.length >= 10, `${files.length} guide articles`);
  // The body as the library reads it: after the front matter; wikilinks are part of the format.
  const documents = files.map((file) => {
    const markdown = readFileSync(join(articles, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    // A line that is only `^id` is a notes vault's block marker (the Notes vaults guide uses one):
    // it names the block above it and is no text, which marked-terminal cannot know.
    return { name: file, markdown, wikilinks: true, referenceMarkdown: markdown.replace(/^\^[A-Za-z0-9-]+$/gm, '') };
  });
  assert.deepEqual(losses(documents), {});
});

test('the comparison can fail: text dropped from broadsheet’s output is reported', () => {
  const markdown = '# A heading\n\nA paragraph with <b>inline</b> HTML, `code` and [a link](https://example.org).\n\n| a | b |\n|---|---|\n| zebra | other |\n';
  const reference = markedTerminalText(markdown);
  const full = shown(markdown, WIDE);
  assert.deepEqual([...missingWords(reference, full)], []);
  assert.deepEqual([...missingWords(reference, full.replace('other', ''))], [['other', 1]]);
  assert.deepEqual([...missingLetters(reference, shown(markdown, 40).replace('zebra', 'ebra'))], [['z', 1]]);
  // Link destinations and markup are not text: they are not asked for.
  assert.ok(!/example|https|<b>/.test(reference), reference);
});
