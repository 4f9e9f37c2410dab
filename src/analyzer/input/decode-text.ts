// Bytes → text, with the encoding we used named in the report. Order (known-traps.md: chardet
// misreads UTF-16LE without BOM and short CP932 text, so no statistical guessing library):
//   1. BOM: EF BB BF → utf-8-bom, FF FE → utf-16le, FE FF → utf-16be
//   2. UTF-16 without BOM, by where the zero bytes sit (ASCII-heavy logs: every other byte is 0)
//   3. strict UTF-8 validity → utf-8
//   4. mostly-valid UTF-8 with a few broken bytes (a log cut mid-character) → utf-8 with U+FFFD
//   5. else CP932 (Japanese Windows "ANSI") via iconv-lite → shift_jis
// Invalid bytes always become U+FFFD; nothing here throws on any input.
import { Buffer, isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';
import type { TextEncoding } from '../report';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** How many leading bytes the UTF-16 null-pattern test looks at. */
const UTF16_SAMPLE_BYTES = 64 * 1024;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Which UTF-16 byte order the zero bytes suggest, if any (no BOM present). */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
  if (n < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  // ASCII-heavy UTF-16LE puts the zero in the high (odd) byte; BE in the even one. Binary data
  // has zeros on both sides and is left to the binary check.
  if (zeroOdd >= pairs * 0.2 && zeroEven * 10 <= zeroOdd) return 'utf-16le';
  if (zeroEven >= pairs * 0.2 && zeroOdd * 10 <= zeroEven) return 'utf-16be';
  return undefined;
}

/** BOM (or UTF-16 null pattern) → encoding and how many bytes to skip; undefined = decide by validity. */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncoding; skip: number } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', skip: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const utf16 = sniffUtf16WithoutBom(bytes);
  return utf16 ? { encoding: utf16, skip: 0 } : undefined;
}

interface WellFormable {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

function decodeUtf16(bytes: Buffer, bigEndian: boolean): string {
  const even = bytes.length & ~1;
  let body = bytes.subarray(0, even);
  if (bigEndian) body = Buffer.from(body).swap16(); // copy: never mutate the caller's bytes
  // Buffer's utf16le decoder is several times faster than TextDecoder but keeps lone surrogates;
  // toWellFormed turns them into U+FFFD as TextDecoder would.
  let text = body.toString('utf16le');
  const wf = text as unknown as WellFormable;
  if (!wf.isWellFormed()) text = wf.toWellFormed();
  return even === bytes.length ? text : text + '\uFFFD';
}

function countChar(text: string, ch: string): number {
  let count = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) count++;
  return count;
}

function countNonAscii(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) count++;
  return count;
}

/**
 * Not strictly UTF-8: is it UTF-8 with a few broken bytes (keep it, mark them U+FFFD) or another
 * encoding (CP932)? UTF-8 text with one damaged byte still has many valid multi-byte characters;
 * CP932 text decoded as UTF-8 is mostly U+FFFD.
 */
function decodeNotStrictUtf8(bytes: Buffer): DecodedText {
  const asUtf8 = bytes.toString('utf8');
  const replaced = countChar(asUtf8, '\uFFFD') - countOccurrences(bytes, REPLACEMENT_UTF8);
  const validNonAscii = countNonAscii(asUtf8) - replaced;
  if (validNonAscii >= replaced * 4 && validNonAscii > 0) return { text: asUtf8, encoding: 'utf-8' };
  return { text: iconv.decode(bytes, 'cp932'), encoding: 'shift_jis' };
}

const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

function countOccurrences(haystack: Buffer, needle: Buffer): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/** Decodes any bytes to text. Never throws; invalid bytes become U+FFFD. */
export function decodeBytes(input: Uint8Array): DecodedText {
  const bytes = asBuffer(input);
  const sniffed = sniffEncoding(bytes);
  if (sniffed) {
    const body = bytes.subarray(sniffed.skip);
    switch (sniffed.encoding) {
      case 'utf-16le':
        return { text: decodeUtf16(body, false), encoding: 'utf-16le' };
      case 'utf-16be':
        return { text: decodeUtf16(body, true), encoding: 'utf-16be' };
      default:
        return { text: body.toString('utf8'), encoding: sniffed.encoding };
    }
  }
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  return decodeNotStrictUtf8(bytes);
}
