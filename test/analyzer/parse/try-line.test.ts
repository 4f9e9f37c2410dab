import assert from 'node:assert/strict';
import { parseTryCommand, readScriptTryLine, tryLineBody } from '../../../src/analyzer/parse/blocks/try-line';
import fc from 'fast-check';

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

describe('readScriptTryLine (the Windows script TRY lines, read in one go)', () => {
  const parts = {
    hashes: ['#', '##', '#####'],
    pad: ['', ' ', '\t', '  '],
    tryWord: ['TRY', 'try', 'Try', 'TRİ', 'TRX'],
    bang: ['!!', '!', '', ':', '!!:'],
    gap: [' ', '  ', '\t', '\u3000', ''],
    tnc: ['Test-NetConnection', 'test-netconnection', 'TEST-NETCONNECTION', 'Test-NetConnectİon', 'tnc'],
    web: ['Invoke-webRequest', 'INVOKE-WEBREQUEST', 'iwr', 'Invoke-RestMethod'],
    host: ['pod01-manag1.jpe.backup.windowsazure.com', 'JPEWATCAB01.blob.core.windows.net', 'host.', '-x.y', 'x', '10.0.0.1', 'a.b', '1.2', 'h_st.x', 'host:443', '"host.x"'],
    port: ['-port', '-Port', '-p', '--port', '-remoteport', '-portx'],
    digits: ['443', '3260', '0', '65535', '65536', '99999', '0443', '4a'],
    scheme: ['https://', 'HTTP://', 'http://', 'ftp://', ''],
    tail: ['', ' ', '  ', ' #', ' ##', '#', ' /x', '/path', ' extra'],
  };
  // mostly the script's own spelling, so that many whole lines take the fast path
  const pick = (xs: string[]) => fc.oneof({ arbitrary: fc.constant(xs[0] as string), weight: 5 }, { arbitrary: fc.constantFrom(...xs), weight: 1 });
  const tncLine = fc
    .record({ h: pick(parts.hashes), p: pick(parts.pad), w: pick(parts.tryWord), b: pick(parts.bang), g1: pick(parts.gap), c: pick(parts.tnc), g2: pick(parts.gap), host: pick(parts.host), g3: pick(parts.gap), o: pick(parts.port), g4: pick(parts.gap), d: pick(parts.digits), tail: pick(parts.tail) })
    .map((x) => `${x.h}${x.p}${x.w}${x.b}${x.g1}${x.c}${x.g2}${x.host}${x.g3}${x.o}${x.g4}${x.d}${x.tail}`);
  const webLine = fc
    .record({ h: pick(parts.hashes), p: pick(parts.pad), w: pick(parts.tryWord), b: pick(parts.bang), g1: pick(parts.gap), c: pick(parts.web), g2: pick(parts.gap), s: pick(parts.scheme), host: pick(parts.host), tail: pick(parts.tail) })
    .map((x) => `${x.h}${x.p}${x.w}${x.b}${x.g1}${x.c}${x.g2}${x.s}${x.host}${x.tail}`);

  it('reads a line exactly as tryLineBody + parseTryCommand do, or leaves it to them', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(tncLine, webLine), (raw) => {
        const t = raw.trim();
        const fast = readScriptTryLine(t);
        if (fast === undefined) return;
        read++;
        const body = tryLineBody(t);
        assert.ok(body !== undefined, t);
        assert.deepEqual(fast, parseTryCommand(body), t);
      }),
      { numRuns: 4000 },
    );
    assert.ok(read > 100, `only ${read} lines took the fast path`);
  });
  it('the script lines themselves', () => {
    assert.deepEqual(readScriptTryLine('#TRY!! Test-NetConnection pod01-rec2.jpe.backup.windowsazure.com  -port 3260'), {
      kind: 'tnc', command: 'Test-NetConnection', host: 'pod01-rec2.jpe.backup.windowsazure.com', port: 3260,
    });
    assert.deepEqual(readScriptTryLine('#TRY!! Invoke-webRequest https://JPEWATCAB01.blob.core.windows.net'), {
      kind: 'web', command: 'Invoke-webRequest', host: 'jpewatcab01.blob.core.windows.net', scheme: 'https',
    });
    assert.equal(readScriptTryLine('#TRY!! nslookup login.windows.net'), undefined);
  });
});
