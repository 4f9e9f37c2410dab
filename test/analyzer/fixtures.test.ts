// Every fixture log in test/fixtures/logs against its `<log>.expected.json`, with the conformance
// tool's subset semantics: proves conformance on a fresh clone without the CLI.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../src/analyzer/analyze-text';
import { countLines } from '../../src/analyzer/parse/lines';
import { decodeForTest } from './support/decode';
import { assertWellFormed } from './support/report-checks';
import { conformanceErrors } from './support/subset';

const DIR = join(__dirname, '..', 'fixtures', 'logs');
const logs = readdirSync(DIR).filter((f) => !f.endsWith('.expected.json') && readdirSync(DIR).includes(`${f}.expected.json`)).sort();

describe('analyzer fixtures (conformance subset)', () => {
  it('has the fixture logs', () => {
    assert.ok(logs.length >= 13, `found ${logs.length} fixture logs`);
  });
  for (const log of logs) {
    it(log, () => {
      const { text, encoding } = decodeForTest(readFileSync(join(DIR, log)));
      const expected = JSON.parse(readFileSync(join(DIR, `${log}.expected.json`), 'utf8'));
      const report = analyzeText(text, { encoding, fileName: log });
      assert.deepEqual(conformanceErrors(expected, report), []);
      assertWellFormed(report, countLines(text));
      // deterministic
      assert.deepEqual(analyzeText(text, { encoding, fileName: log }), report);
    });
  }
});
