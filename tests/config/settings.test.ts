// The config file as a person would write it, mistakes included: each problem names the file
// and the line, that setting keeps its default, the rest of the file still applies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/config/parseConfig.js';
import { resolveSettings, type Settings } from '../../src/config/settings.js';
import { commandFor, helpLines, type KeyPress } from '../../src/ui/keys.js';
import { helpContexts } from '../../src/ui/views.js';

const PATH = '/home/reader/.config/broadsheet/config.yaml';

function settingsOf(text: string, env: NodeJS.ProcessEnv = {}): Settings {
  return resolveSettings({ path: PATH, status: 'read', text }, parseConfig(text), {}, env);
}

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shift: false, ctrl: false, text: key.length === 1 ? key : '', ...mods });

test('no file: the defaults, from "default", no problems', () => {
  const settings = resolveSettings({ path: PATH, status: 'missing' }, null);
  assert.equal(settings.theme.value, 'auto');
  assert.equal(settings.themeUsed.value, 'dark');
  assert.equal(settings.mouse.value, false);
  assert.equal(settings.mouse.from, 'default');
  assert.deepEqual(settings.problems, []);
  assert.equal(commandFor('article', press('j'), settings.keys), 'lineDown');
});

test('rebinding j to another command makes j do it, in input and in help, and takes j from lineDown', () => {
  const settings = settingsOf('keys:\n  halfDown: j\n');
  assert.deepEqual(settings.problems, []);
  assert.equal(commandFor('article', press('j'), settings.keys), 'halfDown');
  assert.equal(commandFor('article', press('down'), settings.keys), 'lineDown', 'lineDown keeps its other key');
  assert.equal(commandFor('list', press('j'), settings.keys), 'listDown', 'the list, a context halfDown does not share, keeps j');
  const help = helpLines(helpContexts('article'), settings.keys).join('\n');
  assert.match(help, /\bj\s+Scroll down half a page/);
  assert.doesNotMatch(help, /↓ j\s+Scroll down a line/);
  assert.equal(settings.keyLines.get('halfDown'), 2);
});

test('named keys, ctrl and shift, in the forms help shows them', () => {
  const settings = settingsOf('keys:\n  top: [Home, ctrl-t]\n  bottom: PgDn\n  previousLink: shift-tab\n');
  assert.deepEqual(settings.problems, []);
  assert.equal(commandFor('article', press('t', { ctrl: true }), settings.keys), 'top');
  assert.equal(commandFor('article', press('pageDown'), settings.keys), 'bottom');
  assert.equal(commandFor('article', press('g'), settings.keys), null, 'g was top’s default and is replaced');
});

test('an unknown command, an unknown key and a conflict: each named with file and line, defaults kept', () => {
  const settings = settingsOf(['theme: dark', 'keys:', '  jump: x', '  halfDown: hyper-j', '  halfUp: e', '  pageUp: e', '  quit: ctrl-c'].join('\n'));
  assert.deepEqual(
    settings.problems.map((p) => p.replace(PATH, 'FILE')),
    [
      'FILE:3: unknown command "jump" under keys (`broadsheet config` lists them)',
      'FILE:4: unknown key "hyper-j" for halfDown; it keeps its default keys',
      'FILE:6: e is given to both halfUp (line 5) and pageUp; pageUp keeps its default keys',
      'FILE:7: Ctrl-C always quits; it cannot be given to quit; it keeps its default keys',
    ],
  );
  assert.equal(commandFor('article', press('d'), settings.keys), 'halfDown', 'halfDown keeps d');
  assert.equal(commandFor('article', press('b'), settings.keys), 'pageUp', 'pageUp keeps b');
  assert.equal(commandFor('article', press('e'), settings.keys), 'halfUp', 'the first claim stands');
  assert.equal(settings.theme.from, 'config.yaml:1');
});

test('a printable key cannot be given to a prompt command, and typing stays fixed', () => {
  const settings = settingsOf('keys:\n  promptAccept: x\n  promptType: y\n');
  assert.equal(settings.problems.length, 2);
  assert.match(settings.problems[0], /:2: promptAccept works in prompts, where "x" is typed/);
  assert.match(settings.problems[1], /:3: promptType cannot be rebound/);
  assert.equal(commandFor('filter', press('x'), settings.keys), 'promptType');
});

test('a YAML syntax error: one problem with its line, the whole file ignored', () => {
  const settings = settingsOf('theme: light\nkeys:\n  halfDown: [j\nmouse: true\n');
  assert.equal(settings.problems.length, 1);
  assert.match(settings.problems[0], new RegExp(`^${PATH.replace(/[.]/g, '\\.')}:\\d+: .+; the whole file is ignored, using the defaults$`));
  assert.equal(settings.theme.value, 'auto');
  assert.equal(settings.mouse.value, false);
});

test('bad values: each its own problem, the other settings still apply', () => {
  const settings = settingsOf('theme: sepia\nwidth: wide\nmouse: yes please\nwatch: false\ncolors:\n  headings: chartreuse\n  code: 94\nfont: mono\n');
  const lines = settings.problems.map((p) => Number(/:(\d+):/.exec(p)![1]));
  assert.deepEqual(lines, [1, 2, 3, 6, 8]);
  assert.equal(settings.watch.value, false);
  assert.equal(settings.watch.from, 'config.yaml:4');
  assert.deepEqual(settings.look.code, { fg: 94 });
  assert.equal(settings.colours.code?.from, 'config.yaml:7');
});

test('theme auto follows COLORFGBG; a flag wins over the file', () => {
  assert.equal(settingsOf('', { COLORFGBG: '0;15' }).themeUsed.value, 'light');
  assert.equal(settingsOf('', { COLORFGBG: '15;default;0' }).themeUsed.value, 'dark');
  assert.equal(settingsOf('', { COLORFGBG: '0;15' }).themeUsed.from, 'auto: COLORFGBG=0;15');
  assert.equal(settingsOf('theme: light', { COLORFGBG: '15;0' }).themeUsed.value, 'light');
  const text = 'theme: light\nmouse: false\n';
  const flagged = resolveSettings({ path: PATH, status: 'read', text }, parseConfig(text), { theme: 'none', mouse: true });
  assert.equal(flagged.themeUsed.value, 'none');
  assert.equal(flagged.mouse.from, '--mouse');
});

test('an unreadable file is one problem and the defaults', () => {
  const settings = resolveSettings({ path: PATH, status: 'unreadable', problem: 'permission denied' }, null);
  assert.deepEqual(settings.problems, [`${PATH}: cannot read the config file (permission denied); using the defaults`]);
});
