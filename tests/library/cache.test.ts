// The metadata cache (issue 5): a warm load gives the library a cold load gives; changed,
// deleted and added files are seen; a corrupt cache is ignored and rewritten; bodies are read
// lazily and a file gone by then gives a note, not a throw. No timings here: speed is the
// bench's business.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { after } from 'node:test';
import { isIndexCurrent, linkIndexedLibrary, loadLibrary, libraryCacheFile, LibraryPathError, readIndexedLibrary, type Library } from '../../src/library/index.js';
import { fastFrontMatterData } from '../../src/library/frontMatter.js';
import { articleJson } from '../../src/commands/articleJson.js';
import { makeFolder, article, bodyOf } from './helpers.js';
import { hermeticEnv } from '../helpers/hermeticEnv.js';
import YAML from 'yaml';
import fc from 'fast-check';

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function cacheDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-cache-'));
  made.push(dir);
  return dir;
}

/** Everything `list --json` and `check` show of a library, plus the link targets the renderer uses. */
function view(lib: Library) {
  return {
    roots: lib.roots,
    articles: lib.articles.map((a) => ({
      ...articleJson(a),
      summary: a.summary,
      linkTargets: [...bodyOf(lib, a.id).linkTargets].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      problems: a.problems,
    })),
    problems: lib.problems,
  };
}

const FILES: Record<string, string | Uint8Array> = {
  'world/ferry.md': `---
title: The last river ferry keeps running
section: [World, Transport]
date: 2025-04-02
author: Staff reporter
summary: One line.
related:
  - world/bridge-vote
  - title: "A night market reopens"
previous: culture/choir
next: world/bridge-vote
source: https://news.example/world/ferry
tags: [boats, river]
---

# Ferry

A #harbour note.

Read: [The bridge vote](bridge-vote.md)

See also: [[Missing note]] and <https://example.org/x>, [[culture/choir#Second verse|the choir]].

Text with *emphasis*, \`code [[not a link]]\` and a [broken](nowhere.md) link.
`,
  'world/bridge-vote.md': '# The bridge vote\n\nBack to [the ferry](ferry.md).\n',
  'culture/choir.md': '---\ntitle: Choir\nsection: Culture > Music\n---\n## Second verse\n\nSung.\n',
  'culture/market.txt': 'Home Culture A night market reopens\n\nA night market reopens\n\n\nStalls again.\n\nRead:\u00a0 The last river ferry keeps running\n\nPrevious articleChoir\nNext articleNot here',
  'broken.md': '---\ntitle: [unclosed\n---\nBody.\n',
  'old.md': Buffer.from([...Buffer.from('# Caf'), 0xe9, 0x0a]),
  'blob.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
  'a.md': '# A\n',
  'a.txt': 'A as text\n\nBody.',
};

test('a warm load (cache hit) gives the library a cold load gives, and writes nothing', async () => {
  const dir = await makeFolder(FILES);
  const cache = await cacheDir();
  const plain = await loadLibrary([dir]);
  const cold = await loadLibrary([dir], { cacheDir: cache });
  const file = libraryCacheFile(cache, [dir]);
  const written = await readFile(file, 'utf8');
  const warm = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(view(cold), view(plain));
  assert.deepEqual(view(warm), view(cold));
  assert.ok(warm.articles.length >= 7);
  assert.ok(warm.problems.some((p) => p.kind === 'binary'));
  assert.ok(warm.problems.some((p) => p.kind === 'front-matter'));
  assert.ok(warm.problems.some((p) => p.kind === 'encoding'));
  // The cache holds no bodies, and a load that changed nothing leaves the file alone.
  assert.ok(!written.includes('Stalls again'), 'no body text in the cache');
  assert.equal(await readFile(file, 'utf8'), written);
  // Bodies still read as strings, from the file.
  assert.match(article(warm, 'world/bridge-vote').body, /Back to \[the ferry\]/);
  assert.equal(article(warm, 'world/bridge-vote').body, article(plain, 'world/bridge-vote').body);
  assert.equal(typeof article(warm, 'culture/market').body, 'string');
});

