// HTTP_TIMEOUT (error): the web request timed out. Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointFinding, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['timeout']);

export const httpTimeout: Rule = {
  code: 'HTTP_TIMEOUT',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => httpCauseReportable(p) && p.ep.httpCause !== undefined && CAUSES.has(p.ep.httpCause))
      .map((p) => endpointFinding('HTTP_TIMEOUT', 'error', p, ['http'])),
};
