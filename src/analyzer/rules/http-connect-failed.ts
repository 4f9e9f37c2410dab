// HTTP_CONNECT_FAILED (error): the web request could not connect (to the server, or to the proxy). Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointFinding, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['connect', 'proxy-resolve']);

export const httpConnectFailed: Rule = {
  code: 'HTTP_CONNECT_FAILED',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => httpCauseReportable(p) && p.ep.httpCause !== undefined && CAUSES.has(p.ep.httpCause))
      .map((p) => endpointFinding('HTTP_CONNECT_FAILED', 'error', p, ['http'])),
};
