// The Linux parser (Azure Backup and Site Recovery bash scripts): Japanese headings
// (`#### 環境情報確認 ####`, `## 実行しているマシンのホスト名は…です。`, `##プロキシ設定状態…`), the
// environment proxy variables, then `##TRY!! <command> ##` blocks per endpoint. One streaming pass.
import type { Evidence, ProxyContextName } from '../../report';
import { isAccessDenied } from '../access-denied';
import { AsrProxyReader, isAsrProxyHeading } from '../asr-proxy';
import type { CommandBlock } from '../blocks/block';
import { applyHostDns, type HostDns } from '../blocks/dns-block';
import { openBlock } from '../blocks/open-block';
import { parseTryCommand, tryLineBody } from '../blocks/try-line';
import { parseLooseDate } from '../dates';
import { parseTarget, serviceOf } from '../hosts';
import { forEachLine } from '../lines';
import { LineText } from '../line-text';
import {
  addContextEvidence, EndpointTable, newProxyObservation, newTlsObservation, type CheckId, type ParsedLog, type ProxyObservation,
} from '../model';
import { checkOfTitle, isAsrMarker, scriptVersionIn } from '../script-info';
import { ANALYSIS_MAX, evidence, isSeparator, keyOf, splitList, tokens, trimLine, valueOf } from '../text';

type Section = 'none' | 'env' | 'hostnamectl' | 'proxy' | 'checks' | 'asr-proxy';
type EnvVar = 'http' | 'https' | 'no';

/** Text between a Japanese label and "です" (`## 実行しているマシンのホスト名はVM-HANAです。`). */
function between(t: string, label: string): string | undefined {
  const i = t.indexOf(label);
  if (i === -1) return undefined;
  const rest = t.slice(i + label.length);
  const end = rest.lastIndexOf('です');
  return trimLine(end === -1 ? rest : rest.slice(0, end));
}

/** Which proxy variable a label or `var=value` line names. */
function envVarOf(l: string): EnvVar | undefined {
  if (l.includes('https_proxy')) return 'https';
  if (l.includes('http_proxy')) return 'http';
  if (l.includes('no_proxy')) return 'no';
  return undefined;
}

class LinuxParser {
  private section: Section = 'none';
  private host: string | undefined;
  private staticHostname: string | undefined;
  private os: string | undefined;
  private startedAt: string | undefined;
  private scriptVersion: string | undefined;
  private asr = false;
  /** the current line (one object, reset per line) */
  private readonly current = new LineText();
  private readonly table = new EndpointTable();
  private readonly dns = new Map<string, HostDns>();
  private readonly envHttp = newProxyObservation('env-http');
  private readonly envHttps = newProxyObservation('env-https');
  private readonly asrConfig = newProxyObservation('asr-config');
  private asrProxySeen = false;
  private readonly asrProxy = new AsrProxyReader(this.asrConfig);
  private noProxy: string[] = [];
  private awaiting: EnvVar | undefined;
  private block: CommandBlock | undefined;
  private blockCount = 0;
  private lastBlockHadResult = true;
  /** host → port announced by `### <target> の疎通確認 ###` */
  private readonly sectionPorts = new Map<string, number>();
  private readonly checksSeen: CheckId[] = [];
  private currentCheck: CheckId | undefined;
  private readonly accessDenied: Evidence[] = [];
  private readonly deniedContexts: ProxyContextName[] = [];
  private lastLineNo = 0;
  private lastLineText = '';

  private seeCheck(c: CheckId): void {
    if (!this.checksSeen.includes(c)) this.checksSeen.push(c);
    this.currentCheck = c;
  }

  private hostDns = (host: string): HostDns => {
    let d = this.dns.get(host);
    if (!d) {
      d = { host, state: 'unknown', addresses: [], aliases: [], evidence: [], cut: false };
      this.dns.set(host, d);
    }
    return d;
  };

  private closeBlock(atEof: boolean): void {
    if (!this.block) return;
    this.lastBlockHadResult = this.block.hasResult();
    this.block.finish(atEof);
    this.block = undefined;
  }

