// `import FEED --out DIR` against a loopback site written for this project: an RSS feed, an Atom
// feed and a JSON Feed, the pages they link to, a page that 404s, a slow host, a host that
// answers 429 with Retry-After, and a broken feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLibrary, runCli } from '../helpers/runCli.js';
import { articlePage, send, startSite, type LoopbackSite } from '../helpers/loopbackSite.js';

let site: LoopbackSite;
let slow: LoopbackSite;
const HTML = 'text/html; charset=utf-8';

const rss = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Weekly</title><link>${base}/</link><description>News from the quay</description>
<item><title>Ferry timetable changes</title><link>${base}/news/ferry-timetable</link><guid isPermaLink="false">hw-101</guid>
<pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate><dc:creator>Mara Quill</dc:creator><category>Transport</category><category>Ferries</category>
<description>The ferry moves to a summer timetable.</description></item>
<item><title>Fish market roof repaired</title><link>${base}/news/market-roof</link><guid isPermaLink="false">hw-100</guid>
<pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate><category>Market</category>
<description>Short summary only.</description></item>
<item><title>Lighthouse open day</title><link>${base}/news/lighthouse-gone</link><guid isPermaLink="false">hw-102</guid>
<pubDate>Wed, 04 Jun 2025 08:00:00 GMT</pubDate><category>Events</category>
<content:encoded><![CDATA[<p>The lighthouse keepers open the tower on Saturday; the feed carries the whole notice, with the times of the tours and the route up the cliff path.</p>]]></content:encoded></item>
</channel></rss>`;

const atom = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Tide Tables Journal</title><id>urn:tides</id><updated>2025-06-05T00:00:00Z</updated>
<entry><title>Spring tides this week</title><id>urn:tides:1</id><link rel="alternate" href="${base}/tides/spring"/>
<published>2025-06-01T06:00:00Z</published><updated>2025-06-01T06:00:00Z</updated><author><name>Oren Sall</name></author><category term="tides"/>
<summary>Very high water.</summary></entry>
<entry><title>Neap tides next week</title><id>urn:tides:2</id><link rel="alternate" href="${base}/tides/neap"/>
<published>2025-06-08T06:00:00Z</published><updated>2025-06-08T06:00:00Z</updated><category term="tides"/><summary>Low range.</summary></entry>
</feed>`;

const jsonFeed = (base: string) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Quayside Notes',
    home_page_url: `${base}/`,
    items: [
      { id: 'q-1', url: `${base}/notes/nets`, title: 'Mending nets', date_published: '2025-05-20T10:00:00Z', tags: ['craft'], content_text: 'How nets are mended.' },
      { id: 'q-2', url: `${base}/notes/boats`, title: 'Painting boats', date_published: '2025-05-21T10:00:00Z', tags: ['craft', 'boats'], authors: [{ name: 'Ines Port' }] },
    ],
  });

before(async () => {
  site = await startSite();
  slow = await startSite();
  const b = site.base;
  site.route('/feeds/weekly.xml', send(rss(b), 'application/rss+xml'));
  site.route('/feeds/tides.atom', send(atom(b), 'application/atom+xml'));
  site.route('/feeds/notes.json', send(jsonFeed(b), 'application/feed+json'));
  site.route('/feeds/broken.xml', send('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ch', 'application/rss+xml'));
  site.route('/news/ferry-timetable', send(articlePage('Ferry timetable changes', ['From Monday the first ferry leaves at six, and the last one returns at eleven, every day of the summer.', 'The crews asked for the change after the spring crowds.']), HTML));
  site.route('/news/market-roof', send(articlePage('Fish market roof repaired', ['The roof of the fish market was mended over the weekend; the stalls open again on Tuesday morning.']), HTML));
  site.route('/tides/spring', send(articlePage('Spring tides this week', ['The water will reach the top step of the quay on Thursday evening; park away from the slipway.']), HTML));
  site.route('/tides/neap', send(articlePage('Neap tides next week', ['A quiet week on the water, with the smallest range of the month.']), HTML));
  site.route('/notes/nets', send(articlePage('Mending nets', ['Mending a net takes a needle, twine and a long afternoon on the harbour wall.']), HTML));
  site.route('/notes/boats', send(articlePage('Painting boats', ['Boats are painted in May, before the season, in the colours their families always used.']), HTML));
});

