// The page's section path (SPEC §1c): `article:section`, else a JSON-LD BreadcrumbList, else a
// breadcrumb nav or list. A leading Home (in any language, or the site's own name: "WebMD
// Home"), a trailing crumb that is the page itself, and page tools caught in the trail
// ("Email a Friend") are dropped.
import { collapse, looseKey } from './pageWords.js';
import { firstInside, inside, rawText, textAt, type OutlineElement, type PageOutline } from './pageOutline.js';
import { typesOf, type PageMeta } from './metadata.js';
import { isSiteName, type SiteIdentity } from './siteName.js';

const CRUMB_SEPARATORS = /\s*(?:[›»>]|\s\/\s|\s[|·•]\s)\s*/;
/** "Home" as sites write it, compared by `looseKey`. */
const HOME = new Set([
  'home', 'homepage', 'home page', 'front page', 'frontpage', 'start', 'main page',
  'accueil', 'page d accueil', 'inicio', 'início', 'página inicial', 'portada', 'startseite', 'start seite',
  'pagina iniziale', 'prima pagina', 'strona główna', 'главная', 'главная страница', 'головна',
  'hjem', 'forside', 'hem', 'startsida', 'etusivu', 'anasayfa', 'ana sayfa', 'trang chủ', 'beranda', 'úvod', 'titulní strana',
  '首页', '首頁', '主页', '主頁', '网站首页', 'ホーム', 'トップ', 'トップページ', '홈', '메인',
]);
/** A crumb that stands for the page being read ("正文": the text). */
const THIS_PAGE = new Set(['正文', '本文', '内容', '詳細', 'article', 'current page']);
/** Page tools that sit in some trails. */
const TOOL = /^(?:e-?mail(?: a friend| this)?|print(?: article| this)?|share(?: this)?|save|bookmark|comments?)$/i;

interface Crumb {
  name: string;
  /** Where the crumb links to, when it does. */
  url?: string;
  /** Marked as the current page (aria-current), so never a section. */
  current?: boolean;
}

export interface SectionContext {
  title: string;
  /** The page's headline <h1>, which may be worded otherwise than its title. */
  headline: string;
  source: string | null;
  site: SiteIdentity;
}

/** Strip separator characters a crumb's text may carry at its ends ("World ›"). */
function cleanCrumb(name: string): string {
  return collapse(name).replace(/^[\s›»>/|·•]+|[\s›»>/|·•]+$/g, '');
}

function sameUrl(a: string | undefined, b: string | null): boolean {
  if (!a || !b) return false;
  const strip = (u: string) => u.trim().replace(/#.*$/, '').replace(/\/+$/, '');
  return strip(a) === strip(b);
}

function isHome(name: string, context: SectionContext): boolean {
  const key = looseKey(name);
  if (HOME.has(key) || isSiteName(name, context.site)) return true;
  // "Home - Gazette": Home and the site's name.
  const after = /^home\s+(.+)$/.exec(key);
  if (after && isSiteName(after[1], context.site)) return true;
  // "WebMD Home": a name of a word or two before Home ("Garden & Home" is a section).
  const before = /^(.+?)\s+home$/i.exec(collapse(name));
  return before !== null && (isSiteName(before[1], context.site) || (/^[\p{L}\p{N}.'’-]+(?: [\p{L}\p{N}.'’-]+)?$/u.test(before[1]) && !/\band$/i.test(before[1])));
}

function isThePage(crumb: Crumb, context: SectionContext): boolean {
  if (crumb.current || sameUrl(crumb.url, context.source)) return true;
  const key = looseKey(crumb.name);
  if (THIS_PAGE.has(key)) return true;
  for (const title of [context.title, context.headline]) {
    const titleKey = looseKey(title);
    if (!titleKey) continue;
    if (key === titleKey) return true;
    if (/(?:…|\.\.\.)$/.test(crumb.name) && key.length > 0 && titleKey.startsWith(key)) return true; // "The last river ferry…"
    // Only a title of some length is recognised by its first or all its words: "News" is no page.
    if (titleKey.split(' ').length < 3) continue;
    // The title with the site's name still on it ("The ferry keeps running | Gazette"), or cut short.
    if (key.startsWith(`${titleKey} `)) return true;
    if (key.split(' ').length >= 3 && titleKey.startsWith(`${key} `)) return true;
  }
  return false;
}

function tidy(crumbs: Crumb[], context: SectionContext): string[] {
  const list = crumbs.map((c) => ({ ...c, name: cleanCrumb(c.name) })).filter((c) => c.name !== '' && !TOOL.test(c.name));
  while (list.length > 0 && isHome(list[0].name, context)) list.shift();
  while (list.length > 0 && isThePage(list[list.length - 1], context)) list.pop();
  return list.map((c) => c.name);
}

