import assert from 'node:assert/strict';
import { unrecognizedLog } from '../../../src/analyzer/rules/unrecognized-log';
import { makeCtx } from './rule-context';

describe('rule UNRECOGNIZED_LOG', () => {
  it('an error for files that are not supported logs', () => {
    const first = { line: 1, text: 'Level Date and Time Source' };
    assert.deepEqual(unrecognizedLog.run(makeCtx({ kind: 'unknown', log: { firstLine: first } })), [{ code: 'UNRECOGNIZED_LOG', severity: 'error', params: {}, evidence: [first] }]);
  });
  it('not raised for recognised logs', () => {
    for (const kind of ['windows-backup', 'linux-backup', 'windows-asr', 'linux-asr'] as const) assert.deepEqual(unrecognizedLog.run(makeCtx({ kind })), []);
  });
});
