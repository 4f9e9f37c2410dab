// TLS_CHANNEL_FAILED (error): the TLS handshake failed or the connection was closed during it. Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointFinding, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['tls-channel']);

export const tlsChannelFailed: Rule = {
  code: 'TLS_CHANNEL_FAILED',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => httpCauseReportable(p) && p.ep.httpCause !== undefined && CAUSES.has(p.ep.httpCause))
      .map((p) => endpointFinding('TLS_CHANNEL_FAILED', 'error', p, ['http'])),
};
