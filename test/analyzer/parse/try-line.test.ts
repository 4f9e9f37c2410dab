import assert from 'node:assert/strict';
import { parseTryCommand, tryLineBody } from '../../../src/analyzer/parse/blocks/try-line';

function cmd(line: string) {
  const body = tryLineBody(line);
  assert.ok(body !== undefined, line);
  return parseTryCommand(body);
}

describe('TRY lines', () => {
  it('Windows Test-NetConnection with odd spacing and option case', () => {
    assert.deepEqual(cmd('#TRY!! Test-NetConnection pod01-rec2.jpe.backup.windowsazure.com  -port 3260 '), { kind: 'tnc', command: 'Test-NetConnection', host: 'pod01-rec2.jpe.backup.windowsazure.com', port: 3260 });
    assert.equal(cmd('#TRY!!Test-NetConnection -ComputerName login.windows.net -Port 443').host, 'login.windows.net');
  });
  it('Invoke-WebRequest with and without https://, quotes, paths', () => {
    assert.equal(cmd('#TRY!! Invoke-webRequest https://login.microsoft.com  ').host, 'login.microsoft.com');
    assert.equal(cmd('#TRY!! Invoke-webRequest login.microsoft.com').host, 'login.microsoft.com');
    assert.equal(cmd('#TRY!! Invoke-WebRequest -Uri "https://A.blob.core.windows.net/?comp=list" -UseBasicParsing').host, 'a.blob.core.windows.net');
  });
  it('Linux commands', () => {
    assert.deepEqual(cmd('##TRY!! nc -vz pod01-rec2.jpe.backup.windowsazure.com 3260 ##'), { kind: 'tcp', command: 'nc', host: 'pod01-rec2.jpe.backup.windowsazure.com', port: 3260 });
    assert.equal(cmd('##TRY!! nc -w 5 -zv host.blob.core.windows.net 443 ##').port, 443);
    assert.deepEqual(cmd('##TRY!! curl -I -x http://10.0.0.1:8080 https://login.microsoftonline.com ##'), { kind: 'curl', command: 'curl', proxy: 'http://10.0.0.1:8080', host: 'login.microsoftonline.com', scheme: 'https' });
    assert.equal(cmd('##TRY!! nslookup  pod01-manag1.jpe.backup.windowsazure.com ##').kind, 'dns');
    assert.equal(cmd('##TRY!! timeout 5 nc -vz a.b.c 443 ##').host, 'a.b.c');
  });
  it('headings and other # lines are not TRY lines', () => {
    assert.equal(tryLineBody('### Check for Azure Backup ###'), undefined);
    assert.equal(tryLineBody('#####getInfo######'), undefined);
    assert.equal(tryLineBody('#trying'), undefined);
  });
});
