// The rule registry: a plain list, one rule per module. Adding a check = a module exporting a Rule,
// a line here, its test in test/analyzer/rules/, and a catalogue entry for its code.
import type { EndpointObservation } from '../parse/model';
import type { Endpoint, Finding, FindingCode, Severity } from '../report';
import { dnsResolutionFailed } from './dns-resolution-failed';
import { httpConnectFailed } from './http-connect-failed';
import { httpIeEngineUnavailable } from './http-ie-engine-unavailable';
import { httpInconclusive } from './http-inconclusive';
import { httpTimeout } from './http-timeout';
import { legacyProtocolEnabled } from './legacy-protocol-enabled';
import { logIncomplete } from './log-incomplete';
import { notElevated } from './not-elevated';
import { privateEndpointSuspected } from './private-endpoint-suspected';
import { proxyAuthRequired } from './proxy-auth-required';
import { proxyBypassAzure } from './proxy-bypass-azure';
import { proxyNotSetForSystem } from './proxy-not-set-for-system';
import { proxyPathNotTested } from './proxy-path-not-tested';
import { regionSpecificFqdn } from './region-specific-fqdn';
import { endpointFinding } from './endpoint-finding';
import type { EndpointCheck, Rule, RuleContext } from './rule';
import { tcpConnectFailed } from './tcp-connect-failed';
import { tcpTestBypassesProxy } from './tcp-test-bypasses-proxy';
import { tls12Disabled } from './tls12-disabled';
import { tls12NotConfiguredLegacyOs } from './tls12-not-configured-legacy-os';
import { tls12OsDefault } from './tls12-os-default';
import { tlsChannelFailed } from './tls-channel-failed';
import { tlsTrustFailed } from './tls-trust-failed';
import { unrecognizedLog } from './unrecognized-log';

export type { Rule, RuleContext } from './rule';

export const RULES: readonly Rule[] = [
  unrecognizedLog,
  dnsResolutionFailed,
  tcpConnectFailed,
  httpConnectFailed,
  httpTimeout,
  proxyAuthRequired,
  tlsTrustFailed,
  tlsChannelFailed,
  httpInconclusive,
  httpIeEngineUnavailable,
  tcpTestBypassesProxy,
  proxyPathNotTested,
  proxyNotSetForSystem,
  proxyBypassAzure,
  privateEndpointSuspected,
  regionSpecificFqdn,
  tls12Disabled,
  tls12OsDefault,
  tls12NotConfiguredLegacyOs,
  legacyProtocolEnabled,
  logIncomplete,
  notElevated,
];

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function firstLine(f: Finding): number {
  let min = Number.MAX_SAFE_INTEGER;
  for (const e of f.evidence) if (e.line < min) min = e.line;
  return min;
}

/** Findings ordered by severity (error, warning, info), then first evidence line, then code. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i, line: firstLine(f) }))
    .sort((a, b) =>
      SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.line - b.line || (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : 0) || a.i - b.i,
    )
    .map((x) => x.f);
}

/**
 * Runs every rule in the registry and returns the sorted findings. Per-endpoint rules are asked
 * about each endpoint in one pass (a pass per rule walked a big log's endpoints ten times). The
 * findings come out grouped differently, but each code comes from one rule and keeps its endpoint
 * order, and sortFindings breaks ties by code before position: the result is the same as running
 * the rules one by one (rules/index.property.test.ts).
 */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  const codes: FindingCode[] = [];
  const checks: EndpointCheck[] = [];
  for (const rule of rules) {
    if (rule.perEndpoint !== undefined) {
      codes.push(rule.code);
      checks.push(rule.perEndpoint);
    } else for (const f of rule.run(ctx)) out.push(f);
  }
  // the pairs of ctx.pairs (pairEndpoints), without making them
  const endpoints = ctx.report.endpoints;
  const observations = ctx.log.endpoints;
  const n = checks.length === 0 ? 0 : Math.min(endpoints.length, observations.length);
  for (let i = 0; i < n; i++) {
    const ep = endpoints[i] as Endpoint;
    for (let r = 0; r < checks.length; r++) {
      const check = checks[r] as EndpointCheck;
      if (check.applies(ep)) out.push(endpointFinding(codes[r] as FindingCode, check, ep, observations[i] as EndpointObservation));
    }
  }
  return sortFindings(out);
}
