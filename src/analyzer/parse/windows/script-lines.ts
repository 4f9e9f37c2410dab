// The lines the Windows script prints for every endpoint, read in their exact printed form at
// offsets of the whole log text (no line string, no regular expression, no lower-case copy).
// Each reader accepts only a subset of what the general readers accept and gives exactly their
// answer for it (see test/analyzer/parse/script-lines.test.ts); anything else returns undefined /
// false and the general path reads the line. The Windows parser's fast path is built on them.
import { isIPv4, isIpAddress } from '../hosts';
import { sameAt } from '../text';
import type { TryCommand } from '../blocks/try-line';

// The exact forms, checked by sticky expressions (one pass of compiled code over the line, no
// match object); the parts are then found with native searches. No nested quantifiers.
const TRY_TNC = /#TRY!! Test-NetConnection +[a-z0-9][a-z0-9.-]* +-port +[0-9]{1,5}[ #]*/y;
const TRY_WEB = /#TRY!! Invoke-webRequest https:\/\/[a-z0-9][a-z0-9.-]*[ #]*/y;
/** a letter before the end of a name of [a-z0-9.-] */
const HAS_LETTER = /[0-9.-]*[a-z]/y;
/** readScriptTryLine leaves longer lines to the general reader */
const TRY_MAX = 300;

/** The expression matches text[a, b) whole (it may go on over the spaces trimmed off after b). */
function matchesAt(re: RegExp, text: string, a: number, b: number): boolean {
  re.lastIndex = a;
  return re.test(text) && re.lastIndex >= b;
}

/**
 * The host name text[h, he) (already [a-z0-9][a-z0-9.-]*, lower-case only, so that it is what
 * `toLowerCase` would make of it) as readScriptTryLine accepts it: 3–253 long with a dot and a
 * letter, or an IPv4 address; no trailing dot. The name, or undefined.
 */
function scriptHost(text: string, h: number, he: number): string | undefined {
  if (text.charCodeAt(he - 1) === 0x2e) return undefined;
  const host = text.slice(h, he);
  const n = he - h;
  HAS_LETTER.lastIndex = h;
  if (n >= 3 && n <= 253 && HAS_LETTER.test(text) && HAS_LETTER.lastIndex <= he && host.includes('.')) return host;
  return isIPv4(host) ? host : undefined;
}

/**
 * `#TRY!! Test-NetConnection <host> -port <n>` / `#TRY!! Invoke-webRequest https://<host>` as the
 * script prints them, the trimmed line being text[a, b): the command readScriptTryLine gives for
 * it, or undefined (not this exact form: the general reader decides).
 */
export function readScriptTryAt(text: string, a: number, b: number): TryCommand | undefined {
  if (b - a > TRY_MAX) return undefined;
  const web = text.charCodeAt(a + 7) === 0x49;
  if (!matchesAt(web ? TRY_WEB : TRY_TNC, text, a, b)) return undefined;
  if (web) {
    // 'I': the web form; the host ends where the trailing spaces and '#' start
    const h = a + '#TRY!! Invoke-webRequest https://'.length;
    let he = b;
    while (text.charCodeAt(he - 1) === 0x20 || text.charCodeAt(he - 1) === 0x23) he--;
    const host = scriptHost(text, h, he);
    return host === undefined ? undefined : { kind: 'web', command: 'Invoke-webRequest', host, scheme: 'https' };
  }
  let h = a + '#TRY!! Test-NetConnection '.length;
  while (text.charCodeAt(h) === 0x20) h++;
  const he = text.indexOf(' ', h);
  let i = text.indexOf('-port ', he) + 6;
  while (text.charCodeAt(i) === 0x20) i++;
  let port = 0;
  for (let c = text.charCodeAt(i); c >= 0x30 && c <= 0x39; c = text.charCodeAt(++i)) port = port * 10 + (c - 0x30);
  const host = port > 0 && port < 65536 ? scriptHost(text, h, he) : undefined;
  return host === undefined ? undefined : { kind: 'tnc', command: 'Test-NetConnection', host, port };
}

/** What a `Result of tnc` line says (filled by readTncResultAt), and where its host is. */
export interface TncFacts {
  succeeded: boolean;
  address: string | undefined;
  hostStart: number;
  hostEnd: number;
}

// digits, a–f, '.', ':' (IPv4 / IPv6 addresses): none of the words searched on the line fits in them
const TNC_RESULT =
  /Result of tnc - [0-9]{1,6} \/ from [0-9a-f.:]* \/To URL {2}[a-z0-9.-]+ IPaddress [0-9a-f.:]* \/ TcpTestSucceeded: (?:True|False)/y;

/**
 * `Result of tnc - <port> / from <ip> /To URL  <host> IPaddress <ip> / TcpTestSucceeded: True|False`
 * as the script prints it, the trimmed line being text[a, b). Fills `out` with what
 * parseTncResultLine reads from it (and where the host is) and returns true; false when the line
 * is not exactly of this form.
 *
 * Exact when the caller has checked that the host (lower-case [a-z0-9.-]) contains neither
 * 'ipaddress' nor 'tcptestsucceeded': every other part is fixed text, digits or an address, so the
 * first occurrences of those words (what parseTncResultLine looks for) are the ones above.
 */
export function readTncResultAt(text: string, a: number, b: number, out: TncFacts): boolean {
  if (!matchesAt(TNC_RESULT, text, a, b)) return false;
  // no part before each of these has a space in it: the first occurrence is the one matched
  const hs = text.indexOf(' /To URL  ', a) + ' /To URL  '.length;
  const he = text.indexOf(' IPaddress ', hs);
  const as = he + ' IPaddress '.length;
  const ae = text.indexOf(' / TcpTestSucceeded: ', as);
  // parseTncResultLine skips ':' after the keyword (`IPaddress: x`), so it would not read '::1' whole
  if (text.charCodeAt(as) === 0x3a) return false;
  out.succeeded = b - ae === ' / TcpTestSucceeded: True'.length;
  // an empty address leaves '/' as the word after IPaddress, which is no address
  const addr = ae > as ? text.slice(as, ae) : '';
  out.address = addr !== '' && isIpAddress(addr) ? addr : undefined;
  out.hostStart = hs;
  out.hostEnd = he;
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
  if (!sameAt(text, a, WEB_RESULT)) return -1;
  const i = a + WEB_RESULT.length;
  if (sameAt(text, i, WEB_DESCRIPTION)) return i + WEB_DESCRIPTION.length === b ? 0x10000 : -1;
  let status = 0;
  for (let j = i; j < i + 3; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return -1;
    status = status * 10 + (c - 0x30);
  }
  return sameAt(text, i + 3, WEB_DESCRIPTION) ? status : -1;
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
  if (b - 1 <= q || text.charCodeAt(b - 1) !== 0x22 || !sameAt(text, a, PS_ERROR)) return -1;
  return q;
}
