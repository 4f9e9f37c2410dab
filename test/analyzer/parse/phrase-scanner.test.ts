import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PhraseScanner } from '../../../src/analyzer/parse/phrase-scanner';

const GROUPS = [['timed out', 'timeout'], ['could not be resolved', 'remote name could not be resolved'], ['aa', 'aaa'], ['k'], ['i', 'xi'], ['time:']];
const scanner = new PhraseScanner(GROUPS);
const expected = (s: string): number => {
  const l = s.toLowerCase();
  let mask = 0;
  GROUPS.forEach((g, i) => {
    if (g.some((p) => l.includes(p))) mask |= 1 << i;
  });
  return mask;
};
const piece = fc.oneof(
  fc.constantFrom(...GROUPS.flat(), ...GROUPS.flat().map((p) => p.toUpperCase()), 'İ', 'K', 'ı', '\ud800', '警告', ' '),
  fc.string({ maxLength: 5 }),
);

describe('PhraseScanner', () => {
  it('finds a group exactly when one of its phrases is in the lower-cased string', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (s) => {
        assert.equal(scanner.scan(s), expected(s));
      }),
      { numRuns: 5000 },
    );
  });
  it('a scan continued from the state a prefix left gives the whole string\'s groups', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), fc.nat(), (s, cut) => {
        const at = s.length === 0 ? 0 : cut % (s.length + 1);
        const head = scanner.scanRange(s, 0, at, 0);
        assert.equal(head, expected(s.slice(0, at)));
        assert.equal(head | scanner.scanRange(s, at, s.length, scanner.state), expected(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('examples: nested and overlapping phrases, case, İ and the Kelvin sign', () => {
    assert.equal(scanner.scan('The Remote Name Could Not Be Resolved'), 1 << 1);
    assert.equal(scanner.scan('TIMEOUT'), (1 << 0) | (1 << 4)); // and the 'i'
    assert.equal(scanner.scan('baaab'), 1 << 2);
    assert.equal(scanner.scan('\u212a'), 1 << 3);
    assert.equal(scanner.scan('xİ'), 1 << 4); // "xi̇" contains "xi" and "i"
    assert.equal(scanner.scan('tİme:'), 1 << 4); // "ti̇me:" has an "i" but no "time:"
    assert.equal(scanner.scan(''), 0);
  });
  it('refuses phrases it cannot match exactly', () => {
    assert.throws(() => new PhraseScanner([['Upper']]));
    assert.throws(() => new PhraseScanner([['日本']]));
    assert.throws(() => new PhraseScanner([['']]));
  });
});
