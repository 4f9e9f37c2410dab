// Every fixture log in test/fixtures/logs against its `<log>.expected.json`, with the conformance
// tool's subset semantics: proves conformance on a fresh clone without the CLI. test/fixtures/from-spec
// holds logs written from log-formats.md by someone who had not read the analyzer (versions,
// Japanese texts, interruptions, Linux variants, zips…), with the results an engineer would conclude.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../src/analyzer/analyze-text';
import { countLines } from '../../src/analyzer/parse/lines';
import { decodeBytes } from '../../src/analyzer/input/decode-text';
import { analyzeBytes } from '../../src/analyzer/input/analyze-bytes';
import { assertWellFormed } from './support/report-checks';
import { conformanceErrors } from './support/subset';

function fixtureLogs(dir: string): string[] {
  const files = readdirSync(dir);
  return files.filter((f) => !f.endsWith('.expected.json') && files.includes(`${f}.expected.json`)).sort();
}

for (const [set, DIR, minimum] of [
  ['shared fixtures', join(__dirname, '..', 'fixtures', 'logs'), 13],
  ['logs written from the format description', join(__dirname, '..', 'fixtures', 'from-spec'), 70],
] as const) describe(`analyzer fixtures (conformance subset): ${set}`, () => {
  const logs = fixtureLogs(DIR);
  it('has the fixture logs', () => {
    assert.ok(logs.length >= minimum, `found ${logs.length} fixture logs`);
  });
  for (const log of logs) {
    if (log.endsWith('.zip')) {
      // a zip goes through the whole input path, as the CLI and the bot read it: one log, one report
      it(log, async () => {
        const expected = JSON.parse(readFileSync(join(DIR, `${log}.expected.json`), 'utf8'));
        const outcome = await analyzeBytes(readFileSync(join(DIR, log)), { fileName: log });
        assert.equal(outcome.kind, 'reports');
        if (outcome.kind !== 'reports') return;
        const [report, ...others] = outcome.reports;
        assert.ok(report !== undefined && others.length === 0, `${outcome.reports.length} reports`);
        assert.deepEqual(conformanceErrors(expected, report), []);
      });
      continue;
    }
    it(log, () => {
      const { text, encoding } = decodeBytes(readFileSync(join(DIR, log)));
      const expected = JSON.parse(readFileSync(join(DIR, `${log}.expected.json`), 'utf8'));
      const report = analyzeText(text, { encoding, fileName: log });
      assert.deepEqual(conformanceErrors(expected, report), []);
      assertWellFormed(report, countLines(text));
      // deterministic
      assert.deepEqual(analyzeText(text, { encoding, fileName: log }), report);
    });
  }
});
