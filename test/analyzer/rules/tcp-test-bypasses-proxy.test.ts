import assert from 'node:assert/strict';
import { tcpTestBypassesProxy } from '../../../src/analyzer/rules/tcp-test-bypasses-proxy';
import { makeCtx, pair, proxyCtx } from './rule-context';

describe('rule TCP_TEST_BYPASSES_PROXY', () => {
  const tested = [pair({ host: 'login.microsoft.com', tcp: 'failed' })];
  it('once, naming the contexts with a proxy in use and the first server', () => {
    const contexts = [
      proxyCtx('current-user'),
      proxyCtx('system', { enabled: true, server: 'http://10.2.0.16:8080' }),
      proxyCtx('workload-plugin', { enabled: true, server: '10.2.0.16:8080' }),
    ];
    const out = tcpTestBypassesProxy.run(makeCtx({ pairs: tested, contexts }));
    assert.equal(out.length, 1);
    assert.equal(out[0]?.severity, 'info');
    assert.deepEqual(out[0]?.params, { contexts: 'system, workload-plugin', server: 'http://10.2.0.16:8080' });
  });
  it('prefers the current user (the web requests) for the server', () => {
    const contexts = [proxyCtx('system', { enabled: true, server: 'a:1' }), proxyCtx('current-user', { enabled: true, server: 'b:2' })];
    assert.equal(tcpTestBypassesProxy.run(makeCtx({ pairs: tested, contexts }))[0]?.params?.server, 'b:2');
  });
  it('not raised without a proxy or without TCP tests', () => {
    assert.deepEqual(tcpTestBypassesProxy.run(makeCtx({ pairs: tested, contexts: [proxyCtx('current-user')] })), []);
    const noTcp = [pair({ host: 'login.microsoft.com', tcp: 'not-tested' })];
    assert.deepEqual(tcpTestBypassesProxy.run(makeCtx({ pairs: noTcp, contexts: [proxyCtx('env-https', { enabled: true, server: 'x:1' })] })), []);
  });
});
