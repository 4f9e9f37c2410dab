// What a follow-up answer says when the report has no finding on the topic asked about: the
// titles read as Japanese ("プロキシについて", "TLS 1.2 について"), the proxy settings are named
// as the summary card names them (never the context id), and nothing is said twice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBytes, type Report } from '../../../src/analyzer';
import type { StoredReport } from '../../../src/bot/bot-services';
import { aboutTitle, answerCards } from '../../../src/bot/followup/answer-question';
import { contextName } from '../../../src/i18n/terms';
import { visibleTexts } from '../../cards/card-inspect';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'logs');

async function stored(name: string): Promise<StoredReport> {
  const outcome = await analyzeBytes(new Uint8Array(readFileSync(join(FIXTURES, name))), { fileName: name });
  assert.equal(outcome.kind, 'reports');
  const report: Report = outcome.reports[0]!;
  return { id: 'report-id-000000000001', scope: { tenantId: 't', conversationId: 'c' }, createdAt: '2024-01-01T00:00:00Z', report };
}

describe('follow-up answers about a topic without a finding', () => {
  it('"…について" titles: no space after a Japanese word, a half-width space after an ASCII one', () => {
    assert.equal(aboutTitle('プロキシ', 'ja'), 'プロキシについて');
    assert.equal(aboutTitle('名前解決', 'ja'), '名前解決について');
    assert.equal(aboutTitle('TLS 1.2', 'ja'), 'TLS 1.2 について');
    assert.equal(aboutTitle('Azure Storage', 'ja'), 'Azure Storage について');
    assert.equal(aboutTitle('ファイルの回復 (iSCSI)', 'ja'), 'ファイルの回復 (iSCSI) について');
    assert.equal(aboutTitle('the proxy', 'en'), 'About the proxy');
  });

  it('"プロキシの設定を教えて" on a log without a proxy: one title, one plain statement', async () => {
    const s = await stored('win-ja-2022-storage-blocked.log');
    const [card] = answerCards({ kind: 'topic-status', topic: 'proxy', services: [] }, s, 'ja');
    const texts = visibleTexts(card);
    assert.ok(texts.includes('プロキシについて'), texts.join(' | '));
    assert.ok(!texts.includes('プロキシ について'));
    const body = texts.find((x) => x.includes('直接接続'))!;
    assert.equal(body.split('このログ').length - 1, 1, `"このログでは" said once: ${body}`);
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`proxy settings are named as on the summary card, not by their id (${lang})`, async () => {
      const s = await stored('win-en-system-proxy.log');
      // a report whose proxy findings were dealt with: the answer lists the settings
      const report: Report = { ...s.report, findings: s.report.findings.filter((f) => !f.code.startsWith('PROXY')) };
      const [card] = answerCards({ kind: 'topic-status', topic: 'proxy', services: [] }, { ...s, report }, lang);
      const all = visibleTexts(card).join('\n');
      const used = report.proxy.contexts.filter((c) => c.found && c.enabled && c.server);
      assert.ok(used.length > 0);
      for (const c of used) {
        assert.ok(all.includes(`${contextName(c.context, lang)}: ${c.server}`), all);
        assert.ok(!all.includes(`${c.context} = `) && !all.includes(`${c.context}: `), `raw context id "${c.context}" in: ${all}`);
      }
    });
  }
});
