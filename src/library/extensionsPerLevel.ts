// marked's extensions, handed to it as one tokenizer (and one `start`) per level. marked calls
// every extension's tokenizer through a closure of its own, with an object made for the call, at
// every position of every block and of every inline text (and every `start` at every text token):
// with five extensions that was ~4 ms of lexing show's 250 KB article (CPU profile). The one
// tokenizer per level tries the same tokenizers in marked's order and gives the first token, and
// the one `start` gives the nearest start, so the tokens are the same.
import type { RendererExtension, TokenizerAndRendererExtension, TokenizerExtension, TokenizerExtensionFunction, TokenizerStartFunction } from 'marked';

const isTokenizer = (e: TokenizerAndRendererExtension): e is TokenizerExtension => 'tokenizer' in e;

function perLevel(name: string, level: 'block' | 'inline', extensions: readonly TokenizerExtension[]): TokenizerExtension | null {
  // marked puts each new tokenizer in front of those it has: the last registered is tried first.
  const tokenizers = extensions.filter((e) => e.level === level).map((e) => e.tokenizer).reverse();
  if (tokenizers.length === 0) return null;
  const tokenizer: TokenizerExtensionFunction = function (src, tokens) {
    for (const tokenize of tokenizers) {
      const token = tokenize.call(this, src, tokens);
      if (token) return token;
    }
    return undefined;
  };
  const starts = extensions.filter((e) => e.level === level && e.start).map((e) => e.start!);
  if (starts.length === 0) return { name, level, tokenizer };
  // marked takes the least of the starts that are numbers ≥ 0.
  const start: TokenizerStartFunction = function (src) {
    let nearest: number | undefined;
    for (const find of starts) {
      const at = find.call(this, src);
      if (typeof at === 'number' && at >= 0 && (nearest === undefined || at < nearest)) nearest = at;
    }
    return nearest;
  };
  return { name, level, tokenizer, start };
}

/** The same extensions for marked's `use`: their renderers by name, their tokenizers one per level. */
export function extensionsPerLevel(extensions: readonly TokenizerAndRendererExtension[]): TokenizerAndRendererExtension[] {
  const renderers: RendererExtension[] = extensions.filter((e): e is RendererExtension => 'renderer' in e).map((e) => ({ name: e.name, renderer: e.renderer }));
  const tokenizers = extensions.filter(isTokenizer);
  const levels = [perLevel('blockExtensions', 'block', tokenizers), perLevel('inlineExtensions', 'inline', tokenizers)];
  return [...renderers, ...levels.filter((e): e is TokenizerExtension => e !== null)];
}
