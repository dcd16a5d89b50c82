// What the renderer hands to the reader and to `show`: lines at a width, and where
// every link and heading sits in them, so the reader can focus, highlight and jump.
import type { LinkTarget } from '../library/types.js';
import type { Theme } from './theme.js';
import type { Role } from './styles.js';

/** The theme roles of highlighted code's tokens. */
export type SyntaxRole = Extract<Role, `syntax${string}`>;

/** A run of highlighted code: its text, and its token's role (null: plain code). */
export interface CodeRun {
  text: string;
  role: SyntaxRole | null;
}

/**
 * Highlights a code block: one list of runs per line (line i's runs joined are the code's line
 * i), or null when the language is not known (the block stays plain).
 */
export type CodeHighlighter = (code: string, language: string) => CodeRun[][] | null;

export interface RenderOptions {
  /** Columns; every returned line is at most this wide (visible columns). */
  width: number;
  /** Emit SGR styling; false gives plain text. */
  color: boolean;
  /** The colours of each role (default: the dark theme). */
  theme?: Theme;
  /** Highlights fenced code with a language (with colour on); none: code is plain. */
  highlight?: CodeHighlighter;
  /** External http(s)/mailto links as terminal hyperlinks (OSC 8), the label shown instead of the URL. */
  hyperlinks?: boolean;
}

/** A run of columns on one line: [start, end) in visible columns. */
export interface LineSpan {
  line: number;
  start: number;
  end: number;
}

export interface RenderedLink {
  /** Position in reading order, 0-based; Tab walks links in this order. */
  index: number;
  /** The visible label as shown (without the `[n]` number). */
  label: string;
  target: LinkTarget;
  /** Related-reading number (1-based) when this link is a related-reading link. */
  number?: number;
  /** Where 'related' / 'previous' / 'next' footer links and in-body links come from. */
  role: 'body' | 'related' | 'previous' | 'next';
  /** One span per line the label occupies (a label can wrap). spans[0] is where it starts. */
  spans: LineSpan[];
}

export interface RenderedHeading {
  text: string;
  level: number;
  /** Line the heading starts on. */
  line: number;
  /** GitHub-style slug, for `REF#Heading` targets. */
  slug: string;
}

/** A block named by a `^id` marker at its end (Obsidian's block references `[[note#^id]]`). */
export interface RenderedBlock {
  /** The id without its `^`. */
  id: string;
  /** Line the block starts on. */
  line: number;
}

/** Where a top-level block of the body starts on screen, and on which line of its file. */
export interface SourceLine {
  /** Rendered line. */
  line: number;
  /** The file's line, 1-based. */
  source: number;
}

export interface RenderedArticle {
  /** Lines with styling (when color is on); visible width ≤ options.width. */
  lines: string[];
  /** The same lines without any styling, for search. */
  plainLines: string[];
  links: RenderedLink[];
  headings: RenderedHeading[];
  /** Blocks with a `^id` marker (the marker is not shown), in reading order. */
  blocks: RenderedBlock[];
  /** True when fenced code with a language was laid out plain for want of a highlighter (give one and lay it out again). */
  plainCode?: boolean;
  width: number;
  /** Top-level blocks' first lines and their lines in the file (Markdown only), in order: what `e` opens the editor at. */
  sourceLines?: SourceLine[];
}