test('the index gives the library as loaded, without a file read; isIndexCurrent says when a file changed since', async () => {
  const dir = await makeFolder({ ...FILES, 'map.png': 'not really a picture' });
  const cache = await cacheDir();
  assert.equal(readIndexedLibrary([dir], { cacheDir: cache }), null, 'no index before the first load');
  const loaded = await loadLibrary([dir], { cacheDir: cache });
  const indexed = readIndexedLibrary([dir], { cacheDir: cache })!;
  assert.ok(indexed, 'an index after it');
  // The list part: every record as loaded but its links, in the same reading order.
  const unlinked = (a: Library['articles'][number]) => ({ ...a, related: [], previous: null, next: null, backlinks: [] });
  assert.deepEqual(indexed.listed.articles, loaded.articles.map(unlinked));
  assert.deepEqual(indexed.listed.readingOrder.map((a) => a.id), loaded.readingOrder.map((a) => a.id));
  const { library: linked, stamps } = linkIndexedLibrary(indexed)!;
  assert.deepEqual(view(linked), view(loaded));
  assert.deepEqual(linked.articles, loaded.articles);
  assert.deepEqual(linked.readingOrder.map((a) => a.id), loaded.readingOrder.map((a) => a.id));
  assert.deepEqual(linked.attachments, loaded.attachments);
  assert.deepEqual(linked.problems, loaded.problems);
  // Every file's stamp, the one that gave no article too (the binary file).
  assert.equal(stamps.keys.length, linked.articles.length + linked.problems.filter((p) => p.kind === 'binary').length);
  const current = (found: NonNullable<ReturnType<typeof readIndexedLibrary>>) => isIndexCurrent([dir], { stamps: linkIndexedLibrary(found)!.stamps, attachments: found.attachments });
  assert.equal(current(indexed), true);
  assert.equal(readIndexedLibrary([dir], { cacheDir: cache, maxFileBytes: 1000 }), null, 'another size limit, another library');
  assert.throws(() => readIndexedLibrary([path.join(dir, 'gone')], { cacheDir: cache }), LibraryPathError);

  // Each kind of change since, one at a time, then put back (a load rewrites the index).
  const ferry = path.join(dir, 'world/ferry.md');
  const later = new Date(Date.now() + 5000);
  const changes: [string, () => Promise<void>][] = [
    ['an mtime', () => utimes(ferry, later, later)],
    ['a deleted article', () => unlink(ferry)],
    ['a new article', () => writeFile(path.join(dir, 'new.md'), '# New\n')],
    ['a new attachment', () => writeFile(path.join(dir, 'map2.png'), 'x')],
  ];
  for (const [what, change] of changes) {
    const before = readIndexedLibrary([dir], { cacheDir: cache })!;
    await change();
    assert.equal(current(before), false, what);
    await loadLibrary([dir], { cacheDir: cache });
    const after = readIndexedLibrary([dir], { cacheDir: cache })!;
    assert.equal(current(after), true, `${what}, once loaded again`);
    assert.deepEqual(view(linkIndexedLibrary(after)!.library), view(await loadLibrary([dir])), `${what}: the new index is the library`);
  }
});

test('the index keeps every kind of link as loaded: to an article, to a heading, to one of several, unresolved', async () => {
  const dir = await makeFolder({
    'desk/harbour.md': '---\ntitle: Harbour works begin\nrelated:\n  - desk/quay\n  - desk/nowhere\nprevious: desk/quay#Night shift\nnext: Tide tables\n---\nRead: [the quay, by night](quay.md) and [[Tide tables]]\n',
    'desk/quay.md': '---\ntitle: The quay at night\nprevious: desk/harbour\n---\n## Night shift\n\nBack to [[Harbour works begin]].\n',
    'desk/tides.md': '---\ntitle: Tide tables\n---\nSee [the works](harbour.md).\n',
    'other/tides.md': '---\ntitle: Tide tables\n---\nA second note of that title.\n',
  });
  const cache = await cacheDir();
  const loaded = await loadLibrary([dir], { cacheDir: cache });
  const harbour = loaded.byId.get('desk/harbour')!;
  // The fixture has what it is for: related links to an article, to one of two, to nothing; a
  // previous link to a heading; backlinks.
  assert.deepEqual(
    harbour.related.map((r) => [r.title, r.target.kind, r.inBody, r.target.kind === 'article' ? r.target.candidates : undefined]),
    [
      ['The quay at night', 'article', true, undefined],
      ['Tide tables', 'article', true, ['desk/tides', 'other/tides']],
      ['desk/nowhere', 'unresolved', false, undefined],
    ],
  );
  assert.deepEqual(harbour.previous?.target, { kind: 'article', id: 'desk/quay', heading: 'Night shift' });
  assert.deepEqual(harbour.backlinks, ['desk/quay', 'desk/tides']);
  const linked = linkIndexedLibrary(readIndexedLibrary([dir], { cacheDir: cache })!)!.library;
  assert.deepEqual(linked.articles, loaded.articles);
  assert.deepEqual(view(linked), view(loaded));
});

