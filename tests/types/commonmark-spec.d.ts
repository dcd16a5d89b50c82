// commonmark-spec ships no types: its examples, as index.js extracts them from spec.txt.
declare module 'commonmark-spec' {
  export interface Example {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const text: string;
  export const tests: Example[];
}
