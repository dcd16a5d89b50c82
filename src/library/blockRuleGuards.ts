// marked tries each block rule at the start of every block, and its table, HTML-block and setext
// heading rules are its largest regexes (each holds the HTML-block pattern): V8 compiles each at
// its first use (8, 2.5 and 2.5 ms for a one-line body) and runs it at every block. Each guard
// here answers "no such block here" from what the rule's regex cannot do without, and otherwise
// leaves the answer to marked's own rule (returning false hands over to it), so the tokens stay
// marked's. A body with no table, HTML block or setext heading never compiles those regexes.
import type { Tokenizer } from 'marked';

// A table's second line is its delimiter row: ` {0,3}`, then `|`, `:` or `-` ... (marked's gfm
// table rule: `^ *([^\n ].*)\n {0,3}((?:\| *)?:?-+…`, whose first line ends at the body's first newline).
const DELIMITER_ROW_START = / {0,3}(?:\| *)?:?-/y;
// Every alternative of marked's HTML-block rule starts with `<` after at most three spaces.
const HTML_BLOCK_START = /^ {0,3}</;
// A setext underline: a line of `=` or `-` under the text...
const SETEXT_UNDERLINE = /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;
// ...which comes before the paragraph's first blank line (marked's rule takes text lines up to a
// newline followed by a blank line; the underline's own line ends at or before that newline).
const BLANK_LINE_AFTER = /\n\s*?\n/;
/** How far the guard looks for the paragraph's end; past it, marked's rule decides. */
const SETEXT_LOOK = 4000;

type Guard = (this: Tokenizer, src: string) => undefined | false;

const table: Guard = (src) => {
  const nl = src.indexOf('\n');
  if (nl < 0) return undefined;
  DELIMITER_ROW_START.lastIndex = nl + 1;
  return DELIMITER_ROW_START.test(src) ? false : undefined;
};

const html: Guard = (src) => (HTML_BLOCK_START.test(src) ? false : undefined);

const lheading: Guard = (src) => {
  const head = src.length > SETEXT_LOOK ? src.slice(0, SETEXT_LOOK) : src;
  const blank = head.search(BLANK_LINE_AFTER);
  // No blank line within the look, and more text after it: the paragraph may run on.
  if (blank < 0 && head.length < src.length) return false;
  return SETEXT_UNDERLINE.test(blank < 0 ? head : head.slice(0, blank + 1)) ? false : undefined;
};

/** For marked's `use({ tokenizer })`: each guard runs before marked's rule of the same name. */
export const blockRuleGuards = { table, html, lheading } as unknown as Partial<Tokenizer>;
