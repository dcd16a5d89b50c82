// Read-later exports, bookmarks, OPML and URL lists written for this project
// (tests/fixtures/sources), imported against a loopback site. The files are copied under
// names that say nothing of their format: import tells them apart by their content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLibrary, REPO_ROOT, runCli } from '../helpers/runCli.js';
import { hermeticEnv } from '../helpers/hermeticEnv.js';
import { articlePage, send, startSite, type LoopbackSite } from '../helpers/loopbackSite.js';

let site: LoopbackSite;
let sources = '';
const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'sources');
const HTML = 'text/html; charset=utf-8';

const pages: Record<string, string> = {
  knots: 'Rope, knots and splices',
  lights: 'Harbour lights at dusk',
  gulls: 'Why gulls follow the boats',
  weather: 'Reading the weather from the pier',
  tar: 'Tar and pitch',
  buoys: 'Buoys and what they mean',
  crabs: 'Crab pots',
  anchors: 'Anchors',
  sails: 'Sails',
  pier: 'Pier repairs begin',
};

before(async () => {
  site = await startSite();
  for (const [slug, title] of Object.entries(pages)) {
    site.route(`/saved/${slug}`, send(articlePage(title, [`${title}: a page of the loopback site, long enough to be a story about the harbour and the people who work there.`]), HTML));
  }
  site.route('/feeds/pier.xml', send(`<?xml version="1.0"?><rss version="2.0"><channel><title>Pier Post</title><item><title>Pier repairs begin</title><link>${site.base}/saved/pier</link><guid>pp-1</guid><pubDate>Thu, 05 Jun 2025 09:00:00 GMT</pubDate></item></channel></rss>`, 'application/rss+xml'));
  sources = makeLibrary({});
  const names: Record<string, string> = { 'pocket.csv': 'export-one', 'instapaper.csv': 'export-two', 'bookmarks.html': 'export-three', 'feeds.opml': 'export-four', 'urls.txt': 'export-five' };
  for (const [fixture, name] of Object.entries(names)) writeFileSync(join(sources, name), readFileSync(join(FIXTURES, fixture), 'utf8').replaceAll('LOOPBACK', site.base));
  cpSync(join(FIXTURES, 'omnivore'), join(sources, 'omnivore-export'), { recursive: true });
  const metadata = join(sources, 'omnivore-export', 'metadata_0_to_2.json');
  writeFileSync(metadata, readFileSync(metadata, 'utf8').replaceAll('LOOPBACK', site.base));
});

after(() => site.close());

interface Listed {
  id: string;
  title: string;
  path: string;
  section: string[];
  author: string | null;
}

async function importAndList(source: string, env = hermeticEnv()) {
  const out = makeLibrary({});
  const result = await runCli(['import', join(sources, source), '--out', out], { env: { ...env } });
  const list = JSON.parse((await runCli(['list', out, '--json'])).stdout) as Listed[];
  const readState = (() => {
    try {
      return JSON.parse(readFileSync(join(env.BROADSHEET_STATE_DIR, 'reading-state.json'), 'utf8')) as { articles: Record<string, { read: boolean }> };
    } catch {
      return { articles: {} };
    }
  })();
  const isRead = (item: Listed) => readState.articles[join(out, item.path)]?.read === true;
  const byTitle = (title: string) => list.find((item) => item.title === title)!;
  const file = (item: Listed) => readFileSync(join(out, item.path), 'utf8');
  return { out, result, list, isRead, byTitle, file };
}

test('Pocket CSV: tags from the export, archived items marked read', async () => {
  const { result, list, isRead, byTitle, file } = await importAndList('export-one');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /imported 2 of 2 from 1 list/);
  assert.equal(list.length, 2);
  const knots = byTitle('Rope, knots and splices');
  assert.deepEqual(knots.section, ['Pocket']);
  assert.match(file(knots), /tags:\n {2}- sailing\n {2}- craft/);
  assert.equal(isRead(knots), true, 'archive → read');
  assert.equal(isRead(byTitle('Harbour lights at dusk')), false);
});

test('Instapaper CSV: quoted titles, JSON tags, the Archive folder read', async () => {
  const { result, isRead, byTitle, file } = await importAndList('export-two');
  assert.equal(result.code, 0, result.stderr);
  const gulls = byTitle('Why gulls follow the "Morning Star"');
  assert.ok(gulls, 'the title as the export gives it, its doubled quotes read by the CSV parser');
  assert.match(file(gulls), /tags:\n {2}- birds/);
  assert.equal(isRead(gulls), true);
  assert.equal(isRead(byTitle('Reading the weather from the pier')), false);
});

test("Omnivore folder: labels as tags, archived read, a page that is gone comes from Omnivore's saved text", async () => {
  const { result, isRead, byTitle, file } = await importAndList('omnivore-export');
  assert.equal(result.code, 0, result.stderr);
  const tar = byTitle('Tar and pitch');
  assert.equal(tar.author, 'Sel Varn');
  assert.match(file(tar), /tags:\n {2}- boats/);
  assert.equal(isRead(tar), true);
  const boathouse = byTitle('The old boathouse');
  assert.match(file(boathouse), /last boat built inside/);
  assert.equal(isRead(boathouse), false);
});

test('bookmarks HTML: folders as sections, TAGS as tags, bookmarklets left out', async () => {
  const { result, list, byTitle, file } = await importAndList('export-three');
  assert.equal(result.code, 0, result.stderr);
  assert.equal(list.length, 2, JSON.stringify(list.map((item) => item.title)));
  const buoys = byTitle('Buoys and what they mean');
  assert.deepEqual(buoys.section, ['Harbour & Sea']);
  assert.match(file(buoys), /tags:\n {2}- navigation\n {2}- sea/);
  assert.deepEqual(byTitle('Crab pots').section, ['Bookmarks']);
});

test('OPML: each feed in it is fetched and its items imported under the feed’s title', async () => {
  const { result, list } = await importAndList('export-four');
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(list.map((item) => [item.title, item.section]), [['Pier repairs begin', ['Pier Post']]]);
});

test('a list of URLs: each imported, the list’s name as section; again, nothing new', async () => {
  const env = hermeticEnv();
  const out = makeLibrary({});
  const first = await runCli(['import', join(sources, 'export-five'), '--out', out], { env: { ...env } });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /imported 2 of 2 from 1 list/);
  const list = JSON.parse((await runCli(['list', out, '--json'])).stdout) as Listed[];
  assert.deepEqual(list.map((item) => item.section), [['export-five'], ['export-five']]);
  const again = await runCli(['import', join(sources, 'export-five'), '--out', out], { env: { ...env } });
  assert.match(again.stdout, /nothing new from 1 list: 2 already imported/);
  assert.equal(readdirSync(out).filter((name) => name.endsWith('.md')).length, 2);
});

test('a folder that is no export is one line and exit 1', async () => {
  const folder = makeLibrary({});
  mkdirSync(join(folder, 'empty'));
  const result = await runCli(['import', join(folder, 'empty'), '--out', makeLibrary({})]);
  assert.equal(result.code, 1);
  assert.match(result.stderr.trim(), /^broadsheet: import [^\n]*empty: a folder, not a source[^\n]*$/);
});
