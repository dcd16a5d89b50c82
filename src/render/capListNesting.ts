// List nesting is capped in the Markdown before marked lexes it. marked lexes an item's
// content again at every level it is nested in, and an indented list's text grows with
// the square of its depth, so n levels cost about n³ (1,000 levels: seconds). Past
// MAX_LIST_NESTING levels an item is moved left to be a sibling of the deepest allowed
// item, and every line it holds moves with it: its text is all kept and reads as a flat
// run of items at that depth, instead of columns too narrow to read. Lists nested no
// deeper than that are passed through untouched (the same string).

const MAX_LIST_NESTING = 32;
const TAB_STOP = 4;

// A list item's first line: indent, marker, then spaces or the end of the line.
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
// Each level indents at least 2 columns past its parent, so an item too deep sits at
// column 2 × MAX_LIST_NESTING or more: 16 or more blanks even if they are all tabs.
const DEEP_INDENT = new RegExp(`^[ \\t]{${Math.ceil((2 * MAX_LIST_NESTING) / TAB_STOP)}}`, 'm');

interface OpenItem {
  /** Column of the marker, as written. */
  markerCol: number;
  /** Column the item's content starts at, as written: deeper lines belong to the item. */
  contentCol: number;
  /** Columns this item's lines are moved left by (0 within the cap). */
  shift: number;
}

/** Columns of leading blanks (tab stops every 4). */
function columnsOf(blanks: string, startCol = 0): number {
  if (blanks.indexOf('\t') < 0) return startCol + blanks.length;
  let col = startCol;
  for (let i = 0; i < blanks.length; i++) col = blanks[i] === '\t' ? col + TAB_STOP - (col % TAB_STOP) : col + 1;
  return col;
}

const LEADING_BLANKS = /^[ \t]*/;

function leadingBlanks(line: string): number {
  return (LEADING_BLANKS.exec(line) as RegExpExecArray)[0].length;
}

/** The line with its indent reduced by `shift` columns (never below 0). */
function moveLeft(line: string, shift: number): string {
  const n = leadingBlanks(line);
  return ' '.repeat(Math.max(0, columnsOf(line.slice(0, n)) - shift)) + line.slice(n);
}

export function capListNesting(body: string): string {
  if (!DEEP_INDENT.test(body)) return body;
  const lines = body.split('\n');
  const open: OpenItem[] = [];
  let changed = false;
  let prevBlank = false;
  let fence: { ch: string; len: number; shift: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      // Fenced code is never read as list items; it moves with the item it is in.
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence.ch && close[1].length >= fence.len && line.trim() === close[1]) {
        if (fence.shift) lines[i] = moveLeft(line, fence.shift);
        fence = null;
      } else if (fence.shift) {
        lines[i] = moveLeft(line, fence.shift);
      }
      continue;
    }
    if (line.trim() === '') {
      prevBlank = true;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const markerCol = columnsOf(item[1]);
      const afterMarker = markerCol + item[2].length;
      const gap = item[3] === '' ? 1 : columnsOf(item[3], afterMarker) - afterMarker;
      const contentCol = afterMarker + (gap > 4 ? 1 : gap);
      while (open.length && markerCol < open[open.length - 1].contentCol) open.pop();
      let shift = 0;
      if (open.length >= MAX_LIST_NESTING) {
        // Too deep: a sibling of the deepest allowed item, at the column that one shows at.
        const deepest = open[MAX_LIST_NESTING - 1];
        shift = markerCol - (deepest.markerCol - deepest.shift);
        open.length = MAX_LIST_NESTING - 1;
        lines[i] = moveLeft(line, shift);
        changed = true;
      }
      open.push({ markerCol, contentCol, shift });
    } else {
      // After a blank line, a line indented less than an item's content ends that item.
      const indent = columnsOf(line.slice(0, leadingBlanks(line)));
      if (prevBlank) while (open.length && indent < open[open.length - 1].contentCol) open.pop();
      const shift = open.length ? open[open.length - 1].shift : 0;
      if (shift) lines[i] = moveLeft(line, shift);
      const f = FENCE.exec(line);
      if (f) fence = { ch: f[1][0], len: f[1].length, shift };
    }
    prevBlank = false;
  }
  return changed ? lines.join('\n') : body;
}
