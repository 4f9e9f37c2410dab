// Caps on what one upload may cost (reliability-matrix.md §7 "Files"). Sizes are checked on what
// is really inflated, never on what an archive header claims.

export interface InputLimits {
  /** the uploaded file itself (a log, a .zip or a .gz) */
  maxBytes: number;
  /** entries in a zip, directories included */
  maxZipEntries: number;
  /** everything inflated out of one archive, all entries together */
  maxUncompressedBytes: number;
  /** one inflated entry */
  maxEntryBytes: number;
  /** inflated / compressed, enforced once an entry is past `ratioGraceBytes` */
  maxCompressionRatio: number;
  /** small entries may compress better than the ratio (a 30 KB log of repeated blocks) */
  ratioGraceBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxBytes: 20 * MB,
  maxZipEntries: 100,
  maxUncompressedBytes: 200 * MB,
  maxEntryBytes: 50 * MB,
  maxCompressionRatio: 100,
  ratioGraceBytes: 1 * MB,
});

/** Defaults overridden by the given values; non-finite or negative overrides are ignored. */
export function resolveLimits(overrides: Partial<InputLimits> = {}): InputLimits {
  const out: InputLimits = { ...DEFAULT_INPUT_LIMITS };
  for (const key of Object.keys(out) as (keyof InputLimits)[]) {
    const v = overrides[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  return out;
}

/** "20", "1.5": megabytes for messages, at most one decimal. */
export function formatMegabytes(bytes: number): string {
  const mb = Math.round((bytes / MB) * 10) / 10;
  return String(mb);
}
