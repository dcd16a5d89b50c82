import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseHtmlEncoding, decodeHtmlBytes, declaredHtmlCharset, htmlEncoding } from '../../../src/library/html/decodeHtmlBytes.js';

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

test('valid UTF-8 with multi-byte sequences is read as UTF-8 whatever the page declares, and the mismatch is named', () => {
  const page = (charset: string) => Buffer.from(`<meta charset="${charset}"><title>渡し船は今も走る：港町新聞</title>`, 'utf8');
  for (const charset of ['gb2312', 'shift_jis', 'windows-1252']) {
    assert.ok(decodeHtmlBytes(page(charset)).endsWith('<title>渡し船は今も走る：港町新聞</title>'), charset);
    assert.match(chooseHtmlEncoding(page(charset)).mismatch ?? '', new RegExp(`declares charset ${charset} but its bytes are UTF-8`));
  }
  // The HTTP header's charset is overruled the same way.
  assert.equal(chooseHtmlEncoding(Buffer.from('<p>日本</p>', 'utf8'), 'text/html; charset=Shift_JIS').encoding, 'utf-8');
});

test('declared charsets still hold when the bytes are not UTF-8, or are ASCII only; a BOM wins with no mismatch', () => {
  const sjis = bytes('<meta charset="shift_jis">', [0x93, 0xfa, 0x96, 0x7b]);
  assert.deepEqual(chooseHtmlEncoding(sjis), { encoding: 'shift_jis', mismatch: null });
  assert.deepEqual(chooseHtmlEncoding(Buffer.from('<meta charset="gb2312"><p>ascii only</p>')), { encoding: 'gbk', mismatch: null });
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<meta charset="gb2312">é', 'utf16le')]);
  assert.deepEqual(chooseHtmlEncoding(utf16), { encoding: 'utf-16le', mismatch: null });
});
