// Bytes of a saved or fetched page → text, honouring the charset the page declares
// (HTML's own order: a byte-order mark, then the HTTP content-type, then a <meta> in the
// first 1024 bytes). Undeclared pages are UTF-8, and so are pages whose bytes are UTF-8
// whatever they declare (SPEC §1c): a browser saving a page re-encodes it as UTF-8 but keeps
// its old <meta charset>.
import { isUtf8 } from 'node:buffer';
import { decodeWindows1252 } from '../decodeText.js';

export { decodeWindows1252 };

const PRESCAN_BYTES = 1024;

function charsetFromContentType(value: string | null | undefined): string | null {
  const m = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(value ?? '');
  return m ? m[1] : null;
}

/** The charset declared by `<meta charset>` or `<meta http-equiv=content-type>` near the top. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one code point, so ASCII markup reads the same in any
  // ASCII-compatible encoding the page might use.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  for (const [, attributeText] of head.matchAll(/<meta\b([^>]*)>?/gi)) {
    const attributes = new Map<string, string>();
    for (const [, name, v1, v2, v3] of attributeText.matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      const key = name.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, v1 ?? v2 ?? v3 ?? '');
    }
    const charset = attributes.get('charset')?.trim();
    if (charset) return charset;
    if (attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const fromContent = charsetFromContentType(attributes.get('content'));
      if (fromContent) return fromContent;
    }
  }
  return null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label.trim().toLowerCase());
    // A page cannot truly declare UTF-16 in ASCII bytes; HTML reads that as UTF-8.
    return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
  } catch {
    return null; // a label TextDecoder does not know
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export interface HtmlEncoding {
  /** As TextDecoder names it. */
  encoding: string;
  /** Set when the bytes overrule the declared charset: says what was declared and what was read. */
  mismatch: string | null;
}

/** Any byte of a multi-byte UTF-8 sequence: pure ASCII is valid in every declared charset, so it proves nothing. */
function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/**
 * The encoding `decodeHtmlBytes` uses: a BOM, else UTF-8 when the bytes are valid UTF-8 holding
 * multi-byte sequences (real text in another charset almost never is), else the declared one.
 */
export function chooseHtmlEncoding(bytes: Uint8Array, contentType?: string | null): HtmlEncoding {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, mismatch: null };
  const declared = [charsetFromContentType(contentType), declaredHtmlCharset(bytes)].find((label) => decoderFor(label) !== null) ?? null;
  const encoding = decoderFor(declared)?.encoding ?? 'utf-8';
  if (encoding !== 'utf-8' && hasNonAscii(bytes) && isUtf8(bytes)) {
    return { encoding: 'utf-8', mismatch: `declares charset ${declared} but its bytes are UTF-8; read as UTF-8` };
  }
  return { encoding, mismatch: null };
}

/** The encoding `decodeHtmlBytes` would use, as TextDecoder names it. */
export function htmlEncoding(bytes: Uint8Array, contentType?: string | null): string {
  return chooseHtmlEncoding(bytes, contentType).encoding;
}

/**
 * Decode a page's bytes. A byte-order mark wins, then UTF-8 when the bytes are UTF-8 with
 * multi-byte sequences, then the charset of `contentType` (an HTTP header, when the page was
 * fetched), then the page's `<meta>` declaration; otherwise UTF-8.
 * Unknown labels count as undeclared. The BOM is dropped. Invalid bytes become U+FFFD.
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string | null): string {
  const encoding = htmlEncoding(bytes, contentType);
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}
