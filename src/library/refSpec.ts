// A link named somewhere (front matter, body, raw page) before it is resolved.

/** How to resolve: every REF step (`any`), or only one of them (front matter objects, raw-page titles). */
export type RefMode = 'any' | 'title' | 'id' | 'path';

export interface RefSpec {
  ref: string;
  by: RefMode;
  /** Words the reader sees for it, when the source gives some. */
  label?: string;
}
