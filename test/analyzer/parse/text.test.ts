import assert from 'node:assert/strict';
import fc from 'fast-check';
import { flatCopy, sameAt } from '../../../src/analyzer/parse/text';

describe('sameAt (startsWith at an offset, as one memory compare)', () => {
  it('answers what startsWith answers, at any offset, including past the end', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 80 }), (text, s, at) => {
        assert.equal(sameAt(text, at, s), text.startsWith(s, at));
      }),
      { numRuns: 2000 },
    );
  });
  it('finds a piece of the text where it is, and not one character off', () => {
    const text = 'Result of Invoke-webRequest  / StatusCode: 404/ StatusDescription: Not Found';
    const s = flatCopy(text.slice(10, 60));
    assert.ok(sameAt(text, 10, s));
    assert.ok(!sameAt(text, 9, s));
    assert.ok(!sameAt(text, 11, s));
    assert.ok(!sameAt(text.slice(0, 59), 10, s), 'a text that ends inside the probe');
  });
});
