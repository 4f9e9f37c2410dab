import assert from 'node:assert/strict';
import { proxyPathNotTested } from '../../../src/analyzer/rules/proxy-path-not-tested';
import { makeCtx, pair, proxyCtx } from './rule-context';

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
  it('the same proxy, but a bypass list that sends checked hosts the other way: names them, and those whose direct test failed', () => {
    const contexts = [
      proxyCtx('current-user', { enabled: true, server: '10.2.0.16:8080', bypass: ['<local>'] }),
      proxyCtx('system', { enabled: true, server: '10.2.0.16:8080', bypass: ['*.backup.windowsazure.com', '<local>'] }),
    ];
    const pairs = [
      pair({ host: 'pod01-manag1.jpe.backup.windowsazure.com', tcp: 'failed', viaProxy: true }),
      pair({ host: 'pod01-rec2.jpe.backup.windowsazure.com', tcp: 'ok', viaProxy: true }),
      pair({ host: 'pod01-rec2.jpe.backup.windowsazure.com', port: 3260, tcp: 'failed' }),
      pair({ host: 'login.microsoft.com', tcp: 'failed', viaProxy: true }),
    ];
    assert.deepEqual(proxyPathNotTested.run(makeCtx({ contexts, pairs })).map((f) => f.params), [{
      context: 'system', server: '10.2.0.16:8080', userServer: '10.2.0.16:8080',
      bypassHosts: 'pod01-manag1.jpe.backup.windowsazure.com, pod01-rec2.jpe.backup.windowsazure.com',
      directFailedHosts: 'pod01-manag1.jpe.backup.windowsazure.com',
    }]);
  });
  it('the same proxy and bypass lists that agree on every checked host: not raised', () => {
    const contexts = [
      proxyCtx('current-user', { enabled: true, server: 'p:8080', bypass: ['*.backup.windowsazure.com'] }),
      proxyCtx('system', { enabled: true, server: 'p:8080', bypass: ['*.windowsazure.com', '<local>'] }),
    ];
    const pairs = [pair({ host: 'pod01-manag1.jpe.backup.windowsazure.com' }), pair({ host: 'login.microsoft.com' })];
    assert.deepEqual(proxyPathNotTested.run(makeCtx({ contexts, pairs })), []);
  });
  it('the workload plugin shown without a proxy while the user has one: it goes direct, naming the direct tests that failed', () => {
    const pairs = [
      pair({ host: 'pod01-manag1.jpe.backup.windowsazure.com', tcp: 'failed', viaProxy: true }),
      pair({ host: 'login.microsoft.com', tcp: 'ok', viaProxy: true }),
    ];
    const contexts = [proxyCtx('current-user', { enabled: true, server: 'p:8080' }), proxyCtx('system', { enabled: true, server: 'p:8080' }), proxyCtx('workload-plugin')];
    assert.deepEqual(proxyPathNotTested.run(makeCtx({ contexts, pairs })).map((f) => f.params), [
      { context: 'workload-plugin', server: '', userServer: 'p:8080', directFailedHosts: 'pod01-manag1.jpe.backup.windowsazure.com' },
    ]);
    const notInstalled = [contexts[0]!, contexts[1]!, proxyCtx('workload-plugin', { found: false })];
    assert.deepEqual(proxyPathNotTested.run(makeCtx({ contexts: notInstalled, pairs })), []);
  });
});
