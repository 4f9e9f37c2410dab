// HTTP_IE_ENGINE_UNAVAILABLE (info): Invoke-WebRequest got the response but could not parse it
// (no Internet Explorer engine). The endpoint is reachable; re-runs should use -UseBasicParsing.
import { endpointRule } from './endpoint-finding';
import type { Rule } from './rule';

export const httpIeEngineUnavailable: Rule = endpointRule('HTTP_IE_ENGINE_UNAVAILABLE', {
  severity: 'info',
  aspects: ['http'],
  applies: (ep) => ep.httpNote === 'ie-engine-unavailable',
});
