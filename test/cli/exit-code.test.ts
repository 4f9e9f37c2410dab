import { strict as assert } from 'node:assert';
import type { AnalysisOutcome, Overall, Report } from '../../src/analyzer/report';
import { ExitCode, exitCodeForOutcome } from '../../src/cli/exit-code';

const withOverall = (overall: Overall): Report => ({ overall }) as Report;
const reports = (...o: Overall[]): AnalysisOutcome => ({ kind: 'reports', reports: o.map(withOverall) });

describe('exitCodeForOutcome', () => {
  it('maps overall to 0 / 1 / 2 and a refusal to 3', () => {
    assert.equal(exitCodeForOutcome(reports('ok')), 0);
    assert.equal(exitCodeForOutcome(reports('action-required')), 1);
    assert.equal(exitCodeForOutcome(reports('inconclusive')), 2);
    assert.equal(exitCodeForOutcome({ kind: 'refused', refusal: { refused: true, reason: 'empty' } }), 3);
  });

  it('takes the worst of several reports: action-required over inconclusive over ok', () => {
    assert.equal(exitCodeForOutcome(reports('ok', 'inconclusive', 'ok')), ExitCode.INCONCLUSIVE);
    assert.equal(exitCodeForOutcome(reports('inconclusive', 'action-required', 'ok')), ExitCode.ACTION_REQUIRED);
    assert.equal(exitCodeForOutcome(reports('ok', 'ok')), ExitCode.OK);
  });

  it('keeps the documented numbers', () => {
    assert.deepEqual(ExitCode, { OK: 0, ACTION_REQUIRED: 1, INCONCLUSIVE: 2, UNREADABLE: 3, USAGE: 64, INTERNAL: 70 });
  });
});
