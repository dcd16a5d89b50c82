// Opening an external link outside the reader: the system opener (the `open` package, loaded
// only when first needed). It is handed the URL as one argument, never a shell command line.
// Only web and mail links are opened. An opener reports whether something took the link; the
// reader shows the URL in the status line when nothing did (no xdg-open, no browser, tests).
export type Opener = (url: string) => Promise<boolean>;

const OPENABLE = /^(https?:\/\/|mailto:)/i;

export function isOpenable(url: string): boolean {
  return OPENABLE.test(url) && !/[\u0000-\u001f\u007f]/.test(url);
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

/** The message when nothing could open a link: the URL itself, to copy. */
export function unopenedMessage(url: string): string {
  return `no opener for this link; its address: ${url}`;
}
