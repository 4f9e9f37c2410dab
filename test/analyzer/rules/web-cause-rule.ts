// The shared contract of the rules that turn one web-request failure cause into one finding per
// endpoint (HTTP_CONNECT_FAILED, HTTP_TIMEOUT, PROXY_AUTH_REQUIRED, TLS_TRUST_FAILED,
// TLS_CHANNEL_FAILED): each rule's test file runs these cases and adds its own.
import assert from 'node:assert/strict';
import type { FindingCode, HttpFailureCause } from '../../../src/analyzer/report';
import type { Rule } from '../../../src/analyzer/rules/rule';
import { makeCtx, pair } from './rule-context';

export function describeWebCauseRule(rule: Rule, code: FindingCode, cause: HttpFailureCause): void {
  describe(`rule ${code}`, () => {
    const host = 'login.microsoftonline.com';
    it(`raised per endpoint whose web request failed with cause ${cause}`, () => {
      const p = pair({ host, http: 'failed', httpCause: cause, httpDetail: 'detail text', verdict: 'failed' }, [[4, 'tcp line', 'tcp'], [7, 'web line', 'http']]);
      const other = pair({ host: 'login.windows.net', http: 'failed', httpCause: cause, verdict: 'failed' }, [[12, 'web line 2', 'http']]);
      const out = rule.run(makeCtx({ pairs: [p, other] }));
      assert.deepEqual(out.map((f) => [f.code, f.severity, f.endpoint, f.port]), [[code, 'error', host, 443], [code, 'error', 'login.windows.net', 443]]);
      assert.deepEqual(out[0]?.params, { host, port: '443', service: 'entra-id', detail: 'detail text', addresses: '20.1.2.3' });
      assert.deepEqual(out[0]?.evidence, [{ line: 7, text: 'web line' }]);
    });
    it('not raised for other causes, successes, or behind a direct DNS failure', () => {
      const cases = [
        pair({ host, http: 'failed', httpCause: 'unknown', verdict: 'failed' }),
        pair({ host, http: 'ok' }),
        pair({ host, dns: 'failed', http: 'failed', httpCause: cause, verdict: 'failed' }),
      ];
      for (const p of cases) assert.deepEqual(rule.run(makeCtx({ pairs: [p] })), []);
    });
    it('raised through a proxy even when the local name did not resolve', () => {
      const p = pair({ host, dns: 'failed', http: 'failed', httpCause: cause, viaProxy: true, verdict: 'failed' });
      assert.equal(rule.run(makeCtx({ pairs: [p] })).length, 1);
    });
  });
}
