// What a rule sees and returns. Rules are pure functions of the parsed log and the report built
// from it (endpoints, proxy, TLS, region …); each returns the findings of one code.
import type { Endpoint, Finding, FindingCode, Report } from '../report';
import type { EndpointObservation, ParsedLog } from '../parse/model';
import type { TlsAssessment } from '../parse/tls-assessment';

export type ReportDraft = Omit<Report, 'findings' | 'overall'>;

export interface RuleContext {
  report: ReportDraft;
  log: ParsedLog;
  /** each report endpoint with the observation behind it */
  pairs: readonly EndpointPair[];
  tls: TlsAssessment;
}

export interface Rule {
  /** the finding code this rule emits (one code per rule) */
  code: FindingCode;
  run(ctx: RuleContext): Finding[];
}

export interface EndpointPair {
  ep: Endpoint;
  obs: EndpointObservation;
}

/** Pairs `report.endpoints[i]` with `observations[i]`. */
export function pairEndpoints(endpoints: readonly Endpoint[], observations: readonly EndpointObservation[]): EndpointPair[] {
  const out: EndpointPair[] = [];
  endpoints.forEach((ep, i) => {
    const obs = observations[i];
    if (obs) out.push({ ep, obs });
  });
  return out;
}
