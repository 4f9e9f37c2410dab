import assert from 'node:assert/strict';
import { proxyPathNotTested } from '../../../src/analyzer/rules/proxy-path-not-tested';
import { makeCtx, proxyCtx } from './rule-context';

describe('rule PROXY_PATH_NOT_TESTED', () => {
  it('SYSTEM and the plugin use a proxy the user does not', () => {
    const contexts = [proxyCtx('current-user'), proxyCtx('system', { enabled: true, server: 'http://10.2.0.16:8080' }), proxyCtx('workload-plugin', { enabled: true, server: '10.2.0.16:8080' })];
    const out = proxyPathNotTested.run(makeCtx({ contexts }));
    assert.deepEqual(out.map((f) => [f.severity, f.params]), [
      ['warning', { context: 'system', server: 'http://10.2.0.16:8080', userServer: '' }],
      ['warning', { context: 'workload-plugin', server: '10.2.0.16:8080', userServer: '' }],
    ]);
  });
  it('a different proxy than the user', () => {
    const contexts = [proxyCtx('current-user', { enabled: true, server: 'a:8080' }), proxyCtx('system', { enabled: true, server: 'b:8080' })];
    assert.deepEqual(proxyPathNotTested.run(makeCtx({ contexts }))[0]?.params, { context: 'system', server: 'b:8080', userServer: 'a:8080' });
  });
  it('not raised when the proxy is the same (scheme and case aside), when SYSTEM has none, or was not read', () => {
    const same = [proxyCtx('current-user', { enabled: true, server: '10.2.0.16:8080' }), proxyCtx('system', { enabled: true, server: 'HTTP://10.2.0.16:8080/' })];
    assert.deepEqual(proxyPathNotTested.run(makeCtx({ contexts: same })), []);
    const none = [proxyCtx('current-user', { enabled: true, server: 'a:1' }), proxyCtx('system')];
    assert.deepEqual(proxyPathNotTested.run(makeCtx({ contexts: none })), []);
    const unread = [proxyCtx('current-user'), proxyCtx('system', { found: false, enabled: false })];
    assert.deepEqual(proxyPathNotTested.run(makeCtx({ contexts: unread })), []);
  });
});
