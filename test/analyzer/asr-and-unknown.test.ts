// Site Recovery logs (Windows and Linux) and inputs that are not logs at all.
import assert from 'node:assert/strict';
import { analyzeText } from '../../src/analyzer/analyze-text';
import { countLines } from '../../src/analyzer/parse/lines';
import type { Report } from '../../src/analyzer/report';
import { join, linuxHeader, linuxNslookup, linuxTry, winEnd, winHeader, winIwr, winProxy, winSection, winTls, winTnc } from './support/log-builder';
import { assertWellFormed } from './support/report-checks';

function analyze(text: string): Report {
  const r = analyzeText(text, { encoding: 'utf-8' });
  assertWellFormed(r, countLines(text));
  return r;
}

const SRS = 'pod01-srs1.jpe.hypervrecoverymanager.windowsazure.com';

describe('Site Recovery logs', () => {
  it('Windows ASR: kind, site-recovery service, asr-config proxy context', () => {
    const lines = [
      ...winHeader({ outputFile: 'C:\\Users\\admin\\Desktop\\ASR_Check_NW_20240101_100000.log' }),
      ...winProxy(),
      'ProxyInfo.conf (C:\\ProgramData\\Microsoft Azure Site Recovery\\Config\\ProxyInfo.conf)',
      '[proxy]',
      'Address=http://10.0.0.7',
      'Port=3128',
      'BypassList=*.blob.core.windows.net;login.microsoftonline.com',
      ...winSection('Site Recovery (*.hypervrecoverymanager.windowsazure.com)'),
      ...winTnc(SRS, 443),
      ...winIwr(SRS, { error: 'The remote server returned an error: (404) Not Found.' }),
      ...winSection('Azure Storage'),
      ...winTnc('jpeasrcache01.blob.core.windows.net', 443),
      ...winIwr('jpeasrcache01.blob.core.windows.net', { error: 'Unable to connect to the remote server' }),
      ...winTls([]),
      ...winEnd(),
    ];
    const r = analyze(join(lines));
    assert.equal(r.source.kind, 'windows-asr');
    const e = r.endpoints.find((x) => x.host === SRS);
    assert.equal(e?.service, 'site-recovery');
    assert.equal(e?.verdict, 'ok');
    const asr = r.proxy.contexts.find((c) => c.context === 'asr-config');
    assert.deepEqual([asr?.found, asr?.enabled, asr?.server, asr?.bypass], [true, true, 'http://10.0.0.7:3128', ['*.blob.core.windows.net', 'login.microsoftonline.com']]);
    assert.equal(r.proxy.configured, true);
    assert.equal(r.overall, 'action-required');
    assert.ok(r.findings.some((f) => f.code === 'PROXY_BYPASS_AZURE' && f.params?.context === 'asr-config'));
    assert.ok(!r.findings.some((f) => f.code === 'REGION_SPECIFIC_FQDN'), 'no backup geo code in an ASR log');
  });

  it('Linux ASR: kind from the hosts', () => {
    const body = [`### https://${SRS} の疎通確認 ###`, ...linuxNslookup(SRS, ['20.1.1.1']), ...linuxTry(`nc -vz ${SRS} 443`, [`Ncat: Connected to 20.1.1.1:443.`]), ...linuxTry(`curl -I https://${SRS}`, ['HTTP/1.1 404 Not Found'])];
    const r = analyze(join([...linuxHeader(), ...body], '\n'));
    assert.equal(r.source.kind, 'linux-asr');
    assert.equal(r.endpoints[0]?.service, 'site-recovery');
    assert.equal(r.overall, 'ok');
  });
});

