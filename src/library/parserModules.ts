// The parsers a file is read with: gray-matter (which brings js-yaml), yaml and marked. Their
// evaluation costs ~40 ms, so this module is imported only by loadParsers() (parsers.ts), when
// some file must be parsed; a warm start reads metadata from the cache and never loads it.
import matter from 'gray-matter';
import YAML from 'yaml';
import { Lexer, Marked } from 'marked';

export const parsers = { matter, YAML, Lexer, Marked };
export type Parsers = typeof parsers;
