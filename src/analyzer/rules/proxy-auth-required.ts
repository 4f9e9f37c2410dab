// PROXY_AUTH_REQUIRED (error): the proxy answered 407. Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointRule, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['proxy-auth']);

export const proxyAuthRequired: Rule = endpointRule('PROXY_AUTH_REQUIRED', {
  severity: 'error',
  aspects: ['http'],
  applies: (ep) => httpCauseReportable(ep) && ep.httpCause !== undefined && CAUSES.has(ep.httpCause),
});
