// Windows `Test-NetConnection host -Port N` (tnc): the script's one-line summary
// `Result of tnc - 443 / from <src> /To URL <host> IPaddress <ip> / TcpTestSucceeded: True`,
// the cmdlet's own WARNING lines, and its object output (`TcpTestSucceeded : True`) in old versions.
import { addAddress, addCleanEvidence, addEvidence, type EndpointObservation, type EndpointTable } from '../model';
import { isIpAddress, parseTarget } from '../hosts';
import { isDigit, isSpaceCode, keyIs, valueOf } from '../text';
import type { LineText } from '../line-text';
import { isCommandMissing, type CommandBlock } from './block';

export interface TncResult {
  host?: string;
  port?: number;
  address?: string;
  succeeded?: boolean;
}

/** The first token after `keyword` and any ':', ' ', tab or '=' (as `tokens` cuts it), or undefined. */
function wordAfter(line: LineText, keyword: string): string | undefined {
  const i = line.indexOf(keyword);
  if (i === -1) return undefined;
  const t = line.t;
  let j = i + keyword.length;
  while (j < t.length) {
    const c = t.charCodeAt(j);
    if (c !== 0x3a && c !== 0x20 && c !== 0x09 && c !== 0x3d) break;
    j++;
  }
  while (j < t.length && isSpaceCode(t.charCodeAt(j))) j++;
  let k = j;
  while (k < t.length && !isSpaceCode(t.charCodeAt(k))) k++;
  return k > j ? t.slice(j, k) : undefined;
}

/** Reads a `Result of tnc …` line. Missing parts stay undefined; the host only `withHost`. */
export function parseTncResultLine(line: LineText, withHost = true): TncResult {
  const t = line.t;
  const out: TncResult = {};
  const ok = wordAfter(line, 'tcptestsucceeded');
  if (ok !== undefined) {
    const v = ok.toLowerCase();
    if (v.startsWith('true')) out.succeeded = true;
    else if (v.startsWith('false')) out.succeeded = false;
  }
  const addr = wordAfter(line, 'ipaddress');
  if (addr !== undefined && isIpAddress(addr)) out.address = addr;
  const url = withHost ? wordAfter(line, 'to url') : undefined;
  if (url !== undefined) {
    const target = parseTarget(url);
    if (target) out.host = target.host;
  }
  const tnc = line.indexOf('tnc');
  if (tnc !== -1) {
    let i = tnc + 3;
    while (i < t.length && !isDigit(t.charCodeAt(i)) && t[i] !== '/') i++;
    let j = i;
    while (j < t.length && isDigit(t.charCodeAt(j))) j++;
    if (j > i && j - i <= 5) {
      const p = Number(t.slice(i, j));
      if (p > 0 && p < 65536) out.port = p;
    }
  }
  return out;
}

export function isTncResultLine(line: LineText): boolean {
  return line.lowerFirst() === 0x72 && (line.startsWith('result of tnc') || line.startsWith('result of test-netconnection'));
}

export class TncBlock implements CommandBlock {
  endpoint: EndpointObservation | undefined;
  private succeeded: boolean | undefined;
  private address: string | undefined;
  private dnsWarning = false;
  private missing = false;

  constructor(
    private readonly table: EndpointTable,
    host: string | undefined,
    private port: number,
    private readonly tryLine: number,
    private readonly tryText: string,
  ) {
    this.endpoint = host === undefined ? undefined : table.get(host, port, tryLine);
  }

  hasResult(): boolean {
    return this.succeeded !== undefined || this.missing || this.dnsWarning || this.address !== undefined;
  }

  /**
   * What `feed` does with a `Result of tnc` line when the block has its endpoint, for a caller that
   * has already read the line (the Windows parser's fast path): `succeeded` / `address` as
   * parseTncResultLine gives them, `clean` when `t` is known to be its own evidence text.
   */
  readResult(lineNo: number, t: string, succeeded: boolean | undefined, address: string | undefined, clean: boolean): void {
    const ep = this.endpoint;
    if (succeeded !== undefined) this.succeeded = succeeded;
    if (address !== undefined) this.address = address;
    if (ep === undefined) return;
    const aspect = address === undefined && succeeded === false ? 'dns' : 'tcp';
    if (clean) addCleanEvidence(ep, lineNo, t, aspect);
    else addEvidence(ep, lineNo, t, aspect);
  }

  feed(lineNo: number, line: LineText): void {
    const t = line.t;
    if (isTncResultLine(line)) {
      // the host on the line only matters when the TRY line named none
      const r = parseTncResultLine(line, this.endpoint === undefined);
      if (!this.endpoint && r.host !== undefined) {
        if (r.port !== undefined) this.port = r.port;
        this.endpoint = this.table.get(r.host, this.port, this.tryLine);
      }
      if (r.succeeded !== undefined) this.succeeded = r.succeeded;
      if (r.address !== undefined) this.address = r.address;
      if (this.endpoint) addEvidence(this.endpoint, lineNo, t, r.address === undefined && r.succeeded === false ? 'dns' : 'tcp');
      return;
    }
    if ((line.lowerFirst() === 0x77 && line.startsWith('warning')) || t.startsWith('警告')) {
      if (line.includes('name resolution') || t.includes('名前解決') || t.includes('名前の解決')) {
        this.dnsWarning = true;
        if (this.endpoint) addEvidence(this.endpoint, lineNo, t, 'dns');
      } else if (line.includes('tcp connect') || t.includes('TCP 接続') || t.includes('TCP接続')) {
        if (this.endpoint) addEvidence(this.endpoint, lineNo, t, 'tcp');
      }
      return;
    }
    // object output of the cmdlet (older script versions)
    if (keyIs(t, 'tcptestsucceeded')) {
      const v = valueOf(t).toLowerCase();
      if (v.startsWith('true')) this.succeeded = true;
      else if (v.startsWith('false')) this.succeeded = false;
      if (this.endpoint) addEvidence(this.endpoint, lineNo, t, 'tcp');
    } else if (keyIs(t, 'remoteaddress')) {
      const v = valueOf(t);
      if (isIpAddress(v)) this.address = v;
    } else if (isCommandMissing(line)) {
      this.missing = true;
      if (this.endpoint) addEvidence(this.endpoint, lineNo, t, 'tcp');
    }
  }

  finish(atEof: boolean): void {
    const ep = this.endpoint;
    if (!ep) return;
    if (ep.evidence.length === 0) addEvidence(ep, this.tryLine, this.tryText, 'tcp');
    if (this.succeeded !== undefined) {
      ep.tcp = this.succeeded ? 'ok' : 'failed';
      if (this.address !== undefined) {
        if (ep.dns !== 'failed' || this.succeeded) ep.dns = 'resolved';
        addAddress(ep, this.address);
      } else if (!this.succeeded || this.dnsWarning) {
        // Test-NetConnection prints an empty address only when the name did not resolve
        ep.dns = ep.dns === 'resolved' ? 'resolved' : 'failed';
      }
    } else if (this.dnsWarning) {
      if (ep.dns !== 'resolved') ep.dns = 'failed';
      ep.tcp = 'failed';
    } else if (this.address !== undefined) {
      // an address but no TcpTestSucceeded: resolved, TCP not tested (cmdlet without -Port output)
      ep.dns = 'resolved';
      addAddress(ep, this.address);
    } else if (this.missing) {
      addEvidence(ep, this.tryLine, this.tryText, 'tcp');
    } else if (atEof) {
      ep.cut = true;
      addEvidence(ep, this.tryLine, this.tryText, 'tcp');
    }
  }
}
