// `e`'s editor command: $VISUAL before $EDITOR before vi, the command's own arguments kept, and
// the line told the way each editor takes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandWords, editorCommand, runEditor } from '../../src/ui/editor.js';

const FILE = '/notes/harbour log.md';

test('VISUAL, then EDITOR, then vi', () => {
  assert.equal(editorCommand({ VISUAL: 'nvim', EDITOR: 'nano' }, FILE, 3).command, 'nvim');
  assert.equal(editorCommand({ VISUAL: '  ', EDITOR: 'nano' }, FILE, 3).command, 'nano');
  assert.equal(editorCommand({}, FILE, 3).command, 'vi');
});

test('+N for vi, vim, nvim, nano, emacs, micro, kak, helix; -g FILE:N for code-like editors; FILE:N for subl and zed; the file alone otherwise', () => {
  for (const name of ['vi', 'vim', 'nvim', 'nano', 'emacs', 'micro', 'kak', 'hx', 'helix', '/usr/local/bin/vim']) {
    assert.deepEqual(editorCommand({ EDITOR: name }, FILE, 12).args, ['+12', FILE], name);
  }
  for (const name of ['code', 'code-insiders', 'codium', 'cursor']) assert.deepEqual(editorCommand({ EDITOR: name }, FILE, 12).args, ['-g', `${FILE}:12`], name);
  assert.deepEqual(editorCommand({ EDITOR: 'subl' }, FILE, 12).args, [`${FILE}:12`]);
  assert.deepEqual(editorCommand({ EDITOR: 'ed' }, FILE, 12).args, [FILE]);
  assert.deepEqual(editorCommand({ EDITOR: 'vim' }, FILE).args, [FILE], 'no line known: the file alone');
});

test("the editor's own arguments come first, quoted words kept whole", () => {
  assert.deepEqual(editorCommand({ VISUAL: 'code -w' }, FILE, 4), { command: 'code', args: ['-w', '-g', `${FILE}:4`] });
  assert.deepEqual(editorCommand({ EDITOR: 'emacs -nw' }, FILE, 4), { command: 'emacs', args: ['-nw', '+4', FILE] });
  assert.deepEqual(commandWords(`"/opt/My Editor/vim" -u 'NONE' a\\ b`), ['/opt/My Editor/vim', '-u', 'NONE', 'a b']);
});

test('an editor that cannot start is one line, naming it', () => {
  const message = runEditor({ command: '/nonexistent/editor-xyz', args: [FILE] }, true);
  assert.equal(message, 'could not start the editor /nonexistent/editor-xyz: not found (set $VISUAL or $EDITOR)');
  assert.match(runEditor({ command: 'sh', args: ['-c', 'exit 3'] }, true) ?? '', /exited with status 3/);
  assert.equal(runEditor({ command: 'true', args: [] }, true), null);
});

test("the config file's editor comes before $VISUAL and $EDITOR", () => {
  assert.deepEqual(editorCommand({ VISUAL: 'nvim', EDITOR: 'nano' }, FILE, 5, 'code -w'), { command: 'code', args: ['-w', '-g', `${FILE}:5`] });
  assert.equal(editorCommand({ VISUAL: 'nvim' }, FILE, 5, null).command, 'nvim');
});
