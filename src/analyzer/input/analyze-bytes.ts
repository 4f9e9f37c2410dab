// The input layer: uploaded bytes → one report, several (a zip of logs) or a typed refusal.
// Pure (no fs, no network): the bot and the CLI read the bytes and call this.
//
//   empty / whitespace only          → refusal `empty`
//   larger than limits.maxBytes      → refusal `too-large`
//   .zip (by signature)              → each log-looking entry analysed, in archive order (read-zip.ts)
//   .gz  (by signature)              → inflated under the caps, then read as one file (read-gzip.ts)
//   known binary formats, NUL-heavy  → refusal `binary` (not UTF-16, which decode-text.ts detects)
//   an HTML page                     → refusal `html-page`
//   text                             → decoded (decode-text.ts) and handed to analyzeText
import { Buffer } from 'node:buffer';
import { analyzeText, type TextMeta } from '../analyze-text';
import type { AnalysisOutcome, Refusal, Report, TextEncoding } from '../report';
import { baseName, sniffArchive } from './classify-entry-name';
import { decodeBytes, sniffEncoding } from './decode-text';
import { type InputLimits, formatMegabytes, resolveLimits } from './input-limits';
import { looksLikeHtml } from './looks-like-html';
import { readGzip } from './read-gzip';
import { readZip, type ZipEntrySummary } from './read-zip';
import { refuse } from './refuse';
import { looksBinary, sniffSignature, textLooksBinary } from './sniff-binary';

export type { InputLimits } from './input-limits';
export { DEFAULT_INPUT_LIMITS } from './input-limits';

export interface AnalyzeBytesOptions {
  /** the uploaded file's name, when known (shown in reports, helps recognise the log family) */
  fileName?: string;
  limits?: Partial<InputLimits>;
  /** the text analyzer to use; defaults to analyzeText (tests and the bench baseline swap it) */
  analyze?: (text: string, meta: TextMeta) => Report;
}

type TextVerdict = { ok: true; text: string; encoding: TextEncoding } | { ok: false; refusal: Refusal };

const NO_LOGS_LISTED = 10;

/** One file's bytes → its text, or why it is not a text log. */
export function readTextFile(bytes: Buffer): TextVerdict {
  if (bytes.length === 0) return { ok: false, refusal: refuse('empty') };
  const binary = (category: string, format: string): TextVerdict => ({ ok: false, refusal: refuse('binary', { category, format }) });
  const sniffed = sniffEncoding(bytes);
  if (!sniffed) {
    const signature = sniffSignature(bytes);
    if (signature) return binary(signature.category, signature.format);
    if (looksBinary(bytes)) return binary('data', 'binary');
  }
  const { text, encoding } = decodeBytes(bytes);
  if (sniffed && textLooksBinary(text)) return binary('data', 'binary');
  if (!/\S/.test(text)) return { ok: false, refusal: refuse('empty') };
  if (looksLikeHtml(text)) return { ok: false, refusal: refuse('html-page') };
  return { ok: true, text, encoding };
}

function withArchive(report: Report, archive: string | undefined, archiveEntry: string): Report {
  const source = { ...report.source, archiveEntry };
  if (archive !== undefined) source.archive = archive;
  return { ...report, source };
}

function noLogsRefusal(entries: ZipEntrySummary[]): Refusal {
  const files = entries.filter((e) => e.kind !== 'directory' && e.kind !== 'system-junk');
  const scriptsOnly = files.length > 0 && files.every((e) => e.kind === 'script');
  return refuse('zip-no-logs', {
    entries: files.slice(0, NO_LOGS_LISTED).map((e) => e.name).join(', '),
    count: String(files.length),
    scriptsOnly: String(scriptsOnly),
  });
}

function refused(refusal: Refusal, fileName: string | undefined): AnalysisOutcome {
  const out: Refusal = { ...refusal };
  if (fileName !== undefined) out.fileName = fileName;
  return { kind: 'refused', refusal: out };
}

/** Uploaded bytes → reports or a refusal. Never throws on any input (analyzeText bugs aside). */
export async function analyzeBytes(input: Uint8Array, options: AnalyzeBytesOptions = {}): Promise<AnalysisOutcome> {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const { fileName } = options;
  const limits = resolveLimits(options.limits);
  const analyze = options.analyze ?? analyzeText;

  if (bytes.length === 0) return refused(refuse('empty'), fileName);
  if (bytes.length > limits.maxBytes) {
    // exactly one byte over: the reader (CLI, downloader) stopped at the cap, the real size is unknown
    const limitMb = formatMegabytes(limits.maxBytes);
    const params: Record<string, string> = { limit: `${limitMb} MB`, limitMb };
    if (bytes.length > limits.maxBytes + 1) params.sizeMb = formatMegabytes(bytes.length);
    return refused(refuse('too-large', params), fileName);
  }

  const archive = sniffArchive(bytes);
  if (archive === 'zip') {
    const reports: Report[] = [];
    const result = await readZip(bytes, limits, ({ name, data }) => {
      const verdict = readTextFile(data);
      if (!verdict.ok) return; // a picture or an empty file next to the log: skip it
      const meta: TextMeta = { encoding: verdict.encoding, fileName: baseName(name), archiveEntry: name };
      if (fileName !== undefined) meta.archive = fileName;
      reports.push(withArchive(analyze(verdict.text, meta), fileName, name));
    });
    if (!result.ok) return refused(result.refusal, fileName);
    if (reports.length === 0) return refused(noLogsRefusal(result.entries), fileName);
    // a memo or readme beside the logs is not a log: report it only when nothing else was one
    // (report-contract: "several logs give a JSON array of reports, one per log")
    const logs = reports.filter((r) => r.source.kind !== 'unknown');
    return { kind: 'reports', reports: logs.length > 0 ? logs : reports };
  }

  if (archive === 'gzip') {
    const gz = readGzip(bytes, limits);
    if (!gz.ok) return refused(gz.refusal, fileName);
    const entry = gz.innerName ?? innerNameFromFileName(fileName);
    if (sniffArchive(gz.data)) return refused(refuse('zip-nested', { entry, format: 'gzip' }), fileName);
    const verdict = readTextFile(gz.data);
    if (!verdict.ok) return refused(verdict.refusal, fileName);
    const meta: TextMeta = { encoding: verdict.encoding, fileName: baseName(entry), archiveEntry: entry };
    if (fileName !== undefined) meta.archive = fileName;
    return { kind: 'reports', reports: [withArchive(analyze(verdict.text, meta), fileName, entry)] };
  }

  const verdict = readTextFile(bytes);
  if (!verdict.ok) return refused(verdict.refusal, fileName);
  const meta: TextMeta = { encoding: verdict.encoding };
  if (fileName !== undefined) meta.fileName = fileName;
  return { kind: 'reports', reports: [analyze(verdict.text, meta)] };
}

function innerNameFromFileName(fileName: string | undefined): string {
  if (fileName === undefined) return '';
  const base = baseName(fileName);
  const lower = base.toLowerCase();
  if (lower.endsWith('.gz')) return base.slice(0, -3);
  if (lower.endsWith('.tgz')) return base.slice(0, -4) + '.tar';
  return base;
}
