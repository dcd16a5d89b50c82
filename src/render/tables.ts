// Tables fitted to the width: columns share the room by what their cells need, cells wrap
// inside their column; a table that cannot fit even squeezed is stacked row by row.
import { emptyLine, frag, lineOf, alignLine, pushAll, ruleLine, type Frag, type Line } from './lines.js';
import { type Atom, measureAtoms, wrapAtoms } from './wrapAtoms.js';
import { BOLD, STYLE } from './styles.js';
import { inlineAtoms } from './inlineAtoms.js';
import type { Tokens } from 'marked';
import type { Ctx } from './renderContext.js';

export function layoutTable(t: Tokens.Table, width: number, ctx: Ctx): Line[] {
  const header = t.header;
  const rows = t.rows;
  const n = Math.max(header.length, ...rows.map((r) => r.length));
  if (n === 0) return [];
  const align = t.align;
  const cellAtoms = (cell: Tokens.TableCell | undefined, style: number): Atom[] => {
    const atoms: Atom[] = [];
    if (cell) inlineAtoms(cell.tokens, style, ctx, atoms, -1);
    return atoms;
  };
  // Lay out cells once, in reading order (row by row), so links are numbered in that order.
  const grid: Atom[][][] = [header.map((c) => cellAtoms(c, BOLD)), ...rows.map((r) => r.map((c) => cellAtoms(c, 0)))];
  const natural = new Array<number>(n).fill(1);
  const minimum = new Array<number>(n).fill(1);
  for (const row of grid) {
    row.forEach((atoms, j) => {
      const m = measureAtoms(atoms);
      natural[j] = Math.max(natural[j], m.natural);
      minimum[j] = Math.max(minimum[j], m.longestWord);
    });
  }
  const SEP = ' │ ';
  const avail = width - 3 * (n - 1);
  if (avail < 3 * n) return layoutTableStacked(grid, n, width);
  const widths = columnWidths(natural, minimum, avail);
  const out: Line[] = [];
  const sepFrag = frag(SEP, STYLE.rule);
  grid.forEach((row, r) => {
    const cells = widths.map((w, j) => wrapAtoms(row[j] ?? [], w));
    const h = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < h; k++) {
      const frags: Frag[] = [];
      widths.forEach((w, j) => {
        if (j > 0) frags.push(sepFrag);
        const a = align[j];
        const cellLine = cells[j][k] ?? emptyLine();
        const padded = j === n - 1 && (a == null || a === 'left') ? cellLine : alignLine(cellLine, w, a ?? null);
        for (const f of padded.frags) frags.push(f);
      });
      out.push(lineOf(frags));
    }
    if (r === 0) out.push(lineOf([frag(widths.map((w) => '─'.repeat(w)).join('─┼─'), STYLE.rule)]));
  });
  return out;
}

/**
 * Column widths summing to at most `avail` (each ≥ 1): natural widths when they fit;
 * else every column gets its longest word and the rest goes to the columns that want
 * more, in proportion to what they lack; else (words must break) a fair water-filling.
 */
function columnWidths(natural: number[], minimum: number[], avail: number): number[] {
  const n = natural.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= avail) return natural.slice();
  const mins = minimum.map((m, j) => Math.min(m, natural[j]));
  if (sum(mins) <= avail) {
    const widths = mins.slice();
    let rem = avail - sum(widths);
    const deficit = natural.map((nat, j) => nat - widths[j]);
    const total = sum(deficit);
    if (total > 0) {
      const extra = deficit.map((d) => Math.floor((rem * d) / total));
      extra.forEach((e, j) => (widths[j] += e));
      rem -= sum(extra);
      const order = [...deficit.keys()].sort((a, b) => natural[b] - widths[b] - (natural[a] - widths[a]));
      for (const j of order) {
        if (rem <= 0) break;
        if (widths[j] < natural[j]) {
          widths[j]++;
          rem--;
        }
      }
    }
    return widths;
  }
  const widths = new Array<number>(n).fill(0);
  const order = [...natural.keys()].sort((a, b) => natural[a] - natural[b]);
  let remaining = avail;
  order.forEach((j, k) => {
    const share = Math.floor(remaining / (n - k));
    widths[j] = Math.max(1, Math.min(natural[j], share));
    remaining -= widths[j];
  });
  return widths;
}

/** A table too wide even squeezed: each row as "Header: value" lines. */
function layoutTableStacked(grid: Atom[][][], n: number, width: number): Line[] {
  const out: Line[] = [];
  const head = grid[0];
  for (let r = 1; r < grid.length; r++) {
    if (r > 1) out.push(ruleLine(Math.min(width, 3)));
    for (let j = 0; j < n; j++) {
      const atoms: Atom[] = [...(head[j] ?? []), { text: ': ', style: BOLD, link: -1 }, ...(grid[r][j] ?? [])];
      pushAll(out, wrapAtoms(atoms, width));
    }
  }
  if (grid.length === 1) for (let j = 0; j < n; j++) pushAll(out, wrapAtoms(head[j] ?? [], width));
  return out;
}
