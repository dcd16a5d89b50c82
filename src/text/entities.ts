// HTML character references (`&amp;`, `&middot;`, `&#8217;`), decoded by the `entities` package:
// the decoder htmlparser2 uses for saved pages, so a title reads the same from Markdown, a raw
// page or HTML. Strict: a reference ends with `;` (CommonMark's rule), so `AT&T` and `&copy2024`
// stay as written. Numeric references follow HTML: `&#0;`, surrogates (`&#xD800;`) and code
// points past U+10FFFF become U+FFFD. The result may hold controls (`&#27;` is ESC): decode
// first, then sanitise (sanitize.ts `cleanLine`).
import { decodeHTMLStrict } from 'entities/decode';

/** Decode every character reference in one pass, so `&amp;#27;` stays the text `&#27;`. */
export function decodeEntities(text: string): string {
  return text.indexOf('&') < 0 ? text : decodeHTMLStrict(text);
}
