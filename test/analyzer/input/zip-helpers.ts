// Zips built in code for the input tests (no binary fixtures checked in), and patchers that make
// them lie: header sizes, the encryption flag.
import { gzipSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import type { Report } from '../../../src/analyzer/report';
import type { TextMeta } from '../../../src/analyzer/analyze-text';

export function makeZip(files: Zippable): Buffer {
  return Buffer.from(zipSync(files));
}

interface CentralEntry {
  /** offset of the central directory header */
  central: number;
  /** offset of the local file header */
  local: number;
}

/** Central and local header offsets of every entry (fflate writes no zip64 for small files). */
export function zipEntries(zip: Buffer): CentralEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let pos = zip.readUInt32LE(eocd + 16);
  const out: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ central: pos, local: zip.readUInt32LE(pos + 42) });
    pos += 46 + zip.readUInt16LE(pos + 28) + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
  }
  return out;
}

/** Makes entry `index` claim `size` uncompressed bytes in both headers. */
export function patchUncompressedSize(zip: Buffer, index: number, size: number): Buffer {
  const out = Buffer.from(zip);
  const e = zipEntries(out)[index]!;
  out.writeUInt32LE(size, e.central + 24);
  out.writeUInt32LE(size, e.local + 22);
  return out;
}

/** Sets the "encrypted" general-purpose flag of entry `index` in both headers. */
export function setEncryptedFlag(zip: Buffer, index: number): Buffer {
  const out = Buffer.from(zip);
  const e = zipEntries(out)[index]!;
  out.writeUInt16LE(out.readUInt16LE(e.central + 8) | 1, e.central + 8);
  out.writeUInt16LE(out.readUInt16LE(e.local + 6) | 1, e.local + 6);
  return out;
}

/** A multi-member gzip of `megabytes` MB of zeros, built 1 MB at a time (never holds it all). */
export function gzipZeros(megabytes: number): Buffer {
  const member = gzipSync(Buffer.alloc(1024 * 1024));
  return Buffer.concat(Array.from({ length: megabytes }, () => member));
}

/** A stand-in for analyzeText: records what the input layer handed over. */
export function stubAnalyze(text: string, meta: TextMeta): Report {
  return {
    schemaVersion: 1,
    source: { kind: 'unknown', complete: true, lineCount: text.split('\n').length, ...meta },
    overall: 'inconclusive',
    endpoints: [],
    proxy: { configured: false, contexts: [] },
    tls: { tls12: 'unknown', keys: [], sectionFound: false },
    findings: [{ code: 'UNRECOGNIZED_LOG', severity: 'error', params: { head: text.slice(0, 60) }, evidence: [] }],
    region: { geoCodes: [], regions: [], displayNames: [] },
    missingChecks: [],
  };
}

export function headOf(report: Report): string {
  return report.findings[0]?.params?.head ?? '';
}
