// Linux TCP tests: nc / ncat / netcat / telnet. Success: `Ncat: Connected to <ip>:<port>.`,
// `Connection to <host> <port> port [tcp/*] succeeded!`, telnet's `Connected to`. Failure:
// timeouts, refusals, `nc: connect to … failed`. `command not found` = not tested.
import { addAddress, addEvidence, type EndpointObservation } from '../model';
import { isIpAddress } from '../hosts';
import { tokens } from '../text';
import { isCommandMissing, type CommandBlock } from './block';
import type { LineText } from '../line-text';

export class TcpBlock implements CommandBlock {
  private result: 'ok' | 'failed' | undefined;
  private dnsFailed = false;
  private missing = false;

  constructor(
    readonly endpoint: EndpointObservation | undefined,
    private readonly tryLine: number,
    private readonly tryText: string,
  ) {}

  hasResult(): boolean {
    return this.result !== undefined || this.missing;
  }

  feed(lineNo: number, line: LineText): void {
    const t = line.t;
    if (t.length === 0) return;
    const l = line.lower();
    const ep = this.endpoint;
    if (l.includes('version') && l.startsWith('ncat')) return;
    if (
      l.includes('could not resolve') || l.includes('name or service not known') || l.includes('temporary failure in name resolution') ||
      l.includes('getaddrinfo') || l.includes('unknown host') || l.includes('no address associated')
    ) {
      this.dnsFailed = true;
      this.result = 'failed';
      if (ep) addEvidence(ep, lineNo, t, 'dns');
      return;
    }
    if (isCommandMissing(line)) {
      this.missing = true;
      if (ep) addEvidence(ep, lineNo, t, 'tcp');
      return;
    }
    const connected = l.indexOf('connected to ');
    if (connected !== -1 && !l.includes('not connected')) {
      this.result = 'ok';
      if (ep) {
        addEvidence(ep, lineNo, t, 'tcp');
        let a = tokens(t.slice(connected + 'connected to '.length), 1)[0] ?? '';
        while (a.endsWith('.')) a = a.slice(0, -1);
        const colon = a.lastIndexOf(':');
        if (colon !== -1 && a.indexOf(':') === colon) a = a.slice(0, colon);
        if (isIpAddress(a)) addAddress(ep, a);
      }
      return;
    }
    if (l.includes('succeeded') || l.endsWith(' open') || l.includes('escape character is')) {
      if (this.result === undefined) this.result = 'ok';
      if (ep) addEvidence(ep, lineNo, t, 'tcp');
      return;
    }
    if (
      l.includes('timed out') || l.includes('timeout') || l.includes('refused') || l.includes('no route to host') ||
      l.includes('unreachable') || l.includes(' failed') || l.includes('reset by peer') || t.includes('接続を拒否') ||
      t.includes('タイムアウト')
    ) {
      this.result = 'failed';
      if (ep) addEvidence(ep, lineNo, t, 'tcp');
    }
  }

  finish(atEof: boolean): void {
    const ep = this.endpoint;
    if (!ep) return;
    if (ep.evidence.length === 0) addEvidence(ep, this.tryLine, this.tryText, 'tcp');
    if (this.result !== undefined) {
      ep.tcp = this.result;
      if (this.dnsFailed && ep.dns !== 'resolved') ep.dns = 'failed';
    } else if (this.missing) {
      // not tested: leave tcp as it is
    } else if (atEof) {
      ep.cut = true;
      addEvidence(ep, this.tryLine, this.tryText, 'tcp');
    }
  }
}
