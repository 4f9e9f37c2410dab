import assert from 'node:assert/strict';
import type { TlsKey } from '../../../src/analyzer/report';
import { tls12Disabled } from '../../../src/analyzer/rules/tls12-disabled';
import { makeCtx } from './rule-context';

describe('rule TLS12_DISABLED', () => {
  it('an error naming the side and the offending values', () => {
    const key: TlsKey = { protocol: 'TLS 1.2', side: 'Client', enabled: 0, disabledByDefault: 1, line: 290 };
    const values = [
      { protocol: 'TLS 1.2', side: 'Client' as const, name: 'disabledbydefault' as const, value: 1, line: 297, text: 'Client  DisabledByDefault : 1' },
      { protocol: 'TLS 1.2', side: 'Client' as const, name: 'enabled' as const, value: 0, line: 298, text: 'Enabled : 0' },
      { protocol: 'TLS 1.2', side: 'Server' as const, name: 'enabled' as const, value: 1, line: 310, text: 'Server Enabled : 1' },
    ];
    const out = tls12Disabled.run(makeCtx({ tls12: 'disabled', tls: { disabledKeys: [key], absent: false }, tlsObs: { keys: [key], values } }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.params]), [['TLS12_DISABLED', 'error', { side: 'Client', values: 'Client DisabledByDefault=1, Client Enabled=0' }]]);
    assert.deepEqual(out[0]?.evidence.map((e) => e.line), [297, 298]);
  });
  it('not raised when nothing disables TLS 1.2', () => {
    assert.deepEqual(tls12Disabled.run(makeCtx({ tls12: 'enabled', tls: { absent: false } })), []);
  });
});
