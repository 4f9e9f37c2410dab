import assert from 'node:assert/strict';
import { legacyProtocolEnabled } from '../../../src/analyzer/rules/legacy-protocol-enabled';
import { makeCtx } from './rule-context';

describe('rule LEGACY_PROTOCOL_ENABLED', () => {
  it('info listing the explicitly enabled legacy protocols', () => {
    const keys = [
      { protocol: 'TLS 1.0', side: 'Server' as const, enabled: 1, line: 300 },
      { protocol: 'TLS 1.0', side: 'Client' as const, enabled: 1, line: 310 },
      { protocol: 'SSL 3.0', side: 'Client' as const, enabled: 1, line: 320 },
    ];
    const values = [{ protocol: 'TLS 1.0', side: 'Server' as const, name: 'enabled' as const, value: 1, line: 301, text: 'Server Enabled : 1' }];
    const out = legacyProtocolEnabled.run(makeCtx({ tls: { legacyEnabled: keys }, tlsObs: { keys, values } }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.params]), [['LEGACY_PROTOCOL_ENABLED', 'info', { protocols: 'TLS 1.0, SSL 3.0' }]]);
    assert.deepEqual(out[0]?.evidence.map((e) => e.line), [301]);
  });
  it('not raised when none is enabled', () => {
    assert.deepEqual(legacyProtocolEnabled.run(makeCtx()), []);
  });
});
