import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRegion, requiredEndpointsForRegion } from '../../src/analyzer/region/regions';
import { displayWidth } from '../../src/cli/display-width';
import { clean, formatReportText, formatReportsText, regionEndpointsFor } from '../../src/cli/format-text';
import type { Report } from '../../src/analyzer/report';
import { explainFinding } from '../../src/i18n/findings';
import type { Lang } from '../../src/i18n/lang';
import { sampleReport } from './sample-report';

const GOLDEN = join(__dirname, 'golden');

/** Compares with test/cli/golden/<name>; UPDATE_GOLDEN=1 rewrites it (review the diff). */
function matchGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  assert.equal(actual, readFileSync(file, 'utf8'));
}

/**
 * The layout without the catalogue's sentences (owned and reworded elsewhere): each finding's
 * title, meaning, why, steps and links are replaced by a marker, so the golden pins the layout.
 */
function layoutOnly(text: string, report: Report, lang: Lang): string {
  let out = text;
  for (const f of report.findings) {
    const x = explainFinding(f, lang);
    const swaps: [string, string][] = [
      [x.title, `<${f.code} title>`],
      [x.meaning, `<${f.code} meaning>`],
      [x.why, `<${f.code} why>`],
      ...x.steps.map((step, i): [string, string] => [step, `<${f.code} step ${i + 1}>`]),
      ...x.links.map((link, i): [string, string] => [`${link.title}: ${link.url}`, `<${f.code} link ${i + 1}>`]),
    ];
    for (const [from, to] of swaps) if (from !== '') out = out.split(from).join(to);
  }
  return out;
}

describe('formatReportText', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`golden: the layout of the sample report in ${lang}`, () => {
      const report = sampleReport();
      matchGolden(`sample-report.${lang}.txt`, layoutOnly(formatReportText(report, { lang }), report, lang));
    });

    it(`puts the verdict first and explains every finding with its evidence lines (${lang})`, () => {
      const report = sampleReport();
      const text = formatReportText(report, { lang });
      const lines = text.split('\n');
      assert.match(lines[2]!, lang === 'ja' ? /^総合判定: 対応が必要です/ : /^Overall: Action required/);
      for (const f of report.findings) {
        const x = explainFinding(f, lang);
        assert.ok(text.includes(x.title), x.title);
        for (const step of x.steps) assert.ok(text.includes(step), step);
      }
      assert.match(text, lang === 'ja' ? /該当行: 132, 134/ : /Evidence: line 132, 134/);
      const failed = text.slice(text.indexOf(lang === 'ja' ? '接続に失敗した接続先 (1 件)' : 'Failed endpoints (1)'));
      assert.match(failed, /jpewatcab01\.blob\.core\.windows\.net:443/);
    });
  }

  it('shows log text inert: control characters from the log never reach the terminal', () => {
    const text = formatReportText(sampleReport(), { lang: 'en' });
    assert.ok(!text.includes('\u001b'));
    assert.ok(text.includes('evil\uFFFD[2J.example'));
    assert.equal(clean('a\tb\u0000c\u009bd'), 'a b\uFFFDc\uFFFDd');
  });

  it('aligns the endpoint table for monospace, Japanese labels included', () => {
    const text = formatReportText(sampleReport(), { lang: 'ja' });
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('  接続先'));
    const table = lines.slice(header, header + 4);
    const portCell = table.map((l) => displayWidth(l.slice(0, l.search(/ (ポート|443|3260) /) + 1)));
    assert.equal(new Set(portCell).size, 1, table.join('\n'));
  });

  it('adds the region section with --region', () => {
    const region = findRegion('southeastasia')!;
    const re = regionEndpointsFor(region, requiredEndpointsForRegion(region));
    const text = formatReportText(sampleReport(), { lang: 'en', regionEndpoints: re });
    assert.match(text, /Endpoints to test for Southeast Asia \(southeastasia\)/);
    assert.match(text, /pod01-manag1\.sea\.backup\.windowsazure\.com\s+443/);
  });

  it('numbers several reports and keeps each complete', () => {
    const a = sampleReport();
    const b = { ...sampleReport(), source: { ...sampleReport().source, archive: 'x.zip', archiveEntry: 'logs/b.log' } };
    const text = formatReportsText([a, b], { lang: 'en' });
    assert.match(text, /Report 1 of 2: AzureBackup_Check_NW_20240219_101433\.log/);
    assert.match(text, /Report 2 of 2: logs\/b\.log/);
    assert.match(text, /Archive\s+x\.zip › logs\/b\.log/);
  });
});
