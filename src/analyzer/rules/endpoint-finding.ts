// The shape shared by per-endpoint findings: endpoint + port set, params host/port/service/detail/
// addresses, evidence from the lines about the relevant aspect (DNS, TCP or web request).
import type { Endpoint, Evidence, Finding, FindingCode } from '../report';
import type { Aspect, EndpointObservation } from '../parse/model';
import type { EndpointCheck, EndpointPair, Rule } from './rule';
import { byLine } from '../parse/text';

export function aspectEvidence(obs: EndpointObservation, aspects: readonly Aspect[]): Evidence[] {
  const picked = obs.evidence.filter((_e, i) => aspects.includes(obs.aspects[i] ?? 'other'));
  const src = picked.length > 0 ? picked : obs.evidence;
  return byLine(src).slice(0, 8);
}

export function endpointFinding(code: FindingCode, check: EndpointCheck, ep: Endpoint, obs: EndpointObservation): Finding {
  return {
    code,
    severity: check.severity,
    endpoint: ep.host,
    port: ep.port,
    params: {
      host: ep.host,
      port: String(ep.port),
      service: ep.service,
      detail: ep.httpDetail ?? '',
      addresses: ep.addresses.join(', '),
    },
    evidence: aspectEvidence(obs, check.aspects),
  };
}

/**
 * A rule raising one finding per endpoint the check applies to. `run` is the plain form (one pass
 * over ctx.pairs); runRules uses `perEndpoint` to serve all such rules in a single pass.
 */
export function endpointRule(code: FindingCode, check: EndpointCheck): Rule {
  return {
    code,
    perEndpoint: check,
    run: (ctx) => ctx.pairs.filter((p: EndpointPair) => check.applies(p.ep)).map((p) => endpointFinding(code, check, p.ep, p.obs)),
  };
}

/** The web request's own failure is worth a code: not hidden behind a direct name-resolution failure. */
export function httpCauseReportable(ep: Endpoint): boolean {
  if (ep.http !== 'failed') return false;
  return !(ep.dns === 'failed' && !ep.viaProxy);
}