describe('inputs that are not supported logs', () => {
  const samples: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace', ' \r\n\t\n'],
    ['an event-log export mentioning endpoints', 'Error\t11/4/2023\tCloudBackup\tUnable to connect to the remote server: https://pod01-prot1.jpe.backup.windowsazure.com/\r\n'],
    ['a chat message naming the script', 'I ran Check_Backup_NW_ver1.7.ps1 and it said TcpTestSucceeded: False for login.microsoftonline.com\n'],
    ['a bare PowerShell transcript header', '**********************\nWindows PowerShell transcript start\nStart time: 20240101100000\n**********************\n'],
    ['binary garbage', '\u0000\u0001\u0002\ufffd\ufffd PK\u0003\u0004 \u0000'],
  ];
  for (const [name, text] of samples) {
    it(`${name} → unknown, inconclusive, UNRECOGNIZED_LOG`, () => {
      const r = analyze(text);
      assert.equal(r.source.kind, 'unknown');
      assert.equal(r.overall, 'inconclusive');
      assert.deepEqual(r.findings.map((f) => f.code), ['UNRECOGNIZED_LOG']);
      assert.equal(r.findings[0]?.severity, 'error');
      assert.deepEqual(r.endpoints, []);
      assert.deepEqual(r.proxy.contexts, []);
    });
  }

  it('keeps the file name and archive from the meta', () => {
    const r = analyzeText('hello', { encoding: 'shift_jis', fileName: 'a.log', archive: 'logs.zip', archiveEntry: 'x/a.log' });
    assert.deepEqual([r.source.encoding, r.source.fileName, r.source.archive, r.source.archiveEntry], ['shift_jis', 'a.log', 'logs.zip', 'x/a.log']);
  });
});

describe('Site Recovery proxy configuration variants', () => {
  it('Linux: `##TRY!! cat …/ProxyInfo.conf ##` output', () => {
    const body = [
      '##TRY!! cat /usr/local/InMage/config/ProxyInfo.conf ##',
      '[proxy]',
      'Address=http://10.1.0.8',
      'Port=8080',
      '',
      `### https://${SRS} の疎通確認 ###`,
      ...linuxNslookup(SRS, ['20.1.1.1']),
      ...linuxTry(`curl -I https://${SRS}`, ['HTTP/1.1 404 Not Found']),
    ];
    const r = analyze(join([...linuxHeader({ httpsProxy: 'http://asr-proxy.contoso.local:8080' }), ...body], '\n'));
    assert.equal(r.source.kind, 'linux-asr');
    const asr = r.proxy.contexts.find((c) => c.context === 'asr-config');
    assert.deepEqual([asr?.found, asr?.enabled, asr?.server], [true, true, 'http://10.1.0.8:8080']);
    const https = r.proxy.contexts.find((c) => c.context === 'env-https');
    assert.equal(https?.server, 'http://asr-proxy.contoso.local:8080');
  });

  it('Windows: a "### ASR proxy settings ###" heading with colon-separated values; a missing file', () => {
    const lines = [
      ...winHeader({ outputFile: 'C:\\x\\ASR_Check_NW_20240101_100000.log' }),
      ...winProxy({ user: { enable: '1', server: '10.0.0.1:8080', override: 'asr.contoso.com;<local>' } }),
      '### ASR proxy settings ###',
      'Proxy server address : 10.3.3.3:3128',
      ...winSection('Site Recovery'),
      ...winTnc(SRS, 443),
      ...winIwr(SRS),
      ...winTls([]),
      ...winEnd(),
    ];
    const r = analyze(join(lines));
    assert.equal(r.source.kind, 'windows-asr');
    const user = r.proxy.contexts.find((c) => c.context === 'current-user');
    assert.deepEqual(user?.bypass, ['asr.contoso.com', '<local>']);
    const asr = r.proxy.contexts.find((c) => c.context === 'asr-config');
    assert.deepEqual([asr?.found, asr?.enabled, asr?.server], [true, true, '10.3.3.3:3128']);

    const missing = analyze(join([...winHeader(), 'ProxyInfo.conf', "Get-Content : Cannot find path 'C:\\ProgramData\\Microsoft Azure Site Recovery\\Config\\ProxyInfo.conf' because it does not exist.", ...winEnd()]));
    const ctx = missing.proxy.contexts.find((c) => c.context === 'asr-config');
    assert.deepEqual([ctx?.found, ctx?.enabled], [false, false]);
  });
});

describe('kind from the file name', () => {
  it('ASR_Check_NW_*.log is a Site Recovery log even when its content looks like Backup', () => {
    const text = join([...winHeader(), ...winProxy(), ...winSection('Azure Storage'), ...winTnc('a.blob.core.windows.net', 443), ...winIwr('a.blob.core.windows.net'), ...winEnd()]);
    assert.equal(analyzeText(text, { encoding: 'utf-8', fileName: 'ASR_Check_NW_20240101_100000.log' }).source.kind, 'windows-asr');
    assert.equal(analyzeText(text, { encoding: 'utf-8', fileName: 'AzureBackup_Check_NW_20240101_100000.log' }).source.kind, 'windows-backup');
  });
});