function fromArticleSection(meta: PageMeta): Crumb[] {
  const values = meta.meta.get('article:section') ?? [];
  if (values.length === 1) return values[0].split(CRUMB_SEPARATORS).map((name) => ({ name }));
  return values.map((name) => ({ name }));
}

function fromJsonLd(meta: PageMeta): Crumb[] {
  for (const node of meta.jsonLd) {
    if (!typesOf(node).includes('BreadcrumbList')) continue;
    const items = Array.isArray(node.itemListElement) ? node.itemListElement : [];
    const crumbs: { position: number; crumb: Crumb }[] = [];
    items.forEach((raw: unknown, index: number) => {
      if (typeof raw !== 'object' || raw === null) return;
      const item = raw as Record<string, unknown>;
      const inner = typeof item.item === 'object' && item.item !== null ? (item.item as Record<string, unknown>) : null;
      const name = typeof item.name === 'string' ? item.name : typeof inner?.name === 'string' ? inner.name : '';
      const url = typeof item.item === 'string' ? item.item : typeof inner?.['@id'] === 'string' ? (inner['@id'] as string) : typeof inner?.url === 'string' ? (inner.url as string) : undefined;
      const position = typeof item.position === 'number' ? item.position : Number(item.position);
      crumbs.push({ position: Number.isFinite(position) ? position : index + 1, crumb: { name, url } });
    });
    if (crumbs.length > 0) return crumbs.sort((a, b) => a.position - b.position).map((c) => c.crumb);
  }
  return [];
}

/** A breadcrumb trail: `nav[aria-label*=breadcrumb i], [aria-label*=breadcrumb i], [class*=breadcrumb i], [id*=breadcrumb i], [itemtype*=BreadcrumbList]`. */
function isTrail(el: OutlineElement): boolean {
  const { attrs } = el;
  return /breadcrumb/i.test(attrs['aria-label'] ?? '') || /breadcrumb/i.test(attrs.class ?? '') || /breadcrumb/i.test(attrs.id ?? '') || (attrs.itemtype ?? '').includes('BreadcrumbList');
}

const isLink = (el: OutlineElement) => el.tag === 'A' && el.attrs.href !== undefined;

function fromOutline(outline: PageOutline): Crumb[] {
  // A class like `has-breadcrumbs` on a page-wide wrapper is not the trail itself.
  const trail = inside(outline, outline.body, isTrail).find(
    (i) => firstInside(outline, i, (el) => el.tag === 'H1' || el.tag === 'P' || el.tag === 'ARTICLE') < 0 && rawText(outline, i).length < 600,
  );
  if (trail === undefined) return [];
  const href = (i: number) => (i >= 0 ? outline.elements[i].attrs.href : undefined);
  const micro = inside(outline, trail, (el) => el.attrs.itemprop === 'itemListElement');
  if (micro.length > 0) {
    return micro.map((i) => {
      const name = firstInside(outline, i, (el) => el.attrs.itemprop === 'name');
      return {
        name: textAt(outline, name >= 0 ? name : i),
        url: href(isLink(outline.elements[i]) ? i : firstInside(outline, i, isLink)),
        current: outline.elements[i].attrs['aria-current'] === 'page',
      };
    });
  }
  const isLi = (el: OutlineElement) => el.tag === 'LI';
  const items = inside(outline, trail, isLi).filter((li) => firstInside(outline, li, isLi) < 0);
  if (items.length > 0) {
    return items.map((li) => ({
      name: textAt(outline, li),
      url: href(firstInside(outline, li, isLink)),
      current: outline.elements[li].attrs['aria-current'] === 'page' || firstInside(outline, li, (el) => el.attrs['aria-current'] === 'page') >= 0,
    }));
  }
  // A run of links and text: "Home › World › The ferry".
  const parts = textAt(outline, trail).split(CRUMB_SEPARATORS);
  if (parts.length > 1) return parts.map((name) => ({ name }));
  return inside(outline, trail, (el) => el.tag === 'A').map((a) => ({ name: textAt(outline, a), url: href(a) }));
}

/** The section path; [] when the page gives none. */
export function pageSection(outline: PageOutline, meta: PageMeta, context: SectionContext): string[] {
  for (const read of [() => fromArticleSection(meta), () => fromJsonLd(meta), () => fromOutline(outline)]) {
    const crumbs = read();
    if (crumbs.length === 0) continue;
    const section = tidy(crumbs, context);
    if (section.length > 0) return section;
  }
  return [];
}
