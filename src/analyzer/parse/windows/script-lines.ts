// The lines the Windows script prints for every endpoint, read in their exact printed form at
// offsets of the whole log text (no line string, no regular expression, no lower-case copy).
// Each reader accepts only a subset of what the general readers accept and gives exactly their
// answer for it (see test/analyzer/parse/script-lines.test.ts); anything else returns undefined /
// false and the general path reads the line. The Windows parser's fast path is built on them.
import { isIPv4, isIpAddress } from '../hosts';
import type { TryCommand } from '../blocks/try-line';

const TRY_TNC = '#TRY!! Test-NetConnection ';
const TRY_WEB = '#TRY!! Invoke-webRequest https://';
/** readScriptTryLine leaves longer lines to the general reader */
const TRY_MAX = 300;

function isLowerHostCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;
}

/**
 * End of the host name starting at `i` ([a-z0-9][a-z0-9.-]*, lower-case only, so that the host is
 * what `toLowerCase` would make of it), or -1 when it is not one readScriptTryLine accepts as is:
 * 3–253 long with a dot and a letter (or an IPv4 address), no trailing dot.
 */
function hostEnd(text: string, i: number, b: number): number {
  const start = i;
  let c = text.charCodeAt(i);
  if (i >= b || c === 0x2e || c === 0x2d || !isLowerHostCode(c)) return -1;
  let dot = false;
  let letter = false;
  for (; i < b; i++) {
    c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) letter = true;
    else if (c === 0x2e) dot = true;
    else if (!((c >= 0x30 && c <= 0x39) || c === 0x2d)) break;
  }
  const n = i - start;
  if (text.charCodeAt(i - 1) === 0x2e) return -1;
  if (dot && letter && n >= 3 && n <= 253) return i;
  return isIPv4(text.slice(start, i)) ? i : -1;
}

/** All of [i, b) is ' ' or '#' (the `[ #]*$` end of the script's TRY line). */
function onlySpaceOrHash(text: string, i: number, b: number): boolean {
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x23) return false;
  }
  return true;
}

function skipSpaces(text: string, i: number, b: number): number {
  while (i < b && text.charCodeAt(i) === 0x20) i++;
  return i;
}

/**
 * `#TRY!! Test-NetConnection <host> -port <n>` / `#TRY!! Invoke-webRequest https://<host>` as the
 * script prints them, the trimmed line being text[a, b): the command readScriptTryLine gives for
 * it, or undefined (not this exact form: the general reader decides).
 */
export function readScriptTryAt(text: string, a: number, b: number): TryCommand | undefined {
  if (b - a > TRY_MAX) return undefined;
  if (text.startsWith(TRY_TNC, a)) {
    const h = skipSpaces(text, a + TRY_TNC.length, b);
    const he = hostEnd(text, h, b);
    if (he === -1 || text.charCodeAt(he) !== 0x20) return undefined;
    let i = skipSpaces(text, he, b);
    if (!text.startsWith('-port ', i)) return undefined;
    i = skipSpaces(text, i + 6, b);
    const d = i;
    let port = 0;
    while (i < b && i - d < 6) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      port = port * 10 + (c - 0x30);
      i++;
    }
    if (i === d || i - d > 5 || port === 0 || port > 65535 || !onlySpaceOrHash(text, i, b)) return undefined;
    return { kind: 'tnc', command: 'Test-NetConnection', host: text.slice(h, he), port };
  }
  if (text.startsWith(TRY_WEB, a)) {
    const h = a + TRY_WEB.length;
    const he = hostEnd(text, h, b);
    if (he === -1 || !onlySpaceOrHash(text, he, b)) return undefined;
    return { kind: 'web', command: 'Invoke-webRequest', host: text.slice(h, he), scheme: 'https' };
  }
  return undefined;
}

/** What a `Result of tnc` line says (filled by readTncResultAt). */
export interface TncFacts {
  succeeded: boolean;
  address: string | undefined;
}

const TNC_RESULT = 'Result of tnc - ';
const TNC_FROM = ' / from ';
const TNC_TO = ' /To URL  ';
const TNC_ADDRESS = ' IPaddress ';
const TNC_SUCCEEDED = ' / TcpTestSucceeded: ';

