// The mouse, as navigation sees it: a wheel turn is the context's own up/down command, and a
// click on the text area opens a list row or follows a link under it. Rows and columns are
// 0-based from the top-left of the text area.
import type { Command, Context } from './commands.js';
import { currentVisit, type NavigationEnv, type NavigationState } from './navigationState.js';
import { visibleArticles } from './articleList.js';

/** Lines one wheel step scrolls an article. */
export const WHEEL_LINES = 3;

/** The command a wheel step means where the reader is, and how many times (none in prompts). */
export function wheelCommand(context: Context, down: boolean): { command: Command; times: number } | null {
  switch (context) {
    case 'list':
      return { command: down ? 'listDown' : 'listUp', times: 1 };
    case 'article':
      return { command: down ? 'lineDown' : 'lineUp', times: WHEEL_LINES };
    case 'toc':
    case 'links':
      return { command: down ? 'overlayDown' : 'overlayUp', times: 1 };
    case 'help':
      return { command: down ? 'helpDown' : 'helpUp', times: WHEEL_LINES };
    case 'visits':
    case 'saved':
    case 'tags':
      return { command: down ? 'pickerDown' : 'pickerUp', times: 1 };
    default:
      return null;
  }
}

export type ClickTarget = { kind: 'row'; id: string } | { kind: 'link'; index: number } | null;

/** What a click at a row and column of the text area lands on: a list row, a link, or nothing. */
export function clickTarget(state: NavigationState, env: NavigationEnv, context: Context, row: number, column: number): ClickTarget {
  if (context === 'list') {
    const article = visibleArticles(state, env)[state.list.top + row];
    return article ? { kind: 'row', id: article.id } : null;
  }
  if (context !== 'article') return null;
  const visit = currentVisit(state);
  if (!visit) return null;
  const line = visit.top + row;
  const link = env.render(visit.id, env.viewport.width).links.find((l) => l.spans.some((span) => span.line === line && column >= span.start && column < span.end));
  return link ? { kind: 'link', index: link.index } : null;
}
