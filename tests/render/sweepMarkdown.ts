// Not a test: renders every README.md / *.md under node_modules (read-only) at widths 40
// and 80 and reports throws, lines over the width, tabs and foreign escapes.
//   node --import tsx tests/render/sweepMarkdown.ts [root]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { renderArticle } from '../../src/render/renderArticle.js';
import { makeArticle, foreignControls } from './helpers.js';

const root = process.argv[2] ?? join(import.meta.dirname, '../../node_modules');
const files: string[] = [];
function walk(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p);
    else if (/\.(md|markdown)$/i.test(e) && st.size < 2_000_000) files.push(p);
  }
}
walk(root);
let problems = 0;
let slowest = { ms: 0, file: '' };
const t0 = performance.now();
for (const f of files) {
  const body = readFileSync(f, 'utf8');
  for (const width of [40, 80]) {
    for (const color of [true, false]) {
      const a = makeArticle({ body, title: f });
      const s = performance.now();
      let r;
      try {
        r = renderArticle(a, { width, color });
      } catch (err) {
        problems++;
        console.log(`THROW ${f} @${width}: ${(err as Error).stack}`);
        continue;
      }
      const ms = performance.now() - s;
      if (ms > slowest.ms) slowest = { ms, file: `${f} @${width}` };
      r.lines.forEach((l, i) => {
        const w = stringWidth(l);
        if (w > width) {
          problems++;
          console.log(`WIDE ${f} @${width} line ${i} (${w}): ${JSON.stringify(r.plainLines[i])}`);
        }
        if (l.includes('\t')) {
          problems++;
          console.log(`TAB ${f} @${width} line ${i}`);
        }
      });
      const bad = color ? foreignControls(r.lines) : r.lines.filter((l) => /[\u0000-\u001f\u007f-\u009f]/.test(l));
      for (const b of bad) {
        problems++;
        console.log(`ESC ${f} @${width}: ${b}`);
      }
    }
  }
}
console.log(`${files.length} files, ${problems} problems, ${(performance.now() - t0).toFixed(0)} ms; slowest ${slowest.ms.toFixed(1)} ms ${slowest.file}`);
process.exitCode = problems ? 1 : 0;
