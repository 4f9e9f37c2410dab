// Windows transcript variants the fixtures do not cover: Japanese error texts, no https://, curly
// quotes, unknown errors, IE engine, TLS forms, legacy OS, proxy blobs with line breaks, WinHTTP,
// access denied, Ctrl+C, CR-only line endings.
import assert from 'node:assert/strict';
import { analyzeText } from '../../src/analyzer/analyze-text';
import { countLines } from '../../src/analyzer/parse/lines';
import type { Report } from '../../src/analyzer/report';
import { join, winEnd, winHeader, winIwr, winProxy, winSection, winTls, winTnc, type ProxyOptions, type TlsValue } from './support/log-builder';
import { assertWellFormed } from './support/report-checks';

const MANAG = 'pod01-manag1.eus.backup.windowsazure.com';
const BLOB = 'euswatcab01.blob.core.windows.net';
const LOGIN = 'login.microsoftonline.com';
const REC = 'pod01-rec2.eus.backup.windowsazure.com';

interface Opts {
  lang?: 'en' | 'ja';
  nt?: string;
  proxy?: ProxyOptions;
  body?: string[];
  tls?: TlsValue[] | null;
  tlsForm?: 'three-line' | 'property';
  complete?: boolean;
  eol?: string;
}

function healthyBody(lang: 'en' | 'ja' = 'en'): string[] {
  return [
    ...winSection('Azure Backup (*.backup.windowsazure.com)'),
    ...winTnc(MANAG, 443, { lang }),
    ...winIwr(MANAG, { error: lang === 'ja' ? 'リモート サーバーがエラーを返しました: (404) 見つかりません' : 'The remote server returned an error: (404) Not Found.', lang }),
    ...winSection('Azure Storage'),
    ...winTnc(BLOB, 443, { lang }),
    ...winIwr(BLOB, { error: 'AuthenticationFailedServer failed to authenticate the request. RequestId:x Time:2024-01-01T00:00:00Z', lang }),
    ...winSection('Microsoft Entra ID'),
    ...winTnc(LOGIN, 443, { lang }),
    ...winIwr(LOGIN, { lang }),
    ...winSection('File Recovery (*.backup.windowsazure.com : 443 / 3260)'),
    ...winTnc(REC, 3260, { lang }),
  ];
}

function build(o: Opts = {}): string {
  const lang = o.lang ?? 'en';
  const lines = [...winHeader({ lang, nt: o.nt }), '', ...winProxy({ lang, ...o.proxy }), ...(o.body ?? healthyBody(lang))];
  if (o.tls !== null) lines.push(...winTls(o.tls ?? [], o.tlsForm));
  if (o.complete !== false) lines.push(...winEnd(lang));
  return join(lines, o.eol);
}

function analyze(text: string): Report {
  const r = analyzeText(text, { encoding: 'utf-8-bom' });
  assertWellFormed(r, countLines(text));
  return r;
}

const codes = (r: Report): string[] => r.findings.map((f) => f.code);
const ep = (r: Report, host: string, port = 443) => {
  const e = r.endpoints.find((x) => x.host === host && x.port === port);
  assert.ok(e, `endpoint ${host}:${port} in ${r.endpoints.map((x) => `${x.host}:${x.port}`).join(', ')}`);
  return e;
};

function failingBody(message: string, lang: 'en' | 'ja' = 'en', tcp: { ip?: string | null; ok?: boolean } = {}): string[] {
  return [...winSection('Azure Backup'), ...winTnc(MANAG, 443, { lang, ...tcp }), ...winIwr(MANAG, { error: message, lang })];
}