after(async () => {
  await site.close();
  await slow.close();
});

async function listOf(out: string) {
  const result = await runCli(['list', out, '--json']);
  return JSON.parse(result.stdout) as Array<{ id: string; title: string; section: string[]; date: string | null; author: string | null; previous: { id: string | null } | null; next: { id: string | null } | null }>;
}

test('a feed becomes one article per item, chained by date, with section, tags and author; a second run imports nothing new and says so', async () => {
  const out = makeLibrary({});
  const first = await runCli(['import', `${site.base}/feeds/weekly.xml`, '--out', out]);
  assert.equal(first.code, 0, "a page that 404s is not a failed item when its feed carries the text");
  assert.match(first.stdout, /imported 3 of 3 from 1 feed, 1 from the feed's own text/);
  assert.match(first.stderr, /lighthouse-gone[^\n]*404[^\n]*feed's own text is imported instead/);

  const list = await listOf(out);
  const byTitle = new Map(list.map((item) => [item.title, item]));
  const roof = byTitle.get('Fish market roof repaired')!;
  const ferry = byTitle.get('Ferry timetable changes')!;
  const lighthouse = byTitle.get('Lighthouse open day')!;
  assert.ok(roof && ferry && lighthouse, JSON.stringify(list.map((item) => item.title)));
  for (const item of [roof, ferry, lighthouse]) assert.deepEqual(item.section, ['Harbour Weekly']);
  assert.equal(ferry.author, 'Mara Quill');
  assert.equal(ferry.date, '2025-06-03T08:00:00Z');
  // Oldest first: roof (2 June) → ferry (3 June) → lighthouse (4 June).
  assert.equal(roof.previous, null);
  assert.equal(roof.next?.id, ferry.id);
  assert.equal(ferry.previous?.id, roof.id);
  assert.equal(ferry.next?.id, lighthouse.id);
  assert.equal(lighthouse.previous?.id, ferry.id);

  const ferryFile = readFileSync(join(out, `${ferry.id}.md`), 'utf8');
  assert.match(ferryFile, /tags:\n {2}- Transport\n {2}- Ferries/);
  assert.match(ferryFile, /first ferry leaves at six/, 'the page, not the feed summary');
  assert.doesNotMatch(ferryFile, /subscribe/);
  const lighthouseFile = readFileSync(join(out, `${lighthouse.id}.md`), 'utf8');
  assert.match(lighthouseFile, /cliff path/, "the 404's item falls back to the feed's content");
  assert.ok(site.log.some((entry) => entry.userAgent?.startsWith('broadsheet/')), 'a clear user agent');

  const requestsBefore = site.log.length;
  const second = await runCli(['import', `${site.base}/feeds/weekly.xml`, '--out', out]);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /nothing new from 1 feed: 3 already imported/);
  assert.deepEqual(site.log.slice(requestsBefore).map((entry) => entry.path), ['/feeds/weekly.xml'], 'only the feed is fetched again');
  assert.equal(readdirSync(out).filter((name) => name.endsWith('.md')).length, 3);

  // --force imports the known items again, into the files they became.
  const forced = await runCli(['import', `${site.base}/feeds/weekly.xml`, '--out', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /imported 3 of 3 from 1 feed/);
  assert.deepEqual(readdirSync(out).filter((name) => name.endsWith('.md')).sort(), [ferry, lighthouse, roof].map((item) => `${item.id}.md`).sort());
});

test('Atom and JSON Feed items import with their feeds as sections; --since and --limit choose among them', async () => {
  const out = makeLibrary({});
  const result = await runCli(['import', `${site.base}/feeds/tides.atom`, `${site.base}/feeds/notes.json`, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /imported 4 of 4 from 2 feeds/);
  const list = await listOf(out);
  const spring = list.find((item) => item.title === 'Spring tides this week')!;
  const neap = list.find((item) => item.title === 'Neap tides next week')!;
  const boats = list.find((item) => item.title === 'Painting boats')!;
  assert.deepEqual(spring.section, ['Tide Tables Journal']);
  assert.equal(spring.author, 'Oren Sall');
  assert.equal(spring.next?.id, neap.id);
  assert.deepEqual(boats.section, ['Quayside Notes']);
  assert.equal(boats.author, 'Ines Port');
  assert.match(readFileSync(join(out, `${boats.id}.md`), 'utf8'), /tags:\n {2}- craft\n {2}- boats/);

  const limited = makeLibrary({});
  const some = await runCli(['import', `${site.base}/feeds/tides.atom`, `${site.base}/feeds/notes.json`, '--since', '2025-05-21', '--limit', '1', '--out', limited]);
  assert.equal(some.code, 0, some.stderr);
  const titles = (await listOf(limited)).map((item) => item.title).sort();
  assert.deepEqual(titles, ['Neap tides next week', 'Painting boats'], 'the newest one of each feed, none before 21 May');
});

test('a bad feed is one line and exit 1; nothing is written', async () => {
  const out = makeLibrary({});
  const result = await runCli(['import', `${site.base}/feeds/broken.xml`, '--out', out]);
  assert.equal(result.code, 1);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0], /^broadsheet: import http:\/\/127\.0\.0\.1:\d+\/feeds\/broken\.xml: not a feed/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.deepEqual(readdirSync(out), []);
});

test('a slow host does not hold back the others, and a 429 with Retry-After is waited out', { timeout: 30_000 }, async () => {
  const fast = await startSite();
  let fastServed = 0;
  let releaseSlow: () => void = () => {};
  const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
  const fastPages = 6;
  let asked429 = 0;
  const items: string[] = [];
  for (let i = 0; i < fastPages; i++) {
    fast.route(`/p/${i}`, (_request, response) => {
      fastServed += 1;
      if (fastServed === fastPages) releaseSlow();
      send(articlePage(`Quick note ${i}`, [`Quick note number ${i} from the fast host, about the morning catch and the price of cod.`]), HTML)(_request, response);
    });
    items.push(`<item><title>Quick note ${i}</title><link>${fast.base}/p/${i}</link><guid>f-${i}</guid></item>`);
  }
  let slowInFlight = 0;
  let slowMostAtOnce = 0;
  for (let i = 0; i < 4; i++) {
    slow.route(`/s/${i}`, async (_request, response) => {
      slowMostAtOnce = Math.max(slowMostAtOnce, ++slowInFlight);
      // Held until every fast page has been served: if the slow host held the others back, this never ends.
      await slowReleased;
      slowInFlight -= 1;
      send(articlePage(`Slow story ${i}`, [`A slow story number ${i}, from a host that takes its time to answer anyone.`]), HTML)(_request, response);
    });
    items.push(`<item><title>Slow story ${i}</title><link>${slow.base}/s/${i}</link><guid>s-${i}</guid></item>`);
  }
  fast.route('/busy', (request, response) => {
    asked429 += 1;
    if (asked429 === 1) return send('slow down', 'text/plain', 429, { 'retry-after': '1' })(request, response);
    send(articlePage('Busy page', ['This page was busy the first time it was asked for, and answered the second time.']), HTML)(request, response);
  });
  items.push(`<item><title>Busy page</title><link>${fast.base}/busy</link><guid>b-1</guid></item>`);
  fast.route('/feed.xml', send(`<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed hosts</title>${items.join('')}</channel></rss>`, 'application/rss+xml'));

  const out = makeLibrary({});
  try {
    const result = await runCli(['import', `${fast.base}/feed.xml`, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /imported 11 of 11 from 1 feed/);
    assert.equal(slowMostAtOnce, 2, 'at most two requests at once to one host');
    const busy = fast.log.filter((entry) => entry.path === '/busy');
    assert.equal(busy.length, 2, 'asked again after the 429');
    assert.ok(busy[1].at - busy[0].at >= 950, `waited out Retry-After: ${busy[1].at - busy[0].at} ms`);
  } finally {
    releaseSlow();
    await fast.close();
  }
});
