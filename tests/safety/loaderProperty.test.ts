// Properties over generated libraries, through the REAL loader (files written to a temp folder,
// loadLibrarySync), the renderer and the commands' formatting (formatList, formatProblems,
// articleJson as list --json prints it): never throws, no line wider than the width, no control
// sequence but broadsheet's own SGR (none at all without colour). tests/render/renderProperty
// covers the renderer on hand-built articles; these go through files.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { createBodyStore, loadLibrarySync } from '../../src/library/index.js';
import { loadFileReader } from '../../src/startup.js';
import type { Library } from '../../src/library/types.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import { formatList } from '../../src/commands/listCommand.js';
import { formatProblems } from '../../src/commands/checkCommand.js';
import { articleJson } from '../../src/commands/articleJson.js';
import { terminalJson } from '../../src/commands/terminalText.js';
import { sortForReading } from '../../src/library/readingOrder.js';
import { libraryFiles, type FileKind, type GeneratedFile } from './arbitraries.js';

// The file reader with the saved-page parser; these properties read files synchronously.
const reader = await loadFileReader(true);
import { foreignControl, tempDir } from './helpers.js';

const RUNS = Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 1000);
const base = tempDir('prop');
after(() => rmSync(base, { recursive: true, force: true }));

let counter = 0;
function writeLibrary(files: GeneratedFile[]): string {
  const root = join(base, String(counter++));
  for (const file of files) {
    const path = join(root, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return root;
}

function checkLines(lines: string[], width: number, color: boolean, what: string): void {
  for (const line of lines) {
    assert.ok(stringWidth(line) <= width, `${what}: line wider than ${width}: ${JSON.stringify(line)}`);
    const found = foreignControl(line, color);
    assert.equal(found, null, `${what}: foreign control near ${found}`);
  }
}

/** Everything a library can be printed as, checked. */
function checkLibrary(library: Library, width: number, color: boolean): void {
  const store = createBodyStore(library, reader);
  for (const article of library.articles) {
    assert.equal(typeof article.title, 'string');
    assert.ok(Array.isArray(article.section) && article.section.every((s) => typeof s === 'string'));
    const entry = store.read(article.id)!;
    assert.equal(typeof entry.body, 'string');
    const rendered = renderArticle(entry, { width, color });
    checkLines(rendered.lines, width, color, `render ${JSON.stringify(article.id)}`);
    checkLines(rendered.plainLines, width, false, `plain ${JSON.stringify(article.id)}`);
  }
  checkLines(formatList(sortForReading(library.articles), width, color).replace(/\n$/, '').split('\n'), width, color, 'formatList');

  const problems = formatProblems(library.problems, library, color);
  assert.equal(foreignControl(problems, color), null, `formatProblems: ${foreignControl(problems, color)}`);
  assert.equal(problems.split('\n').length, Math.max(1, library.problems.length + (library.problems.length ? 1 : 0)) + 1, 'one line per problem');
  for (const problem of library.problems) assert.ok(problem.message.length > 0 && problem.kind.length > 0);

  // list --json: controls all escaped, and the escaping changes nothing in the data.
  const items = library.articles.map(articleJson);
  const json = terminalJson(items);
  assert.equal(foreignControl(json, false), null, `list --json: ${foreignControl(json, false)}`);
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(items)));
}

function property(kinds: FileKind[], runs: number) {
  fc.assert(
    fc.property(libraryFiles(kinds), fc.integer({ min: 1, max: 200 }), fc.boolean(), (files, width, color) => {
      const root = writeLibrary(files);
      try {
        const library = loadLibrarySync([root], reader);
        checkLibrary(library, width, color);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    { numRuns: runs, includeErrorInReport: true },
  );
}

test('generated Markdown libraries (front matter good and broken, links, cycles, hostile names)', () => {
  property(['markdown'], RUNS);
});

test('generated raw pages in the seed shape, mixed with raw bytes (NUL, Windows-1252, UTF-16, empty)', () => {
  property(['raw', 'bytes', 'markdown'], RUNS);
});

test('generated saved HTML pages beside the rest', () => {
  property(['html', 'raw', 'markdown'], RUNS);
});

test('a file deleted between loading and opening gives a note, not a crash', () => {
  fc.assert(
    fc.property(libraryFiles(['markdown', 'raw']), fc.integer({ min: 1, max: 120 }), (files, width) => {
      const root = writeLibrary(files);
      try {
        const library = loadLibrarySync([root], reader);
        rmSync(root, { recursive: true, force: true });
        checkLibrary(library, width, true);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
});
