// What frames the body: the title block (title, section, date, author) above it, and
// below it the related-reading list (numbered, so `[n]` in the body points at it) and
// the previous/next footer.
import type { Article, LinkTarget } from '../library/types.js';
import { cellWidth } from '../text/width.js';
import { displayDate } from '../text/dates.js';
import { sanitizeLine } from '../text/sanitize.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { DIM, STYLE, linkStyle } from './styles.js';
import { emptyLine, frag, prefixLines, pushAll, ruleLine, type Frag, type Line } from './lines.js';
import { type Atom, isBreak, wrapAtoms } from './wrapAtoms.js';
import { addLink, linkSuffix } from './links.js';
import type { Ctx, LinkInfo } from './renderContext.js';

export function titleBlock(article: Article, width: number): Line[] {
  const out = wrapAtoms([{ text: collapseWhitespace(sanitizeLine(article.title)) || collapseWhitespace(sanitizeLine(article.id)), style: STYLE.title, link: -1 }], width);
  const meta = [article.section.map((s) => collapseWhitespace(sanitizeLine(s))).filter(Boolean).join(' › '), article.date && displayDate(article.date), article.author]
    .map((p) => collapseWhitespace(sanitizeLine(p ?? '')))
    .filter((p) => p !== '');
  if (meta.length) pushAll(out, wrapAtoms([{ text: meta.join(' · '), style: STYLE.meta, link: -1 }], width));
  return out;
}

function footerLink(ctx: Ctx, info: LinkInfo, before: Atom[], after: Atom[], width: number, hang: number): Line[] {
  const L = addLink(ctx, info);
  const atoms: Atom[] = [{ text: info.label, style: linkStyle(info.target), link: L }];
  linkSuffix(ctx, info, 0, atoms, false);
  for (const a of after) atoms.push(a);
  if (hang > 0 && width - hang >= 8) {
    const lines = wrapAtoms(atoms, width - hang);
    const first: Frag[] = [];
    for (const a of before) if (!isBreak(a)) first.push(frag(a.text, a.style, a.link));
    return prefixLines(lines, first, [frag(' '.repeat(hang))]);
  }
  return wrapAtoms([...before, ...atoms], width);
}

function titleOf(l: { title: string; target: LinkTarget }): string {
  const t = collapseWhitespace(sanitizeLine(l.title));
  if (t) return t;
  const tg = l.target;
  return collapseWhitespace(sanitizeLine(tg.kind === 'article' ? tg.id : tg.kind === 'external' ? tg.url : tg.kind === 'attachment' ? tg.name : tg.title || tg.ref)) || '?';
}

export function relatedAndFooter(ctx: Ctx, width: number): Line[] {
  const a = ctx.article;
  const out: Line[] = [];
  if (a.related.length) {
    out.push(...wrapAtoms([{ text: 'Related reading', style: STYLE.h2, link: -1 }], width));
    out.push(ruleLine(Math.min(width, 15)));
    a.related.forEach((r, i) => {
      const n = i + 1;
      const marker = `[${n}] `;
      const info: LinkInfo = { label: titleOf(r), target: r.target, role: 'related', number: n };
      pushAll(out, footerLink(ctx, info, [{ text: marker, style: STYLE.relatedNumber, link: -1 }], [], width, cellWidth(marker)));
    });
  }
  if (a.previous || a.next) {
    if (out.length) out.push(emptyLine());
    out.push(ruleLine(width));
    if (a.previous) {
      const info: LinkInfo = { label: titleOf(a.previous), target: a.previous.target, role: 'previous' };
      pushAll(out, footerLink(ctx, info, [{ text: '← Previous: ', style: DIM, link: -1 }], [], width, 0));
    }
    if (a.next) {
      const info: LinkInfo = { label: titleOf(a.next), target: a.next.target, role: 'next' };
      pushAll(out, footerLink(ctx, info, [{ text: 'Next: ', style: DIM, link: -1 }], [{ text: ' →', style: DIM, link: -1 }], width, 0));
    }
  }
  return out;
}

export function sameTitle(a: string, b: string): boolean {
  const n = (s: string) => collapseWhitespace(s).toLowerCase();
  return n(a) === n(b);
}
