// The shape shared by per-endpoint findings: endpoint + port set, params host/port/service/detail/
// addresses, evidence from the lines about the relevant aspect (DNS, TCP or web request).
import type { Evidence, Finding, FindingCode, Severity } from '../report';
import type { Aspect } from '../parse/model';
import type { EndpointPair } from './rule';
import { byLine } from '../parse/text';

export function aspectEvidence(p: EndpointPair, aspects: readonly Aspect[]): Evidence[] {
  const picked = p.obs.evidence.filter((_e, i) => aspects.includes(p.obs.aspects[i] ?? 'other'));
  const src = picked.length > 0 ? picked : p.obs.evidence;
  return byLine(src).slice(0, 8);
}

export function endpointFinding(code: FindingCode, severity: Severity, p: EndpointPair, aspects: readonly Aspect[]): Finding {
  return {
    code,
    severity,
    endpoint: p.ep.host,
    port: p.ep.port,
    params: {
      host: p.ep.host,
      port: String(p.ep.port),
      service: p.ep.service,
      detail: p.ep.httpDetail ?? '',
      addresses: p.ep.addresses.join(', '),
    },
    evidence: aspectEvidence(p, aspects),
  };
}

/** The web request's own failure is worth a code: not hidden behind a direct name-resolution failure. */
export function httpCauseReportable(p: EndpointPair): boolean {
  if (p.ep.http !== 'failed') return false;
  return !(p.ep.dns === 'failed' && !p.ep.viaProxy);
}
