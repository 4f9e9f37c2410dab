// Windows `Invoke-WebRequest <url>`: a success line `Result of Invoke-webRequest / StatusCode: 200/
// StatusDescription: OK`, or a PowerShell error record (`PS>TerminatingError(Invoke-WebRequest):
// "<msg>"`, `Invoke-webRequest : <msg>`, `+ FullyQualifiedErrorId : …`). The message decides.
import { addEvidence, type EndpointObservation, type EndpointTable } from '../model';
import { classifyWebError, statusInParens, type WebOutcome } from '../web-error';
import { colonIndex, flatCopy, isDigit, trimLine, unquote } from '../text';
import type { CommandBlock } from './block';
import type { LineText } from '../line-text';

function cleanDetail(s: string): string {
  let t = trimLine(s);
  if (t.length > 300) t = t.slice(0, 300);
  return t;
}

/** `(404) Not Found.` → `(404) Not Found` (the part of a message from the status on). */
function statusDetail(message: string, status: number): string {
  const i = message.indexOf(`(${status})`);
  let t = i === -1 ? message : message.slice(i);
  t = trimLine(t);
  while (t.endsWith('.') || t.endsWith('\u3002')) t = t.slice(0, -1);
  return cleanDetail(t);
}

/** StatusCode digits after `StatusCode` (`StatusCode: 200/`, `StatusCode        : 200`). */
function statusCodeIn(line: LineText): number | undefined {
  const t = line.t;
  const i = line.indexOf('statuscode');
  if (i === -1) return undefined;
  let j = i + 'statuscode'.length;
  while (j < t.length && (t[j] === ' ' || t[j] === ':' || t[j] === '\t' || t[j] === '=')) j++;
  let k = j;
  while (k < t.length && isDigit(t.charCodeAt(k))) k++;
  if (k - j !== 3) return undefined;
  return Number(t.slice(j, k));
}

function statusDescriptionIn(line: LineText): string {
  const i = line.indexOf('statusdescription');
  if (i === -1) return '';
  const rest = line.t.slice(i + 'statusdescription'.length);
  const c = colonIndex(rest);
  return trimLine(c === -1 ? rest : rest.slice(c + 1));
}

/** The name quoted at the end of a message (`… resolved: 'proxy.contoso.local'`, curly quotes too), or ''. */
export function quotedName(message: string): string {
  let end = message.length;
  while (end > 0 && (message[end - 1] === '.' || message[end - 1] === ' ' || message[end - 1] === '\u3002')) end--;
  const q = message[end - 1];
  if (q !== "'" && q !== '\u2019') return '';
  const open = Math.max(message.lastIndexOf("'", end - 2), message.lastIndexOf('\u2018', end - 2));
  return open === -1 ? '' : message.slice(open + 1, end - 1).trim();
}

/**
 * .NET names the host it could not resolve. Through a proxy that can be the proxy's own name: then
 * the proxy setting (or DNS for it) is the problem, not the endpoint's name — Linux's `curl: (5)`.
 */
/** The last message's detail: most logs print one message for many endpoints in a row. */
const detailMemo = { message: '', ok: false, detail: '' };

/** What a web request's error message shows as its detail: from the status on when it is an answer. */
function messageDetail(message: string, ok: boolean): string {
  const memo = detailMemo;
  if (memo.ok === ok && memo.message === message) return memo.detail;
  const st = statusInParens(message);
  const detail = st !== undefined && ok ? statusDetail(message, st) : cleanDetail(message);
  // unique messages (storage errors carry a RequestId) are not worth a copy
  if (message.length > 512 || message.includes('RequestId:')) return detail;
  // flat copies: the memo must not keep a slice of the whole log alive after the parse
  memo.message = flatCopy(message);
  memo.ok = ok;
  memo.detail = detail === message ? memo.message : flatCopy(detail);
  return detail;
}

function proxyNameUnresolved(outcome: WebOutcome, message: string, host: string): WebOutcome {
  if (outcome.state !== 'failed' || outcome.cause !== 'dns') return outcome;
  const name = quotedName(message);
  return name !== '' && name.toLowerCase() !== host.toLowerCase() ? { state: 'failed', cause: 'proxy-resolve' } : outcome;
}

export class WebRequestBlock implements CommandBlock {
  readonly endpoint: EndpointObservation | undefined;
  private status: number | undefined;
  private statusLine = '';
  private message: string | undefined;
  private ie = false;
  private resultLineSeen = false;
  private other: string | undefined;
  private otherLine = 0;

  constructor(
    table: EndpointTable,
    host: string | undefined,
    port: number,
    scheme: string,
    private readonly tryLine: number,
    private readonly tryText: string,
  ) {
    this.endpoint = host === undefined ? undefined : table.get(host, port, tryLine);
    if (this.endpoint) {
      this.endpoint.webStarted = true;
      this.endpoint.webScheme = scheme;
    }
  }

  hasResult(): boolean {
    return this.status !== undefined || this.message !== undefined || this.resultLineSeen || this.ie || this.other !== undefined;
  }

  // What `feed` does with some lines, for the Windows parser's fast path (which has read the line
  // itself and checked that no earlier branch of `feed` applies to it).

  /** true once an error message was read (later message lines change nothing) */
  hasMessage(): boolean {
    return this.message !== undefined;
  }

  /** A `Result of Invoke-webRequest` line with StatusCode `status` (undefined: none) and its description. */
  readResultLine(lineNo: number, t: string, status: number | undefined, desc: string): void {
    this.resultLineSeen = true;
    if (status === undefined || this.status !== undefined) return;
    this.status = status;
    this.statusLine = desc ? `${status} ${desc}` : String(status);
    if (this.endpoint) addEvidence(this.endpoint, lineNo, t, 'http');
  }

