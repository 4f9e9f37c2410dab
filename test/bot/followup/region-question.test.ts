import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findRegionNamedIn } from '../../../src/analyzer';
import { isOnlyThanks } from '../../../src/bot/followup/courtesy';
import { regionAskedAbout } from '../../../src/bot/followup/region-question';

describe('regions named in a sentence', () => {
  const cases: Array<[string, string | undefined]> = [
    ['東日本リージョンで必要な通信要件は?', 'japaneast'],
    ['東京リージョンの宛先を教えてください', 'japaneast'],
    ['大阪リージョンの通信要件', 'japanwest'],
    ['日本西部 リージョン', 'japanwest'],
    ['which endpoints does Japan East need?', 'japaneast'],
    ['What are the requirements for East US 2?', 'eastus2'],
    ['region eastus', 'eastus'],
    ['ｊａｐａｎ ｅａｓｔ region', 'japaneast'],
    ['we need the list for every region', undefined], // "we" is West Europe's geo code, not a region name here
    ['what does the ne region need', undefined],
  ];
  for (const [sentence, id] of cases) {
    it(`${sentence} → ${id ?? 'none'}`, () => assert.equal(findRegionNamedIn(sentence)?.id, id));
  }

  it('asks about regions only with a region word', () => {
    assert.equal(regionAskedAbout('東日本リージョンで必要な通信要件は?')?.id, 'japaneast');
    assert.equal(regionAskedAbout('東日本のバックアップが失敗します'), undefined);
    assert.equal(regionAskedAbout('Japan East backups fail'), undefined);
    assert.equal(regionAskedAbout('the fqdns for japaneast')?.id, 'japaneast');
  });

  it('never throws and stays bounded on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 600 }), (s) => {
      const r = regionAskedAbout(s);
      assert.ok(r === undefined || typeof r.id === 'string');
    }), { numRuns: 500 });
  });
});

describe('a message that is only thanks', () => {
  for (const s of ['ありがとうございます！', 'ありがとう', '助かりました。', 'どうもありがとうございました', 'thanks!', 'Thank you very much.', 'thx 👍', 'Thanks a lot!']) {
    it(`"${s}" is thanks`, () => assert.ok(isOnlyThanks(s)));
  }
  for (const s of ['ありがとう、でもプロキシはどうなっていますか?', 'thanks, but why did storage fail?', 'thank you for the tls check', 'hello', '', 'great, now what about DNS?']) {
    it(`"${s}" is not only thanks`, () => assert.ok(!isOnlyThanks(s)));
  }
});
