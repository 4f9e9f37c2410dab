// Hand-built rule contexts: each rule is tested as a pure function, without the parser.
import type { Endpoint, LogKind, ProxyContext, ProxyContextName, RegionInfo } from '../../../src/analyzer/report';
import type { Aspect, EndpointObservation, ParsedLog, TlsObservation } from '../../../src/analyzer/parse/model';
import type { TlsAssessment } from '../../../src/analyzer/parse/tls-assessment';
import type { EndpointPair, RuleContext } from '../../../src/analyzer/rules/rule';
import { serviceOf } from '../../../src/analyzer/parse/hosts';

export type EvidenceSpec = [line: number, text: string, aspect: Aspect];

export function pair(p: Partial<Endpoint> & { host: string }, evidence: EvidenceSpec[] = [[10, `evidence for ${p.host}`, 'tcp']]): EndpointPair {
  const ep: Endpoint = {
    port: 443, service: serviceOf(p.host), dns: 'resolved', addresses: ['20.1.2.3'], tcp: 'ok', http: 'ok', verdict: 'ok',
    viaProxy: false, privateEndpoint: false, aliases: [], ...p, evidence: evidence.map(([line, text]) => ({ line, text })),
  };
  const obs: EndpointObservation = {
    host: ep.host, port: ep.port, service: ep.service, firstLine: evidence[0]?.[0] ?? 1, dns: ep.dns, addresses: ep.addresses,
    aliases: ep.aliases ?? [], tcp: ep.tcp, http: ep.http, webStarted: ep.http !== 'not-tested', cut: false,
    evidence: evidence.map(([line, text]) => ({ line, text })), aspects: evidence.map(([, , a]) => a),
  };
  return { ep, obs };
}

export function proxyCtx(context: ProxyContextName, p: Partial<ProxyContext> = {}): ProxyContext {
  return { context, found: true, enabled: false, server: null, bypass: [], evidence: [{ line: 40, text: `${context} header` }], ...p };
}

export interface CtxSpec {
  kind?: LogKind;
  complete?: boolean;
  os?: string;
  pairs?: EndpointPair[];
  contexts?: ProxyContext[];
  tls?: Partial<TlsAssessment>;
  tls12?: TlsAssessment['tls12'];
  tlsObs?: Partial<TlsObservation>;
  region?: RegionInfo;
  missingChecks?: string[];
  log?: Partial<ParsedLog>;
}

export function makeCtx(s: CtxSpec = {}): RuleContext {
  const kind = s.kind ?? 'windows-backup';
  const pairs = s.pairs ?? [];
  const tlsObs: TlsObservation = { sectionFound: true, keys: [], values: [], protocolsListed: [], evidence: [{ line: 200, text: '========== TLS CHECK ==========' }], ...s.tlsObs };
  const tls: TlsAssessment = { tls12: s.tls12 ?? 'os-default', disabledKeys: [], legacyEnabled: [], absent: true, cut: false, osClass: 'modern', ...s.tls };
  const log: ParsedLog = {
    kind, lineCount: 300, complete: s.complete ?? true, endpoints: pairs.map((p) => p.obs), proxy: [], tls: tlsObs, checksSeen: [],
    accessDenied: [], deniedContexts: [], ...s.log,
  };
  return {
    report: {
      schemaVersion: 1,
      source: { kind, complete: s.complete ?? true, encoding: 'utf-8', lineCount: 300, ...(s.os !== undefined ? { os: s.os } : {}) },
      endpoints: pairs.map((p) => p.ep),
      proxy: { configured: (s.contexts ?? []).some((c) => c.enabled), contexts: s.contexts ?? [] },
      tls: { tls12: tls.tls12, keys: tlsObs.keys, sectionFound: tlsObs.sectionFound },
      region: s.region ?? { geoCodes: [], regions: [], displayNames: [] },
      missingChecks: s.missingChecks ?? [],
    },
    log,
    pairs,
    tls,
  };
}
