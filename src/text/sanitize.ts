// SPEC §4: nothing read from a file reaches the terminal as a control sequence.
// Judged on decoded code points (never bytes). Two kinds of function:
//   sanitizeText / sanitizeLine: controls only, for text already decoded (titles from the
//     library, marked's text, DOM text). Idempotent: safe to apply again at any surface.
//   cleanText / cleanLine: entities decoded first, then sanitised, for text as written in a
//     file. Never apply them to decoded text: `&amp;amp;` would lose a level.
//
//  - C0 controls (U+0000–U+001F) except \n become their control pictures (U+2400 + n),
//    so ESC shows as `␛` and BEL as `␇`; \t is expanded to spaces (tab stops of 4).
//  - DEL (U+007F) becomes `␡`; C1 controls (U+0080–U+009F, the 8-bit CSI U+009B
//    included) become `�`.
//  - With ESC and the C1 introducers gone, no escape sequence (CSI, OSC — OSC 8
//    hyperlinks and OSC 52 clipboard writes included — DCS, APC, PM, SOS) can survive:
//    what was a sequence is left as visible, inert text (`␛]52;c;…␇`).
//  - Bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) and the invisible
//    marks (LRM, RLM, ALM, zero-width space, word joiner, a BOM inside text) are removed, so
//    text cannot be reordered or made to look like other text.
//  - Zero-width joiners (U+200C ZWNJ, U+200D ZWJ) are removed too, except between letters
//    of scripts that spell with them (Arabic, Persian, Indic…) or inside emoji sequences
//    (👩‍💻): there they are part of the text. Between Latin, Greek or Cyrillic letters they
//    only make a lookalike (`pay\u200dpal`).
//  - Lone surrogates become `�`; LINE/PARAGRAPH SEPARATOR become a space.

const TAB_STOP = 4;

/** Bidi controls and invisible marks, removed wherever text from a file is shown (regex class body). */
export const INVISIBLE_CLASS = '\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff';

// Everything that needs a look: C0 (incl. \t, \r, but \n is handled apart), DEL, C1,
// bidi controls and invisible marks, line/paragraph separators.
const UNSAFE = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}\\u2028\\u2029]`);
const UNSAFE_G = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}\\u2028\\u2029]`, 'g');

// A joiner is kept only with a joining character on both sides: an emoji (or its modifier or
// presentation selector), or a letter or mark of a script other than Latin, Greek, Cyrillic.
const JOINS = '(?:[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\ufe0f]|(?![\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}\\p{sc=Zyyy}\\p{sc=Zinh}])[\\p{L}\\p{M}])';
// Made at the first joiner met: building these Unicode-property patterns costs ~1.3 ms, paid by
// every start-up when they were made with the module.
let joinPatterns: { before: RegExp; after: RegExp } | undefined;

/** A joiner at `at` that is part of the text (see the header comment). */
function joins(text: string, at: number): boolean {
  joinPatterns ??= { before: new RegExp(`${JOINS}$`, 'u'), after: new RegExp(`^${JOINS}`, 'u') };
  // Two code units either side hold one code point, whatever its plane.
  return joinPatterns.before.test(text.slice(Math.max(0, at - 2), at)) && joinPatterns.after.test(text.slice(at + 1, at + 3));
}

const ANY_SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, 'g');

function replaceControl(ch: string, at: number, text: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  if (c <= 0x9f) return '\ufffd';
  if (c === 0x2028 || c === 0x2029) return ' ';
  if ((c === 0x200c || c === 0x200d) && joins(text, at)) return ch;
  return ''; // bidi controls and invisible marks
}

/** Expand tabs to spaces, with tab stops every 4 columns counted from each line start. */
export function expandTabs(s: string, tabStop = TAB_STOP): string {
  if (s.indexOf('\t') < 0) return s;
  let out = '';
  let col = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\t') {
      const n = tabStop - (col % tabStop);
      out += ' '.repeat(n);
      col += n;
    } else {
      out += ch;
      col = ch === '\n' ? 0 : col + 1;
    }
  }
  return out;
}

/**
 * Make decoded text from a file safe to print: see the header comment. Keeps `\n`.
 * Idempotent: sanitizeText(sanitizeText(s)) === sanitizeText(s).
 */
export function sanitizeText(s: string): string {
  if (typeof s !== 'string') s = String(s ?? '');
  // Lone surrogates would reach the terminal as garbage bytes.
  if (ANY_SURROGATE.test(s) && LONE_SURROGATE.test(s)) s = s.replace(LONE_SURROGATE_G, '\ufffd');
  if (!UNSAFE.test(s)) return s;
  if (s.indexOf('\t') >= 0) s = expandTabs(s);
  return s.replace(UNSAFE_G, replaceControl);
}

/** One line of decoded display text (titles, ids, status line): sanitised, newlines and tabs folded to spaces. */
export function sanitizeLine(s: string): string {
  if (typeof s !== 'string') s = String(s ?? '');
  return sanitizeText(s.replace(/[\r\n\t\u2028\u2029]+/g, ' '));
}
