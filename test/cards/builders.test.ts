// What each card says: the summary shows what failed and where, every finding with a working
// Explain button; explanations number their steps and cite log lines; pages and buttons carry
// the right data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBytes, findRegion, requiredEndpointsForRegion, type Report } from '../../src/analyzer';
import { BOT_COMMANDS } from '../../src/bot/commands/command-list';
import {
  ENDPOINTS_PER_PAGE,
  buildEndpointsCard,
  buildExplanationCard,
  buildHelpCard,
  buildNoticeCard,
  buildRefusalCard,
  buildRegionCard,
  buildSummaryCard,
  buildUnmatchedQuestionCard,
  cardAttachment,
  type ActionData,
} from '../../src/cards';
import type { Finding } from '../../src/analyzer/report';
import { CARD_MESSAGES } from '../../src/cards/card-messages';
import { explainFinding, explainFindingGroup, findingTitle } from '../../src/i18n/findings';
import { t } from '../../src/i18n/lang';
import { contextName, overallLabel, severityLabel, tlsStateLabel } from '../../src/i18n/terms';
import { explainRefusal, REFUSAL_KEYS } from '../../src/i18n/refusals';
import { nodesOfType, visibleTexts, type JsonNode } from './card-inspect';
import { REPORT_ID } from './card-samples';
import { FIXTURE_DIR, GROUPED_HOSTS, groupedReport, hugeReport, sampleReport } from './report-factory';

function executes(card: unknown, verb?: string): { title: string; data: ActionData }[] {
  return nodesOfType(card, 'Action.Execute')
    .filter((a) => verb === undefined || a.verb === verb)
    .map((a) => ({ title: String(a.title), data: a.data as ActionData }));
}

