// Heading slugs by GitHub's rules, as github-slugger implements them (lower case, punctuation
// and symbols dropped, each space a hyphen; a repeated slug gets `-1`, `-2`, …), so a
// `REF#Heading` written for GitHub finds the heading, and the contents list and a `#slug`
// link agree on it.
import GithubSlugger, { slug } from 'github-slugger';

/** The slug of one heading's text, without regard to other headings. */
export function headingSlug(text: string): string {
  return slug(text);
}

/** Slugs for one article's headings in order: a repeated slug gets `-1`, `-2`, … as on GitHub. */
export function createSlugger(): (headingText: string) => string {
  const slugger = new GithubSlugger();
  return (headingText) => slugger.slug(headingText);
}
