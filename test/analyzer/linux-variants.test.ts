// Linux (bash) log variants: nc / curl outputs the fixtures do not show, interrupted runs, private
// endpoints through privatelink CNAMEs, Japanese-locale dates.
import assert from 'node:assert/strict';
import { analyzeText } from '../../src/analyzer/analyze-text';
import { countLines } from '../../src/analyzer/parse/lines';
import type { Report } from '../../src/analyzer/report';
import { join, linuxHeader, linuxNslookup, linuxTry, type LinuxHeaderOptions } from './support/log-builder';
import { assertWellFormed } from './support/report-checks';

const MANAG = 'pod01-manag1.sea.backup.windowsazure.com';
const REC = 'pod01-rec2.sea.backup.windowsazure.com';

function analyze(text: string): Report {
  const r = analyzeText(text, { encoding: 'utf-8' });
  assertWellFormed(r, countLines(text));
  return r;
}

function endpoint443(host: string, nc: string[], curl: string[] | null, ips: string[] | 'nxdomain' = ['20.195.1.2'], cnames: string[] = []): string[] {
  const lines = [`### https://${host} の疎通確認 ###`, ...linuxNslookup(host, ips, cnames), ...linuxTry(`nc -vz ${host} 443`, nc)];
  if (curl) lines.push(...linuxTry(`curl -I https://${host}`, curl));
  return lines;
}

function log(body: string[], header: LinuxHeaderOptions = {}): string {
  return join([...linuxHeader(header), '######## 疎通確認 開始 ########', '#### Azure Backup ####', ...body], '\n');
}

const OK_NC = ['Ncat: Version 7.50 ( https://nmap.org/ncat )', 'Ncat: Connected to 20.195.1.2:443.', 'Ncat: 0 bytes sent, 0 bytes received in 0.06 seconds.'];
const OK_CURL = ['HTTP/1.1 404 Not Found', 'Content-Length: 0', ''];
const ep = (r: Report, host: string, port = 443) => {
  const e = r.endpoints.find((x) => x.host === host && x.port === port);
  assert.ok(e, `endpoint ${host}:${port}`);
  return e;
};
const codesFor = (r: Report, host: string) => r.findings.filter((f) => f.endpoint === host).map((f) => f.code).sort();

