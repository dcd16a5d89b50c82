#!/usr/bin/env node
// Writes a large synthetic library for benchmarks: a mix of Markdown articles with front
// matter and raw pages in the seed's shape, ~3 KB each, linked by related reading and a
// previous/next chain. Deterministic: the same N gives the same files.
//   node scripts/generate-library.mjs 10000 /tmp/lib10k [--html | --markdown]
// (100,000 articles: ~400 MB of disk, ~10 s on an idle disk.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [countArg = '10000', outDir = '.bench/lib10k', ...flags] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1) {
  console.error(`generate-library: the count must be a whole number above 0, not "${countArg}"`);
  process.exit(1);
}
const asHtml = flags.includes('--html');
/** `--markdown`: every article as Markdown (the same library as `--html`, for comparison). */
const markdownOnly = flags.includes('--markdown');
const sections = ['World', 'Culture', 'Science', 'Sport', 'Business', 'Local', 'Travel', 'Health'];
const words = 'river harbour council market bridge school garden ferry station library museum festival archive weather quarry orchard lighthouse mill chapel tram'.split(' ');

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const title = (i) => `The ${pick(words)} ${pick(words)} report number ${i}`;
const sentence = () => Array.from({ length: 12 + Math.floor(random() * 10) }, () => pick(words)).join(' ') + '.';
const paragraph = () => Array.from({ length: 4 }, sentence).join(' ');

seed = 42;
const titles = Array.from({ length: count }, (_, i) => title(i));
// Five digits up to 100,000 articles (the names older libraries have), more beyond, so the
// names still sort in the order they were made.
const digits = Math.max(5, String(count - 1).length);
const idOf = (i) => `${sections[i % sections.length].toLowerCase()}/a${String(i).padStart(digits, '0')}`;
const isRaw = (i) => !markdownOnly && i % 3 === 2;

for (let i = 0; i < count; i++) {
  const section = sections[i % sections.length];
  const related = [(i * 7 + 3) % count, (i * 13 + 5) % count];
  const previous = (i + count - 1) % count;
  const next = (i + 1) % count;
  const body = Array.from({ length: 5 }, paragraph);
  let file;
  let text;
  if (asHtml) {
    file = `${idOf(i)}.html`;
    text = `<!doctype html><html><head><meta charset="utf-8"><title>${titles[i]} | Bench Gazette</title>
<meta property="og:title" content="${titles[i]}"><meta property="article:section" content="${section}">
<link rel="canonical" href="https://bench.example/${idOf(i)}"><link rel="prev" href="https://bench.example/${idOf(previous)}"><link rel="next" href="https://bench.example/${idOf(next)}">
</head><body><nav>Home · ${section}</nav><article><h1>${titles[i]}</h1>
${body.map((p, n) => (n === 2 ? `<p>Read: <a href="https://bench.example/${idOf(related[0])}">${titles[related[0]]}</a></p><h2>${pick(words)} notes</h2><p>${p}</p>` : `<p>${p}</p>`)).join('\n')}
</article><footer>Bench Gazette</footer></body></html>`;
  } else if (isRaw(i)) {
    file = `${idOf(i)}.txt`;
    text = [`Home ${section} ${titles[i]}`, '', titles[i], '', '', body[0], '', `Read:\u00a0 ${titles[related[0]]}`, '', `${pick(words)} notes`, '', ...body.slice(1).flatMap((p) => [p, '']), `Previous article${titles[previous]}`, `Next article${titles[next]}`].join('\n');
  } else {
    file = `${idOf(i)}.md`;
    text = `---\ntitle: "${titles[i]}"\nsection: [${section}]\ndate: 2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}\nrelated:\n  - ${idOf(related[0])}\n  - ${idOf(related[1])}\nprevious: ${idOf(previous)}\nnext: ${idOf(next)}\n---\n\n${body[0]}\n\nRead: [${titles[related[0]]}](../${idOf(related[0])})\n\n## ${pick(words)} notes\n\n${body.slice(1).join('\n\n')}\n`;
  }
  mkdirSync(join(outDir, section.toLowerCase()), { recursive: true });
  writeFileSync(join(outDir, file), text);
}
console.log(`wrote ${count} ${asHtml ? 'HTML pages' : 'articles'} to ${outDir}`);
