// Small string helpers shared by the parsers. All linear; no regular expressions on log data
// beyond simple, anchored character classes.
import type { Evidence } from '../report';

/** Longest evidence text kept (characters), so a 10 MB line never ends up in a report. */
export const EVIDENCE_MAX = 300;
/** How much of one line the parsers look at: long enough for any real log line. */
export const ANALYSIS_MAX = 16384;

/**
 * A copy of `s` as one flat string, so a memo kept across a parse does not hold on to the whole
 * text it was sliced from, and compares (sameAt) against it are a plain memory compare.
 */
export function flatCopy(s: string): string {
  return s.split('').join('');
}

/**
 * `text.startsWith(s, at)`, measured 5–10× faster for s of 40+ characters: V8's startsWith
 * compares character by character, while a slice (no copy for 13+ characters) compared with ===
 * is one memory compare.
 */
export function sameAt(text: string, at: number, s: string): boolean {
  return text.slice(at, at + s.length) === s;
}

/** Characters trimLine drops at both ends. */
export function isSpaceCode(c: number): boolean {
  // space, tab, NUL-ish padding, NBSP, ideographic space, BOM; printable ASCII in one comparison
  if (c > 0x20 && c < 0xa0) return false;
  return c === 0x20 || c === 0x09 || c === 0x00 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x0b || c === 0x0c;
}

/** trim() that also drops NULs, BOMs and ideographic spaces at both ends. */
export function trimLine(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Characters cleanEvidenceText replaces (or, for surrogates, looks at): rare in real logs. */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;

/**
 * Text safe to show as evidence: trimmed, control characters replaced by a visible mark, lone
 * surrogates replaced, at most EVIDENCE_MAX characters (an ellipsis marks a cut).
 *
 * Not copied: a clean line stays a slice of the log text. A report therefore keeps its log's text
 * alive while the report object lives (at most the input size); reports leave the analyzer by
 * structured clone (the bot's worker) or JSON (storage, CLI), which copy only the short strings.
 */
export function cleanEvidenceText(raw: string): string {
  const head = raw.length > EVIDENCE_MAX * 2 ? raw.slice(0, EVIDENCE_MAX * 2) : raw;
  const t = trimLine(head);
  let out = NEEDS_CLEANING.test(t) ? replaceUnsafe(t) : t;
  if (out.length > EVIDENCE_MAX || head.length < raw.length) {
    let cut = Math.min(out.length, EVIDENCE_MAX - 1);
    const last = out.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--;
    out = out.slice(0, cut) + '\u2026';
  }
  return out;
}

/** Control characters → '·' (tab → space), lone surrogates → U+FFFD; valid pairs kept. */
function replaceUnsafe(t: string): string {
  // Build from slices of clean runs (not char by char).
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) rep = c === 0x09 ? ' ' : '\u00b7';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < t.length ? t.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else rep = '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = '\ufffd';
    if (rep !== undefined) {
      if (i > runStart) parts.push(t.slice(runStart, i));
      parts.push(rep);
      runStart = i + 1;
    }
  }
  if (parts.length === 0) return t;
  if (runStart < t.length) parts.push(t.slice(runStart));
  return parts.join('');
}

/** A copy of `list` in line order (stable). Evidence lists are short: no Array#sort machinery. */
export function byLine<T extends { line: number }>(list: readonly T[]): T[] {
  const out = list.slice();
  for (let i = 1; i < out.length; i++) {
    const e = out[i] as T;
    let j = i - 1;
    while (j >= 0 && (out[j] as T).line > e.line) {
      out[j + 1] = out[j] as T;
      j--;
    }
    out[j + 1] = e;
  }
  return out;
}

export function evidence(line: number, raw: string): Evidence {
  return { line, text: cleanEvidenceText(raw) };
}

/** Adds `e` unless `list` already has that line or is full. */
export function pushEvidence(list: Evidence[], e: Evidence, max: number): void {
  if (list.length >= max) return;
  for (const x of list) if (x.line === e.line) return;
  list.push(e);
}

