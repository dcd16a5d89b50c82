// GitHub-style heading slugs, so `REF#Heading` targets written for GitHub find our headings.

function slugBase(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Slugs for one article's headings in order: a repeated slug gets `-1`, `-2`, … as on GitHub. */
export function createSlugger(): (headingText: string) => string {
  const seenCount = new Map<string, number>();
  return (headingText) => {
    const base = slugBase(headingText);
    const seen = seenCount.get(base);
    seenCount.set(base, (seen ?? -1) + 1);
    return seen === undefined ? base : `${base}-${seen + 1}`;
  };
}
