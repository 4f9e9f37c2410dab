// HTTP_CONNECT_FAILED (error): the web request could not connect (to the server, or to the proxy). Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointRule, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['connect', 'proxy-resolve']);

export const httpConnectFailed: Rule = endpointRule('HTTP_CONNECT_FAILED', {
  severity: 'error',
  aspects: ['http'],
  applies: (ep) => httpCauseReportable(ep) && ep.httpCause !== undefined && CAUSES.has(ep.httpCause),
});
