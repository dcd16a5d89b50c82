// `e`: which editor, and how to tell it the line. The config file's `editor:`, else $VISUAL,
// else $EDITOR, else vi (as git and less choose); the command may carry its own arguments (`code -w`, `emacs -nw`). Editors that
// take `+N FILE` get it; VS Code and its kin take `-g FILE:N`; Sublime and Zed `FILE:N`; any
// other editor just the file. Running it is synchronous: the reader's process waits, as `less`
// does for `v`, so no key meant for the editor is read by the reader.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { sanitizeLine } from '../text/sanitize.js';

/** Editors that open `+N FILE` at line N. */
const PLUS_LINE = new Set(['vi', 'vim', 'nvim', 'gvim', 'mvim', 'view', 'vis', 'nano', 'pico', 'emacs', 'emacsclient', 'micro', 'kak', 'hx', 'helix', 'mg', 'joe', 'jed', 'ne']);
/** Editors that open `-g FILE:N` (go to). */
const GOTO_FLAG = new Set(['code', 'code-insiders', 'codium', 'vscodium', 'cursor', 'windsurf']);
/** Editors that open `FILE:N`. */
const COLON_LINE = new Set(['subl', 'sublime_text', 'zed', 'zeditor']);

export interface EditorCommand {
  command: string;
  args: string[];
}

/** The words of a command line: spaces separate, quotes group, a backslash escapes (enough for EDITOR values). */
export function commandWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: '"' | "'" | null = null;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += ch;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

/** The editor's name as the tables know it: the file name, without `.exe` and the like. */
function editorName(command: string): string {
  return path.basename(command).replace(/\.(exe|cmd|bat|sh)$/i, '').toLowerCase();
}

/** The command that opens `file` at `line` in the person's editor (`configured`: the config file's). */
export function editorCommand(env: NodeJS.ProcessEnv, file: string, line?: number, configured?: string | null): EditorCommand {
  const chosen = [configured ?? undefined, env.VISUAL, env.EDITOR].find((value) => value !== undefined && value.trim() !== '') ?? 'vi';
  const [command = 'vi', ...own] = commandWords(chosen);
  const name = editorName(command);
  if (line === undefined || line < 1) return { command, args: [...own, file] };
  if (PLUS_LINE.has(name)) return { command, args: [...own, `+${line}`, file] };
  if (GOTO_FLAG.has(name)) return { command, args: [...own, '-g', `${file}:${line}`] };
  if (COLON_LINE.has(name)) return { command, args: [...own, `${file}:${line}`] };
  return { command, args: [...own, file] };
}

/**
 * Run the editor on the terminal and wait for it. Resolves with null when it ran and ended well,
 * else the one line to show (it could not start, it failed, it was killed).
 */
export function runEditor(editor: EditorCommand, stdinIsTerminal: boolean): string | null {
  // Keys come from the terminal even when the reader's stdin is a pipe (`… | broadsheet`).
  let tty: number | null = null;
  if (!stdinIsTerminal) {
    try {
      tty = openSync('/dev/tty', 'r+');
    } catch {
      return 'no terminal for the editor';
    }
  }
  try {
    const result = spawnSync(editor.command, editor.args, { stdio: tty === null ? 'inherit' : [tty, tty, tty] });
    const name = sanitizeLine(editor.command);
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      return `could not start the editor ${name}: ${code === 'ENOENT' ? 'not found' : sanitizeLine(code ?? result.error.message)} (set $VISUAL or $EDITOR)`;
    }
    if (result.signal) return `the editor ${name} was ended by ${result.signal}`;
    if (result.status !== 0) return `the editor ${name} exited with status ${result.status}`;
    return null;
  } finally {
    if (tty !== null) closeSync(tty);
  }
}
