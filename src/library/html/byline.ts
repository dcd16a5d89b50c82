// The author as the page shows it, for pages whose meta tags and JSON-LD name none: the byline
// element Readability would take (`rel=author`, `itemprop=author`, a class or id like
// `byline`/`author`, first in document order), but only when its words are a name.
import { collapse } from './pageWords.js';
import { classAndIdAt, firstInside, rawText, tokensOf, type OutlineElement, type PageOutline } from './pageOutline.js';

/** Readability's byline test on class and id, less `dateline` (a place: "CAIRO —"). */
const BYLINE_CLASS = /byline|author(?!i[sz]ation)|writtenby|p-author/i;
/** Subtrees whose bylines are someone else's: comments, related stories, page chrome. */
const OTHER_PEOPLE = /comment|disqus|related|recommend|sidebar|footer|newsletter|promo|more-from|also-read|most-?read|popular/i;
const SKIP_TAGS = new Set(['NAV', 'FOOTER', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'BUTTON']);
/** Readability's limit: a byline is short. */
const MAX_BYLINE = 100;

/** "By", "Par", "Von", "Written by"…: the word before the name. */
const BY = /^(?:(?:(?:written|posted|reported|words|text|story)\s+by|by|par|por|door|przez)(?:\s*[:：]\s*|\s+)|(?:作者|記者)\s*[:：]?\s*)/iu;
/** Where a byline's name ends: the date, the editor, the role after it. */
const TAIL = /\s*\b(?:edited|photographs?|photos?|pictures|illustrations?|video|(?:last\s+)?updated|published|posted)\b.*$/iu;
/** Day names: what is left of a date once its digits are cut ("Sunday, Feb"). */
const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b/i;
/** "Jane Doe on 4 March", "Jane Doe at 9:30": lower case only, as "Le" or "On" may be part of a name (cut before the digits are, which would leave "Jane Doe on"). */
const ON_AT = /\s+(?:on|at)\s+\S.*$/u;
const MONTH = /\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
/** Words that stand where a name would but are not one. */
const NOT_A_NAME = /^(?:by|author|authors|byline|follow|follow author|follow us|staff|admin|administrator|editor|editors|anonymous|unknown|guest|share|comments?|about the author|more from|view all posts|all posts|read more|contact|email|subscribe|sign in|log in|home)$/i;

/**
 * The name a byline's text holds ("By Jane Doe - 4 March 2025" → "Jane Doe"), or null when it
 * holds none ("Follow Author", "By", a date, a URL).
 */
export function bylineName(text: string): string | null {
  // Lines and separators part the name from what follows it.
  for (const piece of text.split(/\n|\s[|•·—–-]\s|[|•·]/)) {
    let name = collapse(piece).replace(BY, '');
    // A name has no digits: what starts at one is a date or a count ("Lucas Nolan22 Dec 2016").
    name = name.replace(ON_AT, '').replace(/\d.*$/u, '').replace(TAIL, '').replace(MONTH, '');
    name = name.replace(/^[\s,;:.–—-]+|[\s,;:–—-]+$/gu, '');
    if (isName(name)) return name;
  }
  return null;
}

function isName(name: string): boolean {
  if (!name || name.length > 80 || !/^[\p{L}"'“‘(]/u.test(name)) return false;
  if (NOT_A_NAME.test(name) || /^(?:follow|sign|log)\b/i.test(name) || WEEKDAY.test(name)) return false;
  if (/@|https?:|www\.|\.(?:com|org|net)\b/i.test(name)) return false;
  return name.split(' ').length <= 10;
}

function isHidden(el: OutlineElement): boolean {
  if (el.attrs.hidden !== undefined || el.attrs['aria-hidden'] === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attrs.style ?? '');
}

function isBylineElement(el: OutlineElement): boolean {
  return tokensOf(el.attrs.rel).includes('author') || tokensOf(el.attrs.itemprop).includes('author') || BYLINE_CLASS.test(`${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`);
}

/** The byline's words: the `itemprop=name` inside a schema.org Person, else all its text (newlines kept). */
function bylineText(outline: PageOutline, index: number): string {
  const name = firstInside(outline, index, (el) => tokensOf(el.attrs.itemprop).includes('name'));
  if (name >= 0) return outline.elements[name].attrs.content ?? rawText(outline, name);
  return rawText(outline, index);
}

/** The first byline under `scope` (not itself) that holds a name, in document order; subtrees of other people and page chrome skipped. */
function firstByline(outline: PageOutline, scope: number): string | null {
  const { elements } = outline;
  for (let i = scope + 1; i <= elements[scope].end; i++) {
    const el = elements[i];
    if (scope === 0 && el.tag === 'HTML') continue; // a page with no <body>: its <html> holds the body's elements
    if ((scope === 0 && el.tag === 'HEAD') || SKIP_TAGS.has(el.tag) || isHidden(el) || OTHER_PEOPLE.test(classAndIdAt(outline, i))) {
      i = el.end; // the whole subtree
      continue;
    }
    if (!isBylineElement(el)) continue;
    const text = bylineText(outline, i);
    const length = collapse(text).length;
    if (length > 0 && length < MAX_BYLINE) {
      const name = bylineName(text);
      if (name) return name;
    }
  }
  return null;
}

/** The first byline that holds a name, in document order: in the article first, then in the whole page. */
export function pageByline(outline: PageOutline, articleRoot: number): string | null {
  return firstByline(outline, articleRoot) ?? (articleRoot !== outline.body ? firstByline(outline, outline.body) : null);
}