describe('summary card', () => {
  const report = sampleReport();
  for (const lang of ['ja', 'en'] as const) {
    describe(lang, () => {
      const card = buildSummaryCard(report, { lang, reportId: REPORT_ID });
      const texts = visibleTexts(card);
      const all = texts.join('\n');

      it('leads with the overall verdict in its colour', () => {
        const header = (card.body[0] as JsonNode);
        assert.equal(header.style, 'attention');
        assert.ok(texts.includes(overallLabel('action-required', lang)));
      });

      it('shows machine, OS, region, time, file and archive', () => {
        for (const s of ['JPEFS01', 'Windows Server 2022 Datacenter (10.0.20348)', '2024-02-19 10:14:33', 'AzureBackup_Check_NW_20240219.log', 'logs.zip › AzureBackup_Check_NW_20240219.log']) {
          assert.ok(texts.includes(s), `missing ${s}`);
        }
        assert.ok(all.includes('Japan East'));
      });

      it('lists each failed endpoint with service, host:port and what failed', () => {
        assert.ok(texts.includes('jpewatcab01.blob.core.windows.net:443'));
        assert.ok(texts.includes('login.microsoftonline.com:443'));
        assert.ok(texts.includes('Azure Storage'));
        assert.ok(all.includes(lang === 'ja' ? '名前解決に失敗しました' : 'Name resolution failed'));
        assert.ok(all.includes(lang === 'ja' ? 'TCP 443 番ポートに接続できませんでした' : 'TCP connection to port 443 failed'));
        assert.ok(texts.includes('md-c0kzrtq5wb3x.z33.blob.storage.azure.net:443'), 'inconclusive endpoints are listed too');
        assert.ok(!texts.includes('pod01-manag1.jpe.backup.windowsazure.com:443'), 'reachable endpoints are not on the summary');
      });

      it('shows the proxy of each context and TLS 1.2', () => {
        assert.ok(texts.includes(contextName('current-user', lang)));
        assert.ok(texts.includes('http://10.2.0.16:8080'));
        assert.ok(all.includes('*.backup.windowsazure.com'));
        assert.ok(texts.includes(tlsStateLabel('os-default', lang)));
      });

      it('lists every finding by severity, each problem with an Explain button for its first finding', () => {
        // the sample report has every code once: one row (and one button) per finding
        const explains = executes(card, 'explain');
        assert.equal(explains.length, report.findings.length);
        for (const { data } of explains) {
          assert.equal(data.verb, 'explain');
          if (data.verb !== 'explain') continue;
          const finding = report.findings[data.findingIndex];
          assert.ok(finding);
          assert.ok(texts.includes(findingTitle(finding, lang)), `title of finding ${data.findingIndex} missing`);
          assert.equal(data.reportId, REPORT_ID);
        }
        const errorsFirst = texts.findIndex((x) => x.startsWith(lang === 'ja' ? 'エラー' : 'Error'));
        const infosAfter = texts.findIndex((x) => x.startsWith(lang === 'ja' ? '情報' : 'Info'));
        assert.ok(errorsFirst >= 0 && infosAfter > errorsFirst);
      });

      it('has Show all endpoints, the language switch (in place) and Escalate', () => {
        assert.deepEqual(executes(card, 'showAllEndpoints').map((a) => a.data), [{ verb: 'showAllEndpoints', reportId: REPORT_ID, lang }]);
        const other = lang === 'ja' ? 'en' : 'ja';
        assert.deepEqual(executes(card, 'setLanguage').map((a) => [a.title, a.data]), [[lang === 'ja' ? 'English' : '日本語', { verb: 'setLanguage', reportId: REPORT_ID, lang: other, view: 'summary' }]]);
        assert.equal(executes(card, 'escalate').length, 1);
      });
    });
  }

  it('a healthy report says so and lists no failed endpoints', () => {
    const healthy: Report = { ...sampleReport(), overall: 'ok', endpoints: sampleReport().endpoints.filter((e) => e.verdict === 'ok'), findings: [] };
    const card = buildSummaryCard(healthy, { lang: 'en', reportId: REPORT_ID });
    const texts = visibleTexts(card);
    assert.equal((card.body[0] as JsonNode).style, 'good');
    assert.ok(texts.includes('No findings.'));
    assert.ok(!texts.some((x) => x.startsWith('Endpoints that failed')));
  });

  describe('one row per problem', () => {
    const report = groupedReport();
    for (const lang of ['ja', 'en'] as const) {
      const card = buildSummaryCard(report, { lang, reportId: REPORT_ID });
      const texts = visibleTexts(card);
      const explains = executes(card, 'explain').map((a) => a.data as Extract<ActionData, { verb: 'explain' }>);

      it(`3 hosts with the same problem → one row listing the 3 hosts, one Explain button (${lang})`, () => {
        const tcpTitle = findingTitle(report.findings[1]!, lang);
        assert.equal(texts.filter((x) => x === tcpTitle).length, 1, 'the title once');
        const hosts = GROUPED_HOSTS.map((h) => `${h}:443`);
        assert.ok(texts.includes(hosts.join(lang === 'ja' ? '、' : ', ')), `hosts under the title: ${texts.join(' | ')}`);
        const tcpButtons = explains.filter((d) => report.findings[d.findingIndex]!.code === 'TCP_CONNECT_FAILED');
        assert.deepEqual(tcpButtons.map((d) => d.findingIndex), [1], 'one button, for the first TCP finding');
        assert.equal(explains.length, 5, 'TCP, HTTP, proxy path, bypass, region');
        assert.deepEqual(explains.map((d) => d.findingIndex), [...new Set(explains.map((d) => d.findingIndex))]);
      });

      it(`proxy findings per context → one row naming each context (${lang})`, () => {
        const names = ['system', 'workload-plugin'].map((c) => contextName(c, lang)).join(lang === 'ja' ? '、' : ', ');
        assert.equal(texts.filter((x) => x === names).length, 2, 'proxy path and bypass list rows each name both contexts');
      });

      it(`keeps errors → warnings → infos, counting problems (${lang})`, () => {
        const heads = texts.filter((x) => /^(エラー|警告|情報|Errors?|Warnings?|Info)/.test(x));
        assert.deepEqual(heads, [
          t(CARD_MESSAGES.groupTitle, lang, { label: severityLabel('error', lang), count: '2' }),
          t(CARD_MESSAGES.groupTitle, lang, { label: severityLabel('warning', lang), count: '1' }),
          t(CARD_MESSAGES.groupTitle, lang, { label: severityLabel('info', lang), count: '2' }),
        ]);
        const order = explains.map((d) => report.findings[d.findingIndex]!.severity);
        assert.deepEqual(order, ['error', 'error', 'warning', 'info', 'info']);
      });
    }

    it('caps the hosts under a row and says how many more', () => {
      const many = groupedReport();
      const extra = ['a', 'b', 'c'].map((x, i): Finding => ({ ...many.findings[1]!, endpoint: `${x}.example.net`, params: { host: `${x}.example.net`, port: '443' }, evidence: [{ line: 300 + i, text: x }] }));
      many.findings.push(...extra);
      const texts = visibleTexts(buildSummaryCard(many, { lang: 'ja', reportId: REPORT_ID }));
      assert.ok(texts.includes('login.microsoft.com:443、login.microsoftonline.com:443、login.windows.net:443、a.example.net:443 ほか\u00a02\u00a0件'), texts.join(' | '));
      const en = visibleTexts(buildSummaryCard(many, { lang: 'en', reportId: REPORT_ID }));
      assert.ok(en.includes('login.microsoft.com:443, login.microsoftonline.com:443, login.windows.net:443, a.example.net:443 and\u00a02\u00a0more'));
    });
  });

  it('rejects a report id the bot could not accept back (fails loudly, not on click)', () => {
    assert.throws(() => buildSummaryCard(sampleReport(), { lang: 'en', reportId: 'bad id!' }));
  });

  it('wraps as a Bot Framework attachment', () => {
    const card = buildSummaryCard(sampleReport(), { lang: 'en', reportId: REPORT_ID });
    assert.deepEqual(cardAttachment(card), { contentType: 'application/vnd.microsoft.card.adaptive', content: card });
  });
});

