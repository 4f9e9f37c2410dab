import assert from 'node:assert/strict';
import { dnsResolutionFailed } from '../../../src/analyzer/rules/dns-resolution-failed';
import { makeCtx, pair } from './rule-context';

describe('rule DNS_RESOLUTION_FAILED', () => {
  const host = 'pod01-manag1.jpe.backup.windowsazure.com';
  it('one error per endpoint whose name did not resolve, with DNS evidence', () => {
    const p = pair({ host, dns: 'failed', addresses: [], tcp: 'failed', http: 'failed', httpCause: 'dns', httpDetail: "The remote name could not be resolved: 'x'", verdict: 'failed' }, [[5, 'WARNING: Name resolution of x failed', 'dns'], [9, 'PS>TerminatingError', 'http']]);
    const p3260 = pair({ host, port: 3260, dns: 'failed', addresses: [], tcp: 'failed', http: 'not-tested', verdict: 'failed' }, [[20, 'WARNING: Name resolution', 'dns']]);
    const out = dnsResolutionFailed.run(makeCtx({ pairs: [p, p3260] }));
    assert.equal(out.length, 2);
    assert.deepEqual(out[0], {
      code: 'DNS_RESOLUTION_FAILED', severity: 'error', endpoint: host, port: 443,
      params: { host, port: '443', service: 'azure-backup', detail: "The remote name could not be resolved: 'x'", addresses: '' },
      evidence: [{ line: 5, text: 'WARNING: Name resolution of x failed' }],
    });
    assert.equal(out[1]?.port, 3260);
  });
  it('not raised when the endpoint was reached anyway (through a proxy)', () => {
    const p = pair({ host, dns: 'failed', http: 'ok', viaProxy: true, verdict: 'ok' });
    assert.deepEqual(dnsResolutionFailed.run(makeCtx({ pairs: [p] })), []);
  });
  it('a web-request DNS error without a TCP test still counts', () => {
    const p = pair({ host, dns: 'unknown', tcp: 'not-tested', http: 'failed', httpCause: 'dns', verdict: 'failed' });
    assert.equal(dnsResolutionFailed.run(makeCtx({ pairs: [p] })).length, 1);
  });
});
