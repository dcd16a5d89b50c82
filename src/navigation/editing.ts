// `e`: the article's own file opened in the person's editor, at the line in view. The reducer
// only asks (an edit request, as `o` makes an open request); the UI leaves the screen, runs
// the editor and comes back. The line in view comes from the layout's map of blocks to file
// lines (RenderedArticle.sourceLines). Owns `editRequest`.
import type { RenderedArticle } from '../render/types.js';
import { currentVisit, type CommandHandlers, type NavigationEnv, type NavigationState } from './navigationState.js';

/** A file the reader asked to open in the editor (the UI carries it out; `seq` tells requests apart). */
export interface EditRequest {
  id: string;
  /** The file, absolute: an article's own file, whatever its format. */
  path: string;
  /** The file's line (1-based) in view, when the layout knows it. */
  line?: number;
  seq: number;
}

/**
 * The file's line shown at rendered line `top`: the line of the block that starts there; inside
 * a block, that block's line plus how far into it `top` is (never past the next block's line);
 * on a blank line or the title above the body, the next block's. Undefined without a map.
 */
export function sourceLineAt(rendered: RenderedArticle, top: number): number | undefined {
  const starts = rendered.sourceLines;
  if (!starts || starts.length === 0) return undefined;
  let i = -1;
  while (i + 1 < starts.length && starts[i + 1].line <= top) i++;
  const next = starts[i + 1];
  if (i < 0) return next.source;
  const block = starts[i];
  if (block.line === top) return block.source;
  if (next && (rendered.plainLines[top] ?? '').trim() === '') return next.source;
  const within = block.source + (top - block.line);
  return next ? Math.min(within, Math.max(block.source, next.source - 1)) : within;
}

function edit(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = state.screen === 'article' ? currentVisit(state) : null;
  const id = visit ? visit.id : state.list.selectedId;
  const article = id !== null ? env.library.byId.get(id) : undefined;
  if (!article || id === null) return { ...state, message: visit && state.deleted?.id === visit.id ? 'the file is deleted: nothing to edit' : 'no article to edit' };
  const line = visit ? sourceLineAt(env.render(visit.id, env.viewport.width), visit.top) : undefined;
  const request: EditRequest = { id, path: article.absPath, seq: (state.editRequest?.seq ?? 0) + 1, ...(line !== undefined ? { line } : {}) };
  return { ...state, editRequest: request };
}

export const editingCommands = {
  editArticle: edit,
} satisfies CommandHandlers;