describe('summary card for a file that is not a network-check log', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`${lang}: says what the file is not and what to send, without log-only facts (run status, proxy, TLS)`, async () => {
      const outcome = await analyzeBytes(readFileSync(join(FIXTURE_DIR, 'not-a-log.txt')), { fileName: 'readme.txt' });
      assert.equal(outcome.kind, 'reports');
      const report = (outcome as { reports: Report[] }).reports[0]!;
      assert.equal(report.source.kind, 'unknown');
      const texts = visibleTexts(buildSummaryCard(report, { lang, reportId: REPORT_ID }));
      const all = texts.join('\n');
      // what to send instead, on the card itself (not only behind the Explain button)
      assert.ok(texts.includes(t(CARD_MESSAGES.notALogSummary, lang)), all);
      assert.match(all, /AzureBackup_Check_NW_\*\.log/);
      assert.match(all, /CheckNWResult_\*\.log/);
      // "the run was interrupted", "proxy: not in the log", "TLS 1.2: unknown" mean nothing for such a file
      assert.ok(!texts.includes(t(CARD_MESSAGES.factIncomplete, lang)), all);
      assert.ok(!texts.includes(t(CARD_MESSAGES.proxyTitle, lang)), all);
      assert.ok(!texts.includes(t(CARD_MESSAGES.proxyNotFound, lang)), all);
      assert.ok(!texts.includes(tlsStateLabel('unknown', lang)), all);
      // still the file name, the finding with its Explain button and the way to a human
      assert.ok(texts.includes('readme.txt'));
      assert.equal(executes(buildSummaryCard(report, { lang, reportId: REPORT_ID }), 'explain').length, 1);
      assert.equal(executes(buildSummaryCard(report, { lang, reportId: REPORT_ID }), 'escalate').length, 1);
      // no "show all endpoints" button leading to "this log has no endpoint results"
      assert.equal(executes(buildSummaryCard(report, { lang, reportId: REPORT_ID }), 'showAllEndpoints').length, 0);
    });
  }

  it('a network-check log keeps its run status, proxy and TLS sections', () => {
    const report = sampleReport();
    report.source.complete = false;
    const texts = visibleTexts(buildSummaryCard(report, { lang: 'ja', reportId: REPORT_ID }));
    assert.ok(texts.includes(t(CARD_MESSAGES.factIncomplete, 'ja')));
    assert.ok(texts.includes(t(CARD_MESSAGES.proxyTitle, 'ja')));
    assert.equal(executes(buildSummaryCard(report, { lang: 'ja', reportId: REPORT_ID }), 'showAllEndpoints').length, 1);
  });
});

