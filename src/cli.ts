// Entry point: parse the command line, pick a command, turn every failure into one line.
// Ink, the renderer, the parsers and `import` are loaded lazily, so `list` never loads Ink.
import { fileURLToPath } from 'node:url';
import { parseCommandLine, UsageError, type CommandLine } from './commands/parseCommandLine.js';
import { USAGE, USAGE_HINT } from './commands/usageText.js';
import { chooseColor, chooseHyperlinks, chooseWidth, isDumbTerminal } from './commands/outputOptions.js';
import { sanitizeLine } from './text/sanitize.js';
import { CommandError } from './commands/commandError.js';
import packageJson from '../package.json' with { type: 'json' };
// The reader and `list` are the hot paths: bundled with the entry, so starting them fetches
// one file instead of a dozen shared chunks. The rest is loaded when asked for.
import { listCommand } from './commands/listCommand.js';
import { readCommand } from './commands/readCommand.js';
import { checkCommand } from './commands/checkCommand.js';
import { showCommand } from './commands/showCommand.js';
import { configCommand } from './commands/configCommand.js';
import { tierForShortRun } from './commands/shortRunTiering.js';
import { loadSettings, startSettings, type SettingsLoad } from './startup.js';
import type { SettingFlags, Settings } from './config/settings.js';

/** The guide that ships with the package, opened when no PATH is given. */
export const BUNDLED_ARTICLES = fileURLToPath(new URL('../articles', import.meta.url));


async function main(argv: string[]): Promise<number> {
  const commandLine = parseCommandLine(argv);
  const { stdout, env } = process;
  const color = chooseColor(commandLine.color, stdout, env);
  const paths = commandLine.paths.length > 0 ? commandLine.paths : [BUNDLED_ARTICLES];
  const flags: SettingFlags = { theme: commandLine.theme, width: commandLine.width, mouse: commandLine.mouse, hyperlinks: commandLine.hyperlinks, watch: commandLine.watch };
  // The config file matters to the reader and `show`; the other commands never read it. The
  // reader may paint its first frame before the file is parsed (startup.ts says when).
  const settingsLoad = commandLine.command === 'read' ? startSettings(flags) : null;
  const settings = commandLine.command === 'show' || commandLine.command === 'config' ? await loadSettings(flags) : null;
  const width = chooseWidth(commandLine.width, stdout, settings?.width.value ?? undefined);

  switch (commandLine.command) {
    case 'help':
      stdout.write(USAGE);
      return 0;
    case 'version':
      stdout.write(`${packageJson.version}\n`);
      return 0;
    case 'list': {
      return listCommand({ paths, json: commandLine.json, width, color, out: stdout });
    }
    case 'check': {
      return checkCommand({ paths, json: commandLine.json, color, out: stdout });
    }
    case 'show': {
      tierForShortRun();
      reportConfigProblems(settings!);
      return showCommand({ ref: commandLine.ref!, paths: commandLine.paths, defaultPaths: [BUNDLED_ARTICLES], width, color, theme: settings!.look, hyperlinks: chooseHyperlinks(settings!.hyperlinks.value, stdout), out: stdout });
    }
    case 'config':
      return configCommand({ settings: settings!, out: stdout });
    case 'import': {
      // Not bundled with the entry: it loads node:crypto (temporary names), which costs every
      // other command's start-up ~5 ms.
      const { importCommand } = await import('./commands/importCommand.js');
      return importCommand({ sources: commandLine.paths, outDir: commandLine.out!, force: commandLine.force, since: commandLine.since, limit: commandLine.limit, out: stdout, err: process.stderr });
    }
    case 'read':
      return read(commandLine, paths, color, settingsLoad!);
  }
}

/** Outside the reader, each config problem is one line on stderr (the reader shows the first in its status line). */
function reportConfigProblems(settings: Settings): void {
  for (const problem of settings.problems) process.stderr.write(`broadsheet: config: ${sanitizeLine(problem)}\n`);
}

async function read(commandLine: CommandLine, paths: string[], color: boolean, settingsLoad: SettingsLoad): Promise<number> {
  if (process.stdout.isTTY && !isDumbTerminal(process.env)) return readCommand({ paths, open: commandLine.open, color, settings: settingsLoad });
  const settings = await settingsLoad.loading;
  const width = chooseWidth(commandLine.width, process.stdout, settings.width.value ?? undefined);
  // Not on a terminal: behave like `list` so `broadsheet PATH | less` is useful (SPEC §2).
  if (!process.stdout.isTTY) {
    return listCommand({ paths, json: false, width, color, out: process.stdout });
  }
  // A dumb terminal cannot redraw a screen in place: reprinting a whole screen per key would bury
  // the scroll-back in copies. It gets the line output `list` and `show` already give a pipe.
  if (isDumbTerminal(process.env)) {
    const open = commandLine.open;
    process.stderr.write(`broadsheet: TERM=dumb cannot show the reader; ${open === undefined ? 'the list follows (read one with `broadsheet show REF`)' : 'the article follows'}\n`);
    if (open !== undefined) return showCommand({ ref: open, paths: commandLine.paths, defaultPaths: [BUNDLED_ARTICLES], width, color, theme: settings.look, hyperlinks: chooseHyperlinks(settings.hyperlinks.value, process.stdout), out: process.stdout });
  }
  return listCommand({ paths, json: false, width, color, out: process.stdout });
}

function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`broadsheet: ${sanitizeLine(error.message)}\n${USAGE_HINT}\n`);
    return 2;
  }
  if (error instanceof CommandError) {
    process.stderr.write(`broadsheet: ${sanitizeLine(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`broadsheet: unexpected error: ${sanitizeLine(message)}\n`);
  if (process.env.BROADSHEET_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.exitCode = reportFailure(error);
  },
);
