// What each screen draws, as plain functions from state to lines: the Ink component only puts
// these lines on screen. Only the visible lines are built, whatever the article's length.
import { displayWidth, fit, truncate } from '../text/width.js';
import { sanitizeLine } from '../text/sanitize.js';
import {
  contextOf,
  currentMatchIndex,
  currentVisit,
  chainProgressText,
  isArticleRead,
  linksPanelEntries,
  searchMatches,
  selectedIndex,
  titleOf,
  visibleArticles,
  type NavigationEnv,
  type NavigationState,
  type PanelEntry,
  type PanelGroup,
} from '../navigation/index.js';
import type { Article, LinkTarget } from '../library/types.js';
import { listTitleOf } from '../library/listTitles.js';
import { DIM_OFF, DIM_ON, INVERSE_OFF, INVERSE_ON } from './sgr.js';
import { clipLine, highlightColumns, type ColumnRange } from './highlight.js';
import { bindingsFor, helpLines, keysLabel, type Context, type KeyTable } from './keys.js';
import { sgrOf } from '../render/theme.js';
import { DEFAULT_LOOK, MOUSE_HELP, type ReaderLook } from './readerLook.js';
import { pickerBody, pickerStatus } from './pickerViews.js';

export interface Frame {
  /** Exactly `height` lines of text area. */
  body: string[];
  /** The status line, at most `columns` wide. */
  status: string;
}

function pad(lines: string[], height: number): string[] {
  const out = lines.slice(0, height);
  while (out.length < height) out.push('');
  return out;
}

function sectionTitle(article: Article): string {
  return sanitizeLine([...article.section, article.title].join(' › '));
}

// ---------------------------------------------------------------------------------------------
// List

/** Marks an unread article in the list. */
export const UNREAD_MARK = '•';

function listRow(article: Article, listTitle: string, columns: number, selected: boolean, unread: boolean): string {
  const marker = (selected ? '› ' : '  ') + (unread ? `${UNREAD_MARK} ` : '  ');
  const title = sanitizeLine(listTitle);
  const meta = [sanitizeLine(article.section.join(' › ')), article.date ? sanitizeLine(article.date.slice(0, 10)) : ''].filter(Boolean).join('  ');
  const room = columns - marker.length;
  let row: string;
  if (room >= 40 && meta !== '') {
    const metaText = truncate(meta, Math.min(displayWidth(meta), Math.floor((columns - 2) / 2), room - 12));
    const titleRoom = room - displayWidth(metaText) - 2;
    row = marker + fit(title, titleRoom) + '  ' + (selected ? metaText : DIM_ON + metaText + DIM_OFF);
  } else {
    row = marker + truncate(title, room);
  }
  if (!selected) return row;
  return INVERSE_ON + fit(row, columns) + INVERSE_OFF;
}

export function listBody(state: NavigationState, env: NavigationEnv, columns: number, height: number): string[] {
  const visible = visibleArticles(state, env);
  if (visible.length === 0) {
    const text = state.list.query ? `No article matches “${sanitizeLine(state.list.query)}”.` : 'The library is empty.';
    return pad([truncate(text, columns)], height);
  }
  const selected = selectedIndex(state, env);
  const rows = visible
    .slice(state.list.top, state.list.top + height)
    .map((article, i) => listRow(article, listTitleOf(article), columns, state.list.top + i === selected, !isArticleRead(state, article)));
  return pad(rows, height);
}

// ---------------------------------------------------------------------------------------------
// Article

export function articleBody(state: NavigationState, env: NavigationEnv, columns: number, height: number): string[] {
  const visit = currentVisit(state);
  if (!visit) return pad([], height);
  const rendered = env.render(visit.id, env.viewport.width);
  const focused = visit.focus !== null ? rendered.links[visit.focus] : undefined;
  const matches = searchMatches(state, env) ?? [];
  const current = currentMatchIndex(state, env);
  // Matches on the visible lines only: a binary search finds the first.
  let m = lowerBoundLine(matches, visit.top);
  const lines: string[] = [];
  const end = Math.min(rendered.lines.length, visit.top + height);
  for (let n = visit.top; n < end; n++) {
    let line = rendered.lines[n] ?? '';
    const plain = rendered.plainLines[n] ?? '';
    const ranges: ColumnRange[] = focused ? focused.spans.filter((span) => span.line === n) : [];
    for (; m < matches.length && matches[m].line === n; m++) {
      const match = matches[m];
      const start = displayWidth(plain.slice(0, match.index));
      const range: ColumnRange = { start, end: start + displayWidth(plain.slice(match.index, match.index + match.length)) };
      if (m === current) Object.assign(range, { on: CURRENT_MATCH_ON, off: CURRENT_MATCH_OFF });
      ranges.push(range);
    }
    if (ranges.length > 0) line = highlightColumns(line, plain, ranges);
    lines.push(clipLine(line, columns));
  }
  return pad(lines, height);
}

