// textLooksBinary decides inside its loop (sniff-binary.ts says why): it must answer exactly as the
// plain count-then-compare form on any text, including texts right at the 3 % threshold.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { textLooksBinary } from '../../../src/analyzer/input/sniff-binary';

function plainTextLooksBinary(text: string): boolean {
  const n = Math.min(text.length, 64 * 1024);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b;
    if (c === 0 || control || c === 0xfffd) bad++;
  }
  return bad * 100 > n * 3;
}

describe('textLooksBinary', () => {
  it('equals counting first and comparing at the end', () => {
    const unit = fc.oneof(fc.constantFrom('a', ' ', '\t', '\r\n', '\u0000', '\u0001', '\u001b', '\ufffd', '\u3042'), fc.string({ maxLength: 3 }));
    fc.assert(fc.property(fc.array(unit, { maxLength: 300 }), (units) => {
      const text = units.join('');
      assert.equal(textLooksBinary(text), plainTextLooksBinary(text));
    }), { numRuns: 2000 });
  });

  it('the threshold (more than 3 % bad characters in the first 64 Ki) and the window', () => {
    assert.equal(textLooksBinary('\u0000'.repeat(3) + 'a'.repeat(97)), false);
    assert.equal(textLooksBinary('\u0000'.repeat(4) + 'a'.repeat(96)), true);
    assert.equal(textLooksBinary('a'.repeat(64 * 1024) + '\u0000'.repeat(10000)), false);
    assert.equal(textLooksBinary(''), false);
  });
});