describe('explanation card', () => {
  const report = sampleReport();
  for (const lang of ['ja', 'en'] as const) {
    it(`explains each finding with numbered steps, evidence lines and links (${lang})`, () => {
      report.findings.forEach((finding, i) => {
        const x = explainFinding(finding, lang);
        const card = buildExplanationCard(report, i, { lang, reportId: REPORT_ID });
        const texts = visibleTexts(card);
        assert.ok(texts.includes(x.title), `${finding.code}: title`);
        x.steps.forEach((step, n) => {
          assert.ok(texts.includes(`${n + 1}.`) && texts.includes(step), `${finding.code}: step ${n + 1}`);
        });
        for (const e of finding.evidence) {
          assert.ok(texts.includes(e.text), `${finding.code}: evidence line ${e.line}`);
          assert.ok(texts.some((s) => s.includes(String(e.line))), `${finding.code}: line number ${e.line}`);
        }
        const urls = nodesOfType(card, 'Action.OpenUrl').map((a) => a.url);
        assert.deepEqual(urls, x.links.map((l) => l.url));
        assert.deepEqual(executes(card, 'setLanguage')[0]?.data, { verb: 'setLanguage', reportId: REPORT_ID, lang: lang === 'ja' ? 'en' : 'ja', view: 'explain', findingIndex: i });
        assert.deepEqual(executes(card, 'showSummary')[0]?.data, { verb: 'showSummary', reportId: REPORT_ID, lang });
      });
    });
  }

  describe('a problem on several endpoints', () => {
    const report = groupedReport();
    for (const lang of ['ja', 'en'] as const) {
      it(`lists every affected host with its error text and its own log lines (${lang})`, () => {
        const card = buildExplanationCard(report, 1, { lang, reportId: REPORT_ID });
        const texts = visibleTexts(card);
        const members = report.findings.filter((f) => f.code === 'TCP_CONNECT_FAILED');
        const x = explainFindingGroup(members, lang);
        assert.ok(texts.includes(x.title));
        assert.ok(texts.includes(t(CARD_MESSAGES.affectedEndpointsTitle, lang, { count: '3' })));
        for (const f of members) {
          assert.ok(texts.includes(`${f.endpoint}:443`), `${f.endpoint} listed`);
          assert.ok(texts.includes(f.params!.detail!), `${f.endpoint}: its error text`);
          for (const e of f.evidence) {
            assert.ok(texts.includes(e.text), `${f.endpoint}: evidence line ${e.line}`);
            assert.ok(texts.includes(t(CARD_MESSAGES.evidenceLine, lang, { line: String(e.line) })));
          }
        }
        x.steps.forEach((step, n) => assert.ok(texts.includes(`${n + 1}.`) && texts.includes(step), `step ${n + 1}`));
        assert.ok(x.meaning.includes('login.microsoft.com') && x.meaning.includes('login.windows.net'), x.meaning);
        assert.ok(x.steps[0]!.includes(lang === 'ja' ? 'これらの宛先' : 'these endpoints'), x.steps[0]);
        assert.deepEqual(nodesOfType(card, 'Action.OpenUrl').map((a) => a.url), x.links.map((l) => l.url));
        assert.deepEqual(executes(card, 'showSummary')[0]?.data, { verb: 'showSummary', reportId: REPORT_ID, lang });
        assert.deepEqual(executes(card, 'setLanguage')[0]?.data, { verb: 'setLanguage', reportId: REPORT_ID, lang: lang === 'ja' ? 'en' : 'ja', view: 'explain', findingIndex: 1 });
      });
    }

    it('says an error text shared by every host once, in the meaning, not under each host', () => {
      const card = buildExplanationCard(report, 2, { lang: 'ja', reportId: REPORT_ID });
      const texts = visibleTexts(card);
      const meaning = texts.find((x) => x.includes('件の宛先'));
      assert.ok(meaning?.includes('いずれの宛先についても「Unable to connect to the remote server」'), meaning);
      assert.ok(!texts.includes('Unable to connect to the remote server'), 'not repeated per host');
      // the same log text on every host: shown under the first, cited by line number for the others
      const lines = texts.filter((x) => x === 'PS>TerminatingError(Invoke-WebRequest): "Unable to connect to the remote server"');
      assert.equal(lines.length, 1);
      assert.ok(texts.includes('201 行目 (最初の宛先と同じ内容)') && texts.includes('216 行目 (最初の宛先と同じ内容)'), texts.join(' | '));
    });

    it('leads with the finding asked about (a follow-up about one host shows that host first)', () => {
      const last = report.findings.findIndex((f) => f.code === 'TCP_CONNECT_FAILED' && f.endpoint === 'login.windows.net');
      const texts = visibleTexts(buildExplanationCard(report, last, { lang: 'en', reportId: REPORT_ID }));
      const listed = texts.filter((x) => GROUPED_HOSTS.some((h) => x === `${h}:443`));
      assert.deepEqual(listed.slice(0, 2), ['login.windows.net:443', 'login.windows.net:443'], 'header, then first in the list');
      assert.ok(texts.includes(' and\u00a02\u00a0more'), '"and 2 more" kept on one line');
    });

    it('proxy settings: each context with its proxy server as printed', () => {
      const texts = visibleTexts(buildExplanationCard(report, 7, { lang: 'en', reportId: REPORT_ID }));
      assert.ok(texts.includes('Affected proxy settings (2)'));
      for (const c of ['system', 'workload-plugin']) assert.ok(texts.includes(contextName(c, 'en')), c);
      assert.ok(texts.includes('Proxy server: http://10.2.0.16:8080') && texts.includes('Proxy server: 10.2.0.16:8080'));
    });

    it('findings of one code that name no endpoint or context keep the single explanation', () => {
      const twice: Report = { ...report, findings: [report.findings[0]!, { ...report.findings[0]!, evidence: [{ line: 99, text: 'again' }] }] };
      const texts = visibleTexts(buildExplanationCard(twice, 1, { lang: 'en', reportId: REPORT_ID }));
      assert.ok(!texts.some((x) => x.startsWith('Affected') || x.startsWith('Endpoints')), texts.join(' | '));
      assert.ok(texts.includes('again'), 'the evidence of the finding asked about');
    });

    it('a finding alone keeps the single explanation (no affected list)', () => {
      const texts = visibleTexts(buildExplanationCard(report, 0, { lang: 'en', reportId: REPORT_ID }));
      assert.ok(!texts.some((x) => x.startsWith('Affected')));
      assert.ok(texts.includes('In the log'));
    });
  });

  it('answers a stale finding index with a notice instead of throwing', () => {
    const card = buildExplanationCard(report, 9_999, { lang: 'ja', reportId: REPORT_ID });
    assert.ok(visibleTexts(card).some((x) => x.includes('見つかりませんでした')));
  });
});

