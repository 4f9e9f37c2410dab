import assert from 'node:assert/strict';
import { FINDING_CODES, type Finding, type FindingCode, type Severity } from '../../src/analyzer/report';
import {
  FINDING_CATALOGUES,
  FINDING_PARAMS,
  FINDING_TEXTS,
  explainFinding,
  findingTitle,
  type FindingExplanation,
} from '../../src/i18n/findings';
import { LANGS, type Lang } from '../../src/i18n/lang';
import { assertCatalogueComplete, assertCatalogueStyle, placeholdersOf, politeSentenceProblems } from './catalogue-check';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const PLACEHOLDER = /\{[A-Za-z][A-Za-z0-9_]*\}/u;

/** Realistic params per code, as the analyzer fills them. */
const FULL_PARAMS: Readonly<Record<FindingCode, Record<string, string>>> = (() => {
  const endpoint = {
    host: 'weus2watcab01.blob.core.windows.net',
    port: '443',
    service: 'azure-storage',
    detail: 'Unable to connect to the remote server',
    addresses: '20.60.172.68',
  };
  return {
    DNS_RESOLUTION_FAILED: { ...endpoint, addresses: '', detail: "The remote name could not be resolved: 'login.microsoft.com'" },
    TCP_CONNECT_FAILED: { ...endpoint, detail: 'TcpTestSucceeded: False' },
    HTTP_CONNECT_FAILED: endpoint,
    HTTP_TIMEOUT: { ...endpoint, detail: 'The operation has timed out' },
    PROXY_AUTH_REQUIRED: { ...endpoint, detail: '(407) Proxy Authentication Required' },
    TLS_TRUST_FAILED: { ...endpoint, detail: 'Could not establish trust relationship for the SSL/TLS secure channel' },
    TLS_CHANNEL_FAILED: { ...endpoint, detail: 'Could not create SSL/TLS secure channel' },
    HTTP_INCONCLUSIVE: { ...endpoint, detail: 'Something nobody has seen before' },
    HTTP_IE_ENGINE_UNAVAILABLE: { ...endpoint, detail: 'The response content cannot be parsed because the Internet Explorer engine is not available' },
    PRIVATE_ENDPOINT_SUSPECTED: {
      ...endpoint,
      host: 'pod01-manag1.jpe.backup.windowsazure.com',
      service: 'azure-backup',
      addresses: '10.1.0.5',
      detail: '',
    },
    TCP_TEST_BYPASSES_PROXY: { contexts: 'current-user,system', server: 'http://10.2.0.16:8080' },
    PROXY_PATH_NOT_TESTED: { context: 'system', server: 'http://10.2.0.16:8080', userServer: '10.2.0.99:3128' },
    PROXY_NOT_SET_FOR_SYSTEM: {
      userServer: '10.2.0.16:8080',
      failedHosts: 'pod01-manag1.jpe.backup.windowsazure.com, jpewatcab01.blob.core.windows.net',
    },
    PROXY_BYPASS_AZURE: { context: 'system', entries: '*.backup.windowsazure.com, *.blob.core.windows.net' },
    REGION_SPECIFIC_FQDN: { geoCodes: 'jpe, jpw', regions: 'Japan East, Japan West' },
    TLS12_DISABLED: { side: 'Client', values: 'Enabled=0, DisabledByDefault=1' },
    TLS12_OS_DEFAULT: { os: 'Windows Server 2019 (10.0.17763)' },
    TLS12_NOT_CONFIGURED_LEGACY_OS: { os: 'Windows Server 2008 R2 (6.1.7601)' },
    LEGACY_PROTOCOL_ENABLED: { protocols: 'SSL 3.0, TLS 1.0' },
    LOG_INCOMPLETE: { missing: 'azure-storage,entra-id,tls', lastLine: '#TRY!! Test-NetConnection jpewatcab01.blob.core.windows.net  -port 443' },
    NOT_ELEVATED: { contexts: 'system,workload-plugin' },
    UNRECOGNIZED_LOG: {},
  };
})();

function finding(code: FindingCode, severity: Severity, params?: Record<string, string>, endpoint?: string): Finding {
  const f: Finding = { code, severity, evidence: [{ line: 12, text: 'evidence line' }] };
  if (params) f.params = params;
  if (endpoint !== undefined) f.endpoint = endpoint;
  return f;
}

