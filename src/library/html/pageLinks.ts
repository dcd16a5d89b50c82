// The previous/next article (SPEC §1c): `rel=prev`/`rel=next` on <link> or <a>, else a link
// introduced by the words "Previous article" / "Next article" anywhere in the page (sites
// put them in a footer strip, outside the article body). Each is labelled by what its link
// says of its target, else by its address; never by "Next story →" (the library's own title
// of the target, when it has it, wins over both: linkGraph).
import { collapse } from './pageWords.js';
import { attr, bodyText, closest, firstInside, textAt, within, type OutlineElement, type PageOutline } from './pageOutline.js';

export interface PageLink {
  title: string;
  /** Exactly as written in the page: absolute or relative. */
  href: string;
}

export interface PageLinks {
  previous: PageLink | null;
  next: PageLink | null;
  /** The label-and-link blocks found (outline indices), to be left out of the readable content. */
  blocks: number[];
}

type Direction = 'previous' | 'next';

const LABEL = /^[\s\u00a0«‹←<]*(previous|next)[\s\u00a0]+(?:article|story|post)(?![a-z])[\s\u00a0]*:?[\s\u00a0]*/i;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);
/** Where a climb from an element stops: the page's skeleton. */
const TOP = new Set(['BODY', 'HTML', '#DOCUMENT']);

function relDirection(rel: string | null): Direction | null {
  const tokens = (rel ?? '').toLowerCase().split(/\s+/);
  if (tokens.includes('prev') || tokens.includes('previous')) return 'previous';
  if (tokens.includes('next')) return 'next';
  return null;
}

/** Words that only say which way a link goes ("← Previous story", "Nächste Meldung", "下一篇"). */
const DIRECTION_WORD =
  /previous|prev|next|older|newer|earlier|later|back|forward|go\s+to|read|article|story|post|entry|page|item|chapter|vorige[nrs]?|nächste[nrs]?|naechste[nrs]?|meldung|artikel|beitrag|zurück|weiter|précédente?|suivante?|anterior|siguiente|próximo|前へ|次へ|前の記事|次の記事|上一篇|下一篇|上一页|下一页|이전|다음/giu;

/**
 * A link's words as its label: a leading "Previous:" or "Next story:" and arrows cut off; ''
 * when nothing but such wording is left ("Next story →", "← Previous: ← Previous story").
 */
export function directionFree(text: string): string {
  const label = collapse(text)
    .replace(/^[\s«‹←<]*(?:previous|prev|next)(?:\s+(?:article|story|post|entry|page))?\s*[:：]\s*/iu, '')
    .replace(/^[\s«»‹›←→<>|·:-]+|[\s«»‹›←→<>|·:-]+$/gu, '');
  const rest = label.replace(DIRECTION_WORD, ' ').replace(/[\p{P}\p{S}\s]+/gu, '');
  return rest === '' ? '' : label;
}

/**
 * A label from a link's address when its words say nothing: the last segment of its path that
 * is not a number, without the extension or a trailing id, hyphens and underscores as spaces
 * (`/world/bridge-vote-delayed-2596982.html` → "Bridge vote delayed"); else "Page 2" for `/?page=2`; else
 * the href itself.
 */