/** The current search match: inverse and underlined (the others are inverse). */
export const CURRENT_MATCH_ON = '\u001b[4;7m';
export const CURRENT_MATCH_OFF = '\u001b[24;27m';

function lowerBoundLine(matches: ReadonlyArray<{ line: number }>, line: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Overlays: table of contents, links panel

/** Rows of an overlay, with the row of the highlighted entry kept in view. */
function overlayRows(title: string, rows: string[], selectedRow: number, columns: number, height: number): string[] {
  const room = Math.max(0, height - 1);
  const top = selectedRow < room ? 0 : selectedRow - room + 1;
  const head = DIM_ON + truncate(title, columns) + DIM_OFF;
  return pad([head, ...rows.slice(top, top + room)], height);
}

function entryRow(text: string, columns: number, selected: boolean): string {
  const row = (selected ? '› ' : '  ') + text;
  return selected ? INVERSE_ON + fit(row, columns) + INVERSE_OFF : truncate(row, columns);
}

export function tocBody(state: NavigationState, env: NavigationEnv, columns: number, height: number): string[] {
  const visit = currentVisit(state)!;
  const article = env.library.byId.get(visit.id);
  const { headings } = env.render(visit.id, env.viewport.width);
  const selected = state.overlay?.selected ?? 0;
  const top = Math.min(...headings.map((heading) => heading.level));
  const rows = headings.map((heading, i) => entryRow('  '.repeat(Math.max(0, heading.level - top)) + sanitizeLine(heading.text), columns, i === selected));
  return overlayRows(`Contents — ${article ? sanitizeLine(article.title) : ''}`, rows, selected, columns, height);
}

const GROUP_TITLES: Record<PanelGroup, string> = {
  related: 'Related reading',
  previous: 'Previous / next',
  next: 'Previous / next',
  external: 'External links',
  linkedFrom: 'Linked from',
  mentionedIn: 'Mentioned in',
};

function panelEntryText(env: NavigationEnv, entry: PanelEntry): string {
  const label = sanitizeLine(entry.label);
  let text: string;
  switch (entry.group) {
    case 'related':
      text = `[${entry.number}] ${label}`;
      break;
    case 'previous':
      text = `Previous: ${label}`;
      break;
    case 'next':
      text = `Next: ${label}`;
      break;
    case 'external':
      text = entry.target.kind === 'external' && entry.target.url !== entry.label ? `${label} ↗ ${sanitizeLine(entry.target.url)}` : `↗ ${label}`;
      break;
    default:
      text = label;
  }
  if (entry.target.kind === 'unresolved') return `${DIM_ON}${text} — not in library${DIM_OFF}`;
  if (entry.target.kind === 'article' && !env.library.byId.has(entry.target.id)) return `${DIM_ON}${text} — not in library${DIM_OFF}`;
  return text;
}

export function linksBody(state: NavigationState, env: NavigationEnv, columns: number, height: number): string[] {
  const visit = currentVisit(state)!;
  const article = env.library.byId.get(visit.id);
  const entries = linksPanelEntries(env, visit.id);
  const selected = state.overlay?.selected ?? 0;
  const rows: string[] = [];
  let selectedRow = 0;
  let group: string | null = null;
  entries.forEach((entry, i) => {
    const title = GROUP_TITLES[entry.group];
    if (title !== group) {
      if (group !== null) rows.push('');
      rows.push(truncate(title, columns));
      group = title;
    }
    if (i === selected) selectedRow = rows.length;
    rows.push(entryRow(panelEntryText(env, entry), columns, i === selected));
  });
  if (entries.length === 0) rows.push(truncate('No links from or to this article.', columns));
  return overlayRows(`Links — ${article ? sanitizeLine(article.title) : ''}`, rows, selectedRow, columns, height);
}

// ---------------------------------------------------------------------------------------------
// Help

/** The contexts whose keys the help overlay lists on each screen. */
export function helpContexts(screen: NavigationState['screen']): Context[] {
  return screen === 'list' ? ['list', 'filter', 'address', 'visits', 'saved', 'tags', 'help'] : ['article', 'search', 'number', 'address', 'toc', 'links', 'visits', 'saved', 'tags', 'help'];
}

export function helpBody(state: NavigationState, columns: number, height: number, keys?: KeyTable, mouse = false): string[] {
  // With the mouse on, help starts by saying how to select text (the terminal's selection needs Shift).
  const lines = [...(mouse ? MOUSE_HELP : []), ...helpLines(helpContexts(state.screen), keys)];
  return pad(
    lines.slice(state.help.top, state.help.top + height).map((line) => truncate(line, columns)),
    height,
  );
}

// ---------------------------------------------------------------------------------------------
// Status line

function targetText(env: NavigationEnv, target: LinkTarget): string {
  switch (target.kind) {
    case 'article':
      return `→ ${sanitizeLine(titleOf(env, target))}`;
    case 'external':
      return `↗ ${sanitizeLine(target.url)}`;
    case 'attachment':
      return `↗ ${target.fileKind}: ${sanitizeLine(target.path)}`;
    case 'unresolved':
      return `${DIM_ON}not in library: ${sanitizeLine(target.title)}${DIM_OFF}`;
  }
}

function helpHint(context: Context, keys: KeyTable): string {
  return bindingsFor(context, keys)
    .filter((b) => b.command === 'closeHelp' || b.command === 'helpDown' || b.command === 'helpUp')
    .map((b) => `${keysLabel(b)}: ${b.description.toLowerCase()}`)
    .join(' · ');
}

/** The status line's styling: the theme's `statusLine` look (inverse video by default). */
function statusStyle(look: ReaderLook): { on: string; off: string } {
  const style = look.theme.statusLine;
  if (!style || (style.inverse && style.fg === undefined && style.bg === undefined && !style.dim)) return { on: INVERSE_ON, off: INVERSE_OFF };
  return { on: sgrOf(0, style), off: '\u001b[0m' };
}

function styledBar(main: string, right: string, columns: number, look: ReaderLook): string {
  const { on, off } = statusStyle(look);
  const rightWidth = displayWidth(right);
  if (rightWidth + 1 > columns) return on + fit(main, columns) + off;
  const left = fit(main, columns - rightWidth - 1);
  return on + left + ' ' + right + off;
}

function overlayHint(context: Context, keys: KeyTable): string {
  return bindingsFor(context, keys)
    .filter((b) => b.command === 'overlayAccept' || b.command === 'overlayClose')
    .map((b) => `${keysLabel(b)}: ${b.command === 'overlayClose' ? 'close' : context === 'toc' ? 'jump' : 'follow'}`)
    .join(' · ');
}

/** `3/17` for the current match, `–/17` when none is current here, `no match`. */
function searchCount(state: NavigationState, env: NavigationEnv): string {
  const matches = searchMatches(state, env);
  if (!matches) return '';
  if (matches.length === 0) return 'no match';
  const i = currentMatchIndex(state, env);
  return `${i >= 0 ? i + 1 : '–'}/${matches.length}`;
}

export function statusLine(state: NavigationState, env: NavigationEnv, columns: number, height: number, look: ReaderLook = DEFAULT_LOOK): string {
  const statusBar = (main: string, right: string, width: number) => styledBar(main, right, width, look);
  const context = contextOf(state);
  // While a page loads, the status line says so whatever else happens (every key still works).
  const loading = state.web.loading !== null ? `loading ${sanitizeLine(state.web.loading)}… (q or Esc stops)` : null;
  const message = state.message !== null ? sanitizeLine(state.message) : loading;
  const help = columns >= 40 ? '? help' : '?';
  if (context === 'address') return statusBar(`read: ${sanitizeLine(state.web.address ?? '')}▏`, `Enter reads · Esc closes  ${help}`, columns);
  if (context === 'help') return statusBar(message ?? `Help — ${helpHint('help', look.keys)}`, '', columns);
  if (state.picker) return statusBar(message ?? pickerStatus(state, env), help, columns);
  const current = currentVisit(state);
  const currentArticle = current ? env.library.byId.get(current.id) : undefined;
  const titleOfCurrent = currentArticle ? sectionTitle(currentArticle) : '';
  if (context === 'search') {
    const right = `${message ?? searchCount(state, env)}  ${help}`;
    return statusBar(withTitle(`/${sanitizeLine(state.search?.query ?? '')}▏`, titleOfCurrent, columns - displayWidth(right) - 1), right, columns);
  }
  if (context === 'toc' || context === 'links') {
    const hint = message ?? `${context === 'toc' ? 'Contents' : 'Links'} — ↑↓ move · ${overlayHint(context, look.keys)}`;
    return statusBar(withTitle(hint, titleOfCurrent, columns - displayWidth(help) - 1), help, columns);
  }

  if (state.screen === 'list') {
    const visible = visibleArticles(state, env);
    const total = env.library.articles.length;
    if (context === 'filter') {
      return statusBar(`/${sanitizeLine(state.list.query)}▏`, `${message ?? `${visible.length} of ${total}`}  ${help}`, columns);
    }
    const filtered = state.list.query ? ` matching “${sanitizeLine(state.list.query)}”` : '';
    // A message ("reading pages 37/130", a warning) comes first; the count stays after it.
    const count = `broadsheet · ${visible.length} article${visible.length === 1 ? '' : 's'}${filtered}`;
    const main = message ? `${message} · ${count}` : count;
    return statusBar(main, help, columns);
  }

  const visit = currentVisit(state);
  const article = visit ? env.library.byId.get(visit.id) : undefined;
  const deleted = visit && !article && state.deleted?.id === visit.id ? state.deleted : null;
  if (!visit || (!article && !deleted)) return statusBar(message ?? '', help, columns);
  const rendered = env.render(visit.id, env.viewport.width);
  const total = rendered.lines.length;
  const bottom = Math.min(total, visit.top + height);
  const percent = total === 0 ? 100 : Math.round((bottom / total) * 100);
  const position = columns >= 60 ? `${visit.top + 1}/${total} ${percent}%` : `${percent}%`;
  const focused = visit.focus !== null ? rendered.links[visit.focus] : undefined;
  const note = state.digits !== null ? `follow related link: ${state.digits}▏` : (message ?? (deleted ? DELETED_NOTE : null));
  let target: string | null = null;
  if (focused) {
    target = targetText(env, focused.target);
    // A message that already names the target (the URL `o` could not open, the unresolved
    // link just followed) says it once.
    const words = target.split(DIM_ON).join('').split(DIM_OFF).join('').replace(/^[→↗]\s*/, '');
    if (note !== null && note.includes(words)) target = null;
  }
  const search = state.search && state.search.query !== '' ? `/${truncate(sanitizeLine(state.search.query), 12)} ${searchCount(state, env)}  ` : '';
  const title = article ? sectionTitle(article) : sanitizeLine(deleted!.title);
  const right = `${search}${position}  ${help}`;
  // Where the article stands in its chain, only where it takes nothing from the message, the
  // focused link's target and the title.
  const chain = article ? env.chainProgress?.(article.id, state.reading) : null;
  const withChain = chain ? `${search}${chainProgressText(chain)}  ${position}  ${help}` : right;
  const wanted = displayWidth([note, target, title].filter((part) => part !== null).join(SEPARATOR));
  const shownRight = chain && columns - displayWidth(withChain) - 1 >= wanted ? withChain : right;
  return statusBar(statusLeft(note, target, title, columns - displayWidth(shownRight) - 1), shownRight, columns);
}

/** The status line's note while a deleted article is still open. */
export const DELETED_NOTE = 'file deleted: kept until you leave';

const SEPARATOR = ' │ ';

/**
 * The left part of an article's status line: what just happened, the focused link's target
 * (what the next Enter does), then section › title (SPEC §3). When they don't all fit, the
 * target is cut first so the title keeps about a third of the room, and left out while a
 * long message shows. A message is never cut for the title (it may be the only place a URL
 * is shown; it goes at the next key). Below 60 columns everything is cut from the right.
 */
function statusLeft(note: string | null, target: string | null, title: string, room: number): string {
  const join = (...parts: (string | null)[]) => parts.filter((part): part is string => part !== null).join(SEPARATOR);
  const all = join(note, target, title);
  if (target === null || displayWidth(all) <= room || room < 60) return all;
  const titleRoom = Math.min(displayWidth(title), Math.floor(room / 3));
  const targetRoom = room - titleRoom - SEPARATOR.length - (note === null ? 0 : displayWidth(note) + SEPARATOR.length);
  return targetRoom >= 12 ? join(note, truncate(target, targetRoom), title) : join(note, title);
}

/** An overlay's or prompt's status: its own hint first, then section › title when there is room. */
function withTitle(hint: string, title: string, room: number): string {
  const all = title === '' ? hint : hint + SEPARATOR + title;
  return displayWidth(all) <= room ? all : hint;
}

/** The whole screen for a state: the text area and the status line. */
export function frameOf(state: NavigationState, env: NavigationEnv, columns: number, height: number, look: ReaderLook = DEFAULT_LOOK): Frame {
  let body: string[];
  const context = contextOf(state);
  if (state.help.open) body = helpBody(state, columns, height, look.keys, look.mouse);
  else if (state.picker) body = pickerBody(state, env, columns, height);
  else if (state.screen === 'list') body = listBody(state, env, columns, height);
  else if (context === 'toc') body = tocBody(state, env, columns, height);
  else if (context === 'links') body = linksBody(state, env, columns, height);
  else body = articleBody(state, env, columns, height);
  return { body, status: statusLine(state, env, columns, height, look) };
}
