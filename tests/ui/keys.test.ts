// One key table drives input and help (like Gemini CLI's keyBindings.test.ts): every command
// has keys, a description and exactly one category; the input handler handles exactly the
// commands in the table; no key means two things in one context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articlesInOrder, COMMANDS, CONTEXTS, initialNavigationState, navigationReducer, type NavigationEnv } from '../../src/navigation/index.js';
import {
  CATEGORIES,
  KEY_TABLE,
  bindingsFor,
  commandFor,
  helpLines,
  keyLabel,
  keyPressFromInk,
  keyTableMarkdown,
  type InkKeyLike,
  type KeyPress,
  type KeySpec,
} from '../../src/ui/keys.js';
import { keyPresses } from '../../src/ui/keyInput.js';
import { fakeRender, memoRender, sampleLibrary } from '../navigation/fakeLibrary.js';

const noKey: InkKeyLike = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
};

function pressOf(spec: KeySpec): KeyPress {
  if (spec.key === 'text') return { key: 'text', shift: false, ctrl: false, text: 'abc' };
  if (spec.key === 'space') return { key: 'space', shift: false, ctrl: false, text: ' ' };
  const named = ['up', 'down', 'left', 'right', 'pageUp', 'pageDown', 'home', 'end', 'return', 'escape', 'tab', 'backspace'];
  const text = named.includes(spec.key) || spec.ctrl ? '' : spec.key;
  return { key: spec.key, shift: Boolean(spec.shift), ctrl: Boolean(spec.ctrl), text };
}

test('every command has keys, a description and exactly one category', () => {
  for (const binding of KEY_TABLE) {
    assert.ok(binding.keys.length > 0, `${binding.command} has keys`);
    assert.ok(binding.description.trim().length > 0, `${binding.command} has a description`);
    assert.equal(typeof binding.category, 'string', `${binding.command} has one category`);
    assert.ok(CATEGORIES.includes(binding.category), `${binding.command}: known category ${binding.category}`);
    assert.ok(binding.contexts.length > 0, `${binding.command} applies somewhere`);
  }
  const commands = KEY_TABLE.map((b) => b.command);
  assert.equal(new Set(commands).size, commands.length, 'each command listed once');
});

test('the input handler handles exactly the commands in the table', () => {
  assert.deepEqual([...KEY_TABLE.map((b) => b.command)].sort(), [...COMMANDS].sort());
  // Every command is carried out by the reducer without throwing, in every context.
  const library = sampleLibrary();
  const env: NavigationEnv = { library, articles: articlesInOrder(library), render: memoRender(fakeRender(library)), viewport: { width: 40, height: 8 } };
  for (const opened of [undefined, { id: 'world/ferry' }]) {
    for (const command of COMMANDS) {
      const state = initialNavigationState(env, opened);
      assert.doesNotThrow(() => navigationReducer(state, { type: 'command', command, text: '1' }, env), command);
    }
  }
});

test('every key in the table reaches its command in its contexts, and no key means two things in one context', () => {
  for (const context of CONTEXTS) {
    const seen = new Map<string, string>();
    for (const binding of bindingsFor(context)) {
      for (const spec of binding.keys) {
        const label = keyLabel(spec);
        assert.ok(!seen.has(label), `${label} bound to both ${seen.get(label)} and ${binding.command} in ${context}`);
        seen.set(label, binding.command);
        assert.equal(commandFor(context, pressOf(spec)), binding.command, `${label} in ${context}`);
      }
    }
  }
});

test('keys no table entry lists do nothing', () => {
  for (const context of ['list', 'article', 'help'] as const) {
    assert.equal(commandFor(context, { key: 'z', shift: false, ctrl: false, text: 'z' }), null);
    assert.equal(commandFor(context, { key: 'x', shift: false, ctrl: true, text: '' }), null);
  }
  assert.equal(commandFor('list', { key: '1', shift: false, ctrl: false, text: '1' }), null, 'digits do nothing on the list');
});

test('terminal sequences map to the keys the table names', () => {
  const cases: Array<[string, Partial<InkKeyLike>, string]> = [
    ['', { downArrow: true }, 'lineDown'],
    ['', { tab: true }, 'nextLink'],
    ['', { tab: true, shift: true }, 'previousLink'],
    ['', { delete: true }, 'back'], // \x7f: what most terminals send for Backspace
    ['', { backspace: true }, 'back'], // \b
    ['', { return: true }, 'followLink'],
    ['', { escape: true, meta: true }, 'toList'],
    [']', {}, 'nextArticle'],
    ['G', { shift: true }, 'bottom'],
    ['Q', { shift: true }, 'quit'],
    ['c', { ctrl: true }, 'quit'],
    [' ', {}, 'pageDown'],
    ['7', {}, 'followNumber'],
  ];
  for (const [input, key, command] of cases) {
    assert.equal(commandFor('article', keyPressFromInk(input, { ...noKey, ...key })), command, `${JSON.stringify(input)} ${JSON.stringify(key)}`);
  }
  assert.equal(commandFor('filter', keyPressFromInk('q', noKey)), 'promptType', 'q types into a prompt');
  assert.equal(commandFor('filter', keyPressFromInk('c', { ...noKey, ctrl: true })), 'quit', 'Ctrl-C quits from a prompt');
  assert.deepEqual(
    keyPresses('ab\r', noKey).map((p) => p.key),
    ['a', 'b', 'return'],
    'characters arriving together are read one by one',
  );
});

test('help and the Markdown key list are generated from the table', () => {
  const help = helpLines(['article']).join('\n');
  const markdown = keyTableMarkdown();
  for (const binding of KEY_TABLE) {
    assert.ok(markdown.includes(binding.description), `markdown lists ${binding.command}`);
    if (binding.contexts.includes('article')) assert.ok(help.includes(binding.description), `help lists ${binding.command}`);
  }
  assert.match(markdown, /\| `Shift-Tab` \| Focus the previous link \| Links \|/);
  assert.match(markdown, /\| `1 … 9` \|/);
  assert.match(markdown, /\| `Ctrl-C` \| Quit \| Screens \|/);
});
