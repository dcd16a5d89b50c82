// The recent-visits, Saved and Tags screens as lines: a title row, then one row per entry (the
// article's section › title and when, or the tag and how many articles have it), the
// highlighted one in inverse video and kept in view.
import { currentVisit, pickerEntries, type NavigationEnv, type NavigationState } from '../navigation/index.js';
import { sanitizeLine } from '../text/sanitize.js';
import { timeAgo } from '../text/relativeTime.js';
import { displayWidth, fit, truncate } from '../text/width.js';
import { DIM_OFF, DIM_ON, INVERSE_OFF, INVERSE_ON } from './sgr.js';

const TITLES = { visits: 'Recent visits', saved: 'Saved', tags: 'Tags' } as const;

export function pickerBody(state: NavigationState, env: NavigationEnv, columns: number, height: number, now: Date = new Date()): string[] {
  const picker = state.picker!;
  const entries = pickerEntries(state, env);
  const room = Math.max(0, height - 1);
  const top = picker.selected < room ? 0 : picker.selected - room + 1;
  const rows = entries.slice(top, top + room).map((entry, i) => {
    const selected = top + i === picker.selected;
    let name: string;
    let when: string;
    if ('tag' in entry) {
      name = `#${sanitizeLine(entry.tag)}`;
      when = `${entry.count} article${entry.count === 1 ? '' : 's'}`;
    } else {
      const article = env.library.byId.get(entry.id)!;
      name = sanitizeLine([...article.section, article.title].join(' › '));
      when = timeAgo(entry.at, now);
    }
    const marker = selected ? '› ' : '  ';
    const nameRoom = Math.max(1, columns - displayWidth(marker) - displayWidth(when) - 2);
    const row = `${marker}${fit(name, nameRoom)}  ${selected ? when : DIM_ON + when + DIM_OFF}`;
    return selected ? INVERSE_ON + fit(row, columns) + INVERSE_OFF : row;
  });
  const lines = [DIM_ON + truncate(`${TITLES[picker.kind]} — ${entries.length}`, columns) + DIM_OFF, ...rows];
  while (lines.length < height) lines.push('');
  return lines.slice(0, height);
}

/** The status line's words while a picker is open. */
export function pickerStatus(state: NavigationState, env: NavigationEnv): string {
  const visit = currentVisit(state);
  const article = visit && state.screen === 'article' ? env.library.byId.get(visit.id) : undefined;
  const kind = state.picker!.kind;
  const hint = `${TITLES[kind]} — ↑↓ move · Enter: ${kind === 'tags' ? 'list them' : 'open'} · Esc: close`;
  return article ? `${hint} │ ${sanitizeLine(article.title)}` : hint;
}
