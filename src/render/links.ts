// Links as the reader gets them: hrefs resolved against the library (else external, an
// in-article heading, or unresolved), numbered in reading order, with the suffixes that
// tell where a link goes (its URL when the label hides it, `?` when not in the library,
// `[n]` in a related-reading paragraph).
import type { LinkTarget } from '../library/types.js';
import { targetKey } from '../library/linkGraph.js';
import { attachmentKind } from '../library/attachmentKind.js';
import { sanitizeLine } from '../text/sanitize.js';
import { cleanLine } from '../text/clean.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { STYLE, mergeStyle } from './styles.js';
import { hyperlinkUrl } from '../text/hyperlinks.js';
import { type Atom, isBreak } from './wrapAtoms.js';
import type { Ctx, LinkInfo } from './renderContext.js';

function isExternalHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}

export function resolveHref(href: string, label: string, ctx: Ctx): LinkTarget {
  const found = ctx.linkTargets.get(href);
  if (found) return found;
  if (isExternalHref(href)) return { kind: 'external', url: cleanLine(href) };
  if (href.startsWith('#') && href.length > 1) {
    return { kind: 'article', id: ctx.article.id, heading: cleanLine(href.slice(1)) };
  }
  return { kind: 'unresolved', ref: cleanLine(href), title: label || cleanLine(href), reason: 'missing' };
}

/** `|100` and `|100x80` after a name or alt text are image sizes (Obsidian), never words. */
const SIZE = /^\d+(?:x\d+)?$/;

/** An alt text or label without a trailing `|100` size; '' when it was only a size. */
export function withoutSize(label: string): string {
  const bar = label.lastIndexOf('|');
  if (bar >= 0 && SIZE.test(label.slice(bar + 1).trim())) return label.slice(0, bar).trim();
  return SIZE.test(label.trim()) ? '' : label;
}

/** `page=3` → `page 3`: the part of a PDF's fragment worth showing; other fragments (`#icon`) say nothing. */
function pdfPlace(fragment: string | undefined): string {
  const page = fragment ? /(?:^|&)page=(\d+)/.exec(fragment) : null;
  return page ? ` › page ${page[1]}` : '';
}

/**
 * What an attachment (or a missing file named by an image or embed) reads as in the text:
 * `[image: Engelbart.jpg]`, `[pdf: Doc.pdf › page 3]`, `[file: Board.canvas]`; its label or
 * alt text when one is given.
 */
export function attachmentText(target: LinkTarget, label: string, fallbackName: string): string {
  const words = collapseWhitespace(withoutSize(label));
  if (target.kind === 'attachment') return `[${target.fileKind}: ${words || target.name}${pdfPlace(target.fragment)}]`;
  return `[${attachmentKind(fallbackName)}: ${words || baseName(fallbackName)}]`;
}

function baseName(ref: string): string {
  const bare = ref.replace(/#.*$/, '');
  return bare.slice(bare.lastIndexOf('/') + 1) || ref;
}

/**
 * The words of a wikilink written without a label (SPEC §1a display text): `[[Note#Heading]]`
 * reads `Note › Heading`, `[[#Heading]]` reads `Heading`; a block reference's `^id` is a
 * machine's name, so `[[Note#^id]]` reads `Note › block` and `[[#^id]]` reads `block`.
 */
export function wikilinkText(ref: string): string {
  const hash = ref.indexOf('#');
  if (hash < 0) return ref;
  const note = ref.slice(0, hash).trim();
  // Obsidian chains headings `Note#Part#Sub`: each level one ›.
  const place = ref
    .slice(hash + 1)
    .split('#')
    .map((p) => (p.trim().startsWith('^') ? 'block' : p.trim()))
    .filter(Boolean)
    .join(' › ');
  if (!place) return note || ref;
  return note ? `${note} › ${place}` : place;
}

function sameAsLabel(url: string, label: string): boolean {
  const norm = (s: string) =>
    s.trim().toLowerCase().replace(/^mailto:/, '').replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return norm(url) === norm(label);
}

/**
 * The target as handed to the reader: unresolved titles/refs and external URLs are shown
 * (status line, links panel), so they are cleaned here too. Article ids are left exact:
 * they are keys for navigation (the UI cleans whatever it prints).
 */
export function safeTarget(t: LinkTarget): LinkTarget {
  if (t.kind === 'external') {
    const url = sanitizeLine(t.url);
    return url === t.url ? t : { ...t, url };
  }
  if (t.kind === 'unresolved') {
    const ref = sanitizeLine(t.ref);
    const title = sanitizeLine(t.title);
    return ref === t.ref && title === t.title ? t : { ...t, ref, title };
  }
  return t;
}

export function addLink(ctx: Ctx, info: LinkInfo): number {
  info.target = safeTarget(info.target);
  ctx.links.push(info);
  return ctx.links.length - 1;
}

export function atomsLabel(atoms: Atom[], from: number): string {
  let s = '';
  for (let i = from; i < atoms.length; i++) {
    const a = atoms[i];
    s += isBreak(a) ? ' ' : a.text;
  }
  return collapseWhitespace(s);
}

/** The suffixes after a link's label: external URL, "not in library" marker, related number. */
export function linkSuffix(ctx: Ctx, info: LinkInfo, style: number, out: Atom[], inBody: boolean, keyTarget: LinkTarget = info.target): void {
  const t = info.target;
  if (t.kind === 'external' && inBody && !sameAsLabel(t.url, info.label) && !(ctx.hyperlinks && hyperlinkUrl(t.url) !== null)) {
    out.push({ text: ` (${sanitizeLine(t.url)})`, style: mergeStyle(style, STYLE.urlSuffix), link: -1 });
  } else if (t.kind === 'unresolved') {
    // SPEC §3: dimmed and marked "not in library", in words, in the text as in the lists.
    const words = t.reason === 'missing-file' ? ' (file missing)' : ' (not in library)';
    out.push({ text: words, style: mergeStyle(style, STYLE.unresolvedSuffix), link: -1 });
  }
  if (inBody && ctx.inRelated) {
    const n = ctx.relatedNumbers.get(targetKey(keyTarget));
    if (n !== undefined) {
      info.number = n;
      out.push({ text: ' ', style, link: -1 }, { text: `[${n}]`, style: mergeStyle(style, STYLE.relatedNumber), link: -1 });
    }
  }
}
