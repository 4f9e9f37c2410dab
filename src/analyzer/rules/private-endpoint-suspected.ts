// PRIVATE_ENDPOINT_SUSPECTED (warning): a Backup / Storage / Site Recovery name resolved to a
// private address or through a `privatelink` alias: the public-endpoint results do not apply.
import { endpointRule } from './endpoint-finding';
import type { Rule } from './rule';

export const privateEndpointSuspected: Rule = endpointRule('PRIVATE_ENDPOINT_SUSPECTED', {
  severity: 'warning',
  aspects: ['dns', 'tcp'],
  applies: (ep) => ep.privateEndpoint === true,
});
