import assert from 'node:assert/strict';
import { proxyNotSetForSystem } from '../../../src/analyzer/rules/proxy-not-set-for-system';
import { newProxyObservation, type ProxyObservation } from '../../../src/analyzer/parse/model';
import { makeCtx, pair, proxyCtx } from './rule-context';

describe('rule PROXY_NOT_SET_FOR_SYSTEM', () => {
  const contexts = [proxyCtx('current-user', { enabled: true, server: '10.10.0.100:3128' }), proxyCtx('system')];
  it('an error when a direct TCP test to Backup / Storage / Entra ID failed', () => {
    const pairs = [
      pair({ host: 'pod01-manag1.jpe.backup.windowsazure.com', tcp: 'failed', http: 'ok', viaProxy: true }, [[80, 'TcpTestSucceeded: False', 'tcp']]),
      pair({ host: 'pod01-rec2.jpe.backup.windowsazure.com', port: 3260, tcp: 'failed', http: 'not-tested', verdict: 'failed' }),
    ];
    const out = proxyNotSetForSystem.run(makeCtx({ pairs, contexts }));
    assert.equal(out.length, 1);
    assert.equal(out[0]?.severity, 'error');
    assert.deepEqual(out[0]?.params, { userServer: '10.10.0.100:3128', failedHosts: 'pod01-manag1.jpe.backup.windowsazure.com' });
    assert.ok(out[0]?.evidence.some((e) => e.line === 80));
  });
  it('a warning otherwise', () => {
    const out = proxyNotSetForSystem.run(makeCtx({ pairs: [pair({ host: 'login.microsoft.com', viaProxy: true })], contexts }));
    assert.deepEqual(out.map((f) => [f.severity, f.params?.failedHosts]), [['warning', '']]);
  });
  it('not raised when SYSTEM has a proxy, was not read, or was denied', () => {
    assert.deepEqual(proxyNotSetForSystem.run(makeCtx({ contexts: [contexts[0]!, proxyCtx('system', { enabled: true, server: 'x:1' })] })), []);
    assert.deepEqual(proxyNotSetForSystem.run(makeCtx({ contexts: [contexts[0]!, proxyCtx('system', { found: false })] })), []);
    assert.deepEqual(proxyNotSetForSystem.run(makeCtx({ contexts, log: { deniedContexts: ['system'] } })), []);
    assert.deepEqual(proxyNotSetForSystem.run(makeCtx({ contexts: [proxyCtx('current-user'), proxyCtx('system')] })), []);
  });
  it('raised when the log says SYSTEM has no settings ("not found"), not when SYSTEM was not shown or could not be read', () => {
    const log = (o: Partial<ProxyObservation>) => ({ proxy: [{ ...newProxyObservation('system'), ...o }] });
    const notFound = [proxyCtx('current-user', { enabled: true, server: 'p:8080' }), proxyCtx('system', { found: false })];
    assert.deepEqual(proxyNotSetForSystem.run(makeCtx({ contexts: notFound, log: log({ notFound: true }) })).map((f) => f.severity), ['warning']);
    assert.deepEqual(proxyNotSetForSystem.run(makeCtx({ contexts: notFound, log: log({}) })), []);
    assert.deepEqual(proxyNotSetForSystem.run(makeCtx({ contexts: notFound, log: log({ denied: true }) })), []);
  });
});
