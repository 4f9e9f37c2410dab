import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { decodeBytes, sniffUtf16WithoutBom } from '../../../src/analyzer/input/decode-text';

const EN = 'Result of tnc - 443 / from 10.8.0.5 /To URL  login.microsoft.com IPaddress 20.190.141.32 / TcpTestSucceeded: True\r\n';
const JA =
  '**********************\r\nWindows PowerShell トランスクリプト開始\r\n開始時刻: 20240219101433\r\n' +
  'コンピューター: JPEFS01 (Microsoft Windows NT 10.0.20348.0)\r\n' +
  '警告: TCP connect to (20.60.172.68 : 443) failed\r\n' +
  'Invoke-webRequest : リモート サーバーに接続できません。\r\n    直接アクセス (プロキシ サーバーなし)。\r\n';
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

describe('decodeBytes: golden samples per encoding', () => {
  const cases: { name: string; bytes: Buffer; text: string; encoding: string }[] = [
    { name: 'UTF-8 without BOM', bytes: Buffer.from(JA, 'utf8'), text: JA, encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JA)]), text: JA, encoding: 'utf-8-bom' },
    { name: 'UTF-16LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JA, 'utf16le')]), text: JA, encoding: 'utf-16le' },
    { name: 'UTF-16LE without BOM', bytes: Buffer.from(JA, 'utf16le'), text: JA, encoding: 'utf-16le' },
    { name: 'UTF-16BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(JA)]), text: JA, encoding: 'utf-16be' },
    { name: 'UTF-16BE without BOM', bytes: utf16be(EN), text: EN, encoding: 'utf-16be' },
    { name: 'CP932 (iconv-lite)', bytes: iconv.encode(JA, 'cp932'), text: JA, encoding: 'shift_jis' },
    { name: 'short CP932 line', bytes: iconv.encode('警告: 名前解決に失敗しました', 'cp932'), text: '警告: 名前解決に失敗しました', encoding: 'shift_jis' },
    { name: 'plain ASCII', bytes: Buffer.from(EN), text: EN, encoding: 'utf-8' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = decodeBytes(c.bytes);
      assert.equal(out.encoding, c.encoding);
      assert.equal(out.text, c.text);
    });
  }
});

describe('decodeBytes: damaged input never turns into mojibake or a throw', () => {
  it('UTF-8 with one broken byte stays UTF-8, the byte becomes U+FFFD', () => {
    const bytes = Buffer.from(JA + JA);
    bytes[40] = 0xff;
    const out = decodeBytes(bytes);
    assert.equal(out.encoding, 'utf-8');
    assert.ok(out.text.includes('\uFFFD'));
    assert.ok(out.text.includes('トランスクリプト開始'));
  });

  it('UTF-8 cut in the middle of a character (Ctrl+C) stays UTF-8', () => {
    const full = Buffer.from(JA + '接続');
    const out = decodeBytes(full.subarray(0, full.length - 1)); // "続" is 3 bytes: keep 2 of them
    assert.equal(out.encoding, 'utf-8');
    assert.ok(out.text.endsWith('接\uFFFD'));
  });

  it('UTF-16LE with an odd trailing byte and a lone surrogate gives U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('c', 'utf16le'), Buffer.from([0x41])]);
    assert.deepEqual(decodeBytes(bytes), { text: 'ab\uFFFDc\uFFFD', encoding: 'utf-16le' });
  });

  it('UTF-16BE decoding leaves the caller’s bytes untouched', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('abc')]);
    const copy = Buffer.from(bytes);
    decodeBytes(bytes);
    assert.deepEqual(bytes, copy);
  });

  it('does not take binary-looking zero bytes on both sides for UTF-16', () => {
    assert.equal(sniffUtf16WithoutBom(Buffer.alloc(1000)), undefined);
    assert.equal(sniffUtf16WithoutBom(Buffer.from('ab')), undefined);
  });
});

describe('decodeBytes: properties', () => {
  const wellFormed = fc.string({ unit: 'grapheme', maxLength: 200 });

  it('never throws, is deterministic, and yields no more code units than bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (arr) => {
        const a = decodeBytes(arr);
        const b = decodeBytes(Uint8Array.from(arr));
        assert.deepEqual(a, b);
        assert.ok(a.text.length <= arr.length, `${a.text.length} > ${arr.length}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips any well-formed text through UTF-8 with BOM, UTF-16LE and UTF-16BE with BOM', () => {
    fc.assert(
      fc.property(wellFormed, (s) => {
        assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])), { text: s, encoding: 'utf-8-bom' });
        assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])), { text: s, encoding: 'utf-16le' });
        assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)])), { text: s, encoding: 'utf-16be' });
      }),
    );
  });

  it('round-trips any text through UTF-8 without BOM (unless it starts like a BOM or UTF-16)', () => {
    fc.assert(
      fc.property(wellFormed, (s) => {
        fc.pre(!s.startsWith('\uFEFF') && !s.includes('\0'));
        assert.equal(decodeBytes(Buffer.from(s)).text, s);
      }),
    );
  });

  it('round-trips Japanese text through CP932 and names it shift_jis', () => {
    const kana = fc.constantFrom(...'あいうえおかきくけこアイウエオ名前解決警告接続プロキシ設定');
    const line = fc.array(fc.oneof(kana, fc.constantFrom(' ', ':', '1', 'a', '\r\n')), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(line, (chars) => {
        const s = 'x' + chars.join('') + '警告';
        assert.deepEqual(decodeBytes(iconv.encode(s, 'cp932')), { text: s, encoding: 'shift_jis' });
      }),
    );
  });
});