describe('endpoints card', () => {
  it('lists all endpoints, failed first, with states', () => {
    const report = sampleReport();
    const card = buildEndpointsCard(report, { lang: 'en', reportId: REPORT_ID });
    const texts = visibleTexts(card);
    const order = report.endpoints.map((e) => texts.indexOf(`${e.host}:${e.port}`));
    assert.ok(order.every((i) => i >= 0), 'every endpoint listed');
    assert.ok(texts.indexOf('jpewatcab01.blob.core.windows.net:443') < texts.indexOf('pod01-manag1.jpe.backup.windowsazure.com:443'));
    assert.ok(texts.includes('DNS: Resolved / TCP: Failed / HTTP: Failed'));
    assert.deepEqual(executes(card, 'showAllEndpoints'), [], 'one page: no pager');
  });

  it('an endpoint\'s detail line sets the address apart from the log text (no "。、" / "。." run-ons)', () => {
    const report = sampleReport();
    const storage = report.endpoints.find((e) => e.host === 'jpewatcab01.blob.core.windows.net')!;
    storage.httpDetail = 'リモート サーバーに接続できません。';
    storage.addresses = ['20.60.172.68'];
    storage.viaProxy = true;
    const ja = visibleTexts(buildEndpointsCard(report, { lang: 'ja', reportId: REPORT_ID }));
    assert.ok(ja.includes('プロキシ経由 / IP アドレス: 20.60.172.68 / リモート サーバーに接続できません。'), ja.join(' | '));
    const en = visibleTexts(buildEndpointsCard(report, { lang: 'en', reportId: REPORT_ID }));
    assert.ok(en.includes('Via proxy / Address: 20.60.172.68 / リモート サーバーに接続できません。'), en.join(' | '));
    for (const x of [...ja, ...en]) assert.ok(!/[。.][、.]\s/.test(x) && !x.includes('。、'), x);
  });

  it('a storage error code is set apart from its message ("AuthenticationFailed: Server failed…")', () => {
    const report = sampleReport();
    const storage = report.endpoints.find((e) => e.host === 'jpewatcab01.blob.core.windows.net')!;
    storage.httpDetail = 'AuthenticationFailedServer failed to authenticate the request.';
    const en = visibleTexts(buildEndpointsCard(report, { lang: 'en', reportId: REPORT_ID }));
    assert.ok(en.some((x) => x.includes('AuthenticationFailed: Server failed to authenticate the request.')), en.join(' | '));
    assert.ok(!en.some((x) => x.includes('AuthenticationFailedServer')), en.join(' | '));
    storage.httpDetail = 'InvalidQueryParameterValueValue for one of the query parameters specified in the request URI is invalid.';
    const ja = visibleTexts(buildEndpointsCard(report, { lang: 'ja', reportId: REPORT_ID }));
    assert.ok(ja.some((x) => x.includes('InvalidQueryParameterValue: Value for one of')), ja.join(' | '));
  });

  it('the summary says what failed in whole Japanese sentences ("…できませんでした。Web リクエストが…")', () => {
    const texts = visibleTexts(buildSummaryCard(sampleReport(), { lang: 'ja', reportId: REPORT_ID }));
    assert.ok(texts.includes('TCP 443 番ポートに接続できませんでした。Web リクエストが失敗しました (Unable to connect to the remote server)'), texts.join(' | '));
    assert.ok(!texts.some((x) => x.includes('でした、')));
  });

  it('section counts read as on the summary ("通信不可 (2 件)", not "通信不可 (2)")', () => {
    const ja = visibleTexts(buildEndpointsCard(sampleReport(), { lang: 'ja', reportId: REPORT_ID }));
    assert.ok(ja.includes('通信不可 (2 件)'), ja.join(' | '));
    const en = visibleTexts(buildEndpointsCard(sampleReport(), { lang: 'en', reportId: REPORT_ID }));
    assert.ok(en.some((x) => /^[A-Z][a-z ]+ \(2\)$/.test(x)), en.join(' | '));
  });

  it('pages by a fixed size, with previous/next carrying the page', () => {
    const report = hugeReport(45);
    const page1 = buildEndpointsCard(report, { lang: 'ja', reportId: REPORT_ID, page: 1 });
    const targets = visibleTexts(page1).filter((x) => x.endsWith(':443'));
    assert.equal(targets.length, ENDPOINTS_PER_PAGE);
    assert.deepEqual(executes(page1, 'showAllEndpoints').map((a) => (a.data as { page?: number }).page), [0, 2]);
    assert.ok(visibleTexts(page1).includes('21〜40 件目を表示しています (全 45 件)'));
    const lang = executes(page1, 'setLanguage')[0]?.data;
    assert.deepEqual(lang, { verb: 'setLanguage', reportId: REPORT_ID, lang: 'en', view: 'endpoints', page: 1 });
  });
});

