// `broadsheet config`: the settings in effect, each with where it came from (the config file's
// line, a flag, the environment, or the default), the rebound keys, and every problem found.
import type { Settings } from '../config/settings.js';
import { COLOUR_ROLES, lookText, type ColourRole } from '../render/theme.js';
import { KEY_TABLE, keysLabel } from '../ui/keys.js';
import { sanitizeLine } from '../text/sanitize.js';

export interface ConfigOptions {
  settings: Settings;
  out: NodeJS.WritableStream;
}

const FILE_STATUS = { missing: 'not found: defaults in use', read: 'read', unreadable: 'unreadable: defaults in use' } as const;

export function configCommand({ settings, out }: ConfigOptions): number {
  out.write(formatSettings(settings));
  return 0;
}

export function formatSettings(settings: Settings): string {
  const rows: [string, string, string][] = [];
  const row = (name: string, value: string, from: string) => rows.push([name, value, from]);
  row('theme', settings.theme.value, settings.theme.from);
  if (settings.theme.value === 'auto') row('  in use', settings.themeUsed.value, settings.themeUsed.from);
  for (const role of Object.keys(COLOUR_ROLES) as ColourRole[]) {
    const set = settings.colours[role];
    row(`colors.${role}`, set ? set.value : lookText(settings.look[COLOUR_ROLES[role][0]]), set ? set.from : `theme ${settings.themeUsed.value}`);
  }
  row('width', settings.width.value === null ? 'terminal (at most 100)' : String(settings.width.value), settings.width.from);
  row('watch', String(settings.watch.value), settings.watch.from);
  row('mouse', String(settings.mouse.value), settings.mouse.from);
  row('hyperlinks', settings.hyperlinks.value, settings.hyperlinks.from);
  row('editor', settings.editor.value ?? '$VISUAL, else $EDITOR, else vi', settings.editor.from);
  for (const binding of settings.keys) {
    const line = settings.keyLines.get(binding.command);
    const changed = line !== undefined || binding.keys.length !== KEY_TABLE.find((b) => b.command === binding.command)!.keys.length;
    row(`keys.${binding.command}`, binding.keys.length === 0 ? '(none)' : keysLabel(binding), line !== undefined ? `${nameOf(settings)}:${line}` : changed ? 'default, minus the keys given to others' : 'default');
  }
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.min(32, Math.max(...rows.map(([, value]) => value.length)));
  const lines = [`config file: ${sanitizeLine(settings.file.path)} (${FILE_STATUS[settings.file.status]})`, ''];
  for (const [name, value, from] of rows) lines.push(`${name.padEnd(nameWidth)}  ${sanitizeLine(value).padEnd(valueWidth)}  ${sanitizeLine(from)}`);
  if (settings.problems.length > 0) {
    lines.push('', `problems (${settings.problems.length}; each setting named keeps its default):`);
    for (const problem of settings.problems) lines.push(`  ${sanitizeLine(problem)}`);
  }
  return `${lines.join('\n')}\n`;
}

const nameOf = (settings: Settings) => settings.file.path.split(/[\\/]/).pop() ?? 'config.yaml';
