// Inline tokens (text, emphasis, code spans, links, wikilinks, images, inline HTML) turned
// into atoms for wrapping; links are numbered as they are met, so in reading order.
import type { LinkTarget } from '../library/types.js';
import { sanitizeLine, sanitizeText } from '../text/sanitize.js';
import { cleanLine, cleanText } from '../text/clean.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { STYLE, linkStyle, mergeStyle } from './styles.js';
import { type Atom, isBreak } from './wrapAtoms.js';
import { altOf } from './htmlText.js';
import { addLink, atomsLabel, attachmentText, linkSuffix, resolveHref, safeTarget, wikilinkText, withoutSize } from './links.js';
import type { Token } from 'marked';
import { bodyTokens, footnoteTarget, footnoteNumber, type BodyToken, type Ctx, type LinkInfo } from './renderContext.js';
import { raisedText } from './raisedText.js';

function imageAtom(alt: string, style: number, link: number): Atom {
  const a = collapseWhitespace(withoutSize(alt));
  return { text: a ? `[image: ${a}]` : '[image]', style: mergeStyle(style, STYLE.image), link, keep: true };
}

/** A target that names a file: an attachment, or a file that is not there. */
function namesFile(target: LinkTarget | undefined): target is LinkTarget {
  return !!target && (target.kind === 'attachment' || (target.kind === 'unresolved' && target.reason === 'missing-file'));
}

/** An attachment (or a missing file) as one focusable atom: `[image: …]`, `[pdf: … › page 3]`. */
function fileLink(target: LinkTarget, label: string, href: string, style: number, ctx: Ctx, out: Atom[]): void {
  const text = sanitizeLine(attachmentText(target, label, href));
  const info: LinkInfo = { label: text, target, role: 'body' };
  const L = addLink(ctx, info);
  out.push({ text, style: mergeStyle(style, linkStyle(target)), link: L, keep: true });
  linkSuffix(ctx, info, style, out, true, target);
}

function inlineHtml(html: string, style: number, link: number, out: Atom[]): void {
  if (/^<br\s*\/?>$/i.test(html.trim())) {
    out.push({ br: true });
    return;
  }
  const img = /^<img\b/i.test(html) ? altOf(html) : null;
  if (img !== null) out.push(imageAtom(img, style, link));
}

const RAISED_TAG = /^<(\/?)(sup|sub)\s*>$/i;

/** Index of the `</sup>` (or `</sub>`) closing the tag at `from`, or -1. */
function closingTag(tokens: readonly BodyToken[], from: number, name: string): number {
  for (let j = from + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.type === 'html' && t.text.trim().toLowerCase() === `</${name}>`) return j;
  }
  return -1;
}

/** `<sup>n</sup>` as `ⁿ` (or `^(…)` when the text has no superscript letters), `<sub>` likewise. */
function raisedAtoms(inner: readonly Token[], kind: 'sup' | 'sub', style: number, ctx: Ctx, out: Atom[], link: number): void {
  const atoms: Atom[] = [];
  inlineAtoms(inner, style, ctx, atoms, link);
  if (atoms.every((a) => !isBreak(a) && a.link === link)) {
    const text = atoms.map((a) => (isBreak(a) ? ' ' : a.text)).join('');
    out.push({ text: raisedText(text, kind), style, link });
    return;
  }
  const mark = kind === 'sup' ? '^' : '_';
  out.push({ text: `${mark}(`, style, link }, ...atoms, { text: ')', style, link });
}

