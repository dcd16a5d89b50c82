import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeTitle, startsWithRelatedOpener, stripEnclosingQuotes } from '../../src/library/index.js';

test('titles that differ only in punctuation, quotes, case, accents and spacing match', () => {
  assert.equal(
    normalizeTitle('Sri Lanka: Three years after the Easter Day attacks, justice is stalling…'),
    normalizeTitle('Sri Lanka Three years after the Easter Day attacks, justice is stalling'),
  );
  assert.equal(normalizeTitle('“Destroying terrorism in Mali was an impossible mission”'), normalizeTitle('"Destroying terrorism in Mali was an impossible mission"'));
  assert.equal(normalizeTitle('France’s departure'), normalizeTitle("FRANCE'S  departure"));
  assert.equal(normalizeTitle('Communiqués from Bamako'), normalizeTitle('communiques from bamako'));
  assert.equal(normalizeTitle('Straße\u00a0 vote'), 'strasse vote');
  assert.equal(normalizeTitle('Ｆｕｌｌ　width'), 'full width');
});

test('letters of every script are kept: different CJK titles never match', () => {
  assert.notEqual(normalizeTitle('东京的新桥'), '');
  assert.notEqual(normalizeTitle('东京的新桥'), normalizeTitle('大阪的旧桥'));
  assert.notEqual(normalizeTitle('かき'), normalizeTitle('がき'), 'dakuten is not an accent');
  assert.equal(normalizeTitle('「東京」の橋'), normalizeTitle('東京 の橋'));
  assert.notEqual(normalizeTitle('किताब'), normalizeTitle('कताब'));
});

test("the seed's Read: line with its NBSP starts a related paragraph", () => {
  assert.ok(startsWithRelatedOpener('Read:\u00a0 Sri Lanka Three years after'));
  assert.ok(startsWithRelatedOpener('→ READ. In the Sahel'));
  assert.ok(startsWithRelatedOpener('Read also: x'));
  assert.ok(startsWithRelatedOpener('See also: x'));
  assert.ok(startsWithRelatedOpener('READ. x'));
  assert.ok(!startsWithRelatedOpener('Readers say: x'));
  assert.ok(!startsWithRelatedOpener('Reading: x'));
});

test('enclosing quotes of any style are stripped from a title', () => {
  assert.equal(stripEnclosingQuotes('“Destroying terrorism”'), 'Destroying terrorism');
  assert.equal(stripEnclosingQuotes('«Bonjour»'), 'Bonjour');
  assert.equal(stripEnclosingQuotes('The “inner” quotes'), 'The “inner” quotes');
});
