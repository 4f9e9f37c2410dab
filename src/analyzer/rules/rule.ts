// What a rule sees and returns. Rules are pure functions of the parsed log and the report built
// from it (endpoints, proxy, TLS, region …); each returns the findings of one code.
import type { Endpoint, Finding, FindingCode, Report, Severity } from '../report';
import type { Aspect, EndpointObservation, ParsedLog } from '../parse/model';
import type { TlsAssessment } from '../parse/tls-assessment';

export type ReportDraft = Omit<Report, 'findings' | 'overall'>;

export interface RuleContext {
  report: ReportDraft;
  log: ParsedLog;
  /**
   * each report endpoint with the observation behind it: `report.endpoints[i]` with
   * `log.endpoints[i]` (runRules and pairsWhere read the two lists by index instead)
   */
  pairs: readonly EndpointPair[];
  tls: TlsAssessment;
}

export interface Rule {
  /** the finding code this rule emits (one code per rule) */
  code: FindingCode;
  run(ctx: RuleContext): Finding[];
  /**
   * Set by rules that raise one finding per endpoint (made with `endpointRule`): runRules then
   * asks every such rule about each endpoint in one pass instead of calling `run` (same findings).
   */
  perEndpoint?: EndpointCheck;
}

/** When a per-endpoint rule fires, and what its finding looks like (endpoint-finding.ts). */
export interface EndpointCheck {
  severity: Severity;
  /** evidence lines about these aspects (all of the endpoint's lines when none is) */
  aspects: readonly Aspect[];
  applies(ep: Endpoint): boolean;
}

export interface EndpointPair {
  ep: Endpoint;
  obs: EndpointObservation;
}

/**
 * `ctx.pairs.filter((p) => test(p.ep))` without pairing every endpoint first: a rule that needs a
 * few of a big log's endpoints with their observations pairs only those.
 */
export function pairsWhere(ctx: RuleContext, test: (ep: Endpoint) => boolean): EndpointPair[] {
  const { endpoints } = ctx.report;
  const observations = ctx.log.endpoints;
  const out: EndpointPair[] = [];
  for (let i = 0; i < endpoints.length; i++) {
    const ep = endpoints[i] as Endpoint;
    const obs = observations[i];
    if (obs && test(ep)) out.push({ ep, obs });
  }
  return out;
}

/**
 * The context analyzeText gives the rules: `pairs` is made on first use only (runRules and
 * pairsWhere do without it). A class, not an object literal with a getter: V8 gives each such
 * literal its own hidden class, and on a stream of small logs those filled the old generation
 * (full collections every few hundred analyses).
 */
class LazyPairsContext implements RuleContext {
  private made: EndpointPair[] | undefined;

  constructor(
    readonly report: ReportDraft,
    readonly log: ParsedLog,
    readonly tls: TlsAssessment,
  ) {}

  get pairs(): readonly EndpointPair[] {
    return (this.made ??= pairEndpoints(this.report.endpoints, this.log.endpoints));
  }
}

export function ruleContext(report: ReportDraft, log: ParsedLog, tls: TlsAssessment): RuleContext {
  return new LazyPairsContext(report, log, tls);
}

/** Pairs `report.endpoints[i]` with `observations[i]` (what `RuleContext.pairs` holds). */
export function pairEndpoints(endpoints: readonly Endpoint[], observations: readonly EndpointObservation[]): EndpointPair[] {
  const out: EndpointPair[] = [];
  endpoints.forEach((ep, i) => {
    const obs = observations[i];
    if (obs) out.push({ ep, obs });
  });
  return out;
}
