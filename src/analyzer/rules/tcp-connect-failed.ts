// TCP_CONNECT_FAILED (error): the direct TCP test failed and the web request did not succeed
// either (or there was none). Not raised when the web request went through a proxy (the TCP test
// bypassed it), when the name did not resolve, or for a certificate-trust failure.
import { endpointFinding } from './endpoint-finding';
import type { Rule } from './rule';

export const tcpConnectFailed: Rule = {
  code: 'TCP_CONNECT_FAILED',
  run: (ctx) =>
    ctx.pairs
      .filter((p) => p.ep.tcp === 'failed' && p.ep.dns !== 'failed' && p.ep.http !== 'ok' && !p.ep.viaProxy && p.ep.httpCause !== 'tls-trust')
      .map((p) => endpointFinding('TCP_CONNECT_FAILED', 'error', p, ['tcp'])),
};
