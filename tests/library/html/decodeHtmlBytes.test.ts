import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHtmlBytes, declaredHtmlCharset, htmlEncoding } from '../../../src/library/html/decodeHtmlBytes.js';

const bytes = (head: string, body: number[]) => Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]);

test('<meta charset> and <meta http-equiv=content-type> are both read', () => {
  assert.equal(declaredHtmlCharset(Buffer.from('<html><head><meta charset="windows-1252">')), 'windows-1252');
  assert.equal(declaredHtmlCharset(Buffer.from("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'>")), 'ISO-8859-2');
  assert.equal(declaredHtmlCharset(Buffer.from('<meta name="description" content="charset=koi8-r"><p>')), null);
  assert.equal(declaredHtmlCharset(Buffer.from(`${' '.repeat(1100)}<meta charset="shift_jis">`)), null, 'only the first 1024 bytes count');
});

test('windows-1252 gives €, curly quotes and dashes (not Latin-1 controls)', () => {
  const text = decodeHtmlBytes(bytes('<meta charset="windows-1252"><p>', [0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0x97, 0x20, 0xe9]));
  assert.ok(text.endsWith('<p>€ “a” — é'), text);
  // HTML reads latin1 and iso-8859-1 labels as windows-1252 too.
  assert.ok(decodeHtmlBytes(bytes('<meta charset="iso-8859-1">', [0x92])).endsWith('’'));
});

test('other declared charsets: iso-8859-2, shift_jis', () => {
  assert.ok(decodeHtmlBytes(bytes('<meta charset="iso-8859-2">', [0xb1])).endsWith('ą'));
  assert.ok(decodeHtmlBytes(bytes('<meta charset="shift_jis">', [0x93, 0xfa, 0x96, 0x7b])).endsWith('日本'));
});

test('a BOM wins over the meta; the HTTP content-type wins over the meta; unknown labels and UTF-16 labels mean UTF-8', () => {
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1252">é')]);
  assert.equal(decodeHtmlBytes(withBom), '<meta charset="windows-1252">é');
  assert.equal(htmlEncoding(Buffer.from('<meta charset="windows-1252">'), 'text/html; charset=utf-8'), 'utf-8');
  assert.equal(htmlEncoding(Buffer.from('<meta charset="no-such-charset">')), 'utf-8');
  assert.equal(htmlEncoding(Buffer.from('<meta charset="utf-16">')), 'utf-8');
  assert.equal(decodeHtmlBytes(Buffer.from('<p>naïve</p>')), '<p>naïve</p>');
});
