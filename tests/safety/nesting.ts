// How deep a lexed body or a parsed page nests, measured with explicit stacks (the depths
// under test may be far past what recursion can walk): the one measure the deep-page tests
// and the nesting property assert on.

/** How deep tokens nest (lists, items, quotes, emphasis, links). */
export function tokenDepth(tokens: unknown[] | undefined): number {
  let deepest = 0;
  const stack: [unknown[], number][] = tokens ? [[tokens, 1]] : [];
  while (stack.length) {
    const [list, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const t of list as { tokens?: unknown[]; items?: unknown[] }[]) {
      if (t.tokens) stack.push([t.tokens, depth + 1]);
      if (t.items) stack.push([t.items, depth + 1]);
    }
  }
  return deepest;
}

/** The deepest element below <html>, and the number of elements and of links. */
export function domBounds(doc: Document): { depth: number; elements: number; links: number } {
  let depth = 0;
  const stack: [Element, number][] = [[doc.documentElement, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    depth = Math.max(depth, d);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return { depth, elements: doc.querySelectorAll('*').length, links: doc.querySelectorAll('a[href]').length };
}
