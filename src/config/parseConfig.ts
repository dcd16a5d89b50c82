// The config file's YAML as a plain tree that remembers each value's line, so every problem
// found later (an unknown command, a bad colour) can name the file and the line. This module
// knows YAML, not broadsheet's settings: settings.ts reads the tree.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export type ConfigNode =
  | { kind: 'scalar'; value: string | number | boolean | null; line: number }
  | { kind: 'list'; items: ConfigNode[]; line: number }
  | { kind: 'map'; entries: ConfigEntry[]; line: number };

export interface ConfigEntry {
  key: string;
  line: number;
  value: ConfigNode;
}

export type ParsedConfig = { root: ConfigEntry[]; problem: null } | { root: null; problem: { line: number; message: string } };

/** The top-level entries of a config file, or the first syntax problem (then none are used). */
export function parseConfig(text: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const error = doc.errors[0];
  if (error) return { root: null, problem: { line: lineOf(error.pos[0]), message: firstLine(error.message) } };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return { root: [], problem: null };
  const tree = toNode(contents, lineOf);
  if (tree.kind !== 'map') return { root: null, problem: { line: tree.line, message: 'the file should be a list of `name: value` settings' } };
  return { root: tree.entries, problem: null };
}

function toNode(node: unknown, lineOf: (offset: number | undefined) => number): ConfigNode {
  const line = lineOf((node as Node | null)?.range?.[0]);
  if (isMap(node)) {
    const entries: ConfigEntry[] = [];
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyLine = lineOf((pair.key as Node | null)?.range?.[0]);
      entries.push({ key, line: keyLine, value: pair.value === null ? { kind: 'scalar', value: null, line: keyLine } : toNode(pair.value, lineOf) });
    }
    return { kind: 'map', entries, line };
  }
  if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => toNode(item, lineOf)), line };
  if (isScalar(node)) {
    const value = node.value;
    return { kind: 'scalar', value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : value === null ? null : String(value), line };
  }
  return { kind: 'scalar', value: null, line };
}

const firstLine = (message: string) => message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
