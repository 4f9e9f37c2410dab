// The registry: every finding code has exactly one rule, and findings come out sorted.
import assert from 'node:assert/strict';
import { FINDING_CODES, type Finding } from '../../../src/analyzer/report';
import { RULES, sortFindings } from '../../../src/analyzer/rules';

describe('rule registry', () => {
  it('one rule per finding code, every code covered', () => {
    const codes = RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.deepEqual([...codes].sort(), [...FINDING_CODES].sort());
  });
  it('sorts by severity, then first evidence line, then code', () => {
    const f = (code: Finding['code'], severity: Finding['severity'], line?: number): Finding => ({ code, severity, evidence: line === undefined ? [] : [{ line, text: '' }] });
    const sorted = sortFindings([f('REGION_SPECIFIC_FQDN', 'info', 5), f('TCP_CONNECT_FAILED', 'error', 90), f('LOG_INCOMPLETE', 'warning', 1), f('DNS_RESOLUTION_FAILED', 'error', 80), f('UNRECOGNIZED_LOG', 'error')]);
    assert.deepEqual(sorted.map((x) => x.code), ['DNS_RESOLUTION_FAILED', 'TCP_CONNECT_FAILED', 'UNRECOGNIZED_LOG', 'LOG_INCOMPLETE', 'REGION_SPECIFIC_FQDN']);
  });
});
