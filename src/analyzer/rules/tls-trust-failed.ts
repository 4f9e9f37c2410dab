// TLS_TRUST_FAILED (error): certificate trust failed (TLS inspection, missing root). Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointFinding, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['tls-trust']);

export const tlsTrustFailed: Rule = {
  code: 'TLS_TRUST_FAILED',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => httpCauseReportable(p) && p.ep.httpCause !== undefined && CAUSES.has(p.ep.httpCause))
      .map((p) => endpointFinding('TLS_TRUST_FAILED', 'error', p, ['http'])),
};
