// Opening an external link outside the reader: the system opener (the `open` package, loaded
// only when first needed). It is handed the URL as one argument, never a shell command line.
// Only web and mail links are opened, and no mail link that attaches files. An opener reports whether something took the link; the
// reader shows the URL in the status line when nothing did (no xdg-open, no browser, tests).
export type Opener = (url: string) => Promise<boolean>;

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

/** How long to wait for the opener to fail before taking its silence as success. */
const SETTLE_MS = 3000;

export const systemOpener: Opener = async (url) => {
  if (!isOpenable(url)) return false;
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
