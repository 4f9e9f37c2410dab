// What a host name tells us: which service it belongs to, its Azure Backup geo code, whether an
// address or alias means a private endpoint. Pure string checks.
import type { Service } from '../report';
import { regionForGeoCode } from '../region/regions';
import { isDigit, isSpaceCode, trimLine } from './text';

const BACKUP_SUFFIXES = ['.backup.windowsazure.com', '.backup.windowsazure.us', '.backup.windowsazure.cn', '.backup.windowsazure.de'];
const ENTRA_DOMAINS = [
  'microsoftonline.com', 'microsoft.com', 'windows.net', 'microsoftonline.us', 'microsoftonline.de',
  'chinacloudapi.cn', 'microsoftonline.cn', 'microsoftonline-p.com',
];
/*
 * CASE_NOTE — exact pre-checks on the original string. `x.toLowerCase().includes(p)` for a
 * lower-case ASCII pattern `p` is the same as a non-unicode `/p/i` search on `x` in which every
 * `k` may also be the Kelvin sign U+212A: only U+0130 (İ → i + U+0307) and U+212A (K → k)
 * lower-case to ASCII, the `i` of U+0130 is followed by U+0307 (never part of these patterns), and
 * a non-unicode `/i` never folds other characters into ASCII (both checked over all code points in
 * test/analyzer/parse/hosts.property.test.ts, which also compares the functions below with their
 * plain lower-case-first forms).
 */
const BACKUP_HINT = /bac[k\u212a]up\.windowsazure\./i;
const PRIVATE_LINK_HINT = /privatelin[k\u212a]\./i;
const ASR_MARKERS = /\.hypervrecoverymanager\.windowsazure\.|\.siterecovery\.windowsazure\./i;
const BACKUP_SUFFIX = /\.bac[k\u212a]up\.windowsazure\.(?:com|us|cn|de)$/i;
const STORAGE_MARKERS = /\.(?:blob|queue|table|file|dfs)\.core\.|\.blob\.storage\.azure\./i;
const REC = /-rec/i;
const LOGIN = /^login/i;

/**
 * Service an endpoint belongs to (report-contract.md "Service of an endpoint"). Runs once per new
 * endpoint while parsing: the markers are matched on the host as printed (CASE_NOTE) instead of
 * on a lower-cased copy.
 */
export function serviceOf(host: string): Service {
  if (ASR_MARKERS.test(host)) return 'site-recovery';
  if (BACKUP_SUFFIX.test(host)) {
    // pod01-rec2, pod01-rec1 … and the private-endpoint form <vault>-ab-pod01-rec2: "-rec" in the first label
    const rec = host.search(REC);
    return rec !== -1 && rec + 4 <= host.indexOf('.') ? 'file-recovery' : 'azure-backup';
  }
  if (STORAGE_MARKERS.test(host)) return 'azure-storage';
  if (LOGIN.test(host)) {
    const h = host.toLowerCase();
    const dot = h.indexOf('.');
    if (dot > 0) {
      const rest = h.slice(dot + 1);
      for (const d of ENTRA_DOMAINS) if (rest === d || rest.endsWith('.' + d)) return 'entra-id';
    }
  }
  return 'other';
}

/**
 * Geo code of `<x>.<geo>.backup.windowsazure.com` (also `privatelink.<geo>.backup…` and the
 * sovereign suffixes), lower-case; undefined for any other host or an unknown code.
 */
export function geoOfHost(host: string): string | undefined {
  // Most hosts are not Backup names: rule them out without a lower-cased copy (see CASE_NOTE).
  if (!BACKUP_HINT.test(host)) return undefined;
  const h = host.toLowerCase();
  for (const s of BACKUP_SUFFIXES) {
    if (!h.endsWith(s)) continue;
    const before = h.slice(0, h.length - s.length);
    const dot = before.lastIndexOf('.');
    const label = dot === -1 ? before : before.slice(dot + 1);
    if (dot === -1) return undefined; // "<geo>.backup…" alone is not a checked endpoint name
    if (label.length === 0 || label.length > 8) return undefined;
    return regionForGeoCode(label) ? label : undefined;
  }
  return undefined;
}

