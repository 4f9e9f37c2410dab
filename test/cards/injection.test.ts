// B12/B13: text from a log cannot inject links or markdown, cannot smuggle template syntax, and
// cannot break the card; hostile strings arrive on the card as inert, bounded TextRun text.
import assert from 'node:assert/strict';
import { findRegion, requiredEndpointsForRegion } from '../../src/analyzer';
import {
  buildHelpCard,
  buildNoticeCard,
  buildRefusalCard,
  buildRegionCard,
  buildUnmatchedQuestionCard,
  summaryCardData,
  type AdaptiveCardJson,
} from '../../src/cards';
import type { Lang } from '../../src/i18n/lang';
import { cardProblems } from './card-checks';
import { allStrings, nodesOfType, walk } from './card-inspect';
import { REPORT_ID, reportCards } from './card-samples';
import { HOSTILE_STRINGS, SECRET, hostileGroupedReport, hostileReport } from './report-factory';

const MARKERS = ['evil.example', '**b**', '# h', '${secret}', '<script>', '<at>everyone'];
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

function hostileCards(lang: Lang): { id: string; card: AdaptiveCardJson }[] {
  const report = hostileReport();
  const cards: { id: string; card: AdaptiveCardJson }[] = [
    ...reportCards('hostile', report, lang),
    // the same problem on several hostile endpoints and contexts: grouped rows and explanations
    ...reportCards('hostile-grouped', hostileGroupedReport(), lang),
  ].map((s) => ({ id: s.id, card: s.card }));
  const hostile = HOSTILE_STRINGS.join(' | ');
  cards.push({ id: 'unmatched/question', card: buildUnmatchedQuestionCard({ lang, reportId: REPORT_ID, report, question: hostile, topics: HOSTILE_STRINGS }) });
  cards.push({ id: 'refusal', card: buildRefusalCard({ title: hostile, detail: hostile, whatToSend: hostile }, lang, { fileName: hostile }) });
  cards.push({ id: 'notice', card: buildNoticeCard(hostile, HOSTILE_STRINGS, lang) });
  cards.push({
    id: 'help',
    card: buildHelpCard(lang, [{ name: 'x', title: { ja: hostile, en: hostile }, description: { ja: hostile, en: hostile }, usage: { ja: hostile, en: hostile } }]),
  });
  const region = findRegion('japaneast') ?? { id: 'japaneast', displayName: 'Japan East', geo: 'jpe' };
  const endpoints = requiredEndpointsForRegion(region).concat(HOSTILE_STRINGS.map((h) => ({ host: h, port: 443, service: 'azure-backup' as const, purpose: h, note: h })));
  cards.push({ id: 'region', card: buildRegionCard({ ...region, displayName: hostile }, endpoints, lang) });
  return cards;
}

for (const lang of ['ja', 'en'] as const) {
  describe(`hostile log text on cards (${lang})`, function () {
    this.timeout(60_000);
    const cards = hostileCards(lang);

    it('every card still passes the structural checks', async () => {
      const failures: string[] = [];
      for (const { id, card } of cards) for (const p of await cardProblems(card, { literalInData: HOSTILE_STRINGS.filter((h) => h.includes('${')) })) failures.push(`${id}: ${p}`);
      assert.deepEqual(failures.slice(0, 20), []);
    });

    it('log text only ever lands in TextRun (no TextBlock, FactSet, button title or URL carries it)', () => {
      const leaks: string[] = [];
      for (const { id, card } of cards) {
        walk(card, (node, path) => {
          for (const [key, value] of Object.entries(node)) {
            if (typeof value !== 'string' || !MARKERS.some((m) => value.includes(m))) continue;
            const allowed = node.type === 'TextRun' && key === 'text';
            if (!allowed) leaks.push(`${id} ${path}.${key} (${String(node.type)}): ${value.slice(0, 60)}`);
          }
        });
        assert.equal(nodesOfType(card, 'FactSet').length, 0);
        for (const tb of nodesOfType(card, 'TextBlock')) {
          assert.ok(!String(tb.text).includes('](http'), `${id}: TextBlock with a markdown link`);
        }
      }
      assert.deepEqual(leaks.slice(0, 20), []);
    });

    it('${...} and $data from the log stay literal; nothing is evaluated', () => {
      const everything = cards.map((c) => JSON.stringify(c.card)).join('\n');
      assert.ok(everything.includes('${secret}'), 'the literal ${secret} should be visible as text');
      assert.ok(everything.includes('$data'), 'the literal $data should be visible as text');
      assert.ok(!everything.includes(SECRET));
      for (const { id, card } of cards) {
        walk(card, (node) => {
          for (const key of Object.keys(node)) assert.ok(!key.startsWith('$') || key === '$schema', `${id}: key ${key} survived`);
        });
      }
    });

    it('grouped rows and explanations carry the hostile hosts, details and contexts as inert text', () => {
      const grouped = cards.filter((c) => c.id.includes('hostile-grouped'));
      const summary = grouped.find((c) => c.id.startsWith('summary/'));
      const explanation = grouped.find((c) => c.id.startsWith('explanation/') && c.id.includes('TCP_CONNECT_FAILED'));
      assert.ok(summary && explanation);
      const rows = nodesOfType(summary.card, 'Action.Execute').filter((a) => a.verb === 'explain');
      assert.equal(rows.length, 4, 'one row per problem, whatever the hosts look like');
      const runs = nodesOfType(explanation.card, 'TextRun').map((r) => String(r.text));
      assert.ok(runs.some((r) => r.includes('[x](https://evil.example/phish).example')), 'a hostile host is listed, as text');
      assert.ok(runs.some((r) => r.includes('**b** __u__')), 'a hostile detail is shown, as text');
      assert.ok(runs.some((r) => r === '${secret}'), 'evidence ${...} stays literal');
    });

    it('the data handed to the template holds ${ only as data (the builder never pre-expands)', () => {
      const data = summaryCardData(hostileReport(), { lang, reportId: REPORT_ID });
      assert.ok(allStrings(data).some((s) => s.includes('${secret}')));
    });

    it('no control or bidi-override characters and no unbounded strings reach the card', () => {
      for (const { id, card } of cards) {
        for (const s of allStrings(card)) {
          assert.ok(!CONTROL_OR_BIDI.test(s), `${id}: control/bidi character in ${JSON.stringify(s.slice(0, 60))}`);
          assert.ok(s.length <= 2100, `${id}: a ${s.length}-character string`);
        }
      }
    });

    it('every text is a string and every link is https to a catalogue URL', () => {
      for (const { id, card } of cards) {
        walk(card, (node, path) => {
          if ('text' in node) assert.equal(typeof node.text, 'string', `${id} ${path}`);
          if (node.type === 'Action.OpenUrl') {
            assert.match(String(node.url), /^https:\/\//);
            assert.ok(!String(node.url).includes('evil'), `${id}: ${String(node.url)}`);
          }
        });
      }
    });
  });
}