export function inlineAtoms(tokens: readonly Token[] | undefined, style: number, ctx: Ctx, out: Atom[], link: number): void {
  const list = bodyTokens(tokens);
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    switch (t.type) {
      case 'text':
        if (t.tokens) inlineAtoms(t.tokens, style, ctx, out, link);
        else out.push({ text: cleanText(t.text), style, link });
        break;
      case 'escape':
        out.push({ text: sanitizeText(t.text), style, link });
        break;
      case 'strong':
        inlineAtoms(t.tokens, mergeStyle(style, STYLE.strong), ctx, out, link);
        break;
      case 'em':
        inlineAtoms(t.tokens, mergeStyle(style, STYLE.em), ctx, out, link);
        break;
      case 'del':
        inlineAtoms(t.tokens, mergeStyle(style, STYLE.del), ctx, out, link);
        break;
      case 'codespan':
        // Code spans are literal: no entity decoding (CommonMark), but sanitised.
        out.push({ text: sanitizeText(t.text).replace(/\n/g, ' '), style: mergeStyle(style, STYLE.code), link });
        break;
      case 'br':
        out.push({ br: true });
        break;
      case 'image': {
        const target = link < 0 ? ctx.linkTargets.get(t.href) : undefined;
        if (namesFile(target)) fileLink(target, cleanText(t.text), t.href, style, ctx, out);
        else out.push(imageAtom(cleanText(t.text), style, link));
        break;
      }
      case 'html': {
        const raised = RAISED_TAG.exec(t.text.trim());
        const end = raised && raised[1] === '' ? closingTag(list, i, raised[2].toLowerCase()) : -1;
        if (raised && end >= 0) {
          raisedAtoms(list.slice(i + 1, end) as readonly Token[], raised[2].toLowerCase() as 'sup' | 'sub', style, ctx, out, link);
          i = end;
        } else inlineHtml(t.text, style, link, out);
        break;
      }
      case 'comment':
        break;
      case 'math':
        // Verbatim, as code: the TeX source with every backslash.
        out.push({ text: sanitizeText(t.text).replace(/\n/g, ' '), style: mergeStyle(style, STYLE.code), link });
        break;
      case 'highlight':
        inlineAtoms(t.tokens, mergeStyle(style, STYLE.highlight), ctx, out, link);
        break;
      case 'footnoteRef': {
        if (!ctx.footnotes.defs.has(t.id)) {
          // No definition: shown as written, as Obsidian does.
          out.push({ text: sanitizeLine(t.raw), style, link });
          break;
        }
        const text = `[${footnoteNumber(ctx.footnotes, t.id)}]`;
        if (link >= 0) {
          out.push({ text, style, link });
          break;
        }
        const L = addLink(ctx, { label: text, target: { kind: 'article', id: ctx.article.id, heading: footnoteTarget(t.id) }, role: 'body' });
        out.push({ text, style: mergeStyle(style, STYLE.footnoteMarker), link: L });
        break;
      }
      case 'checkbox':
        out.push({ text: t.checked ? '[x] ' : '[ ] ', style, link });
        break;
      case 'link': {
        if (link >= 0) {
          // A link inside a link label: just its text.
          inlineAtoms(t.tokens, style, ctx, out, link);
          break;
        }
        const href = t.href;
        const fileTarget = ctx.linkTargets.get(href);
        if (ctx.article.format === 'html' && fileTarget?.kind === 'unresolved') {
          // A saved page's link that leads nowhere in the library is its words (SPEC §1c).
          inlineAtoms(t.tokens, style, ctx, out, link);
          break;
        }
        if (namesFile(fileTarget)) {
          const words: Atom[] = [];
          inlineAtoms(t.tokens, style, ctx, words, -1);
          fileLink(fileTarget, atomsLabel(words, 0), href, style, ctx, out);
          break;
        }
        if (href.trim() === '') {
          // `[x]()` leads nowhere: its words, as text.
          inlineAtoms(t.tokens, style, ctx, out, link);
          break;
        }
        const from = out.length;
        const L = addLink(ctx, { label: '', target: { kind: 'unresolved', ref: '', title: '', reason: 'missing' }, role: 'body' });
        // Style needs the target, the fallback target needs the label: lay out, then restyle.
        inlineAtoms(t.tokens, style, ctx, out, L);
        let label = atomsLabel(out, from);
        const target = resolveHref(href, label, ctx);
        const ls = linkStyle(target);
        for (let i = from; i < out.length; i++) {
          const a = out[i];
          if (!isBreak(a)) a.style = mergeStyle(a.style, ls);
        }
        if (label === '') {
          // The library keeps an external URL as written: clean it before it becomes the label.
          label = cleanLine(target.kind === 'external' ? target.url : href);
          out.push({ text: label, style: mergeStyle(style, ls), link: L });
        }
        const info = ctx.links[L];
        info.label = label;
        info.target = safeTarget(target);
        linkSuffix(ctx, info, style, out, true, target);
        break;
      }
      case 'wikilink': {
        if (link >= 0) {
          out.push({ text: sanitizeLine(t.label), style, link });
          break;
        }
        const ref = t.ref;
        const given = t.label !== ref ? t.label : '';
        const found = ctx.linkTargets.get(ref);
        if (namesFile(found)) {
          fileLink(found, given, ref, style, ctx, out);
          break;
        }
        const label = collapseWhitespace(sanitizeLine(given || wikilinkText(ref))) || collapseWhitespace(sanitizeLine(ref)) || '?';
        const target: LinkTarget = found ?? {
          kind: 'unresolved', ref: sanitizeLine(ref), title: label, reason: 'missing',
        };
        const info: LinkInfo = { label, target, role: 'body' };
        const L = addLink(ctx, info);
        out.push({ text: label, style: mergeStyle(style, linkStyle(target)), link: L });
        linkSuffix(ctx, info, style, out, true, target);
        break;
      }
      default:
        // A block token where inline content was expected (marked nests them in some
        // list items): its inline children, else its text.
        if ('tokens' in t && t.tokens) inlineAtoms(t.tokens, style, ctx, out, link);
        else if ('text' in t && typeof t.text === 'string') out.push({ text: cleanText(t.text), style, link });
    }
  }
}
