// The Windows parser's fast path (exact-form readers for the lines the script prints per endpoint)
// must give exactly what the general per-line path gives: the parsed model, compared deep-equal
// with the fast path off, on generated and mutated logs and on each place where it gives up.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { synthLog } from '../../src/bench/synth-log';
import { parseWindows } from '../../src/analyzer/parse/windows/parse-windows';
import { join, winEnd, winHeader, winIwr, winProxy, winSection, winTnc } from './support/log-builder';

/** Parses both ways, asserts the same model; returns how many lines the fast path read. */
function sameBothWays(text: string): number {
  const stats = { fastLines: 0 };
  const fast = parseWindows(text, { stats });
  assert.deepStrictEqual(fast, parseWindows(text, { fastPath: false }));
  return stats.fastLines;
}

function log(blocks: string[][], eol = '\r\n'): string {
  return join([...winHeader(), ...winProxy(), ...winSection('### Check for Azure Backup (*.backup.windowsazure.com) ###'), ...blocks.flat(), ...winEnd()], eol);
}

const HOST = 'pod01-manag1.jpe.backup.windowsazure.com';
const NOT_FOUND = 'The remote server returned an error: (404) Not Found.';

/** Lines that look like the script's but are not of the exact form, or change the state. */
const ODD_LINES = [
  'PS>TerminatingError(Invoke-WebRequest): "StatusCode 500 in text"',
  'PS>TerminatingError(Invoke-WebRequest): "bad_name.example: The remote name could not be resolved"',
  'PS>TerminatingError(Invoke-WebRequest): ""',
  'PS>TerminatingError(Invoke-WebRequest): "',
  'Invoke-webRequest : StatusCode: 503',
  'Invoke-webRequest : see asr_check_nw_ver1.0.ps1',
  'At C:\\ASR_Check_NW\\x_y.ps1:1 char:1',
  'At line:1 char:1',
  'At the end of the TLS CHECK',
  'at Windows PowerShell transcript end',
  'Invoke-webRequest : Windows PowerShell transcript end',
  '+ FullyQualifiedErrorId : IEDOMNotSupported',
  '    + CategoryInfo          : NotSpecified: (:) [Invoke-WebRequest], NotSupportedException',
  'Result of Invoke-webRequest  / StatusCode: 200/ StatusDescription: OK_done',
  'Result of Invoke-webRequest  / StatusCode: 407/ StatusDescription: Proxy Authentication Required',
  'Result of tnc - 443 / from 10.0.0.4 /To URL  ipaddress.example.com IPaddress 1.2.3.4 / TcpTestSucceeded: True',
  'Result of tnc - 443 / from 10.0.0.4 /To URL  other.example.com IPaddress 1.2.3 / TcpTestSucceeded: True',
  'Result of tnc - 443 / from 10.0.0.4 /To URL  a.b IPaddress 1.2.3.4 / TcpTestSucceeded: Truex',
  'WARNING: Name resolution of x.example.com failed',
  '警告: TCP connect to (1.2.3.4 : 443) failed',
  'リモート サーバーがエラーを返しました: (404) 見つかりません',
  '発生場所 C:\\work\\Check_Backup_NW_ver1.6.ps1:96 文字:15',
  '#TRY!! Test-NetConnection Login.Windows.Net -port 443',
  '#TRY!! Invoke-webRequest https://x_y.blob.core.windows.net',
  '#TRY!! Invoke-webRequest https://\u212aelvin.example.com',
  'At C:\\Check_\u212aSR_NW.ps1:1 char:1',
  '+ \u0130EDOMNOTSUPPORTED',
  '-----Script Completed----- 01/01/2024 10:00:00',
  '=====================',
  '-- ',
  '---',
  '',
  '   ',
  '\t+ x',
  'Proxy check',
  '========== TLS CHECK ==========',
  'Access is denied',
];

type Mutation =
  | { op: 'delete' | 'duplicate' | 'truncate' | 'cut' | 'lone-cr' | 'upper' | 'double-spaces' | 'lf'; at: number }
  | { op: 'insert'; at: number; line: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete', 'duplicate', 'truncate', 'cut', 'lone-cr', 'upper', 'double-spaces', 'lf') as fc.Arbitrary<'delete'>, at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: fc.constantFrom(...ODD_LINES) }),
);

function mutate(text: string, ms: Mutation[]): string {
  let lines = text.split(/(?<=\n)/);
  for (const m of ms) {
    if (lines.length === 0) break;
    const i = m.at % lines.length;
    const l = lines[i] as string;
    switch (m.op) {
      case 'delete': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, l); break;
      case 'truncate': lines = lines.slice(0, i); break;
      case 'cut': lines[i] = l.slice(0, Math.floor(l.length / 2)); break;
      case 'lone-cr': lines[i] = l.replace(/\r?\n$/, '\r'); break;
      case 'upper': lines[i] = l.toUpperCase(); break;
      case 'double-spaces': lines[i] = l.replace(/ /g, '  '); break;
      case 'lf': lines[i] = l.replace(/\r\n$/, '\n'); break;
      case 'insert': lines.splice(i, 0, `${m.line}\r\n`); break;
    }
  }
  return lines.join('');
}