describe('Windows transcript variants', () => {
  it('a healthy English log built from the format description is ok', () => {
    const r = analyze(build());
    assert.equal(r.source.kind, 'windows-backup');
    assert.equal(r.source.complete, true);
    assert.equal(r.source.host, 'TEST-VM01');
    assert.equal(r.source.startedAt, '2024-01-01T10:00:00');
    assert.equal(r.source.os, 'Windows Server 2019 (10.0.17763)');
    assert.equal(r.source.osVersion, '10.0.17763');
    assert.equal(r.source.scriptVersion, '1.6');
    assert.equal(r.overall, 'ok');
    assert.deepEqual(r.region.geoCodes, ['eus']);
    assert.deepEqual(r.region.displayNames, ['East US']);
    assert.equal(ep(r, MANAG).service, 'azure-backup');
    assert.equal(ep(r, MANAG).geo, 'eus');
    assert.equal(ep(r, REC, 3260).service, 'file-recovery');
    assert.equal(ep(r, REC, 3260).http, 'not-tested');
    assert.ok(codes(r).includes('REGION_SPECIFIC_FQDN'));
    assert.ok(codes(r).includes('TLS12_OS_DEFAULT'));
    const region = r.findings.find((f) => f.code === 'REGION_SPECIFIC_FQDN');
    assert.deepEqual(region?.params, { geoCodes: 'eus', regions: 'East US' });
  });

  it('a Japanese healthy log reads localized labels', () => {
    const r = analyze(build({ lang: 'ja' }));
    assert.equal(r.source.host, 'TEST-VM01');
    assert.equal(r.source.startedAt, '2024-01-01T10:00:00');
    assert.equal(r.overall, 'ok');
    assert.equal(ep(r, MANAG).httpDetail, '(404) 見つかりません');
    const winhttp = r.proxy.contexts.find((c) => c.context === 'winhttp');
    assert.deepEqual([winhttp?.found, winhttp?.enabled], [true, false]);
  });

  const cases: Array<[string, string, 'en' | 'ja', string, string | undefined]> = [
    ['English DNS', "The remote name could not be resolved: 'pod01-manag1.eus.backup.windowsazure.com'", 'en', 'DNS_RESOLUTION_FAILED', 'dns'],
    ['Japanese DNS', "リモート名を解決できませんでした。: 'pod01-manag1.eus.backup.windowsazure.com'", 'ja', 'DNS_RESOLUTION_FAILED', 'dns'],
    ['Japanese DNS (natural variant)', 'リモート名を解決できません: pod01-manag1.eus.backup.windowsazure.com', 'ja', 'DNS_RESOLUTION_FAILED', 'dns'],
    ['English connect', 'Unable to connect to the remote server', 'en', 'HTTP_CONNECT_FAILED', 'connect'],
    ['Japanese connect', 'リモート サーバーに接続できません。', 'ja', 'HTTP_CONNECT_FAILED', 'connect'],
    ['Japanese connect without spaces', 'リモートサーバーに接続できません。', 'ja', 'HTTP_CONNECT_FAILED', 'connect'],
    ['English timeout', 'The operation has timed out.', 'en', 'HTTP_TIMEOUT', 'timeout'],
    ['Japanese timeout', '操作はタイムアウトしました。', 'ja', 'HTTP_TIMEOUT', 'timeout'],
    ['English 407', 'The remote server returned an error: (407) Proxy Authentication Required.', 'en', 'PROXY_AUTH_REQUIRED', 'proxy-auth'],
    ['Japanese 407', 'リモート サーバーがエラーを返しました: (407) プロキシ認証が必要です', 'ja', 'PROXY_AUTH_REQUIRED', 'proxy-auth'],
    ['English trust', 'The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.', 'en', 'TLS_TRUST_FAILED', 'tls-trust'],
    ['Japanese trust', '基になる接続が閉じられました: SSL/TLS のセキュリティで保護されているチャネルに対する信頼関係を確立できませんでした。', 'ja', 'TLS_TRUST_FAILED', 'tls-trust'],
    ['English channel', 'The request was aborted: Could not create SSL/TLS secure channel.', 'en', 'TLS_CHANNEL_FAILED', 'tls-channel'],
    ['Japanese channel', '要求は中止されました: SSL/TLS のセキュリティで保護されているチャネルを作成できませんでした', 'ja', 'TLS_CHANNEL_FAILED', 'tls-channel'],
    ['English send', 'The underlying connection was closed: An unexpected error occurred on a send.', 'en', 'TLS_CHANNEL_FAILED', 'tls-channel'],
    ['English receive', 'The underlying connection was closed: An unexpected error occurred on a receive.', 'en', 'TLS_CHANNEL_FAILED', 'tls-channel'],
    ['Japanese send', '接続が切断されました: 送信時に、予期しないエラーが発生しました。', 'ja', 'TLS_CHANNEL_FAILED', 'tls-channel'],
    ['Japanese send (基になる接続)', '基になる接続が閉じられました: 送信時に、予期しないエラーが発生しました。', 'ja', 'TLS_CHANNEL_FAILED', 'tls-channel'],
  ];
  for (const [name, message, lang, code, cause] of cases) {
    it(`${name} → ${code}`, () => {
      const dns = cause === 'dns';
      const r = analyze(build({ lang, body: failingBody(message, lang, dns ? { ip: null } : {}) }));
      const e = ep(r, MANAG);
      assert.equal(e.http, 'failed');
      assert.equal(e.verdict, 'failed');
      assert.equal(e.httpCause, cause);
      assert.equal(r.overall, 'action-required');
      const f = r.findings.filter((x) => x.endpoint === MANAG);
      assert.deepEqual(f.map((x) => x.code), [code], 'one cause, one code');
      assert.equal(f[0]?.severity, 'error');
      assert.equal(f[0]?.port, 443);
      assert.equal(f[0]?.params?.host, MANAG);
      assert.equal(f[0]?.params?.service, 'azure-backup');
      if (dns) assert.equal(e.dns, 'failed');
      assert.ok((f[0]?.evidence.length ?? 0) > 0);
    });
  }

  it('a 407 behind an intercepting proxy (TCP ok) is PROXY_AUTH_REQUIRED only', () => {
    const r = analyze(build({ body: failingBody('The remote server returned an error: (407) Proxy Authentication Required.', 'en', { ok: true }) }));
    assert.deepEqual(r.findings.filter((f) => f.endpoint === MANAG).map((f) => f.code), ['PROXY_AUTH_REQUIRED']);
    assert.equal(ep(r, MANAG).httpStatus, 407);
  });

  it('reads a web-request target printed without https://', () => {
    const body = [...winSection('Microsoft Entra ID'), ...winTnc('login.microsoft.com', 443), ...winIwr('login.microsoft.com', { noScheme: true })];
    const r = analyze(build({ body }));
    assert.equal(r.endpoints.length, 1);
    assert.equal(ep(r, 'login.microsoft.com').http, 'ok');
    assert.equal(ep(r, 'login.microsoft.com').service, 'entra-id');
  });

  it('reads error texts in curly quotes', () => {
    const body = [...winSection('Azure Backup'), ...winTnc(MANAG, 443, { ok: false }), ...winIwr(MANAG, { error: 'Unable to connect to the remote server', quotes: ['\u201c', '\u201d'] })];
    const r = analyze(build({ body }));
    assert.equal(ep(r, MANAG).httpDetail, 'Unable to connect to the remote server');
    assert.deepEqual(r.findings.filter((f) => f.endpoint === MANAG).map((f) => f.code).sort(), ['HTTP_CONNECT_FAILED', 'TCP_CONNECT_FAILED']);
  });

  it('an unknown web-request error is inconclusive, never success', () => {
    const r = analyze(build({ body: failingBody('Something nobody has seen before happened.') }));
    const e = ep(r, MANAG);
    assert.equal(e.http, 'inconclusive');
    assert.equal(e.verdict, 'inconclusive');
    assert.equal(r.overall, 'inconclusive');
    const f = r.findings.find((x) => x.code === 'HTTP_INCONCLUSIVE');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.params?.detail, 'Something nobody has seen before happened.');
  });

  it('a web request that printed only an empty result line is inconclusive', () => {
    const body = [...winSection('Azure Backup'), ...winTnc(MANAG, 443), '--------------------------------------------', `#TRY!! Invoke-webRequest https://${MANAG}`, 'Result of Invoke-webRequest  / StatusCode: / StatusDescription: '];
    const r = analyze(build({ body }));
    assert.equal(ep(r, MANAG).http, 'inconclusive');
    assert.ok(codes(r).includes('HTTP_INCONCLUSIVE'));
  });

  it('the Internet Explorer engine error means reachable, with an info finding', () => {
    const msg = "The response content cannot be parsed because the Internet Explorer engine is not available, or Internet Explorer's first-launch configuration is not complete. Specify the UseBasicParsing parameter and try again.";
    const body = [...winSection('Microsoft Entra ID'), ...winTnc(LOGIN, 443), ...winIwr(LOGIN, { error: msg, fqid: 'WebCmdletIEDomNotSupportedException' })];
    const r = analyze(build({ body }));
    assert.equal(ep(r, LOGIN).http, 'ok');
    assert.equal(ep(r, LOGIN).verdict, 'ok');
    assert.equal(r.overall, 'ok');
    const f = r.findings.find((x) => x.code === 'HTTP_IE_ENGINE_UNAVAILABLE');
    assert.equal(f?.severity, 'info');
    assert.equal(f?.endpoint, LOGIN);
  });

  it('the IE engine error in Japanese', () => {
    const msg = '応答コンテンツを解析できません。Internet Explorer エンジンが使用できないか、Internet Explorer の初回起動時の構成が完了していません。UseBasicParsing パラメーターを指定して、再試行してください。';
    const body = [...winSection('Microsoft Entra ID'), ...winTnc(LOGIN, 443), ...winIwr(LOGIN, { error: msg, lang: 'ja' })];
    const r = analyze(build({ lang: 'ja', body }));
    assert.equal(ep(r, LOGIN).http, 'ok');
    assert.ok(codes(r).includes('HTTP_IE_ENGINE_UNAVAILABLE'));
  });

  describe('TLS', () => {
    it('TLS 1.2 disabled on the Server side only, Property-column form', () => {
      const r = analyze(build({ tls: [['TLS 1.2', 'Client', 'Enabled', 1], ['TLS 1.2', 'Server', 'Enabled', 0]], tlsForm: 'property' }));
      assert.equal(r.tls.tls12, 'disabled');
      assert.equal(r.overall, 'action-required');
      const f = r.findings.find((x) => x.code === 'TLS12_DISABLED');
      assert.deepEqual(f?.params, { side: 'Server', values: 'Server Enabled=0' });
      assert.ok(f && f.evidence.length > 0);
    });

    it('TLS 1.2 explicitly enabled (three-line form)', () => {
      const r = analyze(build({ tls: [['TLS 1.2', 'Client', 'Enabled', 1], ['TLS 1.2', 'Client', 'DisabledByDefault', 0]] }));
      assert.equal(r.tls.tls12, 'enabled');
      assert.ok(!codes(r).includes('TLS12_OS_DEFAULT'));
      const key = r.tls.keys.find((k) => k.protocol === 'TLS 1.2');
      assert.deepEqual([key?.side, key?.enabled, key?.disabledByDefault], ['Client', 1, 0]);
    });

    it('DisabledByDefault = 1 turns TLS 1.2 off', () => {
      const r = analyze(build({ tls: [['TLS 1.2', 'Client', 'DisabledByDefault', 1]] }));
      assert.equal(r.tls.tls12, 'disabled');
      assert.equal(r.findings.find((x) => x.code === 'TLS12_DISABLED')?.params?.values, 'Client DisabledByDefault=1');
    });

    it('legacy protocols explicitly enabled are reported (info)', () => {
      const r = analyze(build({ tls: [['TLS 1.0', 'Server', 'Enabled', 1], ['SSL 3.0', 'Client', 'Enabled', 1], ['TLS 1.1', 'Client', 'Enabled', 0]] }));
      const f = r.findings.find((x) => x.code === 'LEGACY_PROTOCOL_ENABLED');
      assert.equal(f?.severity, 'info');
      assert.equal(f?.params?.protocols, 'TLS 1.0, SSL 3.0');
      assert.equal(r.overall, 'ok');
    });

    it('no TLS 1.2 key on 2008 R2 → disabled + error', () => {
      const r = analyze(build({ nt: '6.1.7601.65536' }));
      assert.equal(r.source.os, 'Windows Server 2008 R2 (6.1.7601)');
      assert.equal(r.tls.tls12, 'disabled');
      const f = r.findings.find((x) => x.code === 'TLS12_NOT_CONFIGURED_LEGACY_OS');
      assert.equal(f?.severity, 'error');
      assert.equal(f?.params?.os, 'Windows Server 2008 R2 (6.1.7601)');
      assert.equal(r.overall, 'action-required');
    });

    it('no TLS 1.2 key on 2012 → unknown + warning', () => {
      const r = analyze(build({ nt: '6.2.9200.0' }));
      assert.equal(r.tls.tls12, 'unknown');
      assert.equal(r.findings.find((x) => x.code === 'TLS12_NOT_CONFIGURED_LEGACY_OS')?.severity, 'warning');
      assert.ok(!codes(r).includes('TLS12_OS_DEFAULT'));
    });

    it('no TLS section at all → unknown, no TLS finding', () => {
      const r = analyze(build({ tls: null }));
      assert.equal(r.tls.tls12, 'unknown');
      assert.equal(r.tls.sectionFound, false);
      assert.ok(!codes(r).some((c) => c.startsWith('TLS12')));
    });

    it('Windows Server 2025 is recognised', () => {
      const r = analyze(build({ nt: '10.0.26100.0' }));
      assert.equal(r.source.os, 'Windows Server 2025 (10.0.26100)');
      assert.equal(r.tls.tls12, 'os-default');
    });
  });

  describe('proxy settings', () => {
    it('binary blobs with embedded line breaks and stray # or heading-like text do not break parsing', () => {
      const blob = [
        'DefaultConnectionSettings: F   K',
        '#   ?   http://10.9.9.9:3128?   localhost;*.backup.windowsazure.com;<local>',
        '\u0000\u0001\u0002 ? \ufffd ### Check for Azure Storage ### \u0007',
        'TLS CHECK ? -----Script Completed-----',
        'SavedLegacySettings: F   K',
        '\r',
      ];
      const text = build({ proxy: { user: { enable: '1', server: 'http://10.9.9.9:3128', override: '<local>', extra: blob }, system: { enable: '1', server: 'http://10.9.9.9:3128', extra: blob } } });
      const r = analyze(text);
      const user = r.proxy.contexts.find((c) => c.context === 'current-user');
      const system = r.proxy.contexts.find((c) => c.context === 'system');
      assert.deepEqual([user?.found, user?.enabled, user?.server, user?.bypass], [true, true, 'http://10.9.9.9:3128', ['<local>']]);
      assert.deepEqual([system?.found, system?.enabled, system?.server], [true, true, 'http://10.9.9.9:3128']);
      assert.equal(r.tls.tls12, 'os-default', 'TLS only from the real TLS section');
      assert.equal(r.endpoints.length, 4);
      assert.equal(r.source.complete, true);
      assert.ok(!codes(r).includes('PROXY_PATH_NOT_TESTED'), 'same proxy for user and SYSTEM');
      assert.ok(codes(r).includes('TCP_TEST_BYPASSES_PROXY'));
      assert.ok(ep(r, MANAG).viaProxy);
    });

    it('ProxyEnable blank or 0 means no proxy even with a ProxyServer', () => {
      const r = analyze(build({ proxy: { user: { enable: '', server: '10.1.1.1:8080' } } }));
      const user = r.proxy.contexts.find((c) => c.context === 'current-user');
      assert.deepEqual([user?.found, user?.enabled, user?.server], [true, false, '10.1.1.1:8080']);
      assert.equal(r.proxy.configured, false);
    });

    it('a WinHTTP proxy alone makes proxy.configured true (English)', () => {
      const r = analyze(build({ proxy: { winhttp: ['Current WinHTTP proxy settings:', '', '    Proxy Server(s) :  10.0.0.9:8080', '    Bypass List     :  *.contoso.local;<local>'] } }));
      const w = r.proxy.contexts.find((c) => c.context === 'winhttp');
      assert.deepEqual([w?.found, w?.enabled, w?.server, w?.bypass], [true, true, '10.0.0.9:8080', ['*.contoso.local', '<local>']]);
      assert.equal(r.proxy.configured, true);
    });

    it('a WinHTTP proxy in Japanese', () => {
      const r = analyze(build({ lang: 'ja', proxy: { winhttp: ['現在の WinHTTP プロキシ設定:', '', '    プロキシ サーバー:  10.0.0.9:8080', '    バイパス一覧:  (なし)'] } }));
      const w = r.proxy.contexts.find((c) => c.context === 'winhttp');
      assert.deepEqual([w?.found, w?.enabled, w?.server, w?.bypass], [true, true, '10.0.0.9:8080', []]);
    });

    it('user proxy, no SYSTEM proxy, no direct failure → PROXY_NOT_SET_FOR_SYSTEM as a warning', () => {
      const r = analyze(build({ proxy: { user: { enable: '1', server: '10.1.1.1:8080' } } }));
      const f = r.findings.find((x) => x.code === 'PROXY_NOT_SET_FOR_SYSTEM');
      assert.equal(f?.severity, 'warning');
      assert.deepEqual(f?.params, { userServer: '10.1.1.1:8080', failedHosts: '' });
      assert.ok(!codes(r).includes('PROXY_PATH_NOT_TESTED'));
    });

    it('SYSTEM that could not be read (access denied) → NOT_ELEVATED, no PROXY_NOT_SET_FOR_SYSTEM', () => {
      const r = analyze(build({ proxy: { user: { enable: '1', server: '10.1.1.1:8080' }, system: 'denied' } }));
      const system = r.proxy.contexts.find((c) => c.context === 'system');
      assert.equal(system?.found, false);
      const f = r.findings.find((x) => x.code === 'NOT_ELEVATED');
      assert.equal(f?.severity, 'warning');
      assert.equal(f?.params?.contexts, 'system');
      assert.ok(!codes(r).includes('PROXY_NOT_SET_FOR_SYSTEM'));
      assert.ok(!codes(r).includes('PROXY_PATH_NOT_TESTED'));
    });

    it('SYSTEM with a different proxy than the user → PROXY_PATH_NOT_TESTED (system)', () => {
      const r = analyze(build({ proxy: { user: { enable: '1', server: '10.1.1.1:8080' }, system: { enable: '1', server: 'http://10.2.2.2:3128' } } }));
      const f = r.findings.filter((x) => x.code === 'PROXY_PATH_NOT_TESTED');
      assert.deepEqual(f.map((x) => x.params), [{ context: 'system', server: 'http://10.2.2.2:3128', userServer: '10.1.1.1:8080' }]);
    });

    it('a host in the user bypass list goes direct: the TCP result counts', () => {
      const body = [...winSection('Azure Backup'), ...winTnc(MANAG, 443, { ok: false }), ...winIwr(MANAG, { error: 'Unable to connect to the remote server' })];
      const r = analyze(build({ body, proxy: { user: { enable: '1', server: '10.1.1.1:8080', override: '*.backup.windowsazure.com;<local>' }, system: { enable: '1', server: '10.1.1.1:8080', override: '*.backup.windowsazure.com' } } }));
      assert.equal(ep(r, MANAG).viaProxy, false);
      assert.ok(codes(r).includes('TCP_CONNECT_FAILED'));
      const bypass = r.findings.filter((x) => x.code === 'PROXY_BYPASS_AZURE');
      assert.deepEqual(bypass.map((x) => x.params?.context), ['current-user', 'system']);
      assert.equal(bypass[0]?.params?.entries, '*.backup.windowsazure.com');
    });
  });

  describe('interrupted runs (Ctrl+C)', () => {
    it('cut after the TCP test, before the web request printed anything', () => {
      const body = [...winSection('Azure Backup'), ...winTnc(MANAG, 443), '--------------------------------------------', `#TRY!! Invoke-webRequest https://${MANAG}  `];
      const r = analyze(build({ body, tls: null, complete: false }));
      assert.equal(r.source.complete, false);
      assert.equal(r.overall, 'inconclusive');
      assert.deepEqual(r.missingChecks, ['azure-backup', 'azure-storage', 'entra-id', 'file-recovery', 'tls']);
      const f = r.findings.find((x) => x.code === 'LOG_INCOMPLETE');
      assert.equal(f?.severity, 'warning');
      assert.equal(f?.params?.missing, 'azure-backup,azure-storage,entra-id,file-recovery,tls');
      assert.equal(f?.params?.lastLine, `#TRY!! Invoke-webRequest https://${MANAG}`);
      assert.equal(ep(r, MANAG).verdict, 'inconclusive');
    });

    it('cut in the middle of an error record', () => {
      const body = [...winSection('Azure Backup'), ...winTnc(MANAG, 443), ...winIwr(MANAG, { error: 'The remote server returned an error: (404) Not Found.' }).slice(0, 4)];
      const r = analyze(build({ body, tls: null, complete: false }));
      assert.equal(r.source.complete, false);
      assert.equal(ep(r, MANAG).http, 'ok');
      assert.ok(codes(r).includes('LOG_INCOMPLETE'));
    });

    it('cut during the proxy check', () => {
      const lines = [...winHeader(), '', ...winProxy().slice(0, 8)];
      const r = analyze(join(lines));
      assert.equal(r.source.kind, 'windows-backup');
      assert.equal(r.source.complete, false);
      assert.deepEqual(r.missingChecks, ['proxy', 'azure-backup', 'azure-storage', 'entra-id', 'file-recovery', 'tls']);
    });
  });

  it('CR-only and LF-only line endings give the same report as CRLF', () => {
    const crlf = analyze(build());
    const cr = analyze(build({ eol: '\r' }));
    const lf = analyze(build({ eol: '\n' }));
    assert.deepEqual(cr, crlf);
    assert.deepEqual(lf, crlf);
  });

  it('old versions without #TRY!! echo still give endpoints from "Result of tnc" lines', () => {
    const body = [`Result of tnc - 443 / from 10.0.0.4 /To URL  ${MANAG} IPaddress 20.1.2.3 / TcpTestSucceeded: True `];
    const r = analyze(build({ body }));
    assert.equal(ep(r, MANAG).tcp, 'ok');
    assert.equal(ep(r, MANAG).verdict, 'ok');
  });

  it('Test-NetConnection object output (TcpTestSucceeded : False) and a missing Invoke-WebRequest cmdlet', () => {
    const body = [
      `#TRY!! Test-NetConnection ${MANAG} -Port 443`,
      `ComputerName     : ${MANAG}`,
      'RemoteAddress    : 20.1.2.3',
      'RemotePort       : 443',
      'TcpTestSucceeded : False',
      `#TRY!! Invoke-webRequest https://${MANAG}`,
      "Invoke-webRequest : The term 'Invoke-webRequest' is not recognized as the name of a cmdlet, function, script file, or operable program.",
    ];
    const r = analyze(build({ body }));
    const e = ep(r, MANAG);
    assert.deepEqual([e.dns, e.tcp, e.http, e.verdict], ['resolved', 'failed', 'not-tested', 'failed']);
    assert.ok(codes(r).includes('TCP_CONNECT_FAILED'));
  });
});