  /** `PS>TerminatingError(…): "<msg>"`, `msg` unquoted and trimmed. */
  readErrorMessage(lineNo: number, t: string, msg: string): void {
    if (this.message !== undefined || !msg) return;
    this.message = msg;
    if (this.endpoint) addEvidence(this.endpoint, lineNo, t, 'http');
  }

  /** A line that only counts as "other output" (a '-----' separator). */
  readOther(lineNo: number, t: string): void {
    if (this.other === undefined && t.length > 0) {
      this.other = t;
      this.otherLine = lineNo;
    }
  }

  feed(lineNo: number, line: LineText): void {
    const t = line.t;
    const ep = this.endpoint;
    // prefixes are only tried on lines starting with their first letter
    const c = line.lowerFirst();
    const plus = c === 0x2b;
    if ((c === 0x72 && (line.startsWith('result of invoke-webrequest') || line.startsWith('result of iwr'))) || (!plus && line.includes('statuscode'))) {
      this.resultLineSeen = true;
      const s = statusCodeIn(line);
      if (s !== undefined && this.status === undefined) {
        this.status = s;
        const desc = statusDescriptionIn(line);
        this.statusLine = desc ? `${s} ${desc}` : String(s);
        if (ep) addEvidence(ep, lineNo, t, 'http');
      }
      return;
    }
    if (c === 0x70 && (line.startsWith('ps>terminatingerror(') || line.startsWith('ps>terminatingerror ('))) {
      if (this.message !== undefined) return; // only the first message counts
      const close = t.indexOf(')');
      const rest = close === -1 ? '' : t.slice(close + 1);
      const colon = colonIndex(rest);
      const msg = unquote(colon === -1 ? rest : rest.slice(colon + 1));
      if (msg) {
        this.message = msg;
        if (ep) addEvidence(ep, lineNo, t, 'http');
      }
      return;
    }
    if (c === 0x69 && (line.startsWith('invoke-webrequest') || line.startsWith('invoke-restmethod') || line.startsWith('iwr ') || line.startsWith('iwr:'))) {
      if (this.message !== undefined) return;
      const colon = colonIndex(t);
      const msg = colon === -1 ? '' : unquote(t.slice(colon + 1));
      if (msg) {
        this.message = msg;
        if (ep) addEvidence(ep, lineNo, t, 'http');
      }
      return;
    }
    if (plus) {
      if (!this.ie && line.includes('iedomnotsupported')) this.ie = true;
      return;
    }
    if (
      (c === 0x61 && (line.startsWith('at ') || line.startsWith('at line'))) ||
      (c === 0x77 && line.startsWith('warning')) ||
      c === 0x7e || // '~'
      t.startsWith('発生場所') ||
      t.startsWith('警告')
    ) {
      return;
    }
    if (this.other === undefined && t.length > 0) {
      this.other = t;
      this.otherLine = lineNo;
    }
  }

  finish(atEof: boolean): void {
    const ep = this.endpoint;
    if (!ep) return;
    if (ep.evidence.length === 0) addEvidence(ep, this.tryLine, this.tryText, 'http');
    let outcome: WebOutcome;
    let detail = '';
    if (this.status !== undefined) {
      outcome = this.status === 407 ? { state: 'failed', cause: 'proxy-auth', status: 407 } : { state: 'ok', status: this.status };
      detail = this.statusLine;
    } else if (this.message !== undefined) {
      outcome = proxyNameUnresolved(classifyWebError(this.message), this.message, ep.host);
      if (outcome.state === 'inconclusive' && this.ie) outcome = { state: 'ok', note: 'ie-engine-unavailable' };
      detail = messageDetail(this.message, outcome.state === 'ok');
    } else if (this.ie) {
      outcome = { state: 'ok', note: 'ie-engine-unavailable' };
    } else if (this.other !== undefined) {
      outcome = proxyNameUnresolved(classifyWebError(this.other), this.other, ep.host);
      if (outcome.state !== 'inconclusive') {
        detail = cleanDetail(this.other);
        addEvidence(ep, this.otherLine, this.other, 'http');
      } else if (!this.resultLineSeen && atEof) {
        outcome = { state: 'not-tested' };
      } else {
        detail = cleanDetail(this.other);
        addEvidence(ep, this.otherLine, this.other, 'http');
      }
    } else if (this.resultLineSeen) {
      outcome = { state: 'inconclusive' };
    } else if (atEof) {
      ep.cut = true;
      addEvidence(ep, this.tryLine, this.tryText, 'http');
      return;
    } else {
      outcome = { state: 'inconclusive' };
      addEvidence(ep, this.tryLine, this.tryText, 'http');
    }
    applyWebOutcome(ep, outcome, detail);
  }
}

/** Writes a web-request outcome into the endpoint (a later observation replaces an earlier one). */
export function applyWebOutcome(ep: EndpointObservation, outcome: WebOutcome, detail: string): void {
  // cleared by assignment, not `delete`: a delete turns the object into a slow dictionary
  ep.httpCause = undefined;
  ep.httpStatus = undefined;
  ep.httpNote = undefined;
  ep.httpDetail = undefined;
  if (detail) ep.httpDetail = detail;
  switch (outcome.state) {
    case 'ok':
      ep.http = 'ok';
      if (outcome.status !== undefined) ep.httpStatus = outcome.status;
      if (outcome.note !== undefined) ep.httpNote = outcome.note;
      break;
    case 'failed':
      ep.http = 'failed';
      ep.httpCause = outcome.cause;
      if (outcome.status !== undefined) ep.httpStatus = outcome.status;
      break;
    case 'inconclusive':
      ep.http = 'inconclusive';
      ep.httpCause = 'unknown';
      break;
    case 'not-tested':
      ep.http = 'not-tested';
      break;
  }
}
