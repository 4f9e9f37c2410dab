// HTTP_INCONCLUSIVE (warning): the web request ended in an error nobody knows; it proves neither
// that the path works nor that it is blocked, so the endpoint stays inconclusive.
import { endpointFinding } from './endpoint-finding';
import type { Rule } from './rule';

export const httpInconclusive: Rule = {
  code: 'HTTP_INCONCLUSIVE',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => p.ep.http === 'inconclusive')
      .map((p) => endpointFinding('HTTP_INCONCLUSIVE', 'warning', p, ['http'])),
};
