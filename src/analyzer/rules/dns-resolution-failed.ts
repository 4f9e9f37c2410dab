// DNS_RESOLUTION_FAILED (error): the endpoint's name did not resolve, and nothing reached it
// through a proxy either. One cause, one code: no TCP / HTTP connect codes for the same endpoint.
import { endpointRule } from './endpoint-finding';
import type { Rule } from './rule';

export const dnsResolutionFailed: Rule = endpointRule('DNS_RESOLUTION_FAILED', {
  severity: 'error',
  aspects: ['dns'],
  applies: (ep) => (ep.dns === 'failed' || (ep.httpCause === 'dns' && !ep.viaProxy)) && ep.verdict !== 'ok',
});
