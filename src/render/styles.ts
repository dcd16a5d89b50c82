// Styles are small integers, not SGR strings, so fragments compare and merge them cheaply
// and SGR is written once per style change at emit time: a bit set of attributes (bold,
// underline…: what a thing *is*) plus a role (bits 8..15: which part of the article it is).
// The theme gives each role its colours when the lines are emitted (theme.ts), so layout never
// knows about colours and one layout code path serves every theme. STYLE keeps every look in
// one place.
import type { LinkTarget } from '../library/types.js';

export const BOLD = 1;
export const DIM = 2;
export const ITALIC = 4;
export const UNDERLINE = 8;
export const STRIKE = 16;
export const INVERSE = 32;
export const FLAG_MASK = 0xff;
const ROLE_MASK = 0xff00;

/** The parts of an article a theme colours (syntax roles are highlighted code's tokens). */
export const ROLES = [
  'none',
  'title',
  'meta',
  'h1',
  'h2',
  'h3',
  'h4',
  'rule',
  'code',
  'codeMarker',
  'quote',
  'html',
  'image',
  'listMarker',
  'link',
  'externalLink',
  'unresolved',
  'urlSuffix',
  'relatedNumber',
  'highlight',
  'callout',
  'footnote',
  'statusLine',
  'syntaxKeyword',
  'syntaxString',
  'syntaxNumber',
  'syntaxComment',
  'syntaxTitle',
  'syntaxType',
  'syntaxLiteral',
  'syntaxBuiltin',
  'syntaxMeta',
  'syntaxAttr',
  'syntaxVariable',
  'syntaxRegexp',
  'syntaxDeletion',
  'syntaxAddition',
] as const;
export type Role = (typeof ROLES)[number];

const ROLE_INDEX = new Map<Role, number>(ROLES.map((role, i) => [role, i]));

/** The style of a role, with attributes. */
export function roleStyle(role: Role, flags = 0): number {
  return (ROLE_INDEX.get(role)! << 8) | flags;
}

export function roleOf(style: number): Role {
  return ROLES[(style & ROLE_MASK) >> 8] ?? 'none';
}

/** Combine two styles: attributes OR-ed, the inner role wins. */
export function mergeStyle(outer: number, inner: number): number {
  const role = inner & ROLE_MASK ? inner & ROLE_MASK : outer & ROLE_MASK;
  return ((outer | inner) & FLAG_MASK) | role;
}

export const STYLE = {
  title: roleStyle('title', BOLD),
  meta: roleStyle('meta'),
  h1: roleStyle('h1', BOLD | UNDERLINE),
  h2: roleStyle('h2', BOLD),
  h3: roleStyle('h3', BOLD),
  h4: roleStyle('h4', BOLD),
  rule: roleStyle('rule'),
  strong: BOLD,
  em: ITALIC,
  del: STRIKE | DIM,
  code: roleStyle('code'),
  codeMarker: roleStyle('codeMarker'),
  quoteBar: roleStyle('quote'),
  html: roleStyle('html'),
  image: roleStyle('image'),
  listMarker: roleStyle('listMarker'),
  linkArticle: roleStyle('link', UNDERLINE),
  linkExternal: roleStyle('externalLink', UNDERLINE),
  linkUnresolved: roleStyle('unresolved'),
  urlSuffix: roleStyle('urlSuffix'),
  unresolvedSuffix: roleStyle('unresolved'),
  relatedNumber: roleStyle('relatedNumber', BOLD),
  /** `==text==`: as a highlighter pen (the theme gives the ink and the paper). */
  highlight: roleStyle('highlight'),
  calloutTitle: roleStyle('callout', BOLD),
  calloutBar: roleStyle('callout'),
  footnoteMarker: roleStyle('footnote'),
  notesHeading: roleStyle('h2', BOLD),
} as const;

export function headingStyle(level: number): number {
  return level === 1 ? STYLE.h1 : level === 2 ? STYLE.h2 : level === 3 ? STYLE.h3 : STYLE.h4;
}

export function linkStyle(t: LinkTarget): number {
  if (t.kind === 'article') return STYLE.linkArticle;
  if (t.kind === 'external' || t.kind === 'attachment') return STYLE.linkExternal;
  return STYLE.linkUnresolved;
}