describe('help, refusal, region, unmatched and notice cards', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`help lists every command with its usage and description (${lang})`, () => {
      const texts = visibleTexts(buildHelpCard(lang, BOT_COMMANDS));
      for (const c of BOT_COMMANDS) {
        assert.ok(texts.includes(t(c.usage ?? c.title, lang)), c.name);
        assert.ok(texts.includes(t(c.description, lang)), c.name);
      }
    });

    it(`every refusal says what happened and what to send instead (${lang})`, () => {
      for (const reason of REFUSAL_KEYS) {
        const x = explainRefusal({ reason, params: { limit: '20 MB' } }, lang);
        const texts = visibleTexts(buildRefusalCard(x, lang));
        assert.ok(texts.includes(x.title) && texts.includes(x.detail) && texts.includes(x.whatToSend), reason);
      }
    });

    it(`region lists the FQDNs and ports to test (${lang})`, () => {
      const region = findRegion('japaneast');
      assert.ok(region);
      const endpoints = requiredEndpointsForRegion(region);
      assert.ok(endpoints.length > 0);
      const texts = visibleTexts(buildRegionCard(region, endpoints, lang));
      for (const e of endpoints) assert.ok(texts.includes(`${e.host}:${e.port}`), e.host);
    });
  }

  it('unmatched question: each problem once', () => {
    const report = groupedReport();
    const card = buildUnmatchedQuestionCard({ lang: 'en', reportId: REPORT_ID, report });
    assert.deepEqual(executes(card, 'explain').map((a) => (a.data as { findingIndex: number }).findingIndex), [0, 1, 2, 7, 9]);
  });

  it('unmatched question: what it can explain, with Explain buttons and Escalate', () => {
    const report = sampleReport();
    const card = buildUnmatchedQuestionCard({ lang: 'en', reportId: REPORT_ID, report, question: 'what about X?' });
    assert.equal(executes(card, 'explain').length, Math.min(12, report.findings.length));
    assert.equal(executes(card, 'escalate').length, 1);
    assert.ok(visibleTexts(card).includes('what about X?'));
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`unmatched question: the topics without a button are introduced as things to ask about (${lang})`, () => {
      const topics = lang === 'ja' ? ['プロキシ', 'TLS 1.2', '名前解決'] : ['the proxy', 'TLS 1.2', 'name resolution'];
      const texts = visibleTexts(buildUnmatchedQuestionCard({ lang, reportId: REPORT_ID, report: sampleReport(), topics }));
      const first = texts.findIndex((x) => x.startsWith('• '));
      assert.equal(texts[first - 1], t(CARD_MESSAGES.unmatchedAlsoAsk, lang), texts.join(' | '));
      const bullets = texts.filter((x) => x.startsWith('• '));
      assert.deepEqual(bullets, [...topics, t(CARD_MESSAGES.topicEndpoints, lang)].map((x) => `• ${x}`));
      // one style for the list: "• the proxy … • the result for each endpoint" (was "The result…")
      if (lang === 'en') assert.ok(bullets.every((x) => !/^• [A-Z][a-z]/.test(x)), bullets.join(' | '));
    });
  }

  it('unmatched question without a report: no buttons that need one', () => {
    const card = buildUnmatchedQuestionCard({ lang: 'ja', topics: ['TLS'] });
    assert.deepEqual(executes(card), []);
  });

  it('notice: title and paragraphs', () => {
    assert.deepEqual(visibleTexts(buildNoticeCard('T', ['a', '', 'b'], 'en')), ['T', 'a', 'b']);
  });
});
