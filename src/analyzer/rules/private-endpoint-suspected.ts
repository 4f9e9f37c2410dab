// PRIVATE_ENDPOINT_SUSPECTED (warning): a Backup / Storage / Site Recovery name resolved to a
// private address or through a `privatelink` alias: the public-endpoint results do not apply.
import { endpointFinding } from './endpoint-finding';
import type { Rule } from './rule';

export const privateEndpointSuspected: Rule = {
  code: 'PRIVATE_ENDPOINT_SUSPECTED',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => p.ep.privateEndpoint === true)
      .map((p) => endpointFinding('PRIVATE_ENDPOINT_SUSPECTED', 'warning', p, ['dns', 'tcp'])),
};