test('a changed file is read again; a deleted one drops out; a new one comes in', async () => {
  const dir = await makeFolder({ 'one.md': '# One\n\n[two](two.md)\n', 'two.md': '# Two\n', 'three.md': '# Three\n' });
  const cache = await cacheDir();
  const first = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(article(first, 'two').backlinks, ['one']);

  // Same size on purpose ("# One" → "# Uno" would not do): the mtime must be what tells.
  const one = path.join(dir, 'one.md');
  const before = (await stat(one)).size;
  await writeFile(one, '# Won\n\n[3](three.md)\n');
  assert.equal((await stat(one)).size, before, 'the edit keeps the size');
  const later = new Date(Date.now() + 5000);
  await utimes(one, later, later);
  await unlink(path.join(dir, 'two.md'));
  await writeFile(path.join(dir, 'four.md'), '# Four\n\n[one](one.md)\n');

  const second = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(second.articles.map((a) => a.id), ['four', 'one', 'three']);
  assert.equal(article(second, 'one').title, 'Won');
  assert.deepEqual(article(second, 'three').backlinks, ['one']);
  assert.deepEqual(article(second, 'one').backlinks, ['four']);
  assert.deepEqual(view(second), view(await loadLibrary([dir])));

  // The cache was rewritten: a third load agrees, with nothing stale from the first.
  const third = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(view(third), view(second));
  const text = await readFile(libraryCacheFile(cache, [dir]), 'utf8');
  assert.ok(!text.includes('two.md'), 'the deleted file left the cache');
});

test('the linked articles kept in the cache serve only a start that finds every file as it was', async () => {
  const dir = await makeFolder({ 'one.md': '# One\n\n[two](two.md)\n', 'two.md': '# Two\n' });
  const cache = await cacheDir();
  await loadLibrary([dir], { cacheDir: cache });
  const warm = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(article(warm, 'two').backlinks, ['one']);
  // Only a deletion: no file to read again, yet the links are not what they were.
  await unlink(path.join(dir, 'two.md'));
  const after = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(after.articles.map((a) => a.id), ['one']);
  assert.deepEqual(after.byId.get('one')!.problems.map((p) => p.kind), ['unresolved']);
  assert.deepEqual(view(after), view(await loadLibrary([dir])));
  // Only a picture added: no article changed, yet the link to it now leads somewhere.
  await writeFile(path.join(dir, 'one.md'), '# One\n\n![the map](map.png)\n');
  const missing = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(missing.byId.get('one')!.problems.map((p) => p.kind), ['missing-file']);
  await writeFile(path.join(dir, 'map.png'), 'not really a picture');
  const found = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(found.byId.get('one')!.problems, []);
  assert.deepEqual(view(found), view(await loadLibrary([dir])));
});

