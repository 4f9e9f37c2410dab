// Name resolution output: Linux nslookup (`Non-authoritative answer:`, `Name:`, `Address:`,
// `canonical name =`, `** server can't find …: NXDOMAIN`, `;; connection timed out`), Windows
// nslookup (`Addresses:` / `Aliases:` with continuation lines, Japanese labels) and `host`.
import { addAddress, addAlias, addEvidence, type EndpointObservation } from '../model';
import { isIpAddress } from '../hosts';
import { colonIndex, keyOf, tokens, trimLine, valueOf } from '../text';
import { isCommandMissing, type CommandBlock } from './block';
import type { LineText } from '../line-text';

/** DNS facts about one host, kept until we know which endpoint(s) they belong to. */
export interface HostDns {
  host: string;
  state: 'resolved' | 'failed' | 'unknown';
  addresses: string[];
  aliases: string[];
  evidence: Array<{ line: number; text: string }>;
  cut: boolean;
}

function stripDot(s: string): string {
  let t = trimLine(s);
  while (t.endsWith('.')) t = t.slice(0, -1);
  return t.toLowerCase();
}

export class DnsBlock implements CommandBlock {
  private answer = false;
  private mode: 'none' | 'addresses' | 'aliases' = 'none';
  private failed = false;
  private missing = false;
  private readonly addresses: string[] = [];
  private readonly aliases: string[] = [];
  private readonly lines: Array<[number, string]> = [];

  constructor(
    readonly endpoint: EndpointObservation | undefined,
    private readonly host: string | undefined,
    private readonly hostDns: (host: string) => HostDns,
    private readonly tryLine: number,
    private readonly tryText: string,
  ) {}

  hasResult(): boolean {
    return this.addresses.length > 0 || this.failed || this.missing || this.answer;
  }

  private note(lineNo: number, t: string): void {
    if (this.lines.length < 3) this.lines.push([lineNo, t]);
  }

  feed(lineNo: number, line: LineText): void {
    const t = line.t;
    if (t.length === 0) {
      this.mode = 'none';
      return;
    }
    const l = line.lower();
    if (l.includes('non-authoritative answer') || t.includes('権限のない回答')) {
      this.answer = true;
      return;
    }
    if (
      l.includes("can't find") || l.includes('nxdomain') || l.includes('servfail') || l.includes('no servers could be reached') ||
      l.includes('non-existent domain') || l.includes('not found: 3') || t.includes('見つけられません') || t.includes('存在しないドメイン')
    ) {
      this.failed = true;
      this.note(lineNo, t);
      return;
    }
    if (l.startsWith(';; connection timed out') || l.includes('dns request timed out') || l.includes('connection timed out; no servers')) {
      if (!this.answer) this.failed = true;
      this.note(lineNo, t);
      return;
    }
    if (isCommandMissing(line)) {
      this.missing = true;
      this.note(lineNo, t);
      return;
    }
    const canon = l.indexOf('canonical name');
    if (canon !== -1) {
      this.answer = true;
      const eq = t.indexOf('=', canon);
      const target = eq === -1 ? '' : stripDot(t.slice(eq + 1));
      if (target && this.aliases.length < 16) this.aliases.push(target);
      if (target.includes('privatelink.')) this.note(lineNo, t);
      return;
    }
    // `host` command: "x has address 1.2.3.4" / "x is an alias for y."
    const has = l.indexOf(' has address ');
    if (has !== -1 || l.includes(' has ipv6 address ')) {
      const last = tokens(t).pop() ?? '';
      if (isIpAddress(last)) this.addAddress(lineNo, t, last);
      return;
    }
    const alias = l.indexOf(' is an alias for ');
    if (alias !== -1) {
      const target = stripDot(t.slice(alias + ' is an alias for '.length));
      if (target && this.aliases.length < 16) this.aliases.push(target);
      return;
    }
    const key = keyOf(t);
    if (colonIndex(t) !== -1 && key.length > 0 && key.length < 20) {
      const v = valueOf(t);
      if (key === 'name' || key === '名前') {
        this.answer = true;
        this.mode = 'none';
        const n = stripDot(v);
        if (n && this.host !== undefined && n !== this.host && this.aliases.length < 16 && !this.aliases.includes(n)) this.aliases.push(n);
        return;
      }
      if (key === 'address' || key === 'addresses' || key === 'アドレス') {
        this.mode = 'addresses';
        // the first Address after "Server:" is the DNS server itself
        if (!this.answer || v.includes('#')) return;
        const a = tokens(v, 1)[0] ?? '';
        if (isIpAddress(a)) this.addAddress(lineNo, t, a);
        return;
      }
      if (key === 'aliases' || key === 'エイリアス') {
        this.mode = 'aliases';
        const n = stripDot(v);
        if (n && this.aliases.length < 16) this.aliases.push(n);
        return;
      }
      if (key === 'server' || key === 'サーバー') {
        this.mode = 'none';
        return;
      }
    }
    // Windows nslookup continuation lines (indented addresses / aliases)
    if (this.mode === 'addresses' && this.answer) {
      const a = tokens(t, 1)[0] ?? '';
      if (isIpAddress(a)) this.addAddress(lineNo, t, a);
    } else if (this.mode === 'aliases') {
      const n = stripDot(t);
      if (n && !n.includes(' ') && this.aliases.length < 16) this.aliases.push(n);
    }
  }

  private addAddress(lineNo: number, t: string, a: string): void {
    if (this.addresses.length < 16 && !this.addresses.includes(a)) this.addresses.push(a);
    this.note(lineNo, t);
  }

  finish(atEof: boolean): void {
    if (this.host === undefined) return;
    const d = this.hostDns(this.host);
    for (const a of this.aliases) if (!d.aliases.includes(a) && d.aliases.length < 16) d.aliases.push(a);
    for (const [line, text] of this.lines) if (d.evidence.length < 4) d.evidence.push({ line, text });
    if (this.addresses.length > 0) {
      d.state = 'resolved';
      for (const a of this.addresses) if (!d.addresses.includes(a) && d.addresses.length < 16) d.addresses.push(a);
    } else if (this.failed) {
      if (d.state !== 'resolved') d.state = 'failed';
    } else if (!this.missing && !this.answer && atEof) {
      d.cut = true;
    }
    if (d.evidence.length === 0 || (d.cut && d.evidence.length < 4)) d.evidence.push({ line: this.tryLine, text: this.tryText });
    if (this.endpoint) {
      applyHostDns(this.endpoint, d);
      if (this.endpoint.evidence.length === 0) addEvidence(this.endpoint, this.tryLine, this.tryText, 'dns');
    }
  }
}

/** Copies what is known about a host's name resolution into one of its endpoints. */
export function applyHostDns(ep: EndpointObservation, d: HostDns): void {
  if (d.state === 'resolved') ep.dns = 'resolved';
  else if (d.state === 'failed' && ep.dns !== 'resolved') ep.dns = 'failed';
  for (const a of d.addresses) addAddress(ep, a);
  for (const a of d.aliases) addAlias(ep, a);
  for (const e of d.evidence) addEvidence(ep, e.line, e.text, 'dns');
  if (d.cut) ep.cut = true;
}
