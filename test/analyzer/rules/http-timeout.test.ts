import assert from 'node:assert/strict';
import { httpTimeout } from '../../../src/analyzer/rules/http-timeout';
import { makeCtx, pair } from './rule-context';

describe('rule HTTP_TIMEOUT', () => {
  const host = 'login.microsoftonline.com';
  it('raised per endpoint whose web request failed with cause timeout', () => {
    const p = pair({ host, http: 'failed', httpCause: 'timeout', httpDetail: 'detail text', verdict: 'failed' }, [[4, 'tcp line', 'tcp'], [7, 'web line', 'http']]);
    const other = pair({ host: 'login.windows.net', http: 'failed', httpCause: 'timeout', verdict: 'failed' }, [[12, 'web line 2', 'http']]);
    const out = httpTimeout.run(makeCtx({ pairs: [p, other] }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.endpoint, f.port]), [['HTTP_TIMEOUT', 'error', host, 443], ['HTTP_TIMEOUT', 'error', 'login.windows.net', 443]]);
    assert.deepEqual(out[0]?.params, { host, port: '443', service: 'entra-id', detail: 'detail text', addresses: '20.1.2.3' });
    assert.deepEqual(out[0]?.evidence, [{ line: 7, text: 'web line' }]);
  });
  it('not raised for other causes, successes, or behind a direct DNS failure', () => {
    const cases = [
      pair({ host, http: 'failed', httpCause: 'unknown', verdict: 'failed' }),
      pair({ host, http: 'ok' }),
      pair({ host, dns: 'failed', http: 'failed', httpCause: 'timeout', verdict: 'failed' }),
    ];
    for (const p of cases) assert.deepEqual(httpTimeout.run(makeCtx({ pairs: [p] })), []);
  });
  it('raised through a proxy even when the local name did not resolve', () => {
    const p = pair({ host, dns: 'failed', http: 'failed', httpCause: 'timeout', viaProxy: true, verdict: 'failed' });
    assert.equal(httpTimeout.run(makeCtx({ pairs: [p] })).length, 1);
  });
});
