// Findings grouped by problem (code + severity): the grouping the cards use, the group-aware
// texts of the findings catalogue (every code, both languages), and the follow-up answers that
// explain each problem once while still showing the host a question was about.
import assert from 'node:assert/strict';
import { FINDING_CODES, type Finding, type FindingCode } from '../../src/analyzer/report';
import { answerCards } from '../../src/bot/followup/answer-question';
import { matchQuestion } from '../../src/bot/followup/match-question';
import { findingGroupAt, firstOfEachGroup, groupFindings } from '../../src/cards';
import { GROUP_NAMED_MAX, explainFinding, explainFindingGroup } from '../../src/i18n/findings';
import { LANGS } from '../../src/i18n/lang';
import { politeSentenceProblems } from '../i18n/catalogue-check';
import { visibleTexts } from './card-inspect';
import { REPORT_ID } from './card-samples';
import { CODE_SEVERITY, GROUPED_HOSTS, groupedReport } from './report-factory';

const PLACEHOLDER = /\{[A-Za-z][A-Za-z0-9_]*\}/u;

function onHosts(code: FindingCode, hosts: readonly string[], extra: Record<string, string> = {}): Finding[] {
  return hosts.map((host, i) => ({
    code,
    severity: CODE_SEVERITY[code],
    endpoint: host,
    port: 443,
    params: { host, port: '443', service: 'entra-id', detail: 'Unable to connect to the remote server', addresses: `10.0.0.${i + 1}`, ...extra },
    evidence: [{ line: 10 + i, text: `line about ${host}` }],
  }));
}

function onContexts(code: FindingCode, contexts: readonly string[], params: Record<string, string>): Finding[] {
  return contexts.map((context, i) => ({ code, severity: CODE_SEVERITY[code], params: { context, ...params }, evidence: [{ line: 50 + i, text: `ProxyServer: ${context}` }] }));
}

