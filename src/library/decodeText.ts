// Bytes → text, as SPEC §1 reads files: UTF-8, BOM dropped, CRLF/CR → LF, and
// Windows-1252 when the bytes are not UTF-8. Binary and oversized files give no text.
import type { ProblemKind } from './types.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export type DecodeResult =
  | { ok: true; text: string; /** Set when the text was not UTF-8. */ encodingNote?: string }
  | { ok: false; kind: Extract<ProblemKind, 'binary' | 'too-large'>; message: string };

export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

// Windows-1252's 0x80–0x9F: Node 20's TextDecoder('windows-1252') decodes these as
// Latin-1 C1 controls, so map them ourselves (undefined bytes stay as their C1 code point).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    let s = '';
    for (const b of part) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    out += s;
  }
  return out;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Decode with a charset label (HTML's declared charset); falls back to UTF-8 rules. */
export function decodeBytes(bytes: Uint8Array, options: { maxBytes?: number; charset?: string } = {}): DecodeResult {
  const max = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > max) {
    return { ok: false, kind: 'too-large', message: `file is ${bytes.length} bytes, over the ${max}-byte limit` };
  }
  // UTF-16 with a byte-order mark is text, even though it is full of NUL bytes.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { ok: true, text: normalizeLineEnds(new TextDecoder(label).decode(bytes)) };
  }
  if (looksBinary(bytes)) return { ok: false, kind: 'binary', message: 'binary file (contains NUL bytes), skipped' };

  const charset = options.charset?.trim().toLowerCase();
  if (charset && ['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii'].includes(charset)) {
    // The WHATWG Encoding Standard reads all of these labels as Windows-1252.
    return { ok: true, text: normalizeLineEnds(decodeWindows1252(bytes)) };
  }
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return { ok: true, text: normalizeLineEnds(new TextDecoder(charset).decode(bytes)) };
    } catch {
      // Unknown label: read it as any other file.
    }
  }
  try {
    // TextDecoder drops a leading BOM itself (ignoreBOM defaults to false).
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: normalizeLineEnds(text) };
  } catch {
    const text = decodeWindows1252(bytes).replace(/^ï»¿/, ''); // a UTF-8 BOM on a mostly-1252 file
    return { ok: true, text: normalizeLineEnds(text), encodingNote: 'not valid UTF-8; read as Windows-1252' };
  }
}
