import assert from 'node:assert/strict';
import { tcpConnectFailed } from '../../../src/analyzer/rules/tcp-connect-failed';
import { makeCtx, pair } from './rule-context';

describe('rule TCP_CONNECT_FAILED', () => {
  const host = 'jpewatcab01.blob.core.windows.net';
  it('direct TCP failed and the web request failed too', () => {
    const p = pair({ host, tcp: 'failed', http: 'failed', httpCause: 'connect', verdict: 'failed' }, [[3, 'WARNING: TCP connect to (20.60.172.68 : 443) failed', 'tcp'], [8, 'Unable to connect', 'http']]);
    const out = tcpConnectFailed.run(makeCtx({ pairs: [p] }));
    assert.equal(out.length, 1);
    assert.equal(out[0]?.severity, 'error');
    assert.deepEqual(out[0]?.evidence, [{ line: 3, text: 'WARNING: TCP connect to (20.60.172.68 : 443) failed' }]);
    assert.equal(out[0]?.params?.service, 'azure-storage');
  });
  it('TCP-only endpoints (3260)', () => {
    const p = pair({ host: 'pod01-rec2.jpe.backup.windowsazure.com', port: 3260, tcp: 'failed', http: 'not-tested', verdict: 'failed' });
    assert.equal(tcpConnectFailed.run(makeCtx({ pairs: [p] }))[0]?.port, 3260);
  });
  it('not raised: web request ok, web request through a proxy, DNS failure, certificate trust', () => {
    const cases = [
      pair({ host, tcp: 'failed', http: 'ok' }),
      pair({ host, tcp: 'failed', http: 'failed', httpCause: 'timeout', viaProxy: true, verdict: 'failed' }),
      pair({ host, tcp: 'failed', dns: 'failed', http: 'failed', httpCause: 'dns', verdict: 'failed' }),
      pair({ host, tcp: 'failed', http: 'failed', httpCause: 'tls-trust', verdict: 'failed' }),
    ];
    for (const p of cases) assert.deepEqual(tcpConnectFailed.run(makeCtx({ pairs: [p] })), []);
  });
});
