// SPEC §4: nothing read from a file reaches the terminal as a control sequence.
// Judged on decoded code points (never bytes): call these AFTER entity decoding.
//
//  - C0 controls (U+0000–U+001F) except \n become their control pictures (U+2400 + n),
//    so ESC shows as `␛` and BEL as `␇`; \t is expanded to spaces (tab stops of 4).
//  - DEL (U+007F) becomes `␡`; C1 controls (U+0080–U+009F, the 8-bit CSI U+009B
//    included) become `�`.
//  - With ESC and the C1 introducers gone, no escape sequence (CSI, OSC — OSC 8
//    hyperlinks and OSC 52 clipboard writes included — DCS, APC, PM, SOS) can survive:
//    what was a sequence is left as visible, inert text (`␛]52;c;…␇`).
//  - Bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) are removed,
//    so text cannot be reordered to disguise what it says.
//  - Lone surrogates become `�`; LINE/PARAGRAPH SEPARATOR become a space.

const TAB_STOP = 4;

// Everything that needs a look: C0 (incl. \t, \r, but \n is handled apart), DEL, C1,
// bidi controls, line/paragraph separators, and surrogate halves (lone ones).
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const UNSAFE_G = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const ANY_SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, 'g');

function replaceControl(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  if (c <= 0x9f) return '\ufffd';
  if (c === 0x2028 || c === 0x2029) return ' ';
  return ''; // bidi controls
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
 * Make text from a file safe to print: see the header comment. Keeps `\n`.
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

/** One line of display text (titles, ids, status line): cleaned, newlines and tabs folded to spaces. */
export function sanitizeLine(s: string): string {
  if (typeof s !== 'string') s = String(s ?? '');
  return sanitizeText(s.replace(/[\r\n\t\u2028\u2029]+/g, ' '));
}
