// The exact-form readers of the Windows fast path against the general readers they stand for:
// whenever a fast reader accepts a line, it must give the general reader's answer.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTncResultLine } from '../../../src/analyzer/parse/blocks/tnc-block';
import { readScriptTryLine } from '../../../src/analyzer/parse/blocks/try-line';
import { LineText } from '../../../src/analyzer/parse/line-text';
import { trimLine } from '../../../src/analyzer/parse/text';
import {
  errorQuoteAt, readScriptTryAt, readTncResultAt, readWebResultAt, type TncFacts,
} from '../../../src/analyzer/parse/windows/script-lines';

/** The line inside some text (the readers work at offsets of a whole log), trimmed as the parser does. */
function placed(line: string): { text: string; a: number; b: number; t: string } {
  const text = `junk\r\n${line}\r\nmore`;
  const t = trimLine(line);
  const a = 6 + line.indexOf(t);
  return { text, a, b: a + t.length, t };
}

const hostChar = fc.constantFrom(...'abcxyz0129.-_ABZ'.split(''));
const host = fc.oneof(
  fc.constantFrom('pod01-manag1.jpe.backup.windowsazure.com', 'login.windows.net', '10.0.0.4', 'a.b', 'ab', '1.2.3', 'x.', '-a.b', 'ipaddress.example.com', 'tcptestsucceeded.x.net'),
  fc.array(hostChar, { minLength: 1, maxLength: 12 }).map((cs) => cs.join('')),
);
const spaces = fc.constantFrom(' ', '  ', '\t', ' \t');
const port = fc.constantFrom('443', '3260', '0', '65535', '65536', '123456', '08', '');
const tail = fc.constantFrom('', ' ', ' #', ' ##', '#', ' x', '\t');

describe('script-lines: readScriptTryAt', () => {
  it('reads the two TRY lines the script prints', () => {
    const tnc = placed('#TRY!! Test-NetConnection pod01-rec2.jpe.backup.windowsazure.com  -port 3260 ');
    assert.deepEqual(readScriptTryAt(tnc.text, tnc.a, tnc.b), {
      kind: 'tnc', command: 'Test-NetConnection', host: 'pod01-rec2.jpe.backup.windowsazure.com', port: 3260,
    });
    const web = placed('#TRY!! Invoke-webRequest https://login.microsoft.com  ');
    assert.deepEqual(readScriptTryAt(web.text, web.a, web.b), { kind: 'web', command: 'Invoke-webRequest', host: 'login.microsoft.com', scheme: 'https' });
  });

  it('leaves other spellings to the general reader (upper-case host, other case, -Port, http, long lines)', () => {
    for (const line of [
      '#TRY!! Test-NetConnection Login.Windows.Net -port 443',
      '#TRY!! test-netconnection login.windows.net -port 443',
      '#TRY!! Test-NetConnection login.windows.net -Port 443',
      '#TRY!! Invoke-webRequest http://login.windows.net',
      `#TRY!! Invoke-webRequest https://${'a'.repeat(280)}.net`,
    ]) {
      const p = placed(line);
      assert.equal(readScriptTryAt(p.text, p.a, p.b), undefined, line);
    }
  });

  it('whenever it accepts a line, it gives readScriptTryLine\'s command', () => {
    const line = fc.oneof(
      fc.tuple(host, spaces, port, tail, spaces).map(([h, s, p, t, s2]) => `#TRY!! Test-NetConnection ${h}${s}-port${s2}${p}${t}`),
      fc.tuple(host, tail).map(([h, t]) => `#TRY!! Invoke-webRequest https://${h}${t}`),
    );
    let accepted = 0;
    fc.assert(
      fc.property(line, (l) => {
        const p = placed(l);
        const fast = readScriptTryAt(p.text, p.a, p.b);
        if (fast === undefined) return;
        accepted++;
        assert.deepEqual(fast, readScriptTryLine(p.t));
      }),
      { numRuns: 600 },
    );
    assert.ok(accepted > 20, `accepted ${accepted}`);
  });
});

describe('script-lines: readTncResultAt', () => {
  const facts = (): TncFacts => ({ succeeded: false, address: undefined, hostStart: 0, hostEnd: 0 });

  it('reads success, failure and the empty address of a failed name resolution', () => {
    const ok = placed('Result of tnc - 443 / from 10.1.2.3 /To URL  login.windows.net IPaddress 20.191.5.163 / TcpTestSucceeded: True ');
    const f = facts();
    assert.ok(readTncResultAt(ok.text, ok.a, ok.b, f));
    assert.deepEqual([f.succeeded, f.address, ok.text.slice(f.hostStart, f.hostEnd)], [true, '20.191.5.163', 'login.windows.net']);
    const dns = placed('Result of tnc - 443 / from 10.1.2.3 /To URL  x.blob.core.windows.net IPaddress  / TcpTestSucceeded: False');
    assert.ok(readTncResultAt(dns.text, dns.a, dns.b, f));
    assert.deepEqual([f.succeeded, f.address], [false, undefined]);
  });

  it('whenever it accepts a line (host without the searched words), it reads what parseTncResultLine reads', () => {
    const addr = fc.constantFrom('20.191.5.163', '', '1.2.3', 'fe80::1', '999.1.1.1', 'abc');
    const bool = fc.constantFrom('True', 'False', 'True', 'False', 'true', 'TRUE', 'Truex', '');
    const line = fc
      .tuple(port, addr, host, addr, bool, fc.constantFrom(' ', '  ', ''), tail)
      .map(([p, from, h, ip, ok, gap, t]) => `Result of tnc - ${p} / from ${from} /To URL ${gap}${h} IPaddress ${ip} / TcpTestSucceeded: ${ok}${t}`);
    let accepted = 0;
    fc.assert(
      fc.property(line, (l) => {
        const p = placed(l);
        const f = facts();
        if (!readTncResultAt(p.text, p.a, p.b, f)) return;
        const h = p.text.slice(f.hostStart, f.hostEnd);
        if (h.includes('ipaddress') || h.includes('tcptestsucceeded')) return; // the parser leaves these to the general path
        accepted++;
        const r = parseTncResultLine(new LineText(p.t), false);
        assert.equal(f.succeeded, r.succeeded);
        assert.equal(f.address, r.address);
      }),
      { numRuns: 600 },
    );
    assert.ok(accepted > 10, `accepted ${accepted}`);
  });
});

describe('script-lines: web-request lines', () => {
  it('Result of Invoke-webRequest with and without a status', () => {
    const none = placed('Result of Invoke-webRequest  / StatusCode: / StatusDescription: ');
    assert.equal(readWebResultAt(none.text, none.a, none.b), 0x10000);
    const ok = placed('Result of Invoke-webRequest  / StatusCode: 200/ StatusDescription: OK');
    assert.equal(readWebResultAt(ok.text, ok.a, ok.b), 200);
    const odd = placed('Result of Invoke-webRequest  / StatusCode: / StatusDescription: x');
    assert.equal(readWebResultAt(odd.text, odd.a, odd.b), -1);
  });

  it('PS>TerminatingError: the opening quote, only with a closing one', () => {
    const p = placed('PS>TerminatingError(Invoke-WebRequest): "The operation has timed out."');
    assert.equal(p.text.charCodeAt(errorQuoteAt(p.text, p.a, p.b)), 0x22);
    const open = placed('PS>TerminatingError(Invoke-WebRequest): "');
    assert.equal(errorQuoteAt(open.text, open.a, open.b), -1);
    const other = placed('PS>TerminatingError(Invoke-RestMethod): "x"');
    assert.equal(errorQuoteAt(other.text, other.a, other.b), -1);
  });
});
