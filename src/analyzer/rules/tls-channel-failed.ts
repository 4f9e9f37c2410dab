// TLS_CHANNEL_FAILED (error): the TLS handshake failed or the connection was closed during it. Raised per endpoint from the web request's failure cause,
// unless a direct name-resolution failure already explains it.
import { endpointRule, httpCauseReportable } from './endpoint-finding';
import type { Rule } from './rule';

const CAUSES: ReadonlySet<string> = new Set(['tls-channel']);

export const tlsChannelFailed: Rule = endpointRule('TLS_CHANNEL_FAILED', {
  severity: 'error',
  aspects: ['http'],
  applies: (ep) => httpCauseReportable(ep) && ep.httpCause !== undefined && CAUSES.has(ep.httpCause),
});
