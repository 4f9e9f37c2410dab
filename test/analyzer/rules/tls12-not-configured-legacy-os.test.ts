import assert from 'node:assert/strict';
import { tls12NotConfiguredLegacyOs } from '../../../src/analyzer/rules/tls12-not-configured-legacy-os';
import { makeCtx } from './rule-context';

describe('rule TLS12_NOT_CONFIGURED_LEGACY_OS', () => {
  it('an error on 2008 R2 and older, a warning on 2012', () => {
    const legacy = tls12NotConfiguredLegacyOs.run(makeCtx({ tls12: 'disabled', os: 'Windows Server 2008 R2 (6.1.7601)', tls: { osClass: 'legacy' } }));
    assert.deepEqual(legacy.map((f) => [f.severity, f.params]), [['error', { os: 'Windows Server 2008 R2 (6.1.7601)' }]]);
    const w2012 = tls12NotConfiguredLegacyOs.run(makeCtx({ tls12: 'unknown', os: 'Windows Server 2012 (6.2.9200)', tls: { osClass: 'nt62' } }));
    assert.deepEqual(w2012.map((f) => f.severity), ['warning']);
  });
  it('not raised on 2012 R2+, when a TLS 1.2 key exists, or without a TLS section', () => {
    assert.deepEqual(tls12NotConfiguredLegacyOs.run(makeCtx({ tls: { osClass: 'modern' } })), []);
    assert.deepEqual(tls12NotConfiguredLegacyOs.run(makeCtx({ tls: { osClass: 'legacy', absent: false } })), []);
    assert.deepEqual(tls12NotConfiguredLegacyOs.run(makeCtx({ tls: { osClass: 'legacy' }, tlsObs: { sectionFound: false } })), []);
  });
  it('not raised when the log stopped inside the TLS section before the TLS 1.2 key could print', () => {
    assert.deepEqual(tls12NotConfiguredLegacyOs.run(makeCtx({ tls12: 'unknown', complete: false, tls: { osClass: 'legacy', cut: true } })), []);
  });
});
