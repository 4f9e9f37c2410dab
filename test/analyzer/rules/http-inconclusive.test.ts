import assert from 'node:assert/strict';
import { httpInconclusive } from '../../../src/analyzer/rules/http-inconclusive';
import { makeCtx, pair } from './rule-context';

describe('rule HTTP_INCONCLUSIVE', () => {
  it('a warning per endpoint whose web request ended in an unknown error', () => {
    const p = pair({ host: 'login.microsoft.com', http: 'inconclusive', httpCause: 'unknown', httpDetail: 'Something odd', verdict: 'inconclusive' }, [[30, 'Invoke-webRequest : Something odd', 'http']]);
    const out = httpInconclusive.run(makeCtx({ pairs: [p] }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.params?.detail]), [['HTTP_INCONCLUSIVE', 'warning', 'Something odd']]);
  });
  it('not raised for ok / failed / untested web requests', () => {
    for (const http of ['ok', 'failed', 'not-tested'] as const) {
      assert.deepEqual(httpInconclusive.run(makeCtx({ pairs: [pair({ host: 'login.microsoft.com', http })] })), []);
    }
  });
});
