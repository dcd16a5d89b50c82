// What each screen draws, as plain functions from state to lines: the Ink component only puts
// these lines on screen. Only the visible lines are built, whatever the article's length.
import {
  contextOf,
  currentVisit,
  selectedIndex,
  titleOf,
  visibleArticles,
  type NavigationEnv,
  type NavigationState,
} from '../navigation/index.js';
import type { Article, LinkTarget } from '../library/types.js';
import { cleanLine, DIM_OFF, DIM_ON, fit, INVERSE_OFF, INVERSE_ON, truncate, width } from './displayText.js';
import { clipLine, highlightColumns } from './highlight.js';
import { bindingsFor, helpLines, keysLabel, type Context } from './keys.js';

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
  return cleanLine([...article.section, article.title].join(' › '));
}

// ---------------------------------------------------------------------------------------------
// List

function listRow(article: Article, columns: number, selected: boolean): string {
  const marker = selected ? '› ' : '  ';
  const title = cleanLine(article.title);
  const meta = [cleanLine(article.section.join(' › ')), article.date ? cleanLine(article.date.slice(0, 10)) : ''].filter(Boolean).join('  ');
  const room = columns - marker.length;
  let row: string;
  if (room >= 40 && meta !== '') {
    const metaText = truncate(meta, Math.min(width(meta), Math.floor(room / 2)));
    const titleRoom = room - width(metaText) - 2;
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
    const text = state.list.query ? `No article matches “${cleanLine(state.list.query)}”.` : 'The library is empty.';
    return pad([truncate(text, columns)], height);
  }
  const selected = selectedIndex(state, env);
  const rows = visible.slice(state.list.top, state.list.top + height).map((article, i) => listRow(article, columns, state.list.top + i === selected));
  return pad(rows, height);
}

// ---------------------------------------------------------------------------------------------
// Article

export function articleBody(state: NavigationState, env: NavigationEnv, columns: number, height: number): string[] {
  const visit = currentVisit(state);
  if (!visit) return pad([], height);
  const rendered = env.render(visit.id, env.viewport.width);
  const focused = visit.focus !== null ? rendered.links[visit.focus] : undefined;
  const lines: string[] = [];
  const end = Math.min(rendered.lines.length, visit.top + height);
  for (let n = visit.top; n < end; n++) {
    let line = rendered.lines[n] ?? '';
    const spans = focused ? focused.spans.filter((span) => span.line === n) : [];
    if (spans.length > 0) line = highlightColumns(line, rendered.plainLines[n] ?? '', spans);
    lines.push(clipLine(line, columns));
  }
  return pad(lines, height);
}

// ---------------------------------------------------------------------------------------------
// Help

/** The contexts whose keys the help overlay lists on each screen. */
export function helpContexts(screen: NavigationState['screen']): Context[] {
  return screen === 'list' ? ['list', 'filter', 'help'] : ['article', 'search', 'number', 'toc', 'links', 'help'];
}

export function helpBody(state: NavigationState, columns: number, height: number): string[] {
  const lines = helpLines(helpContexts(state.screen));
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
      return `→ ${cleanLine(titleOf(env, target))}`;
    case 'external':
      return `↗ ${cleanLine(target.url)}`;
    case 'unresolved':
      return `${DIM_ON}not in library: ${cleanLine(target.title)}${DIM_OFF}`;
  }
}

function helpHint(context: Context): string {
  return bindingsFor(context)
    .filter((b) => b.command === 'closeHelp' || b.command === 'helpDown' || b.command === 'helpUp')
    .map((b) => `${keysLabel(b)}: ${b.description.toLowerCase()}`)
    .join(' · ');
}

function statusBar(main: string, right: string, columns: number): string {
  const rightWidth = width(right);
  if (rightWidth + 1 > columns) return INVERSE_ON + fit(main, columns) + INVERSE_OFF;
  const left = fit(main, columns - rightWidth - 1);
  return INVERSE_ON + left + ' ' + right + INVERSE_OFF;
}

export function statusLine(state: NavigationState, env: NavigationEnv, columns: number, height: number): string {
  const context = contextOf(state);
  const message = state.message !== null ? cleanLine(state.message) : null;
  const help = columns >= 40 ? '? help' : '?';
  if (context === 'help') return statusBar(message ?? `Help — ${helpHint('help')}`, '', columns);

  if (state.screen === 'list') {
    const visible = visibleArticles(state, env);
    const total = env.library.articles.length;
    if (context === 'filter') {
      return statusBar(`/${cleanLine(state.list.query)}▏`, `${message ?? `${visible.length} of ${total}`}  ${help}`, columns);
    }
    const filtered = state.list.query ? ` matching “${cleanLine(state.list.query)}”` : '';
    const main = message ?? `broadsheet · ${visible.length} article${visible.length === 1 ? '' : 's'}${filtered}`;
    return statusBar(main, help, columns);
  }

  const visit = currentVisit(state);
  const article = visit ? env.library.byId.get(visit.id) : undefined;
  if (!visit || !article) return statusBar(message ?? '', help, columns);
  const rendered = env.render(visit.id, env.viewport.width);
  const total = rendered.lines.length;
  const bottom = Math.min(total, visit.top + height);
  const percent = total === 0 ? 100 : Math.round((bottom / total) * 100);
  const position = columns >= 60 ? `${visit.top + 1}/${total} ${percent}%` : `${percent}%`;
  const focused = visit.focus !== null ? rendered.links[visit.focus] : undefined;
  const parts: string[] = [];
  if (state.digits !== null) parts.push(`follow related link: ${state.digits}▏`);
  else if (message !== null) parts.push(message);
  // The focused link's target comes before the title: it is what the next Enter does.
  if (focused) parts.push(targetText(env, focused.target));
  parts.push(sectionTitle(article));
  return statusBar(parts.join(' │ '), `${position}  ${help}`, columns);
}

/** The whole screen for a state: the text area and the status line. */
export function frameOf(state: NavigationState, env: NavigationEnv, columns: number, height: number): Frame {
  let body: string[];
  if (state.help.open) body = helpBody(state, columns, height);
  else if (state.screen === 'list') body = listBody(state, env, columns, height);
  else body = articleBody(state, env, columns, height);
  return { body, status: statusLine(state, env, columns, height) };
}
