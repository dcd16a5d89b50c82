// The focused link's highlight: inverse video over the columns of its spans. The styled line
// is cut around the span with slice-ansi (keeping the styling on either side) and the span
// itself is drawn from the plain line in inverse, so no reset inside the link can cancel it.
import { displayWidth, sliceColumns } from '../text/width.js';
import { INVERSE_OFF, INVERSE_ON } from './sgr.js';

export interface ColumnRange {
  start: number;
  end: number;
  /** Styling around the range (default inverse video). */
  on?: string;
  off?: string;
}

/** `line` with the column ranges shown in inverse video. Ranges are [start, end) in visible columns. */
export function highlightColumns(line: string, plainLine: string, ranges: readonly ColumnRange[]): string {
  if (ranges.length === 0) return line;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const total = Math.max(displayWidth(plainLine), ...sorted.map((r) => r.end));
  let out = '';
  let column = 0;
  for (const range of sorted) {
    const start = Math.max(range.start, column);
    const end = Math.max(start, range.end);
    if (end === start) continue;
    if (start > column) out += sliceColumns(line, column, start);
    const label = sliceColumns(plainLine, start, end);
    out += (range.on ?? INVERSE_ON) + label + ' '.repeat(Math.max(0, end - start - displayWidth(label))) + (range.off ?? INVERSE_OFF);
    column = end;
  }
  if (column < total) out += sliceColumns(line, column);
  return out;
}

/** Cut a styled line to `columns` visible columns (lines from the renderer should already fit). */
export function clipLine(line: string, columns: number): string {
  if (displayWidth(line) <= columns) return line;
  return sliceColumns(line, 0, Math.max(0, columns));
}
