// Links as the reader gets them: hrefs resolved against the library (else external, an
// in-article heading, or unresolved), numbered in reading order, with the suffixes that
// tell where a link goes (its URL when the label hides it, `?` when not in the library,
// `[n]` in a related-reading paragraph).
import type { LinkTarget } from '../library/types.js';
import { targetKey } from '../library/linkGraph.js';
import { cleanLine, sanitizeLine } from '../text/sanitize.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { STYLE, mergeStyle } from './styles.js';
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
  if (t.kind === 'external' && inBody && !sameAsLabel(t.url, info.label)) {
    out.push({ text: ` (${sanitizeLine(t.url)})`, style: mergeStyle(style, STYLE.urlSuffix), link: -1 });
  } else if (t.kind === 'unresolved') {
    // SPEC §3: dimmed and marked "not in library", in words, in the text as in the lists.
    out.push({ text: ' (not in library)', style: mergeStyle(style, STYLE.unresolvedSuffix), link: -1 });
  }
  if (inBody && ctx.inRelated) {
    const n = ctx.relatedNumbers.get(targetKey(keyTarget));
    if (n !== undefined) {
      info.number = n;
      out.push({ text: ' ', style, link: -1 }, { text: `[${n}]`, style: mergeStyle(style, STYLE.relatedNumber), link: -1 });
    }
  }
}