export function slugTitle(href: string): string {
  const path = href.replace(/[?#].*$/s, '').replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '');
  const segments = path.split('/').filter((segment) => segment !== '');
  for (let i = segments.length - 1; i >= 0; i--) {
    let segment = segments[i];
    try {
      segment = decodeURIComponent(segment);
    } catch {
      // a malformed escape: the segment as written
    }
    const words = collapse(
      segment
        .replace(/\.(?:s?html?|php\d?|aspx?|jsp|cfm)$/i, '')
        .replace(/[-_]\d{4,}$/u, '')
        .replace(/[-_+]+/g, ' '),
    );
    // A slug is all lower case: its first letter made a capital reads as a title does.
    if (/\p{L}/u.test(words)) return words === words.toLowerCase() ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  }
  // A pager link with no path to speak of: "/?page=2".
  const page = /[?&](?:page|pg|p)=(\d+)/i.exec(href);
  return page ? `Page ${page[1]}` : href;
}

/** Words for a link: its text, else its title attribute, else an image's alt text; never only "Next story →". */
function linkWords(outline: PageOutline, a: number, dropLabel = false): string {
  let text = textAt(outline, a);
  if (dropLabel) text = text.replace(LABEL, '').trim();
  const img = firstInside(outline, a, (el) => el.tag === 'IMG' && el.attrs.alt !== undefined);
  return directionFree(text) || directionFree(collapse(attr(outline, a, 'title'))) || directionFree(collapse(img >= 0 ? attr(outline, img, 'alt') : null));
}

/** A label: a run of text ("Next article:") and the element it stands in; or a link holding its own label. */
interface Label {
  /** The element holding the label's text (the link itself, for a label inside it). */
  parent: number;
  text: string;
}

interface Labelled {
  direction: Direction;
  link: number;
  title: string;
  block: number;
}

const isLink = (el: OutlineElement) => el.tag === 'A' && el.attrs.href !== undefined;

/** Walk the body in document order; each label takes the first link after it, unless another label comes first. */
function labelledLinks(outline: PageOutline): Labelled[] {
  // Cheap test first: most pages have no such label at all.
  if (!/(previous|next)[\s\u00a0]+(article|story|post)/i.test(bodyText(outline))) return [];

  const { elements, texts } = outline;
  const scope = outline.body;
  const found: Labelled[] = [];
  let pending: Label | null = null;
  // Elements and runs of text merged in document order: a run comes before an element when it ends where the element starts, or earlier.
  let t = texts.findIndex((run) => run.start >= elements[scope].textStart);
  if (t < 0) t = texts.length;
  const textEnd = elements[scope].textEnd;
  const skipTo = (el: number) => {
    while (t < texts.length && texts[t].end <= elements[el].textEnd) t++;
    return elements[el].end;
  };
  for (let e = scope + 1; ; e++) {
    const element = e <= elements[scope].end ? elements[e] : null;
    // The runs of text before this element.
    while (t < texts.length && texts[t].start < textEnd && (!element || texts[t].end <= element.textStart)) {
      const run = texts[t++];
      if (scope === 0 && closest(outline, run.parent, (el) => el.tag === 'HEAD') >= 0) continue;
      const value = outline.text.slice(run.start, run.end);
      const m = LABEL.exec(value);
      if (!m) continue;
      const direction = m[1].toLowerCase() === 'previous' ? 'previous' : 'next';
      const inLink = closest(outline, run.parent, isLink);
      if (inLink >= 0) {
        // <a href><span>Previous article</span> The title</a>
        found.push({ direction, link: inLink, title: linkWords(outline, inLink, true), block: blockAround(outline, { parent: inLink, text: '' }, inLink) });
        pending = null;
      } else {
        pending = { parent: run.parent, text: value };
      }
    }
    if (!element) break;
    if (SKIP_TAGS.has(element.tag)) {
      e = skipTo(e);
      continue;
    }
    if (pending && isLink(element)) {
      const label: Label = pending;
      pending = null;
      if (withinReach(outline, label, e)) {
        found.push({ direction: /^[^a-z]*previous/i.test(label.text) ? 'previous' : 'next', link: e, title: linkWords(outline, e), block: blockAround(outline, label, e) });
      }
      e = skipTo(e);
    }
  }
  return found;
}

/** A label and a link belong together when an element a few levels above the label (below <body>) holds both. */
function withinReach(outline: PageOutline, label: Label, link: number): boolean {
  let el = label.parent;
  for (let level = 0; el >= 0 && !TOP.has(outline.elements[el].tag) && level < 4; level++, el = outline.elements[el].parent) {
    if (within(outline, link, el)) return true;
  }
  return false;
}

/** The smallest element holding both the label and its link, when it holds little else. */
function blockAround(outline: PageOutline, label: Label, link: number): number {
  const parentOf = (i: number) => outline.elements[i].parent;
  const below = (i: number) => i >= 0 && !TOP.has(outline.elements[i].tag);
  let block = link;
  for (let el = parentOf(link); below(el); el = parentOf(el)) {
    if (!within(outline, label.parent, el)) continue;
    const labelLength = within(outline, label.parent, link) ? 0 : collapse(label.text).length;
    const extra = textAt(outline, el).length - textAt(outline, link).length - labelLength;
    if (extra <= 3) block = el;
    break;
  }
  // Climb through wrappers that hold nothing else (<div class=prev><p>…</p></div>).
  while (below(parentOf(block)) && textAt(outline, parentOf(block)) === textAt(outline, block)) block = parentOf(block);
  return block;
}

/** Previous/next: rel links first; a title found anywhere for the same href is preferred to the bare href. */
export function pageLinks(outline: PageOutline): PageLinks {
  const rel: Record<Direction, PageLink | null> = { previous: null, next: null };
  outline.elements.forEach((el, i) => {
    if ((el.tag !== 'LINK' && el.tag !== 'A') || el.attrs.rel === undefined || el.attrs.href === undefined) return;
    const direction = relDirection(el.attrs.rel);
    const href = el.attrs.href.trim();
    if (!direction || !href || rel[direction]) return;
    const title = el.tag === 'A' ? linkWords(outline, i) : directionFree(collapse(el.attrs.title));
    rel[direction] = { title, href };
  });

  const labelled = labelledLinks(outline);
  const result: PageLinks = { previous: null, next: null, blocks: labelled.map((l) => l.block) };
  const hrefOf = (i: number) => (outline.elements[i].attrs.href ?? '').trim();
  for (const direction of ['previous', 'next'] as const) {
    const byLabel = labelled.find((l) => l.direction === direction);
    const fromRel = rel[direction];
    if (fromRel) {
      let title = fromRel.title;
      if (!title) {
        const sameHref = labelled.find((l) => hrefOf(l.link) === fromRel.href)?.title ?? anchorTitle(outline, fromRel.href);
        title = sameHref || slugTitle(fromRel.href);
      }
      result[direction] = { title, href: fromRel.href };
    } else if (byLabel) {
      const href = hrefOf(byLabel.link);
      result[direction] = { title: byLabel.title || slugTitle(href), href };
    }
  }
  return result;
}

function anchorTitle(outline: PageOutline, href: string): string {
  for (let i = 0; i < outline.elements.length; i++) {
    if (!isLink(outline.elements[i]) || outline.elements[i].attrs.href.trim() !== href) continue;
    const words = linkWords(outline, i);
    if (words) return words;
  }
  return '';
}
