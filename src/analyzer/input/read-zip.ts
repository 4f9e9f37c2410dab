// Reads a .zip from memory, entry by entry, with every limit enforced on what is really inflated.
// yauzl reads the central directory (validateEntrySizes rejects stored entries whose sizes
// disagree); we take each entry's compressed bytes straight from the buffer and inflate them
// ourselves with zlib's maxOutputLength, so a bomb stops at the cap however its header lies, and
// check the inflated size and CRC against the directory afterwards. Nothing touches the disk:
// entry names ("../../x.log" included) are only strings.
//
// Order of judgement, so the answer does not depend on luck:
//   1. too many entries (before reading any)     → zip-too-many-entries
//   2. an encrypted entry (password-protected)   → zip-encrypted
//   3. an archive inside (by name)               → zip-nested
//   4. per entry in archive order: unreadable / bomb / nested by content → refusal
//   5. no entry left to read as a log            → zip-no-logs (decided by the caller)
import { Buffer } from 'node:buffer';
import { crc32, inflateRawSync } from 'node:zlib';
import * as iconv from 'iconv-lite';
import * as yauzl from 'yauzl';
import type { Refusal } from '../report';
import { classifyEntryName, sniffArchive, type EntryNameKind } from './classify-entry-name';
import { type InputLimits, formatMegabytes } from './input-limits';
import { refuse } from './refuse';

export interface ZipEntryData {
  /** the entry's name as stored in the archive (a path inside it) */
  name: string;
  data: Buffer;
}

export interface ZipEntrySummary {
  name: string;
  kind: EntryNameKind;
}

export type ZipReadResult =
  | { ok: true; entries: ZipEntrySummary[] }
  | { ok: false; refusal: Refusal };

/** Called for each entry worth reading, in archive order; may be async. */
export type ZipEntryVisitor = (entry: ZipEntryData) => void | Promise<void>;

// yauzl 3 API not in @types/yauzl 2.x: readLocalFileHeader, and Buffers when decodeStrings is off.
interface RawEntry {
  fileName: Buffer;
  generalPurposeBitFlag: number;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  extraFields: { id: number; data: Buffer }[];
}
interface LocalHeaderReader {
  readLocalFileHeader(
    entry: RawEntry,
    options: { minimal: true },
    callback: (err: Error | null, header: { fileDataStart: number }) => void,
  ): void;
}

const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8_NAME = 0x800;
const EXTRA_UNICODE_PATH = 0x7075;

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    );
  });
}

function listEntries(zip: yauzl.ZipFile, max: number): Promise<RawEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: RawEntry[] = [];
    zip.on('entry', (entry: RawEntry) => {
      entries.push(entry);
      if (entries.length > max) reject(new Error('more entries than the directory count'));
      else zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function fileDataStart(zip: yauzl.ZipFile, entry: RawEntry): Promise<number> {
  return new Promise((resolve, reject) => {
    (zip as unknown as LocalHeaderReader).readLocalFileHeader(entry, { minimal: true }, (err, header) =>
      err ? reject(err) : resolve(header.fileDataStart),
    );
  });
}

/** Entry names: UTF-8 when flagged or valid, else CP932 (zips made by Japanese Windows Explorer). */
export function decodeEntryName(raw: Buffer, flags: number, extraFields: readonly { id: number; data: Buffer }[]): string {
  const unicodePath = extraFields.find((f) => f.id === EXTRA_UNICODE_PATH && f.data.length > 5 && f.data[0] === 1);
  if (unicodePath) return unicodePath.data.subarray(5).toString('utf8');
  if ((flags & FLAG_UTF8_NAME) !== 0 || Buffer.from(raw).toString('utf8').indexOf('\uFFFD') < 0) {
    return raw.toString('utf8');
  }
  return iconv.decode(raw, 'cp932');
}

type InflateResult = { ok: true; data: Buffer } | { ok: false; refusal: Refusal };

/**
 * Inflates one entry under the tightest of: per-entry cap, what is left of the total, the ratio
 * cap, and (to catch a header that claims less than the data holds) the declared size + 1.
 */
function inflateEntry(raw: Buffer, entry: RawEntry, name: string, limits: InputLimits, inflatedSoFar: number): InflateResult {
  const caps: { limit: 'entry-size' | 'total-size' | 'ratio'; bytes: number }[] = [
    { limit: 'entry-size', bytes: limits.maxEntryBytes },
    { limit: 'total-size', bytes: Math.max(0, limits.maxUncompressedBytes - inflatedSoFar) },
    { limit: 'ratio', bytes: Math.max(limits.ratioGraceBytes, raw.length * limits.maxCompressionRatio) },
  ];
  const binding = caps.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  const bomb = (): InflateResult => ({
    ok: false,
    refusal: refuse('zip-bomb', {
      limit: binding.limit === 'ratio' ? `${limits.maxCompressionRatio}:1` : `${formatMegabytes(binding.limit === 'entry-size' ? limits.maxEntryBytes : limits.maxUncompressedBytes)} MB`,
      limitKind: binding.limit,
      limitMb: formatMegabytes(
        binding.limit === 'entry-size' ? limits.maxEntryBytes : binding.limit === 'total-size' ? limits.maxUncompressedBytes : limits.ratioGraceBytes,
      ),
      ratio: String(limits.maxCompressionRatio),
      entry: name,
      format: 'zip',
    }),
  });
  const corrupt = (detail: string): InflateResult => ({ ok: false, refusal: refuse('zip-corrupt', { detail, entry: name, format: 'zip' }) });

  let data: Buffer;
  if (entry.compressionMethod === 0) {
    data = raw; // stored: the size is what the buffer holds (yauzl checked it against the header)
    if (data.length > binding.bytes) return bomb();
  } else if (entry.compressionMethod === 8) {
    const headerCap = entry.uncompressedSize + 1;
    const liarCheck = headerCap <= binding.bytes;
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, liarCheck ? headerCap : binding.bytes) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return liarCheck ? corrupt('size-mismatch') : bomb();
      return corrupt('truncated');
    }
  } else {
    return corrupt('unsupported-method');
  }
  if (data.length !== entry.uncompressedSize) return corrupt('size-mismatch');
  if ((crc32(data) >>> 0) !== (entry.crc32 >>> 0)) return corrupt('crc');
  return { ok: true, data };
}

