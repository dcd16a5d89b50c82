// Title comparison key (SPEC §1a REF step 5): two titles match when their keys are equal.

// Marks dropped only after letters of scripts where they are optional accents or vowel points.
// In other scripts (Devanagari vowel signs, Japanese dakuten) a mark changes the word,
// so dropping it would make different titles match by accident.
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}])\p{M}+/gu;

// Punctuation and symbols separate words, except pictographs (emoji): notes apps name notes
// `🌱 Name` and `🌿 Name`, and those are two notes. ©, ®, ™, ↔ and the like (pictographic
// below U+2300) stay symbols.
const SEPARATING = /(?!(?=\p{Extended_Pictographic})[^\u0000-\u22ff])[\p{P}\p{S}\p{Cc}]/gu;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * NFKC, case folded, accents dropped, punctuation and symbols (all quote styles) as spaces,
 * whitespace (NBSP included) collapsed and trimmed. Letters of every script and emoji are kept.
 */
export function normalizeTitle(title: string): string {
  // Printable ASCII: no normalisation, folding or marks to care about, and every character that
  // is not a letter, digit or space is punctuation or a symbol. Same result, a fraction of the cost.
  if (PRINTABLE_ASCII.test(title)) return title.toLowerCase().replace(ASCII_PUNCTUATION, ' ').replace(/ {2,}/g, ' ').trim();
  let t = title.normalize('NFKC');
  // Upper then lower approximates full case folding: ß → SS → ss, final ς → Σ → σ.
  t = t.toUpperCase().toLowerCase();
  t = t.normalize('NFD').replace(ACCENTED, '$1').normalize('NFC');
  t = t.replace(/[\p{Cf}\ufe0e\ufe0f]/gu, ''); // soft hyphens, zero-width joiners, emoji variation selectors: invisible
  t = t.replace(SEPARATING, ' ');
  return t.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu, ' ').trim();
}

/** A title with one pair of enclosing quotes (any style) removed: `“Foo”` → `Foo`. */
export function stripEnclosingQuotes(title: string): string {
  const t = title.trim();
  const m = /^["'“”‘’„‚«»‹›「」『』〝〞＂]+([\s\S]*?)["'“”‘’„‚«»‹›「」『』〝〞＂]+$/u.exec(t);
  return m && m[1].trim() !== '' ? m[1].trim() : t;
}
