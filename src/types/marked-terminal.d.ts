// marked-terminal ships no types and @types/marked-terminal drags in an old marked.
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): MarkedExtension;
  const TerminalRenderer: unknown;
  export default TerminalRenderer;
}
