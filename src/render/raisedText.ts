// Superscript and subscript text (`<sup>`, `<sub>`) in a terminal, which has no raised type:
// Unicode's superscript or subscript characters when every character has one, else `^`/`_`
// before the text (in parentheses when it is more than one word of letters and digits).
const SUP: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUB: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎',
};

export function raisedText(text: string, kind: 'sup' | 'sub'): string {
  const t = text.trim();
  if (t === '') return '';
  const table = kind === 'sup' ? SUP : SUB;
  let mapped = '';
  for (const ch of t) {
    const m = table[ch];
    if (m === undefined) {
      mapped = '';
      break;
    }
    mapped += m;
  }
  if (mapped !== '') return mapped;
  const mark = kind === 'sup' ? '^' : '_';
  return /^[\p{L}\p{N}]+$/u.test(t) ? `${mark}${t}` : `${mark}(${t})`;
}
