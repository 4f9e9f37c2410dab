import assert from 'node:assert/strict';
import { notElevated } from '../../../src/analyzer/rules/not-elevated';
import { makeCtx } from './rule-context';

describe('rule NOT_ELEVATED', () => {
  it('a warning with the contexts that could not be read', () => {
    const denied = [{ line: 55, text: 'Get-ItemProperty : Requested registry access is not allowed.' }];
    const out = notElevated.run(makeCtx({ log: { accessDenied: denied, deniedContexts: ['system'] } }));
    assert.deepEqual(out, [{ code: 'NOT_ELEVATED', severity: 'warning', params: { contexts: 'system' }, evidence: denied }]);
  });
  it('not raised without access-denied errors', () => {
    assert.deepEqual(notElevated.run(makeCtx()), []);
  });
});
