// The config file with the built binary in a real pseudo-terminal: a rebound key does its new
// command and help shows it; a broken file is one line in the status line and the default keys
// still work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { makeLibrary } from '../helpers/runCli.js';
import { hermeticEnv } from '../helpers/hermeticEnv.js';
import { startTerminal } from './terminal.js';
import { contrastOn, sgrColours, WHITE } from '../helpers/contrast.js';

const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of the tide tables, kept short.`).join('\n\n');
const library = () => makeLibrary({ 'tides.md': `---\ntitle: Tide tables\n---\n\n${paragraphs}\n` });

function withConfig(text: string): Record<string, string> {
  const env = hermeticEnv();
  writeFileSync(env.BROADSHEET_CONFIG, text);
  return { ...env };
}

test('a config that rebinds j to halfDown: j scrolls half a page and ? lists j there', async (t) => {
  const terminal = startTerminal([library(), '--open', 'tides'], { env: withConfig('keys:\n  halfDown: j\n') });
  t.after(() => endTerminal(terminal));
  await terminal.waitForText('Paragraph 1 of');
  await terminal.waitFor((screen) => / 1\/\d+ /.test(screen), 'the position at the top');
  terminal.write('j');
  // 30 rows: a text area of 28, half a page is 14 lines.
  await terminal.waitFor((screen) => / 15\/\d+ /.test(screen), 'half a page down after j');
  terminal.write('?');
  const help = await terminal.waitForText('Scroll down half a page');
  assert.match(help, /\bj\s+Scroll down half a page/);
  assert.match(help, /↓\s+Scroll down a line/);
  assert.doesNotMatch(help, /↓ j\s+Scroll down a line/);
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
});

test('a broken config: one line naming the file and the line, and the default keys work', async (t) => {
  const env = withConfig('theme: light\nkeys:\n  halfDown: [j\n');
  const terminal = startTerminal([library(), '--open', 'tides'], { env });
  t.after(() => endTerminal(terminal));
  const screen = await terminal.waitForText('config:');
  const statusRow = screen.split('\n').find((row) => row.includes('config:'))!;
  assert.ok(statusRow.includes(`${env.BROADSHEET_CONFIG.split('/').pop()}:`), statusRow);
  assert.match(statusRow, /config\.yaml:\d+:/);
  terminal.write('j');
  await terminal.waitFor((s) => / 2\/\d+ /.test(s), 'one line down after j (the default)');
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
});

/** A test that failed half-way leaves its reader running: end it, so the file can finish. */
function endTerminal(terminal: { kill(signal?: string): void }): void {
  try {
    terminal.kill('SIGKILL');
  } catch {
    // Already ended.
  }
}

const STYLED = `---\ntitle: Harbour notes\n---\n\n## The quay\n\nSee [the tides](tides) and [the port](https://port.example/) and [[Nowhere]].\n\n> A remark from the floor.\n\nSome \`inline code\` and ==a highlight==.\n\n\`\`\`\nplain code\n\`\`\`\n`;

async function articleColours(theme: string): Promise<string> {
  const lib = makeLibrary({ 'harbour.md': STYLED, 'tides.md': '# Tides\n\nHigh at noon.\n' });
  const terminal = startTerminal([lib, '--open', 'harbour'], { env: withConfig(`theme: ${theme}\n`) });
  try {
    await terminal.waitForText('A remark from the floor');
    terminal.write('Q');
    await terminal.exited;
    return terminal.raw();
  } finally {
    endTerminal(terminal);
  }
}

test('theme: light colours differ from dark, and none of light is unreadable on white', async () => {
  const [light, dark] = await Promise.all([articleColours('light'), articleColours('dark')]);
  const coloured = (raw: string) => new Set(sgrColours(raw).filter((c) => c.fg !== undefined || c.bg !== undefined).map((c) => c.sequence));
  const lightSet = coloured(light);
  const darkSet = coloured(dark);
  assert.ok(lightSet.size >= 5, `light sets colours: ${[...lightSet].map((s) => JSON.stringify(s)).join(' ')}`);
  assert.notDeepEqual([...lightSet].sort(), [...darkSet].sort());
  for (const colours of sgrColours(light)) {
    if (colours.inverse) continue;
    const ratio = contrastOn(colours, WHITE);
    if (ratio === null) continue;
    assert.ok(ratio >= 4.5, `${JSON.stringify(colours.sequence)} is ${ratio.toFixed(2)}:1 on white`);
  }
  // The dark theme has colours that would not be readable on white: the table is what tells them apart.
  assert.ok(sgrColours(dark).some((c) => (contrastOn(c, WHITE) ?? 21) < 4.5));
});
