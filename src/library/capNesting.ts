// Nesting is capped in the Markdown before marked lexes it (lexBody, bodyLinks.ts). marked's
// tokenizers recurse once per level: a quote's or a list item's content is lexed again as
// blocks, an emphasis's as inline text. So a 3 KB line of `- - - …` or `>>>…` overflows the
// stack, and an indented list costs about n³ (its text grows with the square of its depth and
// is lexed again at every level: 1,000 levels take seconds).
//
// Past MAX_NESTING levels the extra levels are flattened and every word is kept:
// - markers on one line (`- - - x`, `>>> x`, `1. 1. x`, `> - > - x`): the markers past the cap
//   are dropped, the text after them stays in the deepest container allowed;
// - a list nested by indentation (also inside a quote): an item too deep is moved left to be a
//   sibling of the deepest allowed item, with every line it holds, so it reads as a flat run
//   of items at that depth instead of columns too narrow to read;
// - a run of `*`, `_` or `~` longer than MAX_DELIMITER_RUN (outside code spans) is cut to that
//   length (a run of n delimiters nests n/2 emphases).
// Text nested no deeper than that is passed through untouched (the same string).

export const MAX_NESTING = 32;
/** Longest run of one emphasis delimiter kept: nests at most MAX_NESTING / 2 emphases. */
export const MAX_DELIMITER_RUN = MAX_NESTING;
const TAB_STOP = 4;

/** What was nested past the cap and flattened. */
export type Flattened = 'lists' | 'quotes' | 'emphasis';

export interface CappedText {
  /** The text, capped (the same string when nothing was). */
  text: string;
  flattened: Flattened[];
}

// A list item's first line: indent, marker, then spaces or the end of the line.
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
// A line's quote markers, each with the one optional space that belongs to it.
const QUOTE_PREFIX = /^(?: {0,3}>[ ]?)+/;
// Each level indents at least 2 columns past its parent, so an item too deep sits at
// column 2 × MAX_NESTING or more: 16 or more blanks even if they are all tabs (after any quote
// markers).
const DEEP_INDENT = new RegExp(`^[ >]*[ \\t]{${Math.ceil((2 * MAX_NESTING) / TAB_STOP)}}`, 'm');
// A line opening more than MAX_NESTING containers at once (quotes or list items).
const MARKER = String.raw`[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))`;
const MANY_MARKERS = new RegExp(`^(?:${MARKER}){${MAX_NESTING + 1}}`, 'm');
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1)*[ \t]*$/;

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

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * A line that opens more than MAX_NESTING containers with markers (`- - - x`, `>>>> x`,
 * `> - > - x`) with the markers past the cap dropped; null when it opens no more than that.
 */
function capMarkers(line: string): { line: string; dropped: Flattened[] } | null {
  let at = 0;
  let count = 0;
  let cut = 0;
  for (;;) {
    let j = at;
    while (isBlank(line[j])) j++;
    const c = line[j];
    if (c === '>') j++;
    else if ((c === '-' || c === '*' || c === '+') && (j + 1 === line.length || isBlank(line[j + 1]))) j++;
    else {
      let k = j;
      while (k - j < 9 && isDigit(line[k])) k++;
      if (k === j || (line[k] !== '.' && line[k] !== ')') || !(k + 1 === line.length || isBlank(line[k + 1]))) break;
      j = k + 1;
    }
    count++;
    at = j;
    if (count === MAX_NESTING) cut = at;
  }
  if (count <= MAX_NESTING) return null;
  const rest = line.slice(at).replace(LEADING_BLANKS, '');
  // `- - - - …` alone is a rule, not lists: leave it as written.
  if (rest === '' && THEMATIC_BREAK.test(line)) return null;
  const dropped = line.slice(cut, at);
  return {
    line: rest === '' ? line.slice(0, cut) : `${line.slice(0, cut)} ${rest}`,
    dropped: [...(dropped.includes('>') ? (['quotes'] as const) : []), ...(/[-*+\d]/.test(dropped) ? (['lists'] as const) : [])],
  };
}

