// PROXY_AUTH_REQUIRED (error): the proxy answered 407. Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointFinding, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['proxy-auth']);

export const proxyAuthRequired: Rule = {
  code: 'PROXY_AUTH_REQUIRED',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => httpCauseReportable(p) && p.ep.httpCause !== undefined && CAUSES.has(p.ep.httpCause))
      .map((p) => endpointFinding('PROXY_AUTH_REQUIRED', 'error', p, ['http'])),
};
