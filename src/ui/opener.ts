// Opening an external link or an attachment outside the reader: the system opener (the `open`
// package, loaded only when first needed). It is handed the URL or the file's absolute path as
// one argument, never a shell command line. Only web and mail links are opened, no mail link
// that attaches files, and no file that would run as a program. An opener reports whether
// something took it; the reader shows the URL or path in the status line when nothing did (no
// xdg-open, no browser, tests).
import { statSync } from 'node:fs';
import path from 'node:path';

export type Opener = (urlOrPath: string) => Promise<boolean>;

const OPENABLE = /^(https?:\/\/|mailto:)/i;

/**
 * Parameters of a mailto: URL that some mail clients take as files to attach (Evolution and
 * KMail `attach=`, Thunderbird `attachment=`, others `file=`): a link in an article could mail
 * out `~/.ssh/id_rsa` with one keypress. Matched on the decoded query, by name, any case.
 */
const FILE_PARAMETER = /(?:^|[?&;])\s*(attach[a-z]*|files?)\s*=/i;

/** The file-attaching parameter a mailto: URL carries (`attach`, `attachment`…), or null. */
function fileParameter(url: string): string | null {
  if (!/^mailto:/i.test(url)) return null;
  const query = url.indexOf('?');
  if (query < 0) return null;
  let text = url.slice(query);
  try {
    text = decodeURIComponent(text);
  } catch {
    // A malformed escape: judge the text as written.
  }
  return FILE_PARAMETER.exec(text)?.[1].toLowerCase() ?? null;
}

export function isOpenable(url: string): boolean {
  return OPENABLE.test(url) && !/[\u0000-\u001f\u007f]/.test(url) && fileParameter(url) === null;
}

// Files an opener may run rather than show: a vault's attachment is for looking at.
const PROGRAM = /\.(?:desktop|exe|bat|cmd|com|command|sh|bash|zsh|ps1|app|appimage|jar|msi|scr|vbs|run|bin)$/i;

/** Why an attachment's file is not handed to the opener, or null when it may be. */
function fileRefusal(file: string): string | null {
  if (!path.isAbsolute(file) || /[\u0000-\u001f\u007f]/.test(file)) return 'not a plain file path';
  if (PROGRAM.test(file)) return 'a program, not a document';
  try {
    const st = statSync(file);
    if (!st.isFile()) return 'not a regular file';
    if ((st.mode & 0o111) !== 0) return 'an executable file';
  } catch {
    return 'the file is gone';
  }
  return null;
}

/** An attachment's absolute path the opener may be given. */
export function isOpenableFile(file: string): boolean {
  return fileRefusal(file) === null;
}

/** The message when an attachment was not opened: why, or else its path, to open by hand. */
export function unopenedFileMessage(file: string): string {
  const why = fileRefusal(file);
  return why ? `not opened: ${why} (${file})` : `no opener for this file; its path: ${file}`;
}

/** How long to wait for the opener to fail before taking its silence as success. */
const SETTLE_MS = 3000;

export const systemOpener: Opener = async (url) => {
  if (!isOpenable(url) && !isOpenableFile(url)) return false;
  try {
    const { default: open } = await import('open');
    const child = await open(url, { wait: false });
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(true), SETTLE_MS);
      timer.unref();
      child.once('error', () => {
        clearTimeout(timer);
        resolve(false);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    });
  } catch {
    return false;
  }
};

/** The message when a link was not opened: why it was refused, or else the URL itself, to copy. */
export function unopenedMessage(url: string): string {
  const parameter = fileParameter(url);
  if (parameter !== null) return `not opened: a mail link that attaches a file (${parameter}=)`;
  return `no opener for this link; its address: ${url}`;
}