describe('Linux log variants', () => {
  it('header facts: host, start time, OS; no proxy', () => {
    const r = analyze(log(endpoint443(MANAG, OK_NC, OK_CURL)));
    assert.equal(r.source.kind, 'linux-backup');
    assert.equal(r.source.complete, true);
    assert.equal(r.source.host, 'vm-linux01');
    assert.equal(r.source.startedAt, '2022-08-20T18:45:01');
    assert.equal(r.source.os, 'Ubuntu 22.04.3 LTS');
    assert.equal(r.overall, 'ok');
    assert.equal(r.proxy.configured, false);
    assert.deepEqual(r.proxy.contexts.map((c) => [c.context, c.found, c.enabled]), [['env-http', true, false], ['env-https', true, false]]);
    assert.deepEqual(ep(r, MANAG).addresses, ['20.195.1.2']);
    assert.ok(r.findings.some((f) => f.code === 'REGION_SPECIFIC_FQDN' && f.params?.regions === 'Southeast Asia'));
  });

  it('a Japanese-locale date', () => {
    const r = analyze(log(endpoint443(MANAG, OK_NC, OK_CURL), { date: '2022年  8月 20日 土曜日 18:45:01 JST' }));
    assert.equal(r.source.startedAt, '2022-08-20T18:45:01');
  });

  it('openbsd nc success line and HTTP/2 status', () => {
    const r = analyze(log(endpoint443(MANAG, [`Connection to ${MANAG} 443 port [tcp/https] succeeded!`], ['HTTP/2 403', 'content-type: application/xml'])));
    const e = ep(r, MANAG);
    assert.deepEqual([e.tcp, e.http, e.httpStatus, e.verdict], ['ok', 'ok', 403, 'ok']);
  });

  it('nc refused + curl (7) without proxy → TCP and HTTP connect failures', () => {
    const r = analyze(log(endpoint443(MANAG, [`nc: connect to ${MANAG} port 443 (tcp) failed: Connection refused`], ['curl: (7) Failed to connect to host port 443: Connection refused'])));
    assert.deepEqual(codesFor(r, MANAG), ['HTTP_CONNECT_FAILED', 'TCP_CONNECT_FAILED']);
    assert.equal(r.overall, 'action-required');
  });

  const curlCases: Array<[string, string[], string]> = [
    ['curl (6) DNS', ['curl: (6) Could not resolve host: x'], 'DNS_RESOLUTION_FAILED'],
    ['curl (28) timeout', ['curl: (28) Connection timed out after 10001 milliseconds'], 'HTTP_TIMEOUT'],
    ['curl (35) TLS', ['curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to x:443'], 'TLS_CHANNEL_FAILED'],
    ['curl (60) certificate', ['curl: (60) SSL certificate problem: self signed certificate in certificate chain'], 'TLS_TRUST_FAILED'],
    ['curl (56) 407', ['curl: (56) Received HTTP code 407 from proxy after CONNECT'], 'PROXY_AUTH_REQUIRED'],
    ['proxy 407 status', ['HTTP/1.1 407 Proxy Authentication Required', 'Proxy-Authenticate: Basic'], 'PROXY_AUTH_REQUIRED'],
    ['curl (5) proxy name', ['curl: (5) Could not resolve proxy: proxy.contoso.local'], 'HTTP_CONNECT_FAILED'],
    ['unknown curl error', ['curl: (18) transfer closed with outstanding read data remaining'], 'HTTP_INCONCLUSIVE'],
  ];
  for (const [name, curl, code] of curlCases) {
    it(`${name} → ${code}`, () => {
      const r = analyze(log(endpoint443(MANAG, OK_NC, curl)));
      assert.deepEqual(codesFor(r, MANAG), [code]);
      assert.equal(ep(r, MANAG).verdict, code === 'HTTP_INCONCLUSIVE' ? 'inconclusive' : 'failed');
    });
  }

  it('nslookup NXDOMAIN and nc cannot resolve → DNS only', () => {
    const r = analyze(log(endpoint443(MANAG, [`Ncat: Could not resolve hostname "${MANAG}": Name or service not known. QUITTING.`], ['curl: (6) Could not resolve host: x'], 'nxdomain')));
    assert.equal(ep(r, MANAG).dns, 'failed');
    assert.deepEqual(codesFor(r, MANAG), ['DNS_RESOLUTION_FAILED']);
  });

  it('nc not installed → TCP not tested; curl decides', () => {
    const r = analyze(log(endpoint443(MANAG, ['bash: nc: command not found'], OK_CURL)));
    const e = ep(r, MANAG);
    assert.deepEqual([e.tcp, e.http, e.verdict], ['not-tested', 'ok', 'ok']);
  });

  it('nothing usable (nc and curl missing) → inconclusive', () => {
    const r = analyze(log(endpoint443(MANAG, ['bash: nc: コマンドが見つかりません'], ['bash: curl: command not found'])));
    const e = ep(r, MANAG);
    assert.deepEqual([e.tcp, e.http, e.verdict], ['not-tested', 'not-tested', 'inconclusive']);
    assert.equal(r.overall, 'inconclusive');
  });

  it('through the environment proxy: tunnel + server status is ok, TCP failure is not a finding', () => {
    const r = analyze(log(endpoint443(MANAG, ['Ncat: Connection timed out.'], ['HTTP/1.1 200 Connection established', '', 'HTTP/1.1 404 Not Found']), { httpProxy: 'http://10.0.0.5:3128', httpsProxy: 'http://10.0.0.5:3128' }));
    const e = ep(r, MANAG);
    assert.deepEqual([e.tcp, e.http, e.viaProxy, e.verdict], ['failed', 'ok', true, 'ok']);
    assert.deepEqual(codesFor(r, MANAG), []);
    const f = r.findings.find((x) => x.code === 'TCP_TEST_BYPASSES_PROXY');
    assert.deepEqual(f?.params, { contexts: 'env-http, env-https', server: 'http://10.0.0.5:3128' });
  });

  it('iSCSI 3260 is tested with nc only', () => {
    const body = ['#### 「ファイルの回復」で必要な宛先 (iSCSI 3260) ####', `### ${REC}:3260 の疎通確認 ###`, ...linuxNslookup(REC, ['20.195.1.9']), ...linuxTry(`nc -vz ${REC} 3260`, ['Ncat: Connection refused.'])];
    const r = analyze(log(body));
    const e = ep(r, REC, 3260);
    assert.deepEqual([e.service, e.dns, e.tcp, e.http, e.verdict], ['file-recovery', 'resolved', 'failed', 'not-tested', 'failed']);
    assert.deepEqual(codesFor(r, REC), ['TCP_CONNECT_FAILED']);
  });

  it('a privatelink CNAME and private address → PRIVATE_ENDPOINT_SUSPECTED', () => {
    const r = analyze(log(endpoint443(MANAG, ['Ncat: Connected to 10.5.0.4:443.'], OK_CURL, ['10.5.0.4'], ['vault1-ab-pod01-fc1.privatelink.sea.backup.windowsazure.com'])));
    const e = ep(r, MANAG);
    assert.equal(e.privateEndpoint, true);
    assert.ok(e.aliases?.includes('vault1-ab-pod01-fc1.privatelink.sea.backup.windowsazure.com'));
    const f = r.findings.find((x) => x.code === 'PRIVATE_ENDPOINT_SUSPECTED');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.params?.addresses, '10.5.0.4');
  });

  it("Microsoft's own privatelink alias behind login.microsoftonline.com is not a private endpoint", () => {
    const host = 'login.microsoftonline.com';
    const r = analyze(log(endpoint443(host, OK_NC, ['HTTP/1.1 200 OK'], ['40.126.1.1'], ['login.mso.msidentity.com', 'ak.privatelink.msidentity.com'])));
    assert.equal(ep(r, host).privateEndpoint, false);
    assert.ok(!r.findings.some((f) => f.code === 'PRIVATE_ENDPOINT_SUSPECTED'));
  });

  it('interrupted: the last ##TRY!! has no output → incomplete', () => {
    const body = [...endpoint443(MANAG, OK_NC, OK_CURL), '#### Azure Storage ####', '### https://seawatcab01.blob.core.windows.net の疎通確認 ###', '================================================', '##TRY!! nslookup  seawatcab01.blob.core.windows.net ##'];
    const r = analyze(log(body));
    assert.equal(r.source.complete, false);
    assert.equal(r.overall, 'inconclusive');
    assert.deepEqual(r.missingChecks, ['file-recovery', 'azure-storage', 'entra-id']);
    const f = r.findings.find((x) => x.code === 'LOG_INCOMPLETE');
    assert.equal(f?.params?.missing, 'file-recovery,azure-storage,entra-id');
    assert.equal(f?.params?.lastLine, '##TRY!! nslookup  seawatcab01.blob.core.windows.net ##');
  });

  it('interrupted inside curl output (progress meter only) → incomplete', () => {
    const body = [...endpoint443(MANAG, OK_NC, null), '##TRY!! curl -I https://' + MANAG + ' ##', '================================================', '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current'];
    const r = analyze(log(body));
    assert.equal(r.source.complete, false);
    assert.equal(ep(r, MANAG).verdict, 'inconclusive');
  });

  it('curl progress meter joined by CR with the error on the same physical line', () => {
    const text = log(endpoint443(MANAG, OK_NC, null)) + `##TRY!! curl -I https://${MANAG} ##\n================================================\n  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r  0     0    0     0    0     0      0      0 --:--:--  0:00:10 --:--:--     0curl: (28) Connection timed out after 10000 milliseconds\n`;
    const r = analyze(text);
    assert.equal(ep(r, MANAG).httpCause, 'timeout');
    const f = r.findings.find((x) => x.code === 'HTTP_TIMEOUT');
    assert.ok(f?.evidence.some((e) => e.text.startsWith('curl: (28)')));
  });
});

