import assert from 'node:assert/strict';
import { httpConnectFailed } from '../../../src/analyzer/rules/http-connect-failed';
import { makeCtx, pair } from './rule-context';
import { describeWebCauseRule } from './web-cause-rule';

describeWebCauseRule(httpConnectFailed, 'HTTP_CONNECT_FAILED', 'connect');

describe('rule HTTP_CONNECT_FAILED (proxy name)', () => {
  it('a proxy that cannot be resolved is a connect failure', () => {
    const p = pair({ host: 'a.blob.core.windows.net', http: 'failed', httpCause: 'proxy-resolve', verdict: 'failed' });
    assert.equal(httpConnectFailed.run(makeCtx({ pairs: [p] }))[0]?.code, 'HTTP_CONNECT_FAILED');
  });
});
