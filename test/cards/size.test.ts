// B14: whatever the report, every card fits the Teams payload limit; long lists end in
// "and N more" with the full list one button away, long strings are cut.
import assert from 'node:assert/strict';
import { FINDING_CODES, type Finding, type FindingCode } from '../../src/analyzer/report';
import {
  CARD_BYTE_BUDGET,
  ENDPOINTS_PER_PAGE,
  TEAMS_PAYLOAD_LIMIT_BYTES,
  buildEndpointsCard,
  buildExplanationCard,
  buildSummaryCard,
  buildUnmatchedQuestionCard,
  cardBytes,
} from '../../src/cards';
import { buildSummaryCardWire } from '../../src/cards/summary-card';
import { nodesOfType, visibleTexts } from './card-inspect';
import { REPORT_ID } from './card-samples';
import { CODE_SEVERITY, hostileGroupedReport, hostileReport, hugeReport } from './report-factory';

const opts = (lang: 'ja' | 'en') => ({ lang, reportId: REPORT_ID });

describe('card size limits', function () {
  this.timeout(60_000);

  it('keeps a margin under the Teams limit for the activity envelope', () => {
    assert.ok(CARD_BYTE_BUDGET <= TEAMS_PAYLOAD_LIMIT_BYTES - 2048);
  });

  for (const lang of ['ja', 'en'] as const) {
    describe(`10 000 endpoints and 10 000 findings (${lang})`, () => {
      const report = hugeReport(10_000);

      it('the summary wire JSON (stringified once, for the analysis worker) is the card as sent', () => {
        const { card, json } = buildSummaryCardWire(report, opts(lang));
        assert.equal(json, JSON.stringify(card));
        assert.deepEqual(card, buildSummaryCard(report, opts(lang)));
        assert.ok(Buffer.byteLength(json, 'utf8') <= CARD_BYTE_BUDGET);
      });

      it('summary fits, caps the lists and says how many more', () => {
        const card = buildSummaryCard(report, opts(lang));
        assert.ok(cardBytes(card) <= CARD_BYTE_BUDGET, `${cardBytes(card)} bytes`);
        const texts = visibleTexts(card).join('\n');
        const failed = report.endpoints.filter((e) => e.verdict === 'failed').length;
        assert.ok(texts.includes(String(failed - 8)) || texts.includes(String(failed - 5)), 'the hidden failed-endpoint count is shown');
        assert.match(texts, lang === 'ja' ? /ほか \d+ 件/ : /and \d+ more/);
        const explains = nodesOfType(card, 'Action.Execute').filter((a) => a.verb === 'explain');
        assert.ok(explains.length > 0 && explains.length <= 30);
        assert.ok(nodesOfType(card, 'Action.Execute').some((a) => a.verb === 'showAllEndpoints'));
      });

      it('endpoint pages fit and page through everything', () => {
        const first = buildEndpointsCard(report, { ...opts(lang), page: 0 });
        const last = buildEndpointsCard(report, { ...opts(lang), page: 10_000 });
        for (const card of [first, last]) assert.ok(cardBytes(card) <= CARD_BYTE_BUDGET);
        const pager = (card: unknown) => nodesOfType(card, 'Action.Execute').filter((a) => a.verb === 'showAllEndpoints').map((a) => (a.data as { page: number }).page);
        assert.deepEqual(pager(first), [1]);
        const lastPage = Math.ceil(10_000 / ENDPOINTS_PER_PAGE) - 1;
        assert.deepEqual(pager(last), [lastPage - 1], 'past the end shows the last page, with only "previous"');
      });

      it('explanations and the unmatched-question card fit', () => {
        // finding 9 999 shares its code with ~450 others: the card lists a few and counts the rest
        const explanation = buildExplanationCard(report, 9_999, opts(lang));
        assert.ok(cardBytes(explanation) <= CARD_BYTE_BUDGET, `${cardBytes(explanation)} bytes`);
        const texts = visibleTexts(explanation);
        const sameCode = report.findings.filter((f) => f.code === report.findings[9_999]?.code).length;
        assert.ok(texts.includes(`${report.findings[9_999]?.endpoint}:443`), 'the finding asked about is listed');
        const listed = new Set(texts.filter((x) => /^pod\d{5}-manag1\.jpe\.backup\.windowsazure\.com:443$/.test(x))).size;
        const more = texts.map((x) => (lang === 'ja' ? /^ほか (\d+) 件$/ : /^and (\d+) more$/).exec(x)).find((m) => m !== null);
        assert.ok(listed >= 3 && more, `lists ${listed} and says how many more`);
        assert.equal(listed + Number(more[1]), sameCode, 'listed + "and N more" = every endpoint with this problem');
        assert.ok(cardBytes(buildUnmatchedQuestionCard({ ...opts(lang), report })) <= CARD_BYTE_BUDGET);
      });
    });
  }

  it('a million findings still give a summary under the budget: one row per problem, hosts capped', () => {
    // every code on 50 hosts, repeated (shared objects keep the test light)
    const shared: Finding[] = FINDING_CODES.flatMap((code: FindingCode) =>
      Array.from({ length: 50 }, (_, h) => ({ code, severity: CODE_SEVERITY[code], endpoint: `pod${String(h).padStart(2, '0')}-manag1.jpe.backup.windowsazure.com`, port: 443, params: {}, evidence: [] })),
    );
    const report = { ...hugeReport(10), findings: Array.from({ length: 1_000_000 }, (_, i) => shared[i % shared.length] as Finding) };
    const card = buildSummaryCard(report, opts('ja'));
    assert.ok(cardBytes(card) <= CARD_BYTE_BUDGET, `${cardBytes(card)} bytes`);
    const texts = visibleTexts(card).join('\n');
    assert.match(texts, /ほか\s4[6-9]\s件/, 'a row names a few of its 50 hosts and counts the rest');
    const explains = nodesOfType(card, 'Action.Execute').filter((a) => a.verb === 'explain');
    assert.ok(explains.length > 0 && explains.length <= FINDING_CODES.length, `${explains.length} Explain buttons`);
    const indices = explains.map((a) => (a.data as { findingIndex: number }).findingIndex);
    assert.deepEqual(indices, [...new Set(indices)], 'one button per problem');
    for (const i of indices) assert.ok(i < shared.length, 'each button opens the first finding of its problem');
  });

  it('10 000-character hosts, errors and evidence lines are cut, and the cards fit (alone and grouped)', () => {
    for (const report of [hostileReport(), hostileGroupedReport()]) {
      for (const lang of ['ja', 'en'] as const) {
        const cards = [
          buildSummaryCard(report, opts(lang)),
          buildEndpointsCard(report, opts(lang)),
          ...report.findings.map((_, i) => buildExplanationCard(report, i, opts(lang))),
        ];
        for (const card of cards) {
          assert.ok(cardBytes(card) <= CARD_BYTE_BUDGET);
          for (const text of visibleTexts(card)) assert.ok(text.length <= 1600, `a ${text.length}-character text`);
        }
      }
    }
  });
});
