// HTTP_IE_ENGINE_UNAVAILABLE (info): Invoke-WebRequest got the response but could not parse it
// (no Internet Explorer engine). The endpoint is reachable; re-runs should use -UseBasicParsing.
import { endpointFinding } from './endpoint-finding';
import type { Rule } from './rule';

export const httpIeEngineUnavailable: Rule = {
  code: 'HTTP_IE_ENGINE_UNAVAILABLE',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => p.ep.httpNote === 'ie-engine-unavailable')
      .map((p) => endpointFinding('HTTP_IE_ENGINE_UNAVAILABLE', 'info', p, ['http'])),
};
