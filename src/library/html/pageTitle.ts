// The page's title (SPEC §1c): og:title, else a title the page declares in another vocabulary
// (Dublin Core, Parse.ly), else <title>, else the page's headline <h1>; the site's name, and
// only that, is cut off all but the last.
import { collapse, looseKey } from './pageWords.js';
import { allInside, closest, firstInside, inside, textAt, type OutlineElement, type PageOutline } from './pageOutline.js';
import { firstMeta, typesOf, type PageMeta } from './metadata.js';
import { isSiteName, type SiteIdentity } from './siteName.js';
import { CJK, titleParts } from './titleParts.js';

/** A trailing "[Site]" or "(Site)" that is the site's name ("My Hero Academia [Archive of Our Own]"). */
function cutBracketedSite(part: string, site: SiteIdentity): string {
  const m = /^(.*\S)\s*([[(][^\])]+[\])])$/u.exec(part);
  return m && isSiteName(m[2], site) ? m[1] : part;
}

/**
 * Cut the site's name off `title`. Of the parts between separators, keep the run that matches
 * the headline <h1>; else drop the parts at either end that name the site (`isSiteName`); else
 * keep the title whole: a part is never dropped for not being the longest, as real titles hold
 * ` - ` too.
 */
export function cutSiteName(title: string, h1: string, site: SiteIdentity): string {
  const { parts, join } = titleParts(title);

  const h1Key = looseKey(h1);
  if (h1Key && parts.length > 1) {
    // Longest runs first, so "A – B" is kept whole when the <h1> is "A – B".
    for (let length = parts.length; length >= 1; length--) {
      for (let from = 0; from + length <= parts.length; from++) {
        const run = join(from, from + length - 1);
        if (looseKey(run) === h1Key) return run;
      }
    }
  }

  let from = 0;
  let to = parts.length - 1;
  while (from < to && isSiteName(parts[to], site)) to--;
  while (from < to && isSiteName(parts[from], site)) from++;
  const kept = from > 0 || to < parts.length - 1 ? join(from, to) : title.trim();
  return cutBracketedSite(kept, site) || title.trim();
}

/** Letter words, and each CJK character as a word of its own (CJK titles have no spaces). */
function wordsOf(text: string): string[] {
  return looseKey(text).match(new RegExp(`[${CJK}]|[^\\s${CJK}]+`, 'gu')) ?? [];
}

/**
 * An og:title that says nothing of this page: the site's name, or a line sites put on every
 * page ("Latest News & Headlines") that shares under half its words with the headline.
 */
function isGenericTitle(og: string, h1: string, site: SiteIdentity): boolean {
  if (isSiteName(og, site)) return true;
  const headline = new Set(wordsOf(h1));
  const words = wordsOf(og);
  return words.length > 0 && words.filter((w) => headline.has(w)).length * 2 < words.length;
}

const isNav = (el: OutlineElement) => el.tag === 'NAV' || el.attrs.role === 'navigation';
const isBanner = (el: OutlineElement) => el.tag === 'HEADER' || el.attrs.role === 'banner' || el.attrs.id === 'header' || el.attrs.id === 'masthead';
const isStory = (el: OutlineElement) => el.tag === 'ARTICLE' || el.tag === 'MAIN' || el.attrs.role === 'main';

/**
 * In the site's banner rather than the article's own header: a `role=banner`, `#header` or
 * `#masthead` outside the article, or a `<header>` outside it that holds the site's nav or
 * only a short name (an article's headline may sit in a bare <header> outside any <article>).
 */
function inPageHeader(outline: PageOutline, h1: number, text: string): boolean {
  const banner = closest(outline, h1, isBanner);
  if (banner < 0 || closest(outline, banner, isStory) >= 0) return false;
  if (outline.elements[banner].tag !== 'HEADER') return true;
  return firstInside(outline, banner, isNav) >= 0 || text.split(' ').length <= 3;
}

/** The page's headline <h1>: the first that is not the site's logo (in the page's own header or nav, a link home, or the site's name). */
export function headline(outline: PageOutline, site: SiteIdentity): string {
  return textAt(outline, headlineElement(outline, site));
}

/** The headline <h1>'s index; -1 when there is none. */
function headlineElement(outline: PageOutline, site: SiteIdentity): number {
  for (const h1 of inside(outline, outline.body, (el) => el.tag === 'H1')) {
    const text = textAt(outline, h1);
    if (!text) continue;
    if (closest(outline, h1, isNav) >= 0 || inPageHeader(outline, h1, text)) continue;
    const links = allInside(outline, h1, (el) => el.tag === 'A' && el.attrs.href !== undefined);
    if (links.length === 1 && textAt(outline, links[0]) === text && /^(?:\/|\.\/|index\.html?)?$/i.test(outline.elements[links[0]].attrs.href.trim())) continue;
    if (isSiteName(text, site)) continue;
    return h1;
  }
  return -1;
}

/** Titles a page declares for itself, in the order they are trusted. */
const DECLARED_TITLES = ['dc:title', 'dcterm:title', 'dc.title', 'dcterms.title', 'og:title', 'parsely-title'];

/** JSON-LD types whose `headline` is the article's own. */
const ARTICLE_TYPE = /Article|BlogPosting|Report|Posting$/;

/** The `headline` of the page's JSON-LD article, when it has one. */
function jsonLdHeadline(meta: PageMeta): string {
  for (const node of meta.jsonLd) {
    if (typeof node.headline === 'string' && typesOf(node).some((t) => ARTICLE_TYPE.test(t))) return collapse(node.headline);
  }
  return '';
}

export interface TitleResult {
  title: string;
  /** The page's headline <h1>, collapsed ('' when none). */
  h1: string;
  from: 'meta' | 'title' | 'h1' | 'none';
}

/** The page's <title>: the first in <head>, else the first anywhere. */
function titleElement(outline: PageOutline): number {
  const isTitle = (el: OutlineElement) => el.tag === 'TITLE';
  const inHead = outline.elements.findIndex((el, i) => el.tag === 'HEAD' && firstInside(outline, i, isTitle) >= 0);
  return inHead >= 0 ? firstInside(outline, inHead, isTitle) : firstInside(outline, 0, isTitle);
}

export function pageTitle(outline: PageOutline, meta: PageMeta, site: SiteIdentity): TitleResult {
  const h1 = headline(outline, site);
  const declared = jsonLdHeadline(meta) || collapse(firstMeta(meta, ...DECLARED_TITLES));
  const titleText = textAt(outline, titleElement(outline));
  const fromTitle = titleText ? cutSiteName(titleText, h1, site) : '';
  if (declared) {
    const fromMeta = cutSiteName(declared, h1, site);
    // A generic declared title ("Latest News & Headlines") loses to the page's own <title> and <h1> when those agree.
    if (h1 && fromTitle && looseKey(fromTitle) === looseKey(h1) && isGenericTitle(fromMeta, h1, site)) return { title: fromTitle, h1, from: 'title' };
    return { title: fromMeta, h1, from: 'meta' };
  }
  if (fromTitle) return { title: fromTitle, h1, from: 'title' };
  if (h1) return { title: h1, h1, from: 'h1' };
  return { title: '', h1, from: 'none' };
}
