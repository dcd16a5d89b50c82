// The config file's `keys:` section: `command: key` or `command: [key, key]`, applied to the one
// key table (ui/keys.ts), so input, help and `?` all follow it. Each mistake is a problem with
// its line, and the command it concerns keeps its default keys.
import { PROMPT_CONTEXTS, type Command } from '../navigation/commands.js';
import { FIXED_COMMANDS, KEY_TABLE, PROMPT_QUIT, keyLabel, parseKeyName, rebindKeys, sameKey, type KeySpec, type KeyTable } from '../ui/keys.js';
import type { ConfigNode } from './parseConfig.js';
import type { ConfigProblem } from './settings.js';

export interface KeyConfig {
  table: KeyTable;
  /** The line of the config file each rebound command's keys come from. */
  lines: ReadonlyMap<Command, number>;
  problems: ConfigProblem[];
}

interface Claim {
  command: Command;
  specs: KeySpec[];
  line: number;
}

export function applyKeyConfig(node: ConfigNode): KeyConfig {
  const problems: ConfigProblem[] = [];
  if (node.kind !== 'map') {
    problems.push({ line: node.line, message: 'keys: should be a list of `command: key` lines' });
    return { table: KEY_TABLE, lines: new Map(), problems };
  }
  const claims: Claim[] = [];
  for (const entry of node.entries) {
    const binding = KEY_TABLE.find((b) => b.command === entry.key);
    if (!binding) {
      problems.push({ line: entry.line, message: `unknown command "${entry.key}" under keys (\`broadsheet config\` lists them)` });
      continue;
    }
    const command = binding.command;
    if (FIXED_COMMANDS.includes(command)) {
      problems.push({ line: entry.line, message: `${command} cannot be rebound (${command === 'promptType' ? 'prompts take any printable key' : 'digits are the link numbers'})` });
      continue;
    }
    const items = entry.value.kind === 'list' ? entry.value.items : [entry.value];
    const specs: KeySpec[] = [];
    let bad: string | null = null;
    for (const item of items) {
      const text = item.kind === 'scalar' && item.value !== null ? String(item.value) : null;
      const spec = text === null ? null : parseKeyName(text);
      if (!spec) {
        bad = text === null ? `${command}: a key is a character or a name such as down, pagedown, enter, esc, ctrl-d` : `unknown key "${text}" for ${command}`;
        break;
      }
      if (sameKey(spec, PROMPT_QUIT)) {
        bad = `Ctrl-C always quits; it cannot be given to ${command}`;
        break;
      }
      if (binding.contexts.some((context) => PROMPT_CONTEXTS.includes(context)) && spec.key.length === 1 && !spec.ctrl) {
        bad = `${command} works in prompts, where "${spec.key}" is typed; give it a named key (enter, esc, down…)`;
        break;
      }
      if (!specs.some((other) => sameKey(other, spec))) specs.push(spec);
    }
    if (bad === null && specs.length === 0) bad = `${command} is given no key`;
    if (bad !== null) {
      problems.push({ line: entry.line, message: `${bad}; it keeps its default keys` });
      continue;
    }
    const clash = claims.find(
      (claim) => KEY_TABLE.find((b) => b.command === claim.command)!.contexts.some((context) => binding.contexts.includes(context)) && claim.specs.some((spec) => specs.some((mine) => sameKey(spec, mine))),
    );
    if (clash) {
      const key = clash.specs.find((spec) => specs.some((mine) => sameKey(spec, mine)))!;
      problems.push({ line: entry.line, message: `${keyLabel(key)} is given to both ${clash.command} (line ${clash.line}) and ${command}; ${command} keeps its default keys` });
      continue;
    }
    claims.push({ command, specs, line: entry.line });
  }
  const table = rebindKeys(KEY_TABLE, new Map(claims.map((claim) => [claim.command, claim.specs])));
  return { table, lines: new Map(claims.map((claim) => [claim.command, claim.line])), problems };
}
