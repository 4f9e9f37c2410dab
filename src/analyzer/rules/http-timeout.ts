// HTTP_TIMEOUT (error): the web request timed out. Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointRule, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['timeout']);

export const httpTimeout: Rule = endpointRule('HTTP_TIMEOUT', {
  severity: 'error',
  aspects: ['http'],
  applies: (ep) => httpCauseReportable(ep) && ep.httpCause !== undefined && CAUSES.has(ep.httpCause),
});
