// TLS_TRUST_FAILED (error): certificate trust failed (TLS inspection, missing root). Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointRule, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['tls-trust']);

export const tlsTrustFailed: Rule = endpointRule('TLS_TRUST_FAILED', {
  severity: 'error',
  aspects: ['http'],
  applies: (ep) => httpCauseReportable(ep) && ep.httpCause !== undefined && CAUSES.has(ep.httpCause),
});
