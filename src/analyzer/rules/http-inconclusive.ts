// HTTP_INCONCLUSIVE (warning): the web request ended in an error nobody knows; it proves neither
// that the path works nor that it is blocked, so the endpoint stays inconclusive.
import { endpointRule } from './endpoint-finding';
import type { Rule } from './rule';

export const httpInconclusive: Rule = endpointRule('HTTP_INCONCLUSIVE', {
  severity: 'warning',
  aspects: ['http'],
  applies: (ep) => ep.http === 'inconclusive',
});
