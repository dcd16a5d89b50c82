// marked-terminal ships no types and @types/marked-terminal drags in an old marked. Only the
// tests use it (the reference renderer in tests/render/markedTerminalReference.ts).
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): MarkedExtension;
  const TerminalRenderer: unknown;
  export default TerminalRenderer;
}
