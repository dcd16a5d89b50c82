// The seed page and a page of our own in its byte shape.
//
// The seed (../shared/seeds) is not this project's text: it is never copied into the repository,
// and a clone without ../shared skips only the tests of the seed's own facts (SEED_SKIP says so).
// Every rule the seed exercises is tested on SEED_SHAPED_PAGE instead, written for the project in
// the seed's exact shape: breadcrumb glued to the title on line 1, the title repeated, two blank
// lines, `→ READ.` openers bare and with curly quotes, `Read:` followed by NBSP and a space,
// curly apostrophes, one-line headings, `Previous article`/`Next article` glued to their titles on
// the last two lines, and no final newline.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_DIR = join(REPO_ROOT, '..', 'shared', 'seeds');
export const SEED_PAGE = join(SEED_DIR, '000_1263624f1fdc6d8b.txt');
/** For `test(name, { skip: SEED_SKIP }, ...)`: false when the seed is there, else why the test is skipped. */
export const SEED_SKIP: false | string = existsSync(SEED_PAGE) ? false : `a test of the seed page itself, and ${SEED_PAGE} is not beside this clone`;

const NBSP = '\u00a0';

export const SEED_SHAPED_PAGE = [
  'Home Coast Harbour The harbour wall is rebuilt stone by stone',
  '',
  'The harbour wall is rebuilt stone by stone',
  '',
  '',
  'Masons have worked through the winter on the old wall at Porthkell. The work, paid for by the town and the fishing cooperative, should end in May “if the weather holds”, the foreman says.',
  '',
  '→ READ. Gulls return to the quay after a quiet year',
  '',
  'Stone by stone',
  '',
  'Each block is lifted out, numbered and set back in lime mortar. The oldest were cut in 1790; a few still carry the marks of the men who cut them.',
  '',
  '→ READ. “The lighthouse keeper’s last winter”',
  '',
  `Read:${NBSP} What the tide leaves behind: a week on the mudflats`,
  '',
  'Who pays for the work',
  '',
  'The bill is 1.2 million pounds. The cooperative’s share comes from a levy on every box of fish landed at the quay.',
  '',
  `Read:${NBSP} Lamps are lit again on the pier`,
  '',
  'Previous articleA new ferry timetable for the islands',
  'Next articleThe fish market moves indoors',
].join('\n');

/** What the library must make of SEED_SHAPED_PAGE (the seed's facts have the same form). */
export const SEED_SHAPED_FACTS = {
  title: 'The harbour wall is rebuilt stone by stone',
  section: ['Coast', 'Harbour'],
  headings: ['Stone by stone', 'Who pays for the work'],
  /** Related titles in body order, enclosing quotes stripped. */
  related: [
    'Gulls return to the quay after a quiet year',
    'The lighthouse keeper’s last winter',
    'What the tide leaves behind: a week on the mudflats',
    'Lamps are lit again on the pier',
  ],
  previous: 'A new ferry timetable for the islands',
  next: 'The fish market moves indoors',
};