  line(no: number, raw: string): void {
    const t = trimLine(raw.length > ANALYSIS_MAX ? raw.slice(0, ANALYSIS_MAX) : raw);
    const line = this.current.reset(t);
    if (t.length > 0) {
      this.lastLineNo = no;
      this.lastLineText = raw;
    }
    if (t.length === 0) {
      if (this.block) this.block.feed(no, line);
      return;
    }
    const l = line.lower();
    if (l.includes('_nw')) {
      if (this.scriptVersion === undefined) this.scriptVersion = scriptVersionIn(t);
      if (isAsrMarker(l)) this.asr = true;
    }
    if (t.charCodeAt(0) === 0x23) {
      this.hashLine(no, t, l);
      return;
    }
    if (this.block) {
      if (isAccessDenied(l, t) && this.block.endpoint === undefined) this.denied(no, t);
      this.block.feed(no, line);
      return;
    }
    if (this.section !== 'asr-proxy' && isAsrProxyHeading(l)) {
      this.startAsrProxy(no, t);
      return;
    }
    if (isAccessDenied(l, t)) {
      this.denied(no, t);
      if (this.section === 'asr-proxy') {
        this.asrProxy.denied(no, t);
        if (!this.deniedContexts.includes('asr-config')) this.deniedContexts.push('asr-config');
        return;
      }
    }
    switch (this.section) {
      case 'hostnamectl':
        this.hostnamectl(t, l);
        return;
      case 'proxy':
        this.proxyLine(no, t, l);
        return;
      case 'asr-proxy':
        if (!this.asrProxy.line(no, t, l)) this.section = 'none';
        return;
      default:
        if (l.startsWith('pretty_name=') && this.os === undefined) this.os = trimLine(t.slice(12)).replace(/^["']|["']$/g, '');
        else if (envVarOf(l) !== undefined && (t.includes('コマンドの結果') || t.includes('='))) this.proxyLine(no, t, l);
    }
  }

  private startAsrProxy(no: number, t: string): void {
    this.section = 'asr-proxy';
    this.asrProxySeen = true;
    this.asr = true;
    this.asrProxy.start(no, t);
  }

  private denied(no: number, t: string): void {
    if (this.accessDenied.length < 8) this.accessDenied.push(evidence(no, t));
  }

  private hostnamectl(t: string, l: string): void {
    const key = keyOf(t);
    if (key === 'operatingsystem') this.os = valueOf(t);
    else if (key === 'statichostname') this.staticHostname = valueOf(t);
    else if (l.startsWith('pretty_name=') && this.os === undefined) this.os = trimLine(t.slice(12)).replace(/^["']|["']$/g, '');
  }

  private proxyLine(no: number, t: string, l: string): void {
    const v = envVarOf(l);
    const eq = t.indexOf('=');
    if (v !== undefined && eq !== -1 && eq < 20) {
      // `https_proxy=http://…` (env output)
      this.setEnv(v, trimLine(t.slice(eq + 1)).replace(/^["']|["']$/g, ''), no, t);
      this.awaiting = undefined;
      return;
    }
    if (v !== undefined && (t.includes('結果') || t.includes('result') || tokens(t, 3).length <= 2)) {
      // a label: the value (or nothing) follows on the next line
      this.awaiting = v;
      const ctx = v === 'http' ? this.envHttp : v === 'https' ? this.envHttps : undefined;
      if (ctx) {
        ctx.found = true;
        addContextEvidence(ctx, no, t);
      }
      return;
    }
    if (this.awaiting !== undefined && !isSeparator(t)) {
      this.setEnv(this.awaiting, t, no, t);
      this.awaiting = undefined;
    }
  }

  private setEnv(v: EnvVar, value: string, no: number, t: string): void {
    if (v === 'no') {
      this.noProxy = splitList(value, ',');
      for (const ctx of [this.envHttp, this.envHttps]) {
        ctx.bypass = this.noProxy;
        addContextEvidence(ctx, no, t);
      }
      return;
    }
    const ctx = v === 'http' ? this.envHttp : this.envHttps;
    ctx.found = true;
    ctx.server = value === '' ? null : value;
    ctx.enabled = value !== '';
    ctx.bypass = this.noProxy;
    addContextEvidence(ctx, no, t);
  }

  private hashLine(no: number, t: string, l: string): void {
    const body = tryLineBody(t);
    if (body !== undefined) {
      this.closeBlock(false);
      const cmd = parseTryCommand(body);
      if (cmd.kind === 'other' && isAsrProxyHeading(l)) {
        this.startAsrProxy(no, t);
        return;
      }
      this.section = 'checks';
      this.blockCount++;
      this.block = openBlock(cmd, no, t, {
        table: this.table,
        hostDns: this.hostDns,
        sectionPort: (host) => this.sectionPorts.get(host),
      });
      const host = cmd.host;
      if (host !== undefined) {
        const s = serviceOf(host);
        this.seeCheck(s === 'other' ? (this.currentCheck ?? 'azure-backup') : (s));
      }
      return;
    }
    this.closeBlock(false);
    if (isAsrProxyHeading(l)) {
      this.startAsrProxy(no, t);
      return;
    }
    if (t.includes('ホスト名は')) {
      const h = between(t, 'ホスト名は');
      if (h) this.host = h;
      return;
    }
    if (t.includes('日次は') || t.includes('日時は')) {
      const d = between(t, t.includes('日次は') ? '日次は' : '日時は');
      if (d !== undefined && this.startedAt === undefined) {
        const iso = parseLooseDate(d);
        if (iso !== undefined) this.startedAt = iso;
      }
      return;
    }
    if (l.includes('hostnamectl')) {
      this.section = 'hostnamectl';
      return;
    }
    if (t.includes('プロキシ設定') || l.includes('proxy')) {
      if (!t.includes('疎通確認')) {
        this.section = 'proxy';
        this.seeCheck('proxy');
        return;
      }
    }
    if (t.includes('環境情報確認終了')) {
      this.section = 'none';
      // the proxy variables were printed inside it: a log that ends here was not cut in that check
      if (this.currentCheck === 'proxy') this.currentCheck = undefined;
      return;
    }
    if (t.includes('環境情報')) {
      this.section = 'env';
      return;
    }
    if (t.includes('疎通確認') && !t.includes('開始')) {
      // `### https://host の疎通確認 ###` / `### host:3260 の疎通確認 ###`
      let s = t;
      while (s.startsWith('#')) s = s.slice(1);
      const first = tokens(s, 1)[0];
      const target = first === undefined ? undefined : parseTarget(first);
      if (target) {
        // a heading that names only the host says nothing about the port (the tests under it do):
        // assuming 443 would make an endpoint nobody tested out of its nslookup
        if (target.port !== undefined || target.scheme !== undefined) {
          this.sectionPorts.set(target.host, target.port ?? (target.scheme === 'http' ? 80 : 443));
        }
        const svc = serviceOf(target.host);
        if (svc !== 'other') this.seeCheck(svc);
      }
      this.section = 'checks';
      return;
    }
    const check = checkOfTitle(l, t);
    if (check !== undefined && check !== 'proxy' && check !== 'tls') {
      this.section = 'checks';
      this.seeCheck(check);
    } else if (this.section === 'asr-proxy') {
      this.section = 'none';
    }
  }

  finish(lineCount: number): ParsedLog {
    const cut = this.block !== undefined && !this.block.hasResult();
    this.closeBlock(true);
    for (const ep of this.table.list) {
      const d = this.dns.get(ep.host);
      if (d) applyHostDns(ep, d);
    }
    // DNS looked up for a section whose TCP/web test never ran (interrupted): still an endpoint
    const hosts = new Set(this.table.list.map((e) => e.host));
    for (const [host, d] of this.dns) {
      if (hosts.has(host)) continue;
      const port = this.sectionPorts.get(host) ?? 443;
      const first = d.evidence[0]?.line ?? 1;
      applyHostDns(this.table.get(host, port, first), d);
    }
    const complete = this.blockCount > 0 && !cut && this.lastBlockHadResult;
    const proxy: ProxyObservation[] = [this.envHttp, this.envHttps];
    if (this.asrProxySeen) proxy.push(this.asrConfig);
    const asr = this.asr || this.table.list.some((e) => e.service === 'site-recovery');
    const out: ParsedLog = {
      kind: asr ? 'linux-asr' : 'linux-backup',
      lineCount,
      complete,
      endpoints: this.table.list,
      proxy,
      tls: newTlsObservation(),
      checksSeen: this.checksSeen,
      accessDenied: this.accessDenied,
      deniedContexts: this.deniedContexts,
    };
    const host = this.host ?? this.staticHostname;
    if (host) out.host = host;
    if (this.os) out.os = this.os;
    if (this.startedAt !== undefined) out.startedAt = this.startedAt;
    if (this.scriptVersion !== undefined) out.scriptVersion = this.scriptVersion;
    if (this.lastLineNo > 0) out.lastLine = evidence(this.lastLineNo, this.lastLineText);
    if (!complete && this.currentCheck !== undefined) out.checkInProgress = this.currentCheck;
    return out;
  }
}

export function parseLinux(text: string): ParsedLog {
  const p = new LinuxParser();
  const n = forEachLine(text, (no, raw) => {
    p.line(no, raw);
  });
  return p.finish(n);
}