/** A dotted IPv4 address as one number (first octet highest), or -1. No array per call: it runs per address. */
function parseIPv4(s: string): number {
  if (s.length < 7 || s.length > 15) return -1;
  let value = 0;
  let octets = 0;
  let n = 0;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i === s.length ? 0x2e : s.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || n > 255 || octets === 4) return -1;
      value = value * 256 + n;
      octets++;
      n = 0;
      digits = 0;
    } else if (isDigit(c) && digits < 3) {
      n = n * 10 + (c - 0x30);
      digits++;
    } else return -1;
  }
  return octets === 4 ? value : -1;
}

export function isIPv4(s: string): boolean {
  return parseIPv4(s) !== -1;
}

/** A plausible IPv6 literal (hex digits, colons, optional zone / embedded IPv4). */
export function isIPv6(s: string): boolean {
  if (s.length < 2 || s.length > 64 || !s.includes(':')) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46) || c === 0x3a || c === 0x2e || c === 0x25;
    if (!ok) return false;
  }
  return true;
}

export function isIpAddress(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** RFC 1918 (10/8, 172.16/12, 192.168/16) or IPv6 unique-local (fc00::/7). */
export function isPrivateAddress(addr: string): boolean {
  // 10/8, 172.16/12, 192.168/16 start with '1' (or a leading '0': "010.x"), fc/fd with 'f': one
  // character rules out most public addresses without parsing them.
  const c0 = addr.charCodeAt(0);
  if (c0 !== 0x31 && c0 !== 0x30 && c0 !== 0x66 && c0 !== 0x46) return false;
  const v4 = parseIPv4(addr);
  if (v4 !== -1) {
    const a = Math.floor(v4 / 0x1000000);
    const b = Math.floor(v4 / 0x10000) % 256;
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  const l = addr.toLowerCase();
  return isIPv6(l) && (l.startsWith('fc') || l.startsWith('fd'));
}

/**
 * A `privatelink` alias that means a customer private endpoint for Backup / Storage / Site
 * Recovery (`privatelink.<geo>.backup…`, `privatelink.blob…`). Microsoft's own front doors such as
 * `ak.privatelink.msidentity.com` behind login.microsoftonline.com are not.
 */
export function isPrivateLinkName(name: string): boolean {
  if (!PRIVATE_LINK_HINT.test(name)) return false; // no lower-cased copy for the usual name (CASE_NOTE)
  const n = name.toLowerCase();
  const i = n.indexOf('privatelink.');
  if (i === -1) return false;
  const rest = n.slice(i + 'privatelink.'.length);
  if (rest.includes('msidentity.com')) return false;
  return (
    rest.includes('backup.windowsazure.') ||
    rest.includes('blob.') ||
    rest.includes('queue.') ||
    rest.includes('siterecovery.windowsazure.') ||
    rest.includes('hypervrecoverymanager.')
  );
}

/** A plausible DNS name (letters/digits/-/_/. with at least one dot and a letter). */
export function isHostname(s: string): boolean {
  if (s.length < 3 || s.length > 253) return false;
  let dot = false;
  let letter = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) dot = true;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) letter = true;
    else if (!(isDigit(c) || c === 0x2d || c === 0x5f || c === 0x2a)) return false;
  }
  return dot && letter && s.charCodeAt(0) !== 0x2e;
}

const QUOTES = '"\'\u201c\u201d\u2018\u2019`<(';
const TRAILING = '"\'\u201c\u201d\u2018\u2019`,;>)';

function isOneOf(chars: string, c: number): boolean {
  for (let i = 0; i < chars.length; i++) if (chars.charCodeAt(i) === c) return true;
  return false;
}

export interface ParsedTarget {
  host: string;
  /** port written in the URL, if any */
  port?: number;
  scheme?: string;
}

/**
 * Host (lower-case, no trailing dot), scheme and port of a URL or bare host as the scripts print
 * them: `https://host`, `host`, `host:443`, `'https://host/path'`. Undefined when it is not a host.
 */
