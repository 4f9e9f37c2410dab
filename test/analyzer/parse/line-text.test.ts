import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineText, WordIndex } from '../../../src/analyzer/parse/line-text';
import { keyIs, keyOf } from '../../../src/analyzer/parse/text';

// Characters that make case-insensitive checks tricky: İ lower-cases to two characters, the Kelvin
// sign to 'k'; ı and ſ upper-case to ASCII; full-width, Greek, Japanese, surrogates.
const TRICKY = ['İ', 'K', 'ı', 'ſ', 'Ｔ', 'Σ', 'ß', '警告', '\ud800', '\udc00', '\u0000', '\t', ' '];
const PATTERNS = ['result of tnc', 'statuscode', 'ps>', 'i', 'k', 'ki', 'tnc', 'at ', ':\\', 'completed', 'script', 'iedomnotsupported', '_nw'];
const piece = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.constantFrom(...PATTERNS, ...PATTERNS.map((p) => p.toUpperCase())),
  fc.string({ maxLength: 6 }),
);
const line = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('LineText', () => {
  it('answers what the same check on toLowerCase() answers, for any line and pattern', () => {
    fc.assert(
      fc.property(line, fc.constantFrom(...PATTERNS), fc.integer({ min: -2, max: 40 }), (t, p, from) => {
        const l = t.toLowerCase();
        // fresh object per check: the answer must not depend on which method ran first
        assert.equal(new LineText(t).startsWith(p), l.startsWith(p));
        assert.equal(new LineText(t).includes(p), l.includes(p));
        assert.equal(new LineText(t).indexOf(p, from), l.indexOf(p, from));
        assert.equal(new LineText(t).equals(p), l === p);
        assert.equal(new LineText(t).lowerLength(), l.length);
        const x = new LineText(t);
        for (const q of PATTERNS) assert.equal(x.indexOf(q), l.indexOf(q), q);
        assert.equal(x.lower(), l);
      }),
      { numRuns: 3000 },
    );
  });
  it('examples: U+0130 shifts indices, the Kelvin sign is a k', () => {
    assert.equal(new LineText('İ statuscode').indexOf('statuscode'), 3);
    assert.equal(new LineText('RESULT OF TNC').startsWith('result of tnc'), true);
    assert.equal(new LineText('\u212aey').startsWith('key'), true);
    assert.equal(new LineText('ıd').startsWith('id'), false);
    assert.equal(new LineText('xİ').includes('xi'), true);
    assert.equal(new LineText('reset').reset('PS>').startsWith('ps>'), true);
  });
});

describe('keyIs', () => {
  it('is keyOf(s) === key', () => {
    fc.assert(
      fc.property(line, fc.constantFrom('tcptestsucceeded', 'remoteaddress', 'name', 'k', ''), (s, key) => {
        assert.equal(keyIs(s, key), keyOf(s) === key);
        assert.equal(keyIs(`${s}: v`, key), keyOf(`${s}: v`) === key);
      }),
      { numRuns: 2000 },
    );
    assert.equal(keyIs('  TcpTest Succeeded :True', 'tcptestsucceeded'), true);
    assert.equal(keyIs('RemoteAddress：10.0.0.1', 'remoteaddress'), true);
    assert.equal(keyIs('-----', 'tcptestsucceeded'), false);
  });
});

describe('WordIndex', () => {
  it('finds the word in each line as a search of that line would, lines asked in order', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('statuscode', 'STATUSCODE', 'StatusCodes', 'status', 'code', '\r\n', ' ', 'x'), fc.string({ maxLength: 4 })), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 12 }), (s, cuts) => {
        const index = new WordIndex(s, 'statuscode');
        let start = 0;
        for (const len of cuts) {
          const end = Math.min(s.length, start + len);
          const line = s.slice(start, end);
          const lower = line.toLowerCase();
          // the text has no U+0130 / U+212A here: ASCII case folding is toLowerCase
          assert.equal(index.within(start, end), lower.indexOf('statuscode'), JSON.stringify(line));
          start = end + (len % 3);
          if (start > s.length) break;
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('answers LineText.indexOf for lines of the indexed text', () => {
    const text = 'a StatusCode: 200\r\n+ IEDOMNotSupported\r\nno\r\nİ statuscode';
    const line = new LineText();
    line.useIndexes([new WordIndex(text, 'statuscode'), new WordIndex(text, 'iedomnotsupported')]);
    let start = 0;
    for (const t of text.split('\r\n')) {
      line.reset(t, start);
      assert.equal(line.indexOf('statuscode'), t.toLowerCase().indexOf('statuscode'), t);
      assert.equal(line.includes('iedomnotsupported'), t.toLowerCase().includes('iedomnotsupported'), t);
      start += t.length + 2;
    }
  });
});
