import assert from 'node:assert/strict';
import { countLines, forEachLine } from '../../../src/analyzer/parse/lines';

function lines(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  forEachLine(text, (n, l) => {
    out.push([n, l]);
  });
  return out;
}

describe('forEachLine', () => {
  it('CRLF, LF and lone CR each end a line, numbered from 1', () => {
    assert.deepEqual(lines('a\r\nb\nc\rd'), [[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
  });
  it('a trailing break does not add an empty line; empty lines in between count', () => {
    assert.deepEqual(lines('a\n\nb\n'), [[1, 'a'], [2, ''], [3, 'b']]);
    assert.equal(countLines(''), 0);
    assert.equal(countLines('\n'), 1);
    assert.equal(countLines('\r\n\r\n'), 2);
    assert.equal(countLines('x'), 1);
  });
  it('CR CR LF is two breaks (an empty line)', () => {
    assert.deepEqual(lines('a\r\r\nb'), [[1, 'a'], [2, ''], [3, 'b']]);
  });
  it('stops when the visitor returns true', () => {
    let seen = 0;
    forEachLine('a\nb\nc', () => ++seen === 2);
    assert.equal(seen, 2);
  });
});