test('a corrupt or unreadable cache is ignored and rewritten', async () => {
  const dir = await makeFolder(FILES);
  const cache = await cacheDir();
  const expected = view(await loadLibrary([dir]));
  await loadLibrary([dir], { cacheDir: cache });
  const file = libraryCacheFile(cache, [dir]);
  const good = await readFile(file, 'utf8');

  const corruptions = [
    '',
    '{"format":',
    'null',
    '[]',
    '{"format":2,"files":"x"}',
    good.slice(0, good.length / 2),
    // Valid JSON, wrong insides: every record's fields of the wrong type.
    good.replace(/"0:world\/ferry\.md",(\d+)/, '"0:world/ferry.md","$1"'),
    good.replace(/"0:world\/bridge-vote\.md",(\d+),([\d.]+),"[^"]*"/, '"0:world/bridge-vote.md",$1,$2,7'),
    good.replace(/\[\\"/g, '[\\"\\u0000'),
    // Link parts that are not JSON: found only when links are resolved.
    good.replace(/"\[\[\[/g, '"[[[{'),
  ];
  for (const bad of corruptions) {
    assert.notEqual(bad, good);
    await writeFile(file, bad);
    const lib = await loadLibrary([dir], { cacheDir: cache });
    assert.deepEqual(view(lib), expected, `cache ${JSON.stringify(bad.slice(0, 40))}`);
    // And the next start has a good cache again.
    await loadLibrary([dir], { cacheDir: cache });
    const again = await loadLibrary([dir], { cacheDir: cache });
    assert.deepEqual(view(again), expected);
  }

  // A cache folder that is a file: nothing is cached, nothing breaks.
  const blocked = path.join(await cacheDir(), 'not-a-folder');
  await writeFile(blocked, 'x');
  assert.deepEqual(view(await loadLibrary([dir], { cacheDir: blocked })), expected);
});

test('the cache belongs to its roots and size limit', async () => {
  const dir = await makeFolder({ 'big.md': 'x'.repeat(2000), 'small.md': '# Small\n' });
  const cache = await cacheDir();
  const limited = await loadLibrary([dir], { cacheDir: cache, maxFileBytes: 1000 });
  assert.deepEqual(limited.articles.map((a) => a.id), ['small']);
  const full = await loadLibrary([dir], { cacheDir: cache });
  assert.deepEqual(full.articles.map((a) => a.id), ['big', 'small']);
  // A file given alone has the folder as its root, but its own cache: the folder's is kept.
  const folderCache = await readFile(libraryCacheFile(cache, [dir]), 'utf8');
  const one = await loadLibrary([path.join(dir, 'small.md')], { cacheDir: cache });
  assert.deepEqual(one.articles.map((a) => a.id), ['small']);
  assert.equal(await readFile(libraryCacheFile(cache, [dir]), 'utf8'), folderCache);
  assert.equal(libraryCacheFile(cache, [`${dir}/./`]), libraryCacheFile(cache, [dir]));
  // Two libraries, each with its records and its index.
  assert.equal((await readdir(path.join(cache, 'library'))).length, 4);
});

test('a body is read when first asked for; a file deleted after loading gives a note, not a throw', async () => {
  const dir = await makeFolder({ 'gone.md': '# Gone\n\nText.\n', 'stays.md': '# Stays\n\nStill here.\n', 'dir.md': '# Dir\n' });
  for (const options of [{}, { cacheDir: await cacheDir() }]) {
    const lib = await loadLibrary([dir], options);
    await rm(path.join(dir, 'gone.md'));
    const before = lib.problems.length;
    let body = '';
    assert.doesNotThrow(() => {
      body = article(lib, 'gone').body;
    });
    assert.match(body, /^This file could no longer be read: gone\.md \(ENOENT\)/);
    assert.equal(article(lib, 'gone').body, body, 'the same note when read again');
    assert.equal(lib.problems.length, before, 'nothing else added');
    assert.equal(article(lib, 'gone').title, 'Gone');
    assert.match(article(lib, 'stays').body, /Still here\./);
    // A file that turned into a folder.
    await rm(path.join(dir, 'dir.md'));
    await (await import('node:fs/promises')).mkdir(path.join(dir, 'dir.md'));
    assert.match(article(lib, 'dir').body, /^This file could no longer be read: dir\.md \(EISDIR\)/);
    // Put things back for the second round.
    await rm(path.join(dir, 'dir.md'), { recursive: true });
    await writeFile(path.join(dir, 'dir.md'), '# Dir\n');
    await writeFile(path.join(dir, 'gone.md'), '# Gone\n\nText.\n');
  }
});

test('an article is plain data: own data fields only, so spreading or comparing it reads no file', async () => {
  const dir = await makeFolder({ 'a.md': '# A\n\n[b](b.md)\n', 'b.md': '# B\n' });
  const lib = await loadLibrary([dir]);
  const a = lib.byId.get('a')!;
  await rm(dir, { recursive: true });
  const copy = { ...a, source: 'https://example.org/a' };
  assert.deepEqual({ ...copy, source: a.source }, a);
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(a))) {
    assert.ok('value' in descriptor && !descriptor.get && !descriptor.set, `${key} is a data field`);
  }
  assert.deepEqual(Object.keys(a).sort(), [
    'absPath', 'aliases', 'author', 'backlinks', 'date', 'format', 'id', 'next', 'path', 'previous',
    'problems', 'related', 'root', 'section', 'source', 'summary', 'tags', 'title', 'words',
  ]);
  assert.deepEqual(lib.byId.get('b')!.backlinks, ['a']);
});

test('a link written into a file after loading resolves when the body is next read', async () => {
  const dir = await makeFolder({ 'a.md': '# A\n\nNothing yet.\n', 'b.md': '# B\n' });
  const lib = await loadLibrary([dir]);
  assert.equal(bodyOf(lib, 'a').linkTargets.size, 0);
  await writeFile(path.join(dir, 'a.md'), '# A\n\nNow see [B](b.md) and [[Nowhere]].\n\nRead: [[B]]\n');
  const entry = bodyOf(lib, 'a');
  assert.deepEqual(entry.linkTargets.get('b.md'), { kind: 'article', id: 'b' });
  assert.equal(entry.linkTargets.get('Nowhere')?.kind, 'unresolved');
  assert.deepEqual(entry.article.related.map((r) => r.target), [{ kind: 'article', id: 'b' }], 'related reading follows the body');
  assert.deepEqual(entry.article.problems.map((p) => p.kind), ['unresolved']);
  const { renderArticle } = await import('../../src/render/renderArticle.js');
  const rendered = renderArticle(entry, { width: 60, color: false });
  assert.deepEqual(rendered.links.filter((l) => l.role === 'body').map((l) => l.target.kind), ['article', 'unresolved', 'article']);
  assert.ok(rendered.plainLines.some((line) => line.includes('Nowhere (not in library)')), rendered.plainLines.join('\n'));
});

test('the quick front matter reader agrees with yaml wherever it answers', () => {
  const yamlOf = (text: string) => {
    if (text.replace(/^\s*#[^\n]+/gm, '').trim() === '') return {};
    try {
      // A block of comments only is null to yaml: no fields either way.
      return (YAML.parse(`\n${text}`, { logLevel: 'error', maxAliasCount: 100 }) as unknown) ?? {};
    } catch {
      return 'throws';
    }
  };
  const samples = [
    'title: Plain words, with a comma',
    "title: It's here\nauthor: 'Single ''quoted'''\nsummary: \"Double: quoted # not a comment\"",
    'date: 2025-04-02\nsection: [World, Transport]\nrelated:\n  - world/bridge\n  - culture/choir',
    'related:\n- a\n- b\nnext: c',
    'section: []\nprevious:\nnext: x',
    '# a comment\ntitle: T\n\n',
    'title: null', 'title: True', 'title: 12', 'title: x # c', 'title: a\n  b', 'title: [a,]', 'title: "a" b',
    'a: b\na: c', 'title: -x', 'title: x: y', 'title: x\u00a0', 'title: \u00a0x', 'title:\tx',
  ];
  for (const text of samples) {
    const fast = fastFrontMatterData(text);
    if (fast !== undefined) assert.deepEqual({ ...fast }, yamlOf(text), text);
  }
  // Random lines made of the characters that matter to YAML.
  const piece = fc.constantFrom('title', 'section', 'related', 'a', 'x', ':', ': ', ' ', '  ', '- ', '-', '#', ' #', '"', "'", "''", '[', ']', ', ', ',', '{', '}', 'null', 'true', '12', '2025-04-02', '\n', '\n  - ', '\t', 'é', '\u00a0', '!', '&', '*', '|', '>', '%', '@', '`', '?', '.', '~');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
      const text = parts.join('');
      const fast = fastFrontMatterData(text);
      if (fast !== undefined) assert.deepEqual({ ...fast }, yamlOf(text), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
});

// In a fresh process, watching which modules it resolves: the parsers are loaded only to parse.
test('a warm load resolves no parser module; a cold one loads them to parse', async () => {
  const dir = await makeFolder(FILES);
  const cache = await cacheDir();
  const cold = await loadLibrary([dir], { cacheDir: cache });
  const work = await cacheDir();
  const hooks = path.join(work, 'hooks.mjs');
  const register = path.join(work, 'register.mjs');
  const script = path.join(work, 'warm.mts');
  await writeFile(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/\\/node_modules\\/(marked|yaml|linkedom|turndown)\\//.test(result.url)) appendFileSync(process.env.RESOLVED_LOG, result.url + '\\n');
  return result;
}
`,
  );
  await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const library = pathToFileURL(path.resolve('src/library/index.ts')).href;
  await writeFile(
    script,
    `import { loadLibrary } from ${JSON.stringify(library)};
const [dir, cacheDir] = process.argv.slice(2);
const lib = await loadLibrary([dir], { cacheDir });
console.log(JSON.stringify({ titles: lib.articles.map((a) => a.title), related: lib.byId.get('world/ferry').related.length }));
`,
  );
  const run = (cacheDirectory: string, log: string) => {
    const out = JSON.parse(
      execFileSync(process.execPath, ['--import', register, '--import', 'tsx', script, dir, cacheDirectory], {
        encoding: 'utf8',
        env: { ...process.env, ...hermeticEnv(), RESOLVED_LOG: log },
      }),
    );
    return { ...out, resolved: existsSync(log) ? readFileSync(log, 'utf8') : '' };
  };
  const warm = run(cache, path.join(work, 'warm.log'));
  assert.equal(warm.resolved, '', 'a warm load loads no parser');
  assert.deepEqual(warm.titles, cold.articles.map((a) => a.title));
  assert.equal(warm.related, article(cold, 'world/ferry').related.length, 'links resolved from the cache');
  assert.match(run(await cacheDir(), path.join(work, 'cold.log')).resolved, /node_modules\/marked\//, 'a cold load parses, so it loads the parsers');
});