describe('findings grouped by problem', () => {
  describe('grouping', () => {
    const report = groupedReport();

    it('groups by code within severity, in the order of the first finding', () => {
      const groups = groupFindings(report.findings);
      assert.deepEqual(
        groups.map((g) => [g.code, g.indices]),
        [
          ['REGION_SPECIFIC_FQDN', [0]],
          ['TCP_CONNECT_FAILED', [1, 3, 5]],
          ['HTTP_CONNECT_FAILED', [2, 4, 6]],
          ['PROXY_PATH_NOT_TESTED', [7, 8]],
          ['PROXY_BYPASS_AZURE', [9, 10]],
        ],
      );
    });

    it('the same code at another severity is another problem', () => {
      const findings: Finding[] = [
        { code: 'PROXY_NOT_SET_FOR_SYSTEM', severity: 'error', evidence: [] },
        { code: 'PROXY_NOT_SET_FOR_SYSTEM', severity: 'warning', evidence: [] },
      ];
      assert.equal(groupFindings(findings).length, 2);
    });

    it('the group of a finding starts with that finding', () => {
      assert.deepEqual(findingGroupAt(report.findings, 5), [5, 1, 3]);
      assert.deepEqual(findingGroupAt(report.findings, 1), [1, 3, 5]);
      assert.deepEqual(findingGroupAt(report.findings, 99), []);
      assert.deepEqual(findingGroupAt(report.findings, 1.5), []);
    });

    it('keeps one index per problem, in order', () => {
      assert.deepEqual(firstOfEachGroup(report.findings, [1, 2, 3, 7, 8, 0]), [1, 2, 7, 0]);
      assert.deepEqual(firstOfEachGroup(report.findings, [5, 1]), [5]);
    });
  });

  describe('explainFindingGroup', () => {
    const hosts = GROUPED_HOSTS;
    for (const lang of LANGS) {
      for (const code of FINDING_CODES) {
        it(`${code} on three hosts (${lang}): well formed, names them, says how many`, () => {
          const x = explainFindingGroup(onHosts(code, hosts), lang);
          for (const text of [x.title, x.meaning, x.why, ...x.steps]) {
            assert.ok(!PLACEHOLDER.test(text), `placeholder left: ${text}`);
            assert.ok(!text.includes('undefined'), text);
          }
          assert.ok(x.steps.length >= 2 && x.links.length >= 1);
          assert.deepEqual(x.evidence.map((e) => e.line), [10, 11, 12], "every host's log lines");
          if (lang === 'ja') {
            for (const s of [x.meaning, x.why, ...x.steps]) assert.deepEqual(politeSentenceProblems(s), [], s);
          }
          const single = explainFinding(onHosts(code, hosts)[0]!, lang);
          assert.equal(x.title, single.title, 'the title names the problem, not the hosts');
          if (single.meaning.includes(hosts[0])) {
            // a code whose text names its endpoint names all three, says "3", and never "this endpoint"
            for (const h of hosts) assert.ok(x.meaning.includes(h), `${code}: ${h} in ${x.meaning}`);
            assert.ok(x.meaning.includes('3'), x.meaning);
            for (const s of [x.meaning, x.why, ...x.steps]) {
              assert.ok(!/\bthis endpoint\b|\bthe endpoint\b|この宛先|対象の宛先/u.test(s), `${code}: singular wording in "${s}"`);
            }
          }
        });
      }

      it(`names ${GROUP_NAMED_MAX} hosts and counts the rest (${lang})`, () => {
        const many = ['a', 'b', 'c', 'd', 'e'].map((x) => `${x}.blob.core.windows.net`);
        const x = explainFindingGroup(onHosts('TCP_CONNECT_FAILED', many), lang);
        assert.ok(x.meaning.includes(lang === 'ja' ? 'c.blob.core.windows.net ほか 2 件' : 'c.blob.core.windows.net and 2 more'), x.meaning);
        assert.ok(!x.meaning.includes('d.blob'), x.meaning);
        assert.ok(x.meaning.includes('5'), x.meaning);
      });

      it(`proxy findings on two contexts read as one sentence about both (${lang})`, () => {
        const path = explainFindingGroup(onContexts('PROXY_PATH_NOT_TESTED', ['system', 'workload-plugin'], { server: 'http://10.2.0.16:8080', userServer: '' }), lang);
        assert.ok(path.meaning.includes('NT AUTHORITY\\SYSTEM') && path.meaning.includes('AzureWLBackupPluginSvc'), path.meaning);
        assert.ok(path.meaning.includes('http://10.2.0.16:8080'), path.meaning);
        // "10.2.0.16:8080" and "http://10.2.0.16:8080/" are one proxy server
        const same = explainFindingGroup(
          [...onContexts('PROXY_PATH_NOT_TESTED', ['system'], { server: 'http://10.2.0.16:8080/', userServer: '' }), ...onContexts('PROXY_PATH_NOT_TESTED', ['workload-plugin'], { server: '10.2.0.16:8080', userServer: '' })],
          lang,
        );
        assert.ok(same.meaning.includes('http://10.2.0.16:8080/'), same.meaning);
        const differ = explainFindingGroup(
          [...onContexts('PROXY_PATH_NOT_TESTED', ['system'], { server: 'p1:8080', userServer: '' }), ...onContexts('PROXY_PATH_NOT_TESTED', ['workload-plugin'], { server: 'p2:8080', userServer: '' })],
          lang,
        );
        assert.ok(!differ.meaning.includes('p1:8080') && !differ.meaning.includes('p2:8080'), 'no one server named for both');
        const bypass = explainFindingGroup(onContexts('PROXY_BYPASS_AZURE', ['system', 'workload-plugin'], { entries: '*.blob.core.windows.net' }), lang);
        assert.ok(bypass.meaning.includes('*.blob.core.windows.net') && bypass.meaning.includes('AzureWLBackupPluginSvc'), bypass.meaning);
      });

      it(`an error text shared by every host is said once; different ones are left to the card (${lang})`, () => {
        const same = explainFindingGroup(onHosts('HTTP_TIMEOUT', hosts, { detail: 'The operation has timed out' }), lang);
        assert.equal(same.meaning.split('The operation has timed out').length, 2, same.meaning);
        const differ = onHosts('HTTP_TIMEOUT', hosts);
        differ[1]!.params!.detail = 'other';
        assert.ok(!explainFindingGroup(differ, lang).meaning.includes('Unable to connect'), 'no one error text claimed for all');
      });

      it(`iSCSI steps for a group on port 3260 (${lang})`, () => {
        const iscsi = onHosts('TCP_CONNECT_FAILED', hosts, { port: '3260', service: 'file-recovery' });
        const x = explainFindingGroup(iscsi, lang);
        assert.ok(x.steps[0]!.includes('3260') && x.steps[0]!.includes('iSCSI'), x.steps[0]);
        assert.ok(x.steps.some((s) => s.includes('download.microsoft.com')));
      });
    }

    it('one finding, or findings about one endpoint, read as explainFinding', () => {
      const one = onHosts('DNS_RESOLUTION_FAILED', ['a.example']);
      assert.deepEqual(explainFindingGroup(one, 'ja'), explainFinding(one[0]!, 'ja'));
      const twice = [...one, ...one];
      assert.equal(explainFindingGroup(twice, 'en').meaning, explainFinding(one[0]!, 'en').meaning);
      assert.throws(() => explainFindingGroup([], 'en'), RangeError);
    });

    it('hostile hosts stay literal and are never expanded as placeholders', () => {
      const hostile = ['${secret}', '{detail}', '[x](https://evil.example)'];
      const x = explainFindingGroup(onHosts('TCP_CONNECT_FAILED', hostile, { detail: 'SECRET' }), 'en');
      for (const h of hostile) assert.ok(x.meaning.includes(h), x.meaning);
      assert.equal(x.meaning.split('SECRET').length, 2, 'the detail once, in its own sentence');
    });
  });

  describe('follow-up answers (bot)', () => {
    const report = groupedReport();
    const stored = { id: REPORT_ID, report } as Parameters<typeof answerCards>[1];

    it('a question about a problem on three hosts → one explanation listing the three, not three copies', () => {
      const match = matchQuestion('why does the tcp connection fail?', report);
      assert.equal(match.kind, 'findings');
      const cards = answerCards(match, stored, 'en');
      const titles = cards.map((c) => visibleTexts(c)[2]);
      assert.deepEqual(titles, [...new Set(titles)], `each problem once: ${titles.join(' | ')}`);
      const tcp = cards.find((c) => visibleTexts(c).includes('TCP connection failed'));
      assert.ok(tcp);
      for (const h of GROUPED_HOSTS) assert.ok(visibleTexts(tcp).includes(`${h}:443`), h);
    });

    it('a question about one host still shows that host, first', () => {
      const match = matchQuestion('why can login.windows.net not be reached?', report);
      assert.equal(match.kind, 'findings');
      const cards = answerCards(match, stored, 'en');
      assert.ok(cards.length >= 1);
      for (const card of cards) {
        const listed = visibleTexts(card).filter((x) => GROUPED_HOSTS.some((h) => x === `${h}:443`));
        assert.equal(listed[0], 'login.windows.net:443', 'the host asked about leads the card');
      }
    });
  });
});
