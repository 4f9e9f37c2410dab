import assert from 'node:assert/strict';
import { privateEndpointSuspected } from '../../../src/analyzer/rules/private-endpoint-suspected';
import { makeCtx, pair } from './rule-context';

describe('rule PRIVATE_ENDPOINT_SUSPECTED', () => {
  it('a warning per endpoint flagged private, with its addresses', () => {
    const p = pair({ host: 'pod01-manag1.jpe.backup.windowsazure.com', addresses: ['10.20.1.4'], privateEndpoint: true }, [[78, 'Result of tnc … IPaddress 10.20.1.4', 'tcp']]);
    const out = privateEndpointSuspected.run(makeCtx({ pairs: [p, pair({ host: 'login.microsoft.com' })] }));
    assert.deepEqual(out.map((f) => [f.code, f.severity, f.endpoint, f.params?.addresses]), [['PRIVATE_ENDPOINT_SUSPECTED', 'warning', 'pod01-manag1.jpe.backup.windowsazure.com', '10.20.1.4']]);
    assert.deepEqual(out[0]?.evidence, [{ line: 78, text: 'Result of tnc … IPaddress 10.20.1.4' }]);
  });
});