function allText(e: FindingExplanation): string[] {
  return [e.title, e.meaning, e.why, ...e.steps, ...e.links.map((l) => l.title), ...e.links.map((l) => l.url)];
}

/** Texts left with a `{name}` once the given (possibly hostile) values are taken out. */
function unfilled(e: FindingExplanation, insertedValues: readonly string[]): string[] {
  return allText(e).filter((text) => {
    let rest = text;
    for (const v of insertedValues) if (v) rest = rest.split(v).join('');
    return PLACEHOLDER.test(rest);
  });
}

function assertWellFormed(e: FindingExplanation, lang: Lang, label: string, inserted: readonly string[] = []): void {
  assert.deepEqual(unfilled(e, inserted), [], `${label}: placeholder left`);
  assert.ok(e.title.trim().length > 0, `${label}: empty title`);
  assert.ok(e.meaning.trim().length > 0, `${label}: empty meaning`);
  assert.ok(e.why.trim().length > 0, `${label}: empty why`);
  assert.ok(e.steps.length >= 2 && e.steps.length <= 5, `${label}: ${e.steps.length} steps`);
  assert.ok(e.links.length >= 1, `${label}: no link`);
  for (const text of allText(e)) {
    assert.ok(!text.includes('undefined') && !text.includes('null'), `${label}: "${text}"`);
  }
  if (lang === 'ja') {
    // Filled sentences, not only templates, must stay polite Japanese.
    for (const [part, text] of [['meaning', e.meaning], ['why', e.why], ...e.steps.map((s) => ['step', s])] as const) {
      assert.deepEqual(politeSentenceProblems(text), [], `${label} ja ${part}: ${text}`);
    }
  } else {
    assert.ok(/[.]["”)]?$/u.test(e.meaning), `${label} en meaning: ${e.meaning}`);
  }
}

describe('i18n/findings', () => {
  describe('catalogue', () => {
    for (const [name, catalogue] of Object.entries(FINDING_CATALOGUES)) {
      it(`${name}: both languages, same placeholders, Microsoft Japanese style`, () => {
        assertCatalogueComplete(catalogue);
        assertCatalogueStyle(catalogue);
      });
    }

    it('has texts for every finding code, with 2–5 steps and at least one link', () => {
      assert.deepEqual(Object.keys(FINDING_TEXTS).sort(), [...FINDING_CODES].sort());
      for (const code of FINDING_CODES) {
        const texts = FINDING_TEXTS[code];
        for (const lang of LANGS) {
          assert.ok(texts.title[lang].trim(), `${code} ${lang} title`);
          assert.ok(texts.meaning[lang].trim(), `${code} ${lang} meaning`);
          assert.ok(texts.why[lang].trim(), `${code} ${lang} why`);
        }
        assert.ok(texts.steps.length >= 2 && texts.steps.length <= 5, `${code}: ${texts.steps.length} steps`);
        assert.ok(texts.links.length >= 1, `${code}: no link`);
      }
    });

    it('every ja meaning and why is polite Japanese ending with 。', () => {
      for (const code of FINDING_CODES) {
        const { meaning, why, steps } = FINDING_TEXTS[code];
        assert.deepEqual(politeSentenceProblems(meaning.ja), [], `${code} meaning`);
        assert.deepEqual(politeSentenceProblems(why.ja), [], `${code} why`);
        for (const step of steps) assert.deepEqual(politeSentenceProblems(step.ja), [], `${code} step`);
      }
    });

    it('uses only the params the analyzer fills for the code', () => {
      for (const code of FINDING_CODES) {
        const allowed = new Set([...FINDING_PARAMS[code], ...(FINDING_PARAMS[code].includes('host') ? ['endpoint'] : [])]);
        const { title, meaning, why, steps } = FINDING_TEXTS[code];
        for (const text of [title, meaning, why, ...steps]) {
          for (const name of placeholdersOf(text.ja)) assert.ok(allowed.has(name), `${code} uses {${name}}`);
        }
      }
    });
  });

  describe('links', () => {
    const jaOk = /^https:\/\/(learn\.microsoft\.com\/ja-jp\/|jpabrs-scem\.github\.io\/blog\/|jpdsi\.github\.io\/blog\/)/u;
    const learnEn = /^https:\/\/learn\.microsoft\.com\/en-us\//u;
    for (const code of FINDING_CODES) {
      it(`${code}: ja links are ja-jp or Japanese blogs, en links are en-us or marked Japanese`, () => {
        const f = finding(code, 'error', FULL_PARAMS[code]);
        for (const link of explainFinding(f, 'ja').links) assert.match(link.url, jaOk);
        for (const link of explainFinding(f, 'en').links) {
          if (!learnEn.test(link.url)) {
            assert.match(link.url, /^https:\/\/jpabrs-scem\.github\.io\/blog\//u);
            assert.match(link.title, /Japanese/u, 'an English reader must be told the page is in Japanese');
          }
        }
      });
    }

    it('a learn page is the same page in both languages', () => {
      for (const code of FINDING_CODES) {
        for (const link of FINDING_TEXTS[code].links) {
          if (link.url.en.startsWith('https://learn.microsoft.com/')) {
            assert.equal(link.url.ja.replace('/ja-jp/', '/en-us/'), link.url.en, link.url.en);
          }
        }
      }
    });
  });

  describe('explainFinding', () => {
    for (const code of FINDING_CODES) {
      for (const lang of LANGS) {
        it(`${code} (${lang}): full, empty and missing params leave no placeholder, at any severity`, () => {
          for (const severity of SEVERITIES) {
            const full = explainFinding(finding(code, severity, FULL_PARAMS[code]), lang);
            assertWellFormed(full, lang, `${code}/${severity}/full`);
            assert.equal(full.code, code);
            assert.equal(full.severity, severity);
            assert.deepEqual(full.evidence, [{ line: 12, text: 'evidence line' }]);

            const emptied = Object.fromEntries(FINDING_PARAMS[code].map((k) => [k, '']));
            assertWellFormed(explainFinding(finding(code, severity, emptied), lang), lang, `${code}/${severity}/empty`);
            assertWellFormed(explainFinding(finding(code, severity), lang), lang, `${code}/${severity}/none`);
          }
        });
      }

      it(`${code}: every param value given appears verbatim in the English and Japanese text`, () => {
        // Unique markers as values; ids that are not known pass through as they are.
        const params = Object.fromEntries(FINDING_PARAMS[code].map((k) => [k, `MARK_${k}_X`]));
        for (const lang of LANGS) {
          const e = explainFinding(finding(code, 'error', params), lang);
          const text = allText(e).join('\n');
          const used = new Set(placeholdersOf(FINDING_TEXTS[code].meaning[lang]));
          for (const name of used) {
            if (name === 'endpoint') continue;
            assert.ok(text.includes(`MARK_${name}_X`), `${code} ${lang}: {${name}} not shown`);
          }
        }
      });
    }

    it('inserts hostile values verbatim, never as template syntax', () => {
      const hostile = ['${x}', '[a](http://evil)', '{host}', '<b>**x**</b>', '$data', '{{port}}'];
      for (const code of FINDING_CODES) {
        for (const lang of LANGS) {
          for (const value of hostile) {
            const params = Object.fromEntries(FINDING_PARAMS[code].map((k) => [k, value]));
            const e = explainFinding(finding(code, 'error', params), lang);
            assert.deepEqual(unfilled(e, [value]), [], `${code} ${lang} ${value}`);
            if (FINDING_PARAMS[code].length > 0) {
              assert.ok(allText(e).join('\n').includes(value), `${code} ${lang}: ${value} not inserted`);
            }
          }
        }
      }
      // A value looking like a placeholder is not expanded with another param's value.
      const e = explainFinding(finding('DNS_RESOLUTION_FAILED', 'error', { host: '{detail}', detail: 'SECRET' }), 'en');
      assert.ok(e.meaning.includes('{detail}'), e.meaning);
      assert.equal(e.meaning.split('SECRET').length, 2, 'detail inserted once, in its own sentence');
    });

    it('ignores params named like Object.prototype members', () => {
      const params = JSON.parse('{"__proto__":"x","constructor":"y","host":"h.example"}') as Record<string, string>;
      const e = explainFinding(finding('DNS_RESOLUTION_FAILED', 'error', params), 'en');
      assert.ok(e.meaning.includes('h.example'));
    });

    it('falls back to finding.endpoint and finding.port when params lack host and port', () => {
      const f = finding('TCP_CONNECT_FAILED', 'error', {}, 'pod01-prot1.jpe.backup.windowsazure.com');
      f.port = 443;
      const ja = explainFinding(f, 'ja');
      assert.ok(ja.meaning.startsWith('pod01-prot1.jpe.backup.windowsazure.com (ポート 443) への TCP 接続テスト'), ja.meaning);
      assert.equal(ja.endpoint, 'pod01-prot1.jpe.backup.windowsazure.com');
    });

    it('says what the log recorded only when there is a detail', () => {
      const withDetail = explainFinding(finding('HTTP_TIMEOUT', 'error', FULL_PARAMS.HTTP_TIMEOUT), 'ja');
      assert.ok(withDetail.meaning.includes('ログには「The operation has timed out」と記録されています。'));
      const without = explainFinding(finding('HTTP_TIMEOUT', 'error', { ...FULL_PARAMS.HTTP_TIMEOUT, detail: '  ' }), 'ja');
      assert.ok(!without.meaning.includes('ログには'), without.meaning);
      assert.ok(!without.meaning.includes('「」'));
    });

    it('names the service’s role in why, from the service id', () => {
      const storage = explainFinding(finding('TCP_CONNECT_FAILED', 'error', FULL_PARAMS.TCP_CONNECT_FAILED), 'ja');
      assert.ok(storage.why.includes('Azure Storage の宛先は、バックアップ データの転送に使用します。'), storage.why);
      const entra = explainFinding(
        finding('DNS_RESOLUTION_FAILED', 'error', { ...FULL_PARAMS.DNS_RESOLUTION_FAILED, service: 'entra-id' }),
        'en',
      );
      assert.ok(entra.why.includes('Microsoft Entra ID endpoints are used for authentication.'), entra.why);
      const other = explainFinding(finding('DNS_RESOLUTION_FAILED', 'error', { host: 'x.example', service: 'other' }), 'en');
      assert.ok(!other.why.includes('endpoints are used'), other.why);
    });

    it('gives iSCSI-specific steps for port 3260', () => {
      const params = { ...FULL_PARAMS.TCP_CONNECT_FAILED, host: 'pod01-rec2.jpe.backup.windowsazure.com', port: '3260', service: 'file-recovery' };
      const iscsi = explainFinding(finding('TCP_CONNECT_FAILED', 'error', params), 'ja');
      assert.ok(iscsi.steps[0]?.includes('プロキシ サーバーを経由しません'), iscsi.steps[0]);
      assert.ok(iscsi.steps.some((s) => s.includes('download.microsoft.com')));
      assert.ok(iscsi.links.some((l) => l.url.includes('backup-azure-restore-files-from-vm')));
      const https = explainFinding(finding('TCP_CONNECT_FAILED', 'error', FULL_PARAMS.TCP_CONNECT_FAILED), 'ja');
      assert.ok(!https.steps.some((s) => s.includes('iSCSI')));
    });

    it('localises context, service and check ids before filling', () => {
      const ja = explainFinding(finding('NOT_ELEVATED', 'warning', { contexts: 'system, workload-plugin' }), 'ja');
      assert.ok(
        ja.meaning.includes('「NT AUTHORITY\\SYSTEM (WinInet)、NT SERVICE\\AzureWLBackupPluginSvc (WinInet)」'),
        ja.meaning,
      );
      const en = explainFinding(finding('LOG_INCOMPLETE', 'warning', FULL_PARAMS.LOG_INCOMPLETE), 'en');
      assert.ok(
        en.meaning.includes('Azure Storage connectivity check, Microsoft Entra ID connectivity check, TLS settings check'),
        en.meaning,
      );
      const path = explainFinding(finding('PROXY_PATH_NOT_TESTED', 'warning', { context: 'workload-plugin', server: 'p:1', userServer: '' }), 'en');
      assert.ok(path.meaning.startsWith('NT SERVICE\\AzureWLBackupPluginSvc (WinInet) uses the proxy server p:1, but the current user'), path.meaning);
      const unknown = explainFinding(finding('NOT_ELEVATED', 'warning', { contexts: 'some-new-context' }), 'en');
      assert.ok(unknown.meaning.includes('some-new-context'), 'unknown ids pass through');
    });

    it('PROXY_NOT_SET_FOR_SYSTEM: error names the failed hosts, or says so without them; warning reads differently', () => {
      const withHosts = explainFinding(finding('PROXY_NOT_SET_FOR_SYSTEM', 'error', FULL_PARAMS.PROXY_NOT_SET_FOR_SYSTEM), 'ja');
      // The analyzer's comma-joined list is shown with the Japanese separator; the items stay verbatim.
      assert.ok(
        withHosts.meaning.includes('pod01-manag1.jpe.backup.windowsazure.com、jpewatcab01.blob.core.windows.net への直接の TCP 接続は失敗しています。'),
        withHosts.meaning,
      );
      const noHosts = explainFinding(finding('PROXY_NOT_SET_FOR_SYSTEM', 'error', { userServer: '10.2.0.16:8080', failedHosts: '' }), 'ja');
      assert.ok(noHosts.meaning.includes('Azure Backup に必要な宛先への直接の TCP 接続が失敗しています。'), noHosts.meaning);
      const warning = explainFinding(finding('PROXY_NOT_SET_FOR_SYSTEM', 'warning', { userServer: '10.2.0.16:8080', failedHosts: '' }), 'ja');
      assert.notEqual(warning.title, noHosts.title);
      assert.ok(warning.meaning.includes('直接の TCP 接続テストは成功している'), warning.meaning);
      assert.ok(!warning.meaning.includes('失敗しています'));
      assert.equal(findingTitle(finding('PROXY_NOT_SET_FOR_SYSTEM', 'warning'), 'en'), 'No proxy set for SYSTEM');
    });

    it('TLS12_NOT_CONFIGURED_LEGACY_OS: error (2008 R2) says TLS 1.2 is off, warning (2012) says it cannot be told', () => {
      const error = explainFinding(finding('TLS12_NOT_CONFIGURED_LEGACY_OS', 'error', { os: 'Windows Server 2008 R2' }), 'en');
      const warning = explainFinding(finding('TLS12_NOT_CONFIGURED_LEGACY_OS', 'warning', { os: 'Windows Server 2012' }), 'en');
      assert.equal(error.title, 'TLS 1.2 is not enabled');
      assert.equal(warning.title, 'TLS 1.2 not explicitly enabled');
      assert.ok(error.meaning.includes('off by default in Windows Server 2008 R2'), error.meaning);
      assert.ok(warning.meaning.includes('cannot show whether TLS 1.2 is usable on Windows Server 2012'), warning.meaning);
    });

    it('REGION_SPECIFIC_FQDN names the regions, or speaks generally without them', () => {
      const ja = explainFinding(finding('REGION_SPECIFIC_FQDN', 'info', FULL_PARAMS.REGION_SPECIFIC_FQDN), 'ja');
      assert.ok(ja.meaning.startsWith('このスクリプトが確認した FQDN は、Japan East、Japan West (jpe、jpw) 向けの例です。'), ja.meaning);
      const en = explainFinding(finding('REGION_SPECIFIC_FQDN', 'info', FULL_PARAMS.REGION_SPECIFIC_FQDN), 'en');
      assert.ok(en.meaning.startsWith('The FQDNs this script checked are examples for Japan East, Japan West (jpe, jpw).'), en.meaning);
      const none = explainFinding(finding('REGION_SPECIFIC_FQDN', 'info', { geoCodes: '', regions: '' }), 'ja');
      assert.ok(none.meaning.startsWith('このスクリプトが確認した FQDN は、特定のリージョン向けの例です。'), none.meaning);
    });

    it('omits Japanese-only blog links in English but keeps the script download page', () => {
      const en = explainFinding(finding('LOG_INCOMPLETE', 'warning', FULL_PARAMS.LOG_INCOMPLETE), 'en');
      assert.ok(en.links.some((l) => l.url.includes('RequestForInvestigatingNW')));
      const enDns = explainFinding(finding('DNS_RESOLUTION_FAILED', 'error', FULL_PARAMS.DNS_RESOLUTION_FAILED), 'en');
      assert.ok(!enDns.links.some((l) => l.url.includes('NwCheckScript_')));
      const jaDns = explainFinding(finding('DNS_RESOLUTION_FAILED', 'error', FULL_PARAMS.DNS_RESOLUTION_FAILED), 'ja');
      assert.ok(jaDns.links.some((l) => l.url.includes('NwCheckScript_Windows')));
    });

    it('findingTitle matches the explanation title', () => {
      for (const code of FINDING_CODES) {
        for (const severity of SEVERITIES) {
          for (const lang of LANGS) {
            const f = finding(code, severity, FULL_PARAMS[code]);
            assert.equal(findingTitle(f, lang), explainFinding(f, lang).title);
          }
        }
      }
    });
  });
});
