// Linux web requests: `curl -I https://host` (and wget). Any HTTP status from the server means
// the path works; `HTTP/1.1 200 Connection established` is the proxy's tunnel answer, not the
// server's; `curl: (N) …` errors give the cause (6 DNS, 7 connect, 28 timeout, 35 TLS, 60 trust…).
import type { HttpFailureCause } from '../../report';
import { addEvidence, type EndpointObservation, type EndpointTable } from '../model';
import { isDigit, trimLine } from '../text';
import { applyWebOutcome } from './web-request-block';
import { isCommandMissing, type CommandBlock } from './block';
import type { WebOutcome } from '../web-error';
import type { LineText } from '../line-text';

/** Cause of a curl exit code (with its message for the ambiguous ones); 'ok' for -f's HTTP errors. */
export function curlCause(code: number, message: string): HttpFailureCause | 'ok' {
  const l = message.toLowerCase();
  if (l.includes('407')) return 'proxy-auth';
  switch (code) {
    case 5: return 'proxy-resolve';
    case 6: return 'dns';
    case 7: return 'connect';
    case 28: return 'timeout';
    case 35: case 58: case 59: case 64: case 66: case 80: return 'tls-channel';
    case 51: case 60: case 77: case 83: case 90: case 91: return 'tls-trust';
    case 52: case 56: return l.includes('ssl') || l.includes('tls') ? 'tls-channel' : 'connect';
    case 22: return 'ok';
    default: return 'unknown';
  }
}

/** Characters of curl's progress meter ("  0     0    0 … --:--:--     0"): digits, spaces, ':', '-', '.', '%' and the unit letters. */
function isProgressMeter(t: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = t.charCodeAt(i);
    if (!(isDigit(c) || c === 32 || c === 9 || c === 58 || c === 45 || c === 46 || c === 37 || c === 107 || c === 77 || c === 71 || c === 84)) return false;
  }
  return true;
}

/**
 * Where a status line starts: "HTTP/1.1 404 Not Found", "HTTP/2 403", "< HTTP/1.1 200 OK", or the
 * status written straight after the progress meter when curl's meter and the headers share a line
 * ("…--:--:--     0HTTP/1.1 404 Not Found", as `curl: (7)` is, too). -1 when there is none.
 */
function statusLineStart(t: string): number {
  if (t.startsWith('HTTP/')) return 0;
  if (t.startsWith('<')) {
    let i = 1;
    while (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9) i++;
    return t.startsWith('HTTP/', i) ? i : -1;
  }
  const i = t.indexOf('HTTP/');
  return i > 0 && isProgressMeter(t, i) ? i : -1;
}

function parseHttpStatusLine(s: string): number | undefined {
  const sp = s.indexOf(' ');
  if (sp === -1) return undefined;
  const code = s.slice(sp + 1, sp + 4);
  if (code.length !== 3 || ![...code].every((c) => isDigit(c.charCodeAt(0)))) return undefined;
  return Number(code);
}

export class CurlBlock implements CommandBlock {
  readonly endpoint: EndpointObservation | undefined;
  private status: number | undefined;
  private statusText = '';
  private tunnel = false;
  private errorCode: number | undefined;
  private errorText = '';
  private missing = false;
  private wgetCause: HttpFailureCause | undefined;
  private wgetText = '';

  constructor(
    table: EndpointTable,
    host: string | undefined,
    port: number,
    scheme: string,
    explicitProxy: boolean,
    noProxy: boolean,
    private readonly tryLine: number,
    private readonly tryText: string,
  ) {
    this.endpoint = host === undefined ? undefined : table.get(host, port, tryLine);
    if (this.endpoint) {
      this.endpoint.webStarted = true;
      this.endpoint.webScheme = scheme;
      if (explicitProxy) this.endpoint.proxyProven = true;
      if (noProxy) this.endpoint.proxyRefused = true;
    }
  }

  hasResult(): boolean {
    return this.status !== undefined || this.errorCode !== undefined || this.missing || this.wgetCause !== undefined;
  }

  feed(lineNo: number, line: LineText): void {
    const t = line.t;
    if (t.length === 0) return;
    const ep = this.endpoint;
    const at = statusLineStart(t);
    const st = at === -1 ? undefined : parseHttpStatusLine(at === 0 ? t : t.slice(at));
    if (st !== undefined) {
      const l = line.lower();
      if (st === 200 && l.includes('connection established')) {
        this.tunnel = true;
      } else if (this.status === undefined || (this.status >= 300 && this.status < 400)) {
        this.status = st;
        this.statusText = at === 0 ? t : t.slice(at);
        if (ep) addEvidence(ep, lineNo, t, 'http');
      }
      return;
    }
    const ci = t.indexOf('curl: (');
    if (ci !== -1 && this.errorCode === undefined) {
      const close = t.indexOf(')', ci);
      const num = close === -1 ? '' : t.slice(ci + 7, close);
      if (num.length > 0 && num.length <= 3 && [...num].every((c) => isDigit(c.charCodeAt(0)))) {
        this.errorCode = Number(num);
        this.errorText = trimLine(t.slice(ci));
        if (ep) addEvidence(ep, lineNo, this.errorText, 'http');
      }
      return;
    }
    const l = line.lower();
    if (l.startsWith('* uses proxy env variable') || l.startsWith('* establish http proxy tunnel') || l.includes('connecting to proxy')) {
      this.tunnel = true;
      return;
    }
    if (isCommandMissing(line)) {
      this.missing = true;
      if (ep) addEvidence(ep, lineNo, t, 'http');
      return;
    }
    // wget messages
    if (this.wgetCause === undefined) {
      let cause: HttpFailureCause | undefined;
      if (l.includes('unable to resolve host address') || l.includes('name or service not known')) cause = 'dns';
      else if (l.includes('connection timed out') || l.includes('read error') && l.includes('timed out')) cause = 'timeout';
      else if (l.includes('connection refused') || l.includes('no route to host') || l.includes('network is unreachable')) cause = 'connect';
      else if (l.includes('cannot verify') && l.includes('certificate')) cause = 'tls-trust';
      else if (l.includes('unable to establish ssl connection')) cause = 'tls-channel';
      if (cause !== undefined) {
        this.wgetCause = cause;
        this.wgetText = t;
        if (ep) addEvidence(ep, lineNo, t, 'http');
      }
    }
  }

  finish(atEof: boolean): void {
    const ep = this.endpoint;
    if (!ep) return;
    if (ep.evidence.length === 0) addEvidence(ep, this.tryLine, this.tryText, 'http');
    if (this.tunnel) ep.proxyProven = true;
    let outcome: WebOutcome;
    let detail = '';
    if (this.errorCode !== undefined) {
      const cause = curlCause(this.errorCode, this.errorText);
      detail = this.errorText.length > 300 ? this.errorText.slice(0, 300) : this.errorText;
      if (cause === 'ok') outcome = { state: 'ok' };
      else if (cause === 'unknown') outcome = { state: 'inconclusive' };
      else outcome = { state: 'failed', cause };
    } else if (this.status !== undefined) {
      outcome = this.status === 407 ? { state: 'failed', cause: 'proxy-auth', status: 407 } : { state: 'ok', status: this.status };
      detail = this.statusText.length > 300 ? this.statusText.slice(0, 300) : this.statusText;
    } else if (this.wgetCause !== undefined) {
      outcome = { state: 'failed', cause: this.wgetCause };
      detail = this.wgetText.slice(0, 300);
    } else if (this.missing) {
      outcome = { state: 'not-tested' };
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
