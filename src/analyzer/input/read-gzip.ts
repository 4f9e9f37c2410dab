// A .gz upload (a log compressed on Linux) is inflated under the same caps as a zip entry
// (per-entry size and compression ratio, enforced by zlib while inflating) and then read like
// any single file. Refusals reuse the zip reasons with `format: 'gzip'`.
import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import type { Refusal } from '../report';
import { type InputLimits, formatMegabytes } from './input-limits';
import { refuse } from './refuse';

export type GzipReadResult = { ok: true; data: Buffer; innerName?: string } | { ok: false; refusal: Refusal };

const FEXTRA = 0x04;
const FNAME = 0x08;

/** The original file name stored in the gzip header (FNAME), when there is one. */
export function gzipInnerName(bytes: Uint8Array): string | undefined {
  if (bytes.length < 10) return undefined;
  const flags = bytes[3]!;
  if ((flags & FNAME) === 0) return undefined;
  let pos = 10;
  if ((flags & FEXTRA) !== 0) {
    if (bytes.length < 12) return undefined;
    pos += 2 + (bytes[10]! | (bytes[11]! << 8));
  }
  const end = bytes.indexOf(0, pos);
  if (end < 0 || end - pos > 1024) return undefined;
  return Buffer.from(bytes.subarray(pos, end)).toString('latin1');
}

export function readGzip(bytes: Buffer, limits: InputLimits): GzipReadResult {
  const ratioCap = Math.max(limits.ratioGraceBytes, bytes.length * limits.maxCompressionRatio);
  const limit = ratioCap < limits.maxEntryBytes ? 'ratio' : 'entry-size';
  try {
    const data = gunzipSync(bytes, { maxOutputLength: Math.max(1, Math.min(ratioCap, limits.maxEntryBytes)) });
    const innerName = gzipInnerName(bytes);
    return innerName === undefined ? { ok: true, data } : { ok: true, data, innerName };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return {
        ok: false,
        refusal: refuse('zip-bomb', {
          limit: limit === 'ratio' ? `${limits.maxCompressionRatio}:1` : `${formatMegabytes(limits.maxEntryBytes)} MB`,
          limitKind: limit,
          limitMb: formatMegabytes(limit === 'ratio' ? limits.ratioGraceBytes : limits.maxEntryBytes),
          ratio: String(limits.maxCompressionRatio),
          entry: '',
          format: 'gzip',
        }),
      };
    }
    return { ok: false, refusal: refuse('zip-corrupt', { detail: 'truncated', format: 'gzip' }) };
  }
}