/** Lists and quotes in `body` nested no deeper than MAX_NESTING levels (see the top of the file). */
export function capBlockNesting(body: string): CappedText {
  const manyMarkers = MANY_MARKERS.test(body);
  if (!manyMarkers && !DEEP_INDENT.test(body)) return { text: body, flattened: [] };
  const flattened = new Set<Flattened>();
  const lines = body.split('\n');
  const open: OpenItem[] = [];
  let quoteDepth = 0;
  let prevBlank = false;
  let fence: { ch: string; len: number; shift: number; quotes: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const quote = QUOTE_PREFIX.exec(lines[i])?.[0] ?? '';
    const quotes = quote === '' ? 0 : quote.split('>').length - 1;
    if (fence && quotes < fence.quotes) fence = null; // a quote that ends ends its code too
    if (fence) {
      // Fenced code is never read as list items; it moves with the item it is in.
      const content = lines[i].slice(quote.length);
      const close = FENCE.exec(content);
      if (fence.shift) lines[i] = quote + moveLeft(content, fence.shift);
      if (close && close[1][0] === fence.ch && close[1].length >= fence.len && content.trim() === close[1]) fence = null;
      continue;
    }
    if (manyMarkers) {
      const capped = capMarkers(lines[i]);
      if (capped !== null) {
        lines[i] = capped.line;
        for (const kind of capped.dropped) flattened.add(kind);
        // Its items are as deep as lists go: what follows it starts afresh.
        open.length = 0;
        prevBlank = false;
        continue;
      }
    }
    const line = lines[i].slice(quote.length);
    if (quotes !== quoteDepth) {
      // A list inside a quote is not the list outside it.
      open.length = 0;
      quoteDepth = quotes;
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
      if (open.length >= MAX_NESTING) {
        // Too deep: a sibling of the deepest allowed item, at the column that one shows at.
        const deepest = open[MAX_NESTING - 1];
        shift = markerCol - (deepest.markerCol - deepest.shift);
        open.length = MAX_NESTING - 1;
        lines[i] = quote + moveLeft(line, shift);
        flattened.add('lists');
      }
      open.push({ markerCol, contentCol, shift });
    } else {
      // After a blank line, a line indented less than an item's content ends that item.
      const indent = columnsOf(line.slice(0, leadingBlanks(line)));
      if (prevBlank) while (open.length && indent < open[open.length - 1].contentCol) open.pop();
      const shift = open.length ? open[open.length - 1].shift : 0;
      if (shift) lines[i] = quote + moveLeft(line, shift);
      const f = FENCE.exec(line);
      if (f) fence = { ch: f[1][0], len: f[1].length, shift, quotes };
    }
    prevBlank = false;
  }
  return flattened.size ? { text: lines.join('\n'), flattened: [...flattened] } : { text: body, flattened: [] };
}

const LONG_RUN = new RegExp(`[*_~]{${MAX_DELIMITER_RUN + 1}}`);
const RUN = new RegExp(`\\*{${MAX_DELIMITER_RUN + 1},}|_{${MAX_DELIMITER_RUN + 1},}|~{${MAX_DELIMITER_RUN + 1},}`, 'g');

/** Where code spans stand in inline text: backtick runs paired as CommonMark pairs them (a run closes at the next run as long). */
function codeSpans(text: string): [number, number][] {
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, len: m[0].length }));
  // The next run of each length, found from the end: one pass, whatever the text.
  const nextSame: number[] = new Array(runs.length).fill(-1);
  const last = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    nextSame[i] = last.get(runs[i].len) ?? -1;
    last.set(runs[i].len, i);
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; ) {
    const j = nextSame[i];
    if (j < 0) {
      i++;
      continue;
    }
    spans.push([runs[i].at, runs[j].at + runs[j].len]);
    i = j + 1;
  }
  return spans;
}

/** Inline text with every run of one emphasis delimiter cut to MAX_DELIMITER_RUN, code spans untouched. */
export function capDelimiterRuns(text: string): CappedText {
  if (!LONG_RUN.test(text)) return { text, flattened: [] };
  const spans = text.includes('`') ? codeSpans(text) : [];
  let span = 0;
  let changed = false;
  const capped = text.replace(RUN, (run: string, at: number) => {
    while (span < spans.length && spans[span][1] <= at) span++;
    if (span < spans.length && spans[span][0] <= at) return run;
    changed = true;
    return run.slice(0, MAX_DELIMITER_RUN);
  });
  return changed ? { text: capped, flattened: ['emphasis'] } : { text, flattened: [] };
}