describe('Linux: settings that could not be read', () => {
  it('Permission denied on ProxyInfo.conf → asr-config not found, NOT_ELEVATED', () => {
    const body = ['##TRY!! cat /usr/local/InMage/config/ProxyInfo.conf ##', 'cat: /usr/local/InMage/config/ProxyInfo.conf: Permission denied', ...endpoint443('pod01-srs1.jpe.hypervrecoverymanager.windowsazure.com', OK_NC, OK_CURL)];
    const r = analyze(log(body));
    const asr = r.proxy.contexts.find((c) => c.context === 'asr-config');
    assert.deepEqual([asr?.found, asr?.enabled], [false, false]);
    const f = r.findings.find((x) => x.code === 'NOT_ELEVATED');
    assert.equal(f?.params?.contexts, 'asr-config');
  });
});

describe('Linux: section headings', () => {
  it('a section heading that names only the host (no port, no https://) adds no endpoint of its own', () => {
    const rec = [`### ${REC} の疎通確認 ###`, ...linuxNslookup(REC, ['20.195.1.9']), ...linuxTry(`nc -vz ${REC} 3260`, ['Ncat: Connected to 20.195.1.9:3260.'])];
    const r = analyze(log([...endpoint443(MANAG, OK_NC, OK_CURL), ...rec]));
    assert.deepEqual(r.endpoints.filter((e) => e.host === REC).map((e) => e.port), [3260], 'no untested :443 endpoint from the nslookup');
    assert.equal(ep(r, REC, 3260).dns, 'resolved');
    assert.equal(r.overall, 'ok');
  });

  it('the same heading over an nslookup that is all the log has left still reports the lookup', () => {
    const rec = [`### ${REC} の疎通確認 ###`, ...linuxNslookup(REC, ['20.195.1.9'])];
    const r = analyze(log([...endpoint443(MANAG, OK_NC, OK_CURL), ...rec]));
    assert.equal(ep(r, REC).dns, 'resolved');
    assert.equal(ep(r, REC).tcp, 'not-tested');
  });
});
