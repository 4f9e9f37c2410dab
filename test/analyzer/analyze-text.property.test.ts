// Properties of analyzeText on arbitrary and mutated input: never throws, always a well-formed
// report (line numbers in range, printable bounded evidence, known codes, sorted findings), and
// deterministic. Run counts are modest so the suite stays fast.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../../src/analyzer/analyze-text';
import { countLines } from '../../src/analyzer/parse/lines';
import { decodeForTest } from './support/decode';
import { assertWellFormed } from './support/report-checks';

const DIR = join(__dirname, '..', 'fixtures', 'logs');
const fixtures = readdirSync(DIR)
  .filter((f) => !f.endsWith('.json'))
  .sort()
  .map((f) => decodeForTest(readFileSync(join(DIR, f))).text);
const fixtureLines = [...new Set(fixtures.flatMap((t) => t.split(/\r\n|\r|\n/)))];

function check(text: string): void {
  const a = analyzeText(text, { encoding: 'utf-8' });
  assertWellFormed(a, countLines(text));
  assert.deepEqual(analyzeText(text, { encoding: 'utf-8' }), a);
}

const eol = fc.constantFrom('\r\n', '\n', '\r');

describe('analyzeText properties', () => {
  it('any string (binary code units, lone surrogates, NULs) gives a well-formed report', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), check), { numRuns: 200 });
  });

  it('any sequence of real log lines, control characters and junk, with mixed line endings', () => {
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...fixtureLines) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom('\u0000\u0000', '\t', '#', '##TRY!! ##', '#TRY!!', 'Hive:', 'ProxyEnable: 1', '-ForegroundColor', '\ufffd\ufffd') },
    );
    const doc = fc.array(fc.tuple(line, eol), { maxLength: 120 }).map((parts) => parts.map(([l, e]) => l + e).join(''));
    fc.assert(fc.property(doc, check), { numRuns: 150 });
  });

  it('fixture logs with lines dropped, duplicated, truncated or swapped never throw', () => {
    const mutation = fc.record({
      fixture: fc.nat({ max: fixtures.length - 1 }),
      ops: fc.array(fc.record({ kind: fc.constantFrom('drop', 'dup', 'trunc', 'swap', 'cut'), at: fc.nat(), n: fc.nat({ max: 200 }) }), { maxLength: 8 }),
      eol,
    });
    fc.assert(
      fc.property(mutation, ({ fixture, ops, eol: e }) => {
        const lines = (fixtures[fixture] ?? '').split(/\r\n|\r|\n/);
        for (const op of ops) {
          if (lines.length === 0) break;
          const i = op.at % lines.length;
          if (op.kind === 'drop') lines.splice(i, 1);
          else if (op.kind === 'dup') lines.splice(i, 0, lines[i] ?? '');
          else if (op.kind === 'trunc') lines[i] = (lines[i] ?? '').slice(0, op.n % ((lines[i] ?? '').length + 1));
          else if (op.kind === 'swap') {
            const j = (i + op.n) % lines.length;
            [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
          } else lines.length = Math.max(0, lines.length - op.n);
        }
        check(lines.join(e));
      }),
      { numRuns: 120 },
    );
  });

  it('a single 10 MB line is handled (no quadratic behaviour)', () => {
    const big = 'x'.repeat(5_000_000) + 'TcpTestSucceeded: True ' + '\u0000'.repeat(5_000_000);
    for (const text of [big, `#TRY!! Invoke-webRequest https://login.microsoft.com\r\n${big}\r\n`, `##TRY!! curl -I https://a.blob.core.windows.net ##\n${big}`]) {
      const r = analyzeText(text, { encoding: 'utf-8' });
      assertWellFormed(r, countLines(text));
    }
  });
});
