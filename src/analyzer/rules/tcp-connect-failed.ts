// TCP_CONNECT_FAILED (error): the direct TCP test failed and the web request did not succeed
// either (or there was none). Not raised when the web request went through a proxy (the TCP test
// bypassed it), when the name did not resolve, or for a certificate-trust failure.
import { endpointRule } from './endpoint-finding';
import type { Rule } from './rule';

export const tcpConnectFailed: Rule = endpointRule('TCP_CONNECT_FAILED', {
  severity: 'error',
  aspects: ['tcp'],
  applies: (ep) => ep.tcp === 'failed' && ep.dns !== 'failed' && ep.http !== 'ok' && !ep.viaProxy && ep.httpCause !== 'tls-trust',
});
