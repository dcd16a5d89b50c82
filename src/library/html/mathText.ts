// MathML shown as its text (issue 14): Readability, run over linkedom, drops <math> and the
// custom elements around it, so every formula vanished; before it runs, each formula becomes
// its words in a plain element.
import { collapse } from './dom.js';

/** A formula as its text: its alttext, else its TeX annotation, else the text of its elements. */
export function mathText(math: Element): string {
  const alt = collapse(math.getAttribute('alttext'));
  if (alt) return alt;
  const tex = [...math.querySelectorAll('annotation')].find((a) => /tex/i.test(a.getAttribute('encoding') ?? ''));
  if (tex && collapse(tex.textContent)) return collapse(tex.textContent);
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1 && (c as Element).tagName.toLowerCase() !== 'annotation' && (c as Element).tagName.toLowerCase() !== 'annotation-xml') walk(c);
    }
  };
  walk(math);
  return collapse(parts.join(' '));
}

/** Every <math> under `root` replaced by its text: a <div> for a display formula, else a <span>. */
export function mathAsText(root: Element): void {
  for (const math of [...root.querySelectorAll('math')]) {
    if (!math.parentNode || math.parentElement?.closest('math')) continue;
    const doc = math.ownerDocument;
    const words = mathText(math);
    if (!words) {
      math.remove();
      continue;
    }
    const el = doc.createElement(math.getAttribute('display') === 'block' ? 'div' : 'span');
    el.textContent = words;
    // A renderer's wrappers (MathJax's <mjx-container>, its drawing and a copy for screen
    // readers) go with it: Readability drops custom elements, and the drawing has no words.
    let outer: Element = math;
    while (outer.parentElement && outer.parentElement.tagName.includes('-') && outer.parentElement.querySelectorAll('math').length === 1) outer = outer.parentElement;
    // The wrappers' own white space went with them: a formula is a word of its sentence.
    const word = /[\p{L}\p{N}]/u;
    const before = outer.previousSibling?.textContent ?? '';
    const after = outer.nextSibling?.textContent ?? '';
    if (el.tagName === 'SPAN' && word.test(before.slice(-1))) el.textContent = ` ${el.textContent}`;
    if (el.tagName === 'SPAN' && word.test(after.charAt(0))) el.textContent = `${el.textContent} `;
    outer.replaceWith(el);
  }
}