/** Index of the first ':' or full-width '：', or -1. */
export function colonIndex(s: string): number {
  const a = s.indexOf(':');
  const b = s.indexOf('\uff1a');
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}

/** The part before the first colon, lower-case with all white space removed ("Proxy Server(s)" → "proxyserver(s)"). */
export function keyOf(s: string): string {
  const i = colonIndex(s);
  const k = i === -1 ? s : s.slice(0, i);
  if (k.length > 80) return '';
  let out = '';
  for (let j = 0; j < k.length; j++) {
    const c = k.charCodeAt(j);
    if (isSpaceCode(c) || c === 0x3000) continue;
    out += k[j] as string;
  }
  return out.toLowerCase();
}

/**
 * `keyOf(s) === key` for a lower-case ASCII `key`, without building the key: lines that are not
 * `key: value` (separators, messages) are usually ruled out at their first character.
 */
export function keyIs(s: string, key: string): boolean {
  const colon = colonIndex(s);
  const end = colon === -1 ? s.length : colon;
  if (end > 80) return key === '';
  let j = 0;
  for (let i = 0; i < end; i++) {
    let c = s.charCodeAt(i);
    if (isSpaceCode(c) || c === 0x3000) continue;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (c >= 0x80) return keyOf(s) === key; // toLowerCase rules beyond ASCII: ask keyOf
    if (j >= key.length || c !== key.charCodeAt(j)) return false;
    j++;
  }
  return j === key.length;
}

/** The trimmed part after the first colon ('' when none). */
export function valueOf(s: string): string {
  const i = colonIndex(s);
  return i === -1 ? '' : trimLine(s.slice(i + 1));
}

/** Strips one pair of matching straight or curly quotes around `s`. */
export function unquote(s: string): string {
  const t = trimLine(s);
  if (t.length < 2) return t;
  const a = t[0] as string;
  const b = t[t.length - 1] as string;
  const pairs: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019', '\u201d': '\u201d', '\u300c': '\u300d' };
  if (pairs[a] !== undefined && (pairs[a] === b || (a === '"' && b === '\u201d') || (a === '\u201c' && b === '"'))) {
    return trimLine(t.slice(1, -1));
  }
  return t;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const SEPARATOR = /^[-=]{3,}$/;

/** A line made only of '=' or '-' (at least 3), the script's block separators. */
export function isSeparator(t: string): boolean {
  const c0 = t.charCodeAt(0);
  // the regular expression scans a slice of the log faster than a loop over its characters
  return (c0 === 0x3d || c0 === 0x2d) && SEPARATOR.test(t);
}

/** Splits on any of the given single-character separators, trimming and dropping empty parts. */
export function splitList(s: string, seps: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of s) {
    if (seps.includes(c)) {
      const t = trimLine(cur);
      if (t) out.push(t);
      cur = '';
    } else cur += c;
  }
  const t = trimLine(cur);
  if (t) out.push(t);
  return out;
}

/** Parses a small non-negative integer written in decimal or 0x-hex; undefined otherwise. */
export function parseRegNumber(s: string): number | undefined {
  const t = trimLine(s).toLowerCase();
  if (t.length === 0 || t.length > 20) return undefined;
  if (t.startsWith('0x')) {
    const h = t.slice(2);
    if (h.length === 0 || h.length > 8) return undefined;
    for (let i = 0; i < h.length; i++) {
      const c = h.charCodeAt(i);
      if (!isDigit(c) && !(c >= 0x61 && c <= 0x66)) return undefined;
    }
    return parseInt(h, 16);
  }
  // "1 (0x1)" style: take the leading digits
  let end = 0;
  while (end < t.length && isDigit(t.charCodeAt(end))) end++;
  if (end === 0 || end > 10) return undefined;
  return parseInt(t.slice(0, end), 10);
}

/** Splits a line into white-space separated tokens (linear). */
export function tokens(s: string, max = 64): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n && out.length < max) {
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
    out.push(s.slice(start, i));
  }
  return out;
}