export function parseTarget(raw: string): ParsedTarget | undefined {
  // Works on indices into `raw` (the host is the only string made): [a, b) is what is left.
  let a = 0;
  let b = raw.length;
  while (a < b && isSpaceCode(raw.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(raw.charCodeAt(b - 1))) b--;
  if (a === b || b - a > 2048) return undefined;
  // strip quotes of any kind and trailing punctuation the scripts add
  while (a < b && isOneOf(QUOTES, raw.charCodeAt(a))) a++;
  while (b > a && isOneOf(TRAILING, raw.charCodeAt(b - 1))) b--;
  let scheme: string | undefined;
  const sch = raw.indexOf('://', a);
  if (sch !== -1 && sch + 3 <= b) {
    scheme = raw.slice(a, sch).toLowerCase();
    a = sch + 3;
  }
  for (let i = a; i < b; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23) {
      b = i;
      break;
    }
  }
  let port: number | undefined;
  if (b > a) {
    const at = raw.lastIndexOf('@', b - 1);
    if (at >= a) a = at + 1;
  }
  if (b > a) {
    const colon = raw.lastIndexOf(':', b - 1);
    if (colon >= a && raw.charCodeAt(a) !== 0x5b) {
      const digits = b - colon - 1;
      let numeric = digits > 0 && digits <= 5;
      for (let i = colon + 1; numeric && i < b; i++) numeric = isDigit(raw.charCodeAt(i));
      if (numeric) port = Number(raw.slice(colon + 1, b));
      b = colon;
    }
  }
  while (b > a && raw.charCodeAt(b - 1) === 0x2e) b--;
  const host = raw.slice(a, b).toLowerCase();
  if (!isHostname(host) && !isIPv4(host)) return undefined;
  const out: ParsedTarget = { host };
  if (port !== undefined) out.port = port;
  if (scheme !== undefined) out.scheme = scheme;
  return out;
}

/**
 * Windows bypass-list match (ProxyOverride / WinHTTP bypass): `*` wildcards, case-insensitive,
 * `<local>` = names without a dot. Linear: the pattern is split on '*' and matched left to right.
 */
export function matchesWindowsBypass(entry: string, host: string): boolean {
  const p = trimLine(entry).toLowerCase();
  const h = host.toLowerCase();
  if (p.length === 0) return false;
  if (p === '<local>') return !h.includes('.');
  if (!p.includes('*')) return p === h;
  return globMatch(p, h);
}

/** no_proxy match (curl / wget): exact, `.suffix`, `suffix` as a domain, or `*`. */
export function matchesNoProxy(entry: string, host: string): boolean {
  let p = trimLine(entry).toLowerCase();
  const h = host.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) p = p.slice(1);
  if (p.length === 0) return false;
  if (p.startsWith('.')) return h.endsWith(p) || h === p.slice(1);
  return h === p || h.endsWith('.' + p);
}

/**
 * `(host) => entries.some((e) => matchesWindowsBypass(e, host))` (or matchesNoProxy), with the
 * entries trimmed and lower-cased once: the report asks it for every endpoint of the log, and the
 * plain form lower-cased each entry and the host once per pair.
 */
export function bypassMatcher(entries: readonly string[], style: 'windows' | 'no-proxy'): (host: string) => boolean {
  const exact = new Set<string>();
  const globs: string[][] = [];
  const suffixes: string[] = []; // no_proxy: ".suffix" matches itself as a suffix and "suffix" exactly
  let local = false;
  let any = false;
  for (const entry of entries) {
    let p = trimLine(entry).toLowerCase();
    if (style === 'windows') {
      if (p.length === 0) continue;
      if (p === '<local>') local = true;
      else if (p.includes('*')) globs.push(p.split('*'));
      else exact.add(p);
      continue;
    }
    if (p === '*') any = true;
    if (p.startsWith('*.')) p = p.slice(1);
    if (p.length === 0) continue;
    if (p.startsWith('.')) {
      suffixes.push(p);
      exact.add(p.slice(1));
    } else {
      exact.add(p);
      suffixes.push('.' + p);
    }
  }
  if (any) return () => true;
  if (!local && exact.size === 0 && globs.length === 0 && suffixes.length === 0) return () => false;
  return (host) => {
    const h = host.toLowerCase();
    if (local && !h.includes('.')) return true;
    if (exact.has(h)) return true;
    for (const g of globs) if (partsMatch(g, h)) return true;
    for (const s of suffixes) if (h.endsWith(s)) return true;
    return false;
  };
}

function globMatch(pattern: string, text: string): boolean {
  return partsMatch(pattern.split('*'), text);
}

/** globMatch on a pattern already split on '*' (at least one part). */
function partsMatch(parts: readonly string[], text: string): boolean {
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (!text.startsWith(first)) return false;
  if (text.length < first.length + last.length) return false;
  if (!text.endsWith(last)) return false;
  let pos = first.length;
  const limit = text.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    if (part.length === 0) continue;
    const j = text.indexOf(part, pos);
    if (j === -1 || j + part.length > limit) return false;
    pos = j + part.length;
  }
  return true;
}
