// Laid-out lines turned into what the reader gets: styled and plain strings, each link's
// spans in final columns, and the headings with their line and slug.
import type { LineSpan, RenderedArticle, RenderedBlock, RenderedHeading, RenderedLink, SourceLine } from './types.js';
import { hardWrap, type Frag, type Line } from './lines.js';
import { sgr, type Theme } from './theme.js';
import { HYPERLINK_CLOSE, hyperlinkOpen, hyperlinkUrl } from '../text/hyperlinks.js';
import { createSlugger } from '../text/slug.js';
import type { Ctx } from './renderContext.js';

/** Cut fragments at the width (never needed when layout is right; kept as a guarantee). */
function fitFrags(frags: Frag[], width: number): Frag[] {
  const out: Frag[] = [];
  let col = 0;
  for (const f of frags) {
    if (col + f.w <= width) {
      out.push(f);
      col += f.w;
      continue;
    }
    if (col < width) {
      const cut = hardWrap(f.text, f.style, width - col)[0];
      if (cut.w <= width - col && cut.frags.length) out.push({ ...f, text: cut.frags[0].text, w: cut.w });
    }
    break;
  }
  return out;
}

export function emit(all: Line[], ctx: Ctx, width: number, color: boolean, theme?: Theme, hyperlinks = false): RenderedArticle {
  const lines: string[] = new Array(all.length);
  const plainLines: string[] = new Array(all.length);
  const spans: LineSpan[][] = ctx.links.map(() => []);
  const headings: RenderedHeading[] = [];
  const blocks: RenderedBlock[] = [];
  const sourceLines: SourceLine[] = [];
  const slugOf = createSlugger();
  // An article uses a handful of styles: each one's SGR is made once per render.
  const sgrOf: string[] = [];
  // Each external link's hyperlink opener, made once (null: not a link a terminal may open).
  const openers = hyperlinks ? ctx.links.map((info) => (info.target.kind === 'external' ? hyperlinkUrl(info.target.url) : null)).map((href) => (href === null ? null : hyperlinkOpen(href))) : [];
  const styledToo = color || hyperlinks;
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    // Fit (a safety net: layout never overflows) and drop trailing spaces.
    let frags = line.frags;
    let total = 0;
    for (let k = 0; k < frags.length; k++) total += frags[k].w;
    if (total > width) frags = fitFrags(frags, width);
    let n = frags.length;
    while (n > 0) {
      const last = frags[n - 1];
      const t = last.text;
      if (t.length === 0) {
        n--;
        continue;
      }
      if (t.charCodeAt(t.length - 1) !== 32) break;
      const trimmed = t.replace(/ +$/, '');
      if (trimmed === '') {
        n--;
        continue;
      }
      frags = frags.slice(0, n);
      frags[n - 1] = { text: trimmed, style: last.style, link: last.link, w: last.w - (t.length - trimmed.length) };
      break;
    }
    let plain = '';
    let styled = '';
    let cur = 0;
    let col = 0;
    let inLink = -1;
    for (let k = 0; k < n; k++) {
      const f = frags[k];
      if (f.text.length === 0) continue;
      plain += f.text;
      if (styledToo) {
        // A hyperlink opens at its link's first fragment on the line and closes after its last
        // (never across lines: the reader draws any slice of lines).
        const opener = f.link >= 0 ? (openers[f.link] ?? null) : null;
        if (inLink >= 0 && inLink !== (opener ? f.link : -1)) {
          styled += HYPERLINK_CLOSE;
          inLink = -1;
        }
        if (opener && inLink !== f.link) {
          styled += opener;
          inLink = f.link;
        }
        if (color && f.style !== cur) {
          if (cur !== 0) styled += '\x1b[0m';
          styled += sgrOf[f.style] ??= sgr(f.style, theme);
          cur = f.style;
        }
        styled += f.text;
      }
      if (f.link >= 0 && f.w > 0) {
        const sp = spans[f.link];
        const last = sp[sp.length - 1];
        if (last && last.line === i && last.end === col) last.end = col + f.w;
        else sp.push({ line: i, start: col, end: col + f.w });
      }
      col += f.w;
    }
    if (inLink >= 0) styled += HYPERLINK_CLOSE;
    if (color && cur !== 0) styled += '\x1b[0m';
    plainLines[i] = plain;
    lines[i] = styledToo ? styled : plain;
    if (line.anchor !== undefined) blocks.push({ id: line.anchor, line: i });
    if (line.source !== undefined) sourceLines.push({ line: i, source: line.source });
    if (line.heading) {
      headings.push({ text: line.heading.text, level: line.heading.level, line: i, slug: slugOf(line.heading.text) });
    }
  }
  const links: RenderedLink[] = [];
  ctx.links.forEach((info, k) => {
    if (spans[k].length === 0) return;
    const l: RenderedLink = { index: links.length, label: info.label, target: info.target, role: info.role, spans: spans[k] };
    if (info.number !== undefined) l.number = info.number;
    links.push(l);
  });
  return { lines, plainLines, links, headings, blocks, width, ...(sourceLines.length > 0 ? { sourceLines } : {}) };
}
