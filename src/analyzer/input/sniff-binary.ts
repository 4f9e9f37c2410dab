// Is this a file we should not even try to read as text? Known file signatures first (people
// attach screenshots, PDFs, event logs and installers instead of the log), then the share of
// control bytes in a few sampled windows (text logs have almost none; compressed or executable
// data has about one byte in ten).

/** What kind of non-text file it is: a category for code, a format name for the message. */
export interface BinaryKind {
  category: 'executable' | 'image' | 'pdf' | 'office' | 'archive' | 'event-log' | 'database' | 'media' | 'data';
  format: string;
}

interface Signature {
  offset: number;
  bytes: readonly number[];
  kind: BinaryKind;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], kind: { category: 'executable', format: 'ELF' } },
  { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: { category: 'image', format: 'PNG' } },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], kind: { category: 'image', format: 'JPEG' } },
  { offset: 0, bytes: ascii('GIF87a'), kind: { category: 'image', format: 'GIF' } },
  { offset: 0, bytes: ascii('GIF89a'), kind: { category: 'image', format: 'GIF' } },
  { offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00], kind: { category: 'image', format: 'TIFF' } },
  { offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], kind: { category: 'image', format: 'TIFF' } },
  { offset: 8, bytes: ascii('WEBP'), kind: { category: 'image', format: 'WebP' } },
  { offset: 4, bytes: ascii('ftypheic'), kind: { category: 'image', format: 'HEIC' } },
  { offset: 4, bytes: ascii('ftyp'), kind: { category: 'media', format: 'MP4/MOV' } },
  { offset: 0, bytes: ascii('%PDF-'), kind: { category: 'pdf', format: 'PDF' } },
  { offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: { category: 'office', format: 'Office (OLE)' } },
  { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: { category: 'archive', format: '7-Zip' } },
  { offset: 0, bytes: ascii('Rar!\x1a\x07'), kind: { category: 'archive', format: 'RAR' } },
  { offset: 0, bytes: ascii('MSCF'), kind: { category: 'archive', format: 'CAB' } },
  { offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: { category: 'archive', format: 'xz' } },
  { offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: { category: 'archive', format: 'zstd' } },
  { offset: 257, bytes: ascii('ustar\0'), kind: { category: 'archive', format: 'tar' } },
  { offset: 257, bytes: ascii('ustar '), kind: { category: 'archive', format: 'tar' } },
  { offset: 0, bytes: ascii('ElfFile\0'), kind: { category: 'event-log', format: 'Windows event log (.evtx)' } },
  { offset: 0, bytes: ascii('SQLite format 3\0'), kind: { category: 'database', format: 'SQLite' } },
];

function startsWithAt(bytes: Uint8Array, offset: number, sig: readonly number[]): boolean {
  if (bytes.length < offset + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[offset + i] !== sig[i]) return false;
  return true;
}

/** A known non-text file signature (checked only when there is no text BOM). */
export function sniffSignature(bytes: Uint8Array): BinaryKind | undefined {
  for (const s of SIGNATURES) if (startsWithAt(bytes, s.offset, s.bytes)) return s.kind;
  // "MZ" alone could start a text file; a DOS/PE header also has zero bytes right after it.
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.subarray(2, 64).includes(0)) {
    return { category: 'executable', format: 'Windows executable' };
  }
  return undefined;
}

const WINDOW = 16 * 1024;

/** C0 control bytes other than the whitespace and ESC a text log can hold. */
function isControlByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b;
}

/**
 * True when sampled windows (start, a third, two thirds, end) hold too many NUL or control bytes
 * for text. Real logs carry a few (the proxy-setting blobs printed as text); binary data about 10 %.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const starts = bytes.length <= WINDOW * 4
    ? [0]
    : [0, Math.floor(bytes.length / 3), Math.floor((bytes.length * 2) / 3), bytes.length - WINDOW];
  let sampled = 0;
  let nul = 0;
  let control = 0;
  for (const start of starts) {
    const end = starts.length === 1 ? bytes.length : start + WINDOW;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b === 0) nul++;
      else if (isControlByte(b)) control++;
    }
    sampled += end - start;
  }
  if (sampled === 0) return false;
  return nul * 100 > sampled || (nul + control) * 100 > sampled * 3;
}

/** Same test on decoded text (UTF-16 input, where zero bytes are normal). */
export function textLooksBinary(text: string): boolean {
  const n = Math.min(text.length, WINDOW * 4);
  if (n === 0) return false;
  // `bad * 100 > n * 3`, decided inside the loop (bad only grows), with no arithmetic after it: V8
  // compiles the loop on-stack during the first call, before the code after it has ever run, and
  // in many processes that code then deoptimised on every later call (--trace-deopt).
  const limit = n * 3;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0 || isControlByte(c) || c === 0xfffd) && ++bad * 100 > limit) return true;
  }
  return false;
}
