// Deep Markdown: a few KB of `- - - …`, `>>>…`, `***…word…***`, `1. 1. …` or `> - > - …` used to
// make every command on the whole library fail with "Maximum call stack size exceeded" (marked's
// tokenizers recurse per level). Each shape must be one `too-deep` problem of its own file, its
// text kept, while the rest of the library lists, checks and shows as before. The fixtures are
// generated here, never stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexBody, plainTextOf } from '../../src/library/bodyLinks.js';
import { MAX_NESTING } from '../../src/library/capNesting.js';
import { makeLibrary, runCli, type CliResult } from '../helpers/runCli.js';
import { tempDir } from './helpers.js';
import { tokenDepth } from './nesting.js';


/** Each hostile shape, as the issue found them (sizes as reported), with a word to find again. */
export const DEEP_MARKDOWN: Record<string, string> = {
  'dashes (1,500 `- `)': `${'- '.repeat(1500)}deepest\n`,
  'quotes (2,000 `>`)': `${'>'.repeat(2000)} deepest\n`,
  'emphasis (2,000 `*` each side)': `${'*'.repeat(2000)}deepest${'*'.repeat(2000)}\n`,
  'ordered (10,000 `1. `)': `${'1. '.repeat(10000)}deepest\n`,
  'quoted lists (5,000 `> - `)': `${'> - '.repeat(5000)}deepest\n`,
  'nested emphasis (3,000 `*a `)': `${'*a '.repeat(3000)}deepest${' a*'.repeat(3000)}\n`,
  'struck (3,000 `~~a `)': `${'~~a '.repeat(3000)}deepest${' a~~'.repeat(3000)}\n`,
  'indented list (1,000 levels)': Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n') + '\n- deepest\n',
  'indented list in a quote (400 levels)': Array.from({ length: 400 }, (_, i) => `> ${'  '.repeat(i)}- item ${i}`).join('\n') + '\n> deepest\n',
};


for (const [shape, body] of Object.entries(DEEP_MARKDOWN)) {
  test(`lexing ${shape}: flattened past the cap, its words kept, one too-deep problem`, () => {
    const { tokens, problem } = lexBody(`# Deep\n\n${body}`);
    assert.equal(problem?.kind, 'too-deep', JSON.stringify(problem));
    assert.match(problem!.message, /nested deeper than 32 levels/);
    // Lists and quotes take two token levels each (list, item / quote, paragraph), emphasis one.
    assert.ok(tokenDepth(tokens) <= 4 * MAX_NESTING + 8, `tokens nest ${tokenDepth(tokens)} deep`);
    assert.match(plainTextOf(tokens), /deepest/);
  });
}

