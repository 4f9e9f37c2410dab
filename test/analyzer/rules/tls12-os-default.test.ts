import assert from 'node:assert/strict';
import { tls12OsDefault } from '../../../src/analyzer/rules/tls12-os-default';
import { makeCtx } from './rule-context';

describe('rule TLS12_OS_DEFAULT', () => {
  it('info with the OS when TLS 1.2 is on by default', () => {
    const out = tls12OsDefault.run(makeCtx({ tls12: 'os-default', os: 'Windows Server 2019 (10.0.17763)' }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.params]), [['TLS12_OS_DEFAULT', 'info', { os: 'Windows Server 2019 (10.0.17763)' }]]);
    assert.deepEqual(out[0]?.evidence, [{ line: 200, text: '========== TLS CHECK ==========' }]);
  });
  it('not raised for other states', () => {
    for (const s of ['enabled', 'disabled', 'unknown'] as const) assert.deepEqual(tls12OsDefault.run(makeCtx({ tls12: s })), []);
  });
});
