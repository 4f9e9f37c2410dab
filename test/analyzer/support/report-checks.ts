// Invariants every report must satisfy, whatever the input (used by fixture, synthetic and property tests).
import assert from 'node:assert/strict';
import { FINDING_CODES, type Report } from '../../../src/analyzer/report';

export function assertWellFormed(report: Report, lineCount: number): void {
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.source.lineCount, lineCount);
  const lines: Array<{ line: number; text: string }> = [];
  for (const ep of report.endpoints) {
    assert.ok(ep.evidence.length > 0, `endpoint ${ep.host}:${ep.port} has evidence`);
    lines.push(...ep.evidence);
  }
  for (const c of report.proxy.contexts) lines.push(...c.evidence);
  for (const f of report.findings) {
    assert.ok((FINDING_CODES as readonly string[]).includes(f.code), `unknown code ${f.code}`);
    lines.push(...f.evidence);
    for (const v of Object.values(f.params ?? {})) assert.equal(typeof v, 'string');
  }
  for (const e of lines) {
    assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= Math.max(lineCount, 1), `line ${e.line} outside 1..${lineCount}`);
    assert.ok(e.text.length <= 300, 'evidence text capped');
    // printable: no C0/C1 control characters, no lone surrogates
    for (let i = 0; i < e.text.length; i++) {
      const c = e.text.charCodeAt(i);
      assert.ok(!(c < 0x20 || (c >= 0x7f && c <= 0x9f)), `control character in evidence: ${JSON.stringify(e.text)}`);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = e.text.charCodeAt(i + 1);
        assert.ok(d >= 0xdc00 && d <= 0xdfff, 'lone high surrogate');
        i++;
      } else assert.ok(!(c >= 0xdc00 && c <= 0xdfff), 'lone low surrogate');
    }
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  for (let i = 1; i < report.findings.length; i++) {
    const a = report.findings[i - 1]!;
    const b = report.findings[i]!;
    assert.ok(order[a.severity] <= order[b.severity], 'findings ordered by severity');
  }
}
