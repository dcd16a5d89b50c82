// The sources layer alone, without a network: formats told by content, items as each format gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSource, itemKeys, normalizeUrl, parseSourceList } from '../../src/sources/index.js';
import { retryAfterMs } from '../../src/commands/fetchPool.js';

test('formats are told by their content, whatever the file is called', () => {
  assert.equal(detectSource('\ufeff  <?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'), 'rss');
  assert.equal(detectSource('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'), 'atom');
  assert.equal(detectSource('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'), 'rdf');
  assert.equal(detectSource('<?xml version="1.0"?><opml version="2.0"><body/></opml>'), 'opml');
  assert.equal(detectSource('{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}'), 'json-feed');
  assert.equal(detectSource('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE><DL></DL>'), 'bookmarks');
  assert.equal(detectSource('title,url,time_added,tags,status\nx,https://a.example/,1717232400,,unread\n'), 'pocket-csv');
  assert.equal(detectSource('URL,Title,Selection,Folder,Timestamp,Tags\nhttps://a.example/,x,,Unread,1717232400,[]\n'), 'instapaper-csv');
  assert.equal(detectSource('# mine\nhttps://a.example/one\n\nhttp://b.example/two\n'), 'url-list');
  assert.equal(detectSource('[{"url":"https://a.example/","slug":"a"}]'), 'omnivore');
  // Pages stay pages: a saved page, a raw text page that mentions a URL, a JSON file of something else.
  assert.equal(detectSource('<!doctype html><html><head><title>x</title></head><body><p>rss</p></body></html>'), 'page');
  assert.equal(detectSource('Harbour news\n\nRead more at https://a.example/ today.\n'), 'page');
  assert.equal(detectSource('{"name":"not a feed"}'), 'page');
});

test('an RSS item gives its link, GUID, date, author, categories and content', () => {
  const list = parseSourceList(
    'rss',
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Quay &amp; Shore</title>
<item><title>One</title><link>https://a.example/1</link><guid isPermaLink="false">g1</guid><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><dc:creator>Ann Reed</dc:creator><category>x</category><category>x</category><description>&lt;p&gt;hi&lt;/p&gt;</description></item></channel></rss>`,
  );
  assert.equal(list.title, 'Quay & Shore');
  assert.deepEqual(list.items, [{ url: 'https://a.example/1', guid: 'g1', title: 'One', date: '2025-06-02T10:00:00Z', author: 'Ann Reed', tags: ['x'], content: '<p>hi</p>' }]);
});

test('an Atom text summary is escaped into HTML, so its < stays a character', () => {
  const list = parseSourceList('atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>e1</id><title>E</title><summary type="text">a &lt;b&gt; c</summary></entry></feed>');
  assert.equal(list.items[0].content, 'a &lt;b&gt; c');
});

test('an item is known again by its GUID or by its URL spelled another way', () => {
  assert.equal(normalizeUrl('HTTPS://News.Example:443/a/b/?utm_source=x&id=3#top'), 'https://news.example/a/b?id=3');
  assert.deepEqual(itemKeys({ guid: 'g', url: 'https://a.example/x/' }), ['guid:g', 'url:https://a.example/x']);
});

test('Retry-After in seconds or as an HTTP date', () => {
  assert.equal(retryAfterMs('3', 0), 3000);
  assert.equal(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000), 6000);
  assert.equal(retryAfterMs('soon', 0), undefined);
});
