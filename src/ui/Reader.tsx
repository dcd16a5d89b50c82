// The reader app: one reducer for navigation, the key table for input, and the visible lines
// drawn in a frame one line shorter than the terminal (a frame as tall as the terminal makes
// Ink clear the screen on every render).
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import type { Library } from '../library/types.js';
import {
  initialNavigationState,
  navigationReducer,
  type ArticleFilter,
  type NavigationEnv,
  type NavigationState,
} from '../navigation/index.js';
import { helpLines } from './keys.js';
import { keyPresses, readerReducer, type ReaderAction } from './keyInput.js';
import type { RenderById } from './renderCache.js';
import { useTerminalSize, type TerminalSize } from './terminalSize.js';
import { frameOf, helpContexts } from './views.js';

/** Text is laid out at the terminal's width, capped for reading comfort (as `show` is). */
export const MAX_TEXT_WIDTH = 100;

/** How long a partly typed related-link number waits before it is followed. */
export const NUMBER_PAUSE_MS = 1000;

export interface ReaderProps {
  library: Library;
  /** The article at a width; memoise it (createRenderCache does). */
  render: RenderById;
  /** Start on this article instead of the list. */
  openId?: string;
  /** Fixed size instead of the terminal's (tests). */
  size?: TerminalSize;
  /** The list filter (the seam for ranked search). */
  filter?: ArticleFilter;
}

const HELP_LENGTH = Math.max(helpLines(helpContexts('list')).length, helpLines(helpContexts('article')).length);

/** Layout of a terminal size: the text area is the terminal minus the status line minus one spare row. */
export function layoutOf(size: TerminalSize) {
  const columns = Math.max(1, size.columns);
  const height = Math.max(0, size.rows - 2);
  return { columns, height, textWidth: Math.min(columns, MAX_TEXT_WIDTH) };
}

export function Reader({ library, render, openId, size: sizeOverride, filter }: ReaderProps) {
  const size = useTerminalSize(sizeOverride);
  const { columns, height, textWidth } = layoutOf(size);
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();

  const env = useMemo<NavigationEnv>(
    () => ({ library, render, viewport: { width: textWidth, height: Math.max(1, height) }, filter, helpLength: HELP_LENGTH }),
    [library, render, textWidth, height, filter],
  );
  const reducer = useCallback((state: NavigationState, action: ReaderAction) => readerReducer(state, action, env), [env]);
  const [state, dispatch] = useReducer(reducer, undefined, () =>
    initialNavigationState(env, openId !== undefined ? { id: openId } : undefined),
  );

  // After a resize the state is re-anchored at the new width; draw that at once, store it after.
  const shown = useMemo(() => navigationReducer(state, { type: 'resize' }, env), [state, env]);
  useEffect(() => {
    if (shown !== state) dispatch({ type: 'resize' });
  }, [shown, state]);

  useInput(
    (input, key) => {
      dispatch({ type: 'keys', presses: keyPresses(input, key) });
    },
    { isActive: isRawModeSupported === true },
  );

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  useEffect(() => {
    if (state.digits === null) return;
    const timer = setTimeout(() => dispatch({ type: 'numberTimeout' }), NUMBER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [state.digits]);

  const frame = frameOf(shown, env, columns, height);
  return (
    <Box flexDirection="column" width={columns}>
      {height > 0 ? (
        <Box height={height} flexDirection="column" overflow="hidden">
          <Text>{frame.body.join('\n')}</Text>
        </Box>
      ) : null}
      <Text wrap="truncate-end">{frame.status}</Text>
    </Box>
  );
}
