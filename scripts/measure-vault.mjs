// Measures how broadsheet shows a notes vault (Obsidian's help vault, say): what `check` reports,
// and whether any note's `show` prints vault syntax that the app itself hides.
//
//   node --import tsx scripts/measure-vault.mjs FOLDER [--list]
//
// Counted over the rendered text of every note, outside code (code spans and blocks are shown
// as written, so `%%` or `^id` there are the note's own):
// - callout markers `[!`, comment marks `%%`, highlight marks `==`, `^block-id` markers;
// - "(not in library)" marks, and among them those whose words name a file that exists in the
//   vault (an attachment or note the reader failed to find).
// `check`'s problems are counted by kind. `--list` prints each finding with its note.
// Nothing of the vault is written anywhere.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
const listing = args.includes('--list');
if (!folder || !existsSync(folder)) {
  console.error('usage: node --import tsx scripts/measure-vault.mjs FOLDER [--list]');
  process.exit(2);
}

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadLibrary } = await import(path.join(repo, 'src/library/index.ts'));
const { loadBodies } = await import(path.join(repo, 'src/startup.ts'));

const library = await loadLibrary([folder]);
const { store, renderArticle } = await loadBodies(library);

/** Every file name in the vault, case-folded, with and without its extension. */
const fileNames = new Set();
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else {
      fileNames.add(entry.name.toLowerCase());
      fileNames.add(entry.name.replace(/\.[^.]+$/, '').toLowerCase());
    }
  }
};
walk(folder);

/** The text of every code block and code span (math included: it is shown as written). */
function codeText(tokens) {
  let text = '';
  const visit = (token) => {
    if (['code', 'codespan', 'math'].includes(token.type)) text += `${token.text}\n`;
    for (const key of ['tokens', 'items', 'titleTokens']) for (const child of token[key] ?? []) visit(child);
    if (token.type === 'table') for (const cell of [...token.header, ...token.rows.flat()]) for (const child of cell.tokens ?? []) visit(child);
  };
  for (const token of tokens) visit(token);
  return text;
}

const MARKS = {
  callout: /\[!/g,
  comment: /%%/g,
  highlight: /==/g,
  blockId: /(?:^|\s)\^[A-Za-z0-9-]+(?=\s|$)/gm,
};
const count = (text, pattern) => (text.match(pattern) ?? []).length;

const findings = [];
const totals = Object.fromEntries([...Object.keys(MARKS), 'notInLibrary', 'notInLibraryExisting'].map((k) => [k, 0]));
for (const article of library.articles) {
  const entry = store.read(article.id);
  const lines = renderArticle(entry, { width: 100, color: false }).plainLines;
  const shown = lines.join('\n');
  const code = codeText(entry.tokens);
  for (const [kind, pattern] of Object.entries(MARKS)) {
    const extra = count(shown, pattern) - count(code, pattern);
    if (extra > 0) {
      totals[kind] += extra;
      findings.push(`${article.path}: ${kind} ×${extra}: ${lines.filter((l) => count(l, pattern) > 0).slice(0, 2).join(' | ')}`);
    }
  }
  for (const line of lines) {
    for (const m of line.matchAll(/([^\s()][^()]*?) \(not in library\)/g)) {
      totals.notInLibrary++;
      const words = m[1].trim().split(' › ')[0].toLowerCase();
      const existing = fileNames.has(words) || fileNames.has(path.basename(words));
      if (existing) totals.notInLibraryExisting++;
      findings.push(`${article.path}: not in library${existing ? ' (the file exists)' : ''}: ${m[1].trim()}`);
    }
  }
}

const byKind = new Map();
for (const problem of library.problems) byKind.set(problem.kind, (byKind.get(problem.kind) ?? 0) + 1);
console.log(`notes: ${library.articles.length}`);
console.log(`check: ${library.problems.length} problems${byKind.size ? ` (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
console.log(`shown outside code: callout markers ${totals.callout}, %% ${totals.comment}, == ${totals.highlight}, ^block-ids ${totals.blockId}`);
console.log(`"(not in library)": ${totals.notInLibrary}, of which name an existing file: ${totals.notInLibraryExisting}`);
if (listing) {
  for (const problem of library.problems) console.log(`check: ${problem.message}`);
  for (const finding of findings) console.log(finding);
}