describe('Windows parser fast path = general path', () => {
  it('is used on the script\'s standard blocks (else the comparisons below prove nothing)', () => {
    const { text } = synthLog({ endpoints: 40, seed: 3 });
    const lines = text.split('\r\n').length;
    assert.ok(sameBothWays(text) > lines * 0.8);
  });

  it('generated logs (English / Japanese, any failure mix, any size) give the same model', () => {
    const arb = fc.record({
      endpoints: fc.integer({ min: 0, max: 40 }),
      lang: fc.constantFrom('en' as const, 'ja' as const),
      failEvery: fc.constantFrom(0, 1, 2, 3, 7),
      seed: fc.nat(1000),
    });
    fc.assert(fc.property(arb, (o) => void sameBothWays(synthLog(o).text)), { numRuns: 60 });
  });

  it('mutated logs (deleted, duplicated, cut, odd lines inserted, lone CR, LF, upper case, truncation) give the same model', () => {
    const arb = fc.tuple(
      fc.record({ endpoints: fc.integer({ min: 1, max: 25 }), lang: fc.constantFrom('en' as const, 'ja' as const), failEvery: fc.constantFrom(0, 2, 5), seed: fc.nat(1000) }),
      fc.array(mutation, { minLength: 1, maxLength: 8 }),
    );
    fc.assert(fc.property(arb, ([o, ms]) => void sameBothWays(mutate(synthLog(o).text, ms))), { numRuns: 300 });
  });

  describe('each place where it gives up', () => {
    it('a web-request block whose second line is unexpected', () => {
      const iwr = winIwr(HOST, { error: NOT_FOUND });
      for (const odd of ODD_LINES) {
        const block = [...iwr.slice(0, 2), odd, ...iwr.slice(2)];
        sameBothWays(log([winTnc(HOST, 443), block, winTnc('login.windows.net', 443), winIwr('login.windows.net')]));
      }
    });

    it('a Test-NetConnection block whose second line is unexpected', () => {
      const tnc = winTnc(HOST, 443);
      for (const odd of ODD_LINES) {
        sameBothWays(log([[...tnc.slice(0, 2), odd, ...tnc.slice(2)], winIwr(HOST, { error: NOT_FOUND })]));
      }
    });

    it('every line of the standard blocks replaced by each odd line', () => {
      const blocks = [winTnc(HOST, 443), winIwr(HOST, { error: NOT_FOUND }), winTnc('login.windows.net', 443), winIwr('login.windows.net')];
      const flat = blocks.flat();
      for (let i = 0; i < flat.length; i++) {
        for (const odd of ODD_LINES) sameBothWays(log([[...flat.slice(0, i), odd, ...flat.slice(i + 1)]]));
      }
    });

    it('CRLF, LF and lone CR line ends', () => {
      const blocks = [winTnc(HOST, 443), winIwr(HOST, { error: NOT_FOUND }), winTnc('x.blob.core.windows.net', 443, { ip: null })];
      for (const eol of ['\r\n', '\n', '\r']) assert.ok(sameBothWays(log(blocks, eol)) > 10);
    });

    it('Japanese messages and error records', () => {
      const ja = { lang: 'ja' as const };
      sameBothWays(log([
        winTnc(HOST, 443, ja),
        winIwr(HOST, { error: 'リモート サーバーがエラーを返しました: (404) 見つかりません', ...ja }),
        winTnc('x.blob.core.windows.net', 443, { ok: false, ...ja }),
        winIwr('x.blob.core.windows.net', { error: 'リモート サーバーに接続できません。', ...ja }),
      ]));
    });

    it('a log cut in the middle of a block, at every line', () => {
      const text = log([winTnc(HOST, 443), winIwr(HOST, { error: NOT_FOUND }), winTnc('login.windows.net', 443), winIwr('login.windows.net')]);
      const lines = text.split('\r\n');
      for (let i = 1; i < lines.length; i++) {
        sameBothWays(lines.slice(0, i).join('\r\n'));
        sameBothWays(`${lines.slice(0, i).join('\r\n')}\r\n${(lines[i] ?? '').slice(0, 9)}`);
      }
    });

    it('the Site Recovery marker and an unknown script version on error-record lines', () => {
      const iwr = winIwr(HOST, { error: NOT_FOUND });
      const asr = iwr.map((l) => (l.startsWith('At ') ? 'At C:\\work\\ASR_Check_NW_ver1.0.ps1:96 char:15' : l));
      sameBothWays(log([winTnc(HOST, 443), asr]));
      const noVersion = join([...winHeader({ outputFile: 'C:\\x.log' }), ...winProxy(), ...winTnc(HOST, 443), ...iwr, ...winEnd()]);
      sameBothWays(noVersion);
    });

    describe('error-record lines remembered from earlier blocks', () => {
      const hosts = ['a1.blob.core.windows.net', 'a2.blob.core.windows.net', 'a3.blob.core.windows.net', 'a4.blob.core.windows.net'];
      /** error records of the same form in every block, the last one's line `i` replaced by `line` */
      function repeated(error: string, i: number, line: string, fqid?: string): string {
        const blocks = hosts.map((h) => winIwr(h, { error, fqid }));
        const last = blocks[blocks.length - 1] as string[];
        last[i] = line;
        return log(blocks.flatMap((b, k) => [winTnc(hosts[k] as string, 443), b]));
      }
      const UNKNOWN = 'Something else entirely';
      const record = winIwr(HOST, { error: UNKNOWN, fqid: 'IEDOMNotSupportex' });
      const first = record.findIndex((l) => l.startsWith('Invoke-webRequest :'));

      it('a line identical but for one byte, which is not a no-op, in the place of a remembered one', () => {
        const cases: [number, string][] = [
          // 'IEDOMNotSupported' on a '+' line marks the IE engine error (the remembered line has 'IEDOMNotSupportex')
          [record.length - 2, (record[record.length - 2] as string).replace('IEDOMNotSupportex', 'IEDOMNotSupported')],
          // the Site Recovery marker ('asr_check_nw') where the remembered line has 'asr_check_nx'
          [first + 1, 'At C:\\work\\asr_check_nw.ps1:96 char:15'],
          // 'statuscode' on a '~' line is a result line
          [first + 3, '~~~~~~~~~~~~~~~~~~~~~~~~~~~~ StatusCode: 200'],
        ];
        for (const [i, changed] of cases) {
          const before = repeated(UNKNOWN, i, record[i] as string, 'IEDOMNotSupportex');
          // the remembered form of the line, one byte away from `changed` where it matters
          const remembered = i === first + 1 ? 'At C:\\work\\asr_check_nx.ps1:96 char:15' : i === first + 3 ? '~~~~~~~~~~~~~~~~~~~~~~~~~~~~ StatusCodf: 200' : (record[i] as string);
          const withMemo = (line: string): string => {
            const blocks = hosts.map((h) => winIwr(h, { error: UNKNOWN, fqid: 'IEDOMNotSupportex' }));
            for (const b of blocks) b[i] = remembered;
            (blocks[blocks.length - 1] as string[])[i] = line;
            return log(blocks.flatMap((b, k) => [winTnc(hosts[k] as string, 443), b]));
          };
          assert.equal(remembered.length, changed.length);
          sameBothWays(before);
          const quiet = parseWindows(withMemo(remembered));
          const loud = parseWindows(withMemo(changed));
          // the change is seen (else this case would prove nothing), and both paths agree on it
          assert.notDeepStrictEqual(loud, quiet, changed);
          sameBothWays(withMemo(changed));
        }
      });

      it('every one-byte change of every line of a repeated error record', () => {
        const lines = record.slice(first);
        const bytes = ['d', 'e', 'D', '_', ':', '\\', ' ', 'x', '\u0130', '\u212a', '"', '#', '-'];
        const arb = fc.record({ line: fc.nat(lines.length - 1), at: fc.nat(200), c: fc.constantFrom(...bytes) });
        fc.assert(
          fc.property(arb, ({ line, at, c }) => {
            const l = lines[line] as string;
            const j = at % l.length;
            sameBothWays(repeated(UNKNOWN, first + line, l.slice(0, j) + c + l.slice(j + 1), 'IEDOMNotSupportex'));
          }),
          { numRuns: 150 },
        );
      });

      it('a remembered line in another block kind, another place of the record, or a block without its message', () => {
        for (let i = first; i < record.length; i++) {
          const l = record[i] as string;
          const blocks = hosts.map((h) => winIwr(h, { error: NOT_FOUND }));
          const base = blocks.flatMap((b, k) => [winTnc(hosts[k] as string, 443), b]);
          // after the last block's TRY line of Test-NetConnection, in place of its result
          sameBothWays(log([...base, [...winTnc(HOST, 443).slice(0, 2), l]]));
          // shifted by one line in the last web block
          const shifted = winIwr(HOST, { error: NOT_FOUND });
          shifted.splice(first, 0, l);
          sameBothWays(log([...base, shifted]));
          // a web block whose message came only from 'Invoke-webRequest :' (no PS> line)
          const noPs = winIwr(HOST, { error: NOT_FOUND }).filter((x) => !x.startsWith('PS>'));
          sameBothWays(log([...base, noPs]));
          // the same line before the message
          const early = winIwr(HOST, { error: NOT_FOUND });
          early.splice(first - 1, 0, l);
          sameBothWays(log([...base, early]));
        }
      });

      it('Site Recovery markers on a repeated line, and lines with an IPv6 address read after a colon', () => {
        const asrLine = 'At C:\\work\\ASR_Check_NW_ver1.0.ps1:96 char:15';
        const blocks = hosts.map((h) => winIwr(h, { error: NOT_FOUND }).map((l) => (l.startsWith('At ') ? asrLine : l)));
        sameBothWays(log(blocks.flatMap((b, k) => [winTnc(hosts[k] as string, 443), b])));
        for (const ip of ['::1', '::ffff:20.1.2.3', ':', '2001:db8::1']) sameBothWays(log([winTnc(HOST, 443, { ip }), winIwr(HOST)]));
      });
    });
  });
});
