// DNS_RESOLUTION_FAILED (error): the endpoint's name did not resolve, and nothing reached it
// through a proxy either. One cause, one code: no TCP / HTTP connect codes for the same endpoint.
import { endpointFinding } from './endpoint-finding';
import type { Rule } from './rule';

export const dnsResolutionFailed: Rule = {
  code: 'DNS_RESOLUTION_FAILED',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => (p.ep.dns === 'failed' || (p.ep.httpCause === 'dns' && !p.ep.viaProxy)) && p.ep.verdict !== 'ok')
      .map((p) => endpointFinding('DNS_RESOLUTION_FAILED', 'error', p, ['dns'])),
};