test('lists, quotes and emphasis within the cap lex as written, with no problem', () => {
  const within = [
    `${'- '.repeat(MAX_NESTING)}x\n`,
    `${'>'.repeat(MAX_NESTING)} x\n`,
    `${'*'.repeat(MAX_NESTING)}x${'*'.repeat(MAX_NESTING)}\n`,
    Array.from({ length: MAX_NESTING }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n') + '\n',
    `A rule of dashes is no list:\n\n${'- '.repeat(100)}\n`,
    `Code keeps its stars: \`${'*'.repeat(100)}\`\n`,
  ];
  for (const body of within) {
    const { tokens, problem } = lexBody(body);
    assert.equal(problem, null, body.slice(0, 40));
    assert.ok(plainTextOf(tokens).length > 0);
  }
  assert.match(plainTextOf(lexBody(within[5]).tokens), new RegExp(`\\*{100}`), 'a code span is never cut');
});

test('a lex over its time budget stops: the body as plain paragraphs and an unreadable problem', () => {
  // A clock that jumps ten seconds after its first look: the budget is gone at the first block.
  let looks = 0;
  const clock = () => (looks++ === 0 ? 0 : 10_000);
  const body = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} with *some* words.`).join('\n\n');
  const { tokens, problem } = lexBody(body, { now: clock });
  assert.equal(problem?.kind, 'unreadable');
  assert.match(problem!.message, /took over 5 s to read as Markdown; shown as plain text/);
  assert.equal(tokens.length, 50, 'one paragraph per paragraph written');
  assert.match(plainTextOf(tokens), /Paragraph 49 with \*some\* words\./);
  // The same body on a clock that stands still lexes as usual.
  assert.equal(lexBody(body, { now: () => 0 }).problem, null);
});

const env = (): Record<string, string> => {
  const dir = tempDir('deep-md-env');
  return { BROADSHEET_STATE_DIR: `${dir}/state`, BROADSHEET_CACHE_DIR: `${dir}/cache`, BROADSHEET_CONFIG: `${dir}/config.json` };
};

interface ProblemJson {
  id: string;
  kind: string;
  message: string;
}

function ok(result: CliResult, what: string): void {
  assert.equal(result.stderr, '', `${what}: ${result.stderr}`);
  assert.doesNotMatch(result.stdout, /Maximum call stack|unexpected error/, what);
}

test('a library holding every deep shape: list, check and show of another article still work; each file is one problem', async () => {
  const shapes = Object.entries(DEEP_MARKDOWN);
  const files: Record<string, string> = { 'fine.md': '# Fine\n\nA fine article that links to [[deep-0]].\n' };
  shapes.forEach(([, body], i) => (files[`deep-${i}.md`] = `# Deep ${i}\n\n${body}`));
  const root = makeLibrary(files);
  const vars = env();

  const list = await runCli(['list', '--json', root], { env: vars });
  ok(list, 'list');
  assert.equal(list.code, 0);
  const ids = (JSON.parse(list.stdout) as { id: string }[]).map((a) => a.id);
  assert.deepEqual(ids, [...shapes.map((_, i) => `deep-${i}`), 'fine'].sort());

  const check = await runCli(['check', '--json', root], { env: vars });
  ok(check, 'check');
  const problems = (JSON.parse(check.stdout) as { problems: ProblemJson[] }).problems;
  shapes.forEach(([shape], i) => {
    const own = problems.filter((p) => p.id === `deep-${i}`);
    assert.deepEqual(own.map((p) => p.kind), ['too-deep'], `${shape}: ${JSON.stringify(own)}`);
  });
  assert.equal(problems.length, shapes.length, JSON.stringify(problems));

  const show = await runCli(['show', 'fine', root, '--width', '60'], { env: vars });
  ok(show, 'show fine');
  assert.equal(show.code, 0);
  assert.match(show.stdout, /A fine article that links to deep-0\./);

  for (const [i, [shape]] of shapes.entries()) {
    const deep = await runCli(['show', `deep-${i}`, root, '--width', '60'], { env: vars });
    ok(deep, `show ${shape}`);
    assert.equal(deep.code, 0, shape);
    assert.match(deep.stdout, /deepest/, shape);
  }
});

test('2 MB of ever deeper quotes lists and shows, one problem', async () => {
  const lines: string[] = [];
  for (let depth = 1, size = 0; size < 2_000_000; depth++) {
    const line = `${'>'.repeat(depth)} level ${depth}`;
    lines.push(line);
    size += line.length + 1;
  }
  const root = makeLibrary({ 'quotes.md': `# Quotes\n\n${lines.join('\n')}\n`, 'fine.md': '# Fine\n\nFine.\n' });
  const vars = env();
  const check = await runCli(['check', '--json', root], { env: vars });
  ok(check, 'check');
  assert.deepEqual((JSON.parse(check.stdout) as { problems: ProblemJson[] }).problems.map((p) => p.kind), ['too-deep']);
  const show = await runCli(['show', 'quotes', root, '--width', '100'], { env: vars });
  ok(show, 'show');
  assert.match(show.stdout, new RegExp(`level ${lines.length}\\b`), 'the deepest line is shown');
});
