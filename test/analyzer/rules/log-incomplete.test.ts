import assert from 'node:assert/strict';
import { logIncomplete } from '../../../src/analyzer/rules/log-incomplete';
import { makeCtx } from './rule-context';

describe('rule LOG_INCOMPLETE', () => {
  it('a warning with the missing checks and the last line', () => {
    const last = { line: 147, text: '#TRY!! Invoke-webRequest https://jpwwatcab01.blob.core.windows.net' };
    const out = logIncomplete.run(makeCtx({ complete: false, missingChecks: ['azure-storage', 'entra-id', 'file-recovery', 'tls'], log: { lastLine: last } }));
    assert.deepEqual(out, [{ code: 'LOG_INCOMPLETE', severity: 'warning', params: { missing: 'azure-storage,entra-id,file-recovery,tls', lastLine: last.text }, evidence: [last] }]);
  });
  it('not raised for complete logs or unknown files', () => {
    assert.deepEqual(logIncomplete.run(makeCtx({ complete: true })), []);
    assert.deepEqual(logIncomplete.run(makeCtx({ kind: 'unknown', complete: false })), []);
  });
});
