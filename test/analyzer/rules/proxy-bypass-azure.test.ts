import assert from 'node:assert/strict';
import { proxyBypassAzure } from '../../../src/analyzer/rules/proxy-bypass-azure';
import { makeCtx, proxyCtx } from './rule-context';

describe('rule PROXY_BYPASS_AZURE', () => {
  const bypass = ['localhost', '168.63.129.16', '*.backup.windowsazure.com', '*.blob.core.windows.net', '<local>'];
  it('one info per context with a proxy in use whose bypass list sends Azure hosts direct', () => {
    const contexts = [
      proxyCtx('current-user', { bypass }),
      proxyCtx('system', { enabled: true, server: 'x:1', bypass, evidence: [{ line: 57, text: 'ProxyOverride: localhost;…' }] }),
    ];
    const out = proxyBypassAzure.run(makeCtx({ contexts }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.params]), [['PROXY_BYPASS_AZURE', 'info', { context: 'system', entries: '*.backup.windowsazure.com, *.blob.core.windows.net' }]]);
    assert.deepEqual(out[0]?.evidence, [{ line: 57, text: 'ProxyOverride: localhost;…' }]);
  });
  it('no_proxy suffixes for the environment contexts', () => {
    const out = proxyBypassAzure.run(makeCtx({ kind: 'linux-backup', contexts: [proxyCtx('env-https', { enabled: true, server: 'p:1', bypass: ['localhost', '.windows.net'] })] }));
    assert.equal(out[0]?.params?.entries, '.windows.net');
  });
  it('not raised for bypass lists without Azure hosts', () => {
    assert.deepEqual(proxyBypassAzure.run(makeCtx({ contexts: [proxyCtx('system', { enabled: true, bypass: ['<local>', 'localhost', '*.contoso.com'] })] })), []);
  });
});