/** digits, a–f, '.', ':' (an IPv4 / IPv6 address): no letters of the words searched on the line */
function addressEnd(text: string, i: number, b: number): number {
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x3a) || (c >= 0x61 && c <= 0x66) || c === 0x2e)) break;
  }
  return i;
}

/**
 * `Result of tnc - <port> / from <ip> /To URL  <host> IPaddress <ip> / TcpTestSucceeded: True|False`
 * as the script prints it, for the `host` of the TRY line (a lower-case [a-z0-9.-] name), the
 * trimmed line being text[a, b). Fills `out` with what parseTncResultLine reads from it and
 * returns true; false when the line is not exactly of this form.
 *
 * Exact: every part is fixed text, digits, an address or the host, so the first 'ipaddress' and
 * 'tcptestsucceeded' (the words parseTncResultLine looks for) are the ones above, unless the host
 * has them (then false).
 */
export function readTncResultAt(text: string, a: number, b: number, host: string, out: TncFacts): boolean {
  if (!text.startsWith(TNC_RESULT, a)) return false;
  let i = a + TNC_RESULT.length;
  const d = i;
  while (i < b && i - d <= 5 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  if (i === d || !text.startsWith(TNC_FROM, i)) return false;
  i = addressEnd(text, i + TNC_FROM.length, b);
  if (!text.startsWith(TNC_TO, i)) return false;
  i += TNC_TO.length;
  if (!text.startsWith(host, i)) return false;
  i += host.length;
  if (!text.startsWith(TNC_ADDRESS, i) || host.includes('ipaddress') || host.includes('tcptestsucceeded')) return false;
  const as = i + TNC_ADDRESS.length;
  const ae = addressEnd(text, as, b);
  if (!text.startsWith(TNC_SUCCEEDED, ae)) return false;
  i = ae + TNC_SUCCEEDED.length;
  if (b - i === 4 && text.startsWith('True', i)) out.succeeded = true;
  else if (b - i === 5 && text.startsWith('False', i)) out.succeeded = false;
  else return false;
  // an empty address leaves '/' as the word after IPaddress, which is no address
  const addr = ae > as ? text.slice(as, ae) : '';
  out.address = addr !== '' && isIpAddress(addr) ? addr : undefined;
  return true;
}

const WEB_RESULT = 'Result of Invoke-webRequest  / StatusCode: ';
const WEB_DESCRIPTION = '/ StatusDescription:';

/**
 * A `Result of Invoke-webRequest  / StatusCode: [nnn]/ StatusDescription: …` line as the script
 * prints it (trimmed line text[a, b)): -1 when it is not of this form (or has no status but text
 * after the description's colon), 0x10000 when it has no status code, else the status
 * (statusCodeIn's answer); its description starts at `text.indexOf(':', …) + 1` (see webDescriptionAt).
 */
export function readWebResultAt(text: string, a: number, b: number): number {
  if (!text.startsWith(WEB_RESULT, a)) return -1;
  const i = a + WEB_RESULT.length;
  if (text.startsWith(WEB_DESCRIPTION, i)) return i + WEB_DESCRIPTION.length === b ? 0x10000 : -1;
  let status = 0;
  for (let j = i; j < i + 3; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return -1;
    status = status * 10 + (c - 0x30);
  }
  return text.startsWith(WEB_DESCRIPTION, i + 3) ? status : -1;
}

/** Where the description of a line readWebResultAt accepted with a status starts (before trimming). */
export function webDescriptionAt(a: number): number {
  return a + WEB_RESULT.length + 3 + WEB_DESCRIPTION.length;
}

const PS_ERROR = 'PS>TerminatingError(Invoke-WebRequest): "';

/**
 * `PS>TerminatingError(Invoke-WebRequest): "<message>"` (trimmed line text[a, b)): the index of
 * the opening quote, or -1. The message is then `trimLine(text.slice(q + 1, b - 1))`, which is
 * what the web-request reader's unquote gives for this form.
 */
export function errorQuoteAt(text: string, a: number, b: number): number {
  const q = a + PS_ERROR.length - 1;
  if (b - 1 <= q || text.charCodeAt(b - 1) !== 0x22 || !text.startsWith(PS_ERROR, a)) return -1;
  return q;
}
