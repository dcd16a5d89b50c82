// Syntax highlighting of fenced code, over lowlight (highlight.js 11's grammars, as a tree of
// classed spans). Reached only through startup.ts's loadHighlighter: the grammars are a chunk of
// their own, loaded when an article has a block with a language, after the first frame. The
// renderer takes the function this makes as an option, so it stays pure and testable without it.
import { common, createLowlight } from 'lowlight';
import type { CodeHighlighter, CodeRun, SyntaxRole } from './types.js';

/** highlight.js's scopes (`hljs-` classes) to the theme's syntax roles; the rest stay plain code. */
const SCOPE_ROLES: Record<string, SyntaxRole> = {
  keyword: 'syntaxKeyword',
  'selector-tag': 'syntaxKeyword',
  doctag: 'syntaxKeyword',
  built_in: 'syntaxBuiltin',
  type: 'syntaxType',
  class: 'syntaxType',
  literal: 'syntaxLiteral',
  symbol: 'syntaxLiteral',
  bullet: 'syntaxLiteral',
  number: 'syntaxNumber',
  string: 'syntaxString',
  char: 'syntaxString',
  'template-tag': 'syntaxString',
  regexp: 'syntaxRegexp',
  comment: 'syntaxComment',
  quote: 'syntaxComment',
  title: 'syntaxTitle',
  section: 'syntaxTitle',
  name: 'syntaxTitle',
  'selector-id': 'syntaxTitle',
  'selector-class': 'syntaxTitle',
  meta: 'syntaxMeta',
  attr: 'syntaxAttr',
  attribute: 'syntaxAttr',
  property: 'syntaxAttr',
  variable: 'syntaxVariable',
  'template-variable': 'syntaxVariable',
  params: 'syntaxVariable',
  subst: 'syntaxVariable',
  deletion: 'syntaxDeletion',
  addition: 'syntaxAddition',
};

interface HastNode {
  type: string;
  value?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

function roleOfClasses(classes: unknown, outer: SyntaxRole | null): SyntaxRole | null {
  if (!Array.isArray(classes)) return outer;
  for (const name of classes) {
    // `hljs-title function_` and `hljs-meta keyword` name the scope first.
    const scope = typeof name === 'string' && name.startsWith('hljs-') ? name.slice(5) : null;
    if (scope && SCOPE_ROLES[scope]) return SCOPE_ROLES[scope];
  }
  return outer;
}

function collect(node: HastNode, role: SyntaxRole | null, out: CodeRun[]): void {
  if (node.type === 'text') {
    if (node.value) out.push({ text: node.value, role });
    return;
  }
  const inner = node.type === 'element' ? roleOfClasses(node.properties?.className, role) : role;
  for (const child of node.children ?? []) collect(child, inner, out);
}

/** Runs split at newlines: one list of runs per line of the code. */
function toLines(runs: CodeRun[]): CodeRun[][] {
  const lines: CodeRun[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1].push({ text: part, role: run.role });
    });
  }
  return lines;
}

/** Languages longer than this are not a language name. */
const MAX_LANGUAGE = 40;

/**
 * A highlighter over highlight.js's common grammars (about 35 languages: shell, JavaScript,
 * TypeScript, Python, Go, Rust, C, Java, JSON, YAML, SQL, HTML, CSS, diff…). Unknown languages
 * give null (the block stays plain). highlight.js reports some things on the console; nothing of
 * it may reach the reader's screen, so the console is silent while it works.
 */
export function createCodeHighlighter(): CodeHighlighter {
  const lowlight = createLowlight(common);
  return (code, language) => {
    const name = language.trim().toLowerCase();
    if (name === '' || name.length > MAX_LANGUAGE || !lowlight.registered(name)) return null;
    const { log, warn, error } = console;
    console.log = console.warn = console.error = () => undefined;
    try {
      const runs: CodeRun[] = [];
      collect(lowlight.highlight(name, code) as HastNode, null, runs);
      return toLines(runs);
    } catch {
      return null;
    } finally {
      Object.assign(console, { log, warn, error });
    }
  };
}
