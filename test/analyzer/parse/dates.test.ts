import assert from 'node:assert/strict';
import { parseLooseDate, parseTranscriptStamp } from '../../../src/analyzer/parse/dates';

describe('dates', () => {
  it('transcript stamps', () => {
    assert.equal(parseTranscriptStamp('20231104155210'), '2023-11-04T15:52:10');
    assert.equal(parseTranscriptStamp('2023110415'), undefined);
    assert.equal(parseTranscriptStamp('20231399155210'), undefined);
  });
  it('date(1) output in C and Japanese locales, PowerShell dates', () => {
    assert.equal(parseLooseDate('Thu Aug 20 18:45:01 JST 2022'), '2022-08-20T18:45:01');
    assert.equal(parseLooseDate('Sat Nov  4 15:40:12 JST 2023'), '2023-11-04T15:40:12');
    assert.equal(parseLooseDate('2022年  8月 20日 土曜日 18:45:01 JST'), '2022-08-20T18:45:01');
    assert.equal(parseLooseDate('11/04/2023 15:52:10'), '2023-11-04T15:52:10');
    assert.equal(parseLooseDate('2024/06/03 9:05:11'), '2024-06-03T09:05:11');
    assert.equal(parseLooseDate('no date here'), undefined);
  });
});