/**
 * Walks the archive and hands each readable entry to `visit`. Returns the names and kinds of all
 * entries (for the zip-no-logs message) or the refusal that stopped the walk.
 */
export async function readZip(bytes: Buffer, limits: InputLimits, visit: ZipEntryVisitor): Promise<ZipReadResult> {
  const unreadable = (): ZipReadResult => ({ ok: false, refusal: refuse('zip-corrupt', { detail: 'unreadable', format: 'zip' }) });
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (err) {
    return isStrongEncryption(err) ? { ok: false, refusal: refuse('zip-encrypted', { entry: '' }) } : unreadable();
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      return {
        ok: false,
        refusal: refuse('zip-too-many-entries', { count: String(zip.entryCount), limit: String(limits.maxZipEntries) }),
      };
    }
    let raw: RawEntry[];
    try {
      raw = await listEntries(zip, limits.maxZipEntries);
    } catch (err) {
      return isStrongEncryption(err) ? { ok: false, refusal: refuse('zip-encrypted', { entry: '' }) } : unreadable();
    }
    const entries = raw.map((entry) => {
      const name = decodeEntryName(entry.fileName, entry.generalPurposeBitFlag, entry.extraFields);
      return { entry, name, kind: classifyEntryName(name) };
    });
    const encrypted = entries.find((e) => e.kind !== 'directory' && (e.entry.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0);
    if (encrypted) return { ok: false, refusal: refuse('zip-encrypted', { entry: encrypted.name }) };
    const nested = entries.find((e) => e.kind === 'nested-archive');
    if (nested) return { ok: false, refusal: refuse('zip-nested', { entry: nested.name, format: 'zip' }) };

    let inflated = 0;
    for (const e of entries) {
      if (e.kind !== 'candidate') continue;
      let start: number;
      try {
        start = await fileDataStart(zip, e.entry);
      } catch {
        return { ok: false, refusal: refuse('zip-corrupt', { detail: 'unreadable', entry: e.name, format: 'zip' }) };
      }
      const compressed = bytes.subarray(start, start + e.entry.compressedSize);
      const result = inflateEntry(compressed, e.entry, e.name, limits, inflated);
      if (!result.ok) return result;
      inflated += result.data.length;
      if (sniffArchive(result.data)) {
        return { ok: false, refusal: refuse('zip-nested', { entry: e.name, format: 'zip' }) };
      }
      await visit({ name: e.name, data: result.data });
    }
    return { ok: true, entries: entries.map((e) => ({ name: e.name, kind: e.kind })) };
  } finally {
    zip.close();
  }
}

function isStrongEncryption(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith('strong encryption');
}
