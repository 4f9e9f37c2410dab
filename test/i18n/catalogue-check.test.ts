// The checker must catch what it claims to catch, or every catalogue test built on it is empty.
import assert from 'node:assert/strict';
import { defineMessages } from '../../src/i18n/lang';
import {
  assertCatalogueComplete,
  assertCatalogueStyle,
  englishSentenceProblems,
  japaneseStyleProblems,
  messageProblems,
  placeholdersOf,
  politeSentenceProblems,
} from './catalogue-check';

describe('i18n/catalogue-check', () => {
  it('accepts a well-formed catalogue', () => {
    const ok = defineMessages({
      hello: { ja: '{host} の名前解決に失敗しました。', en: 'The name {host} did not resolve.' },
      product: { ja: 'Azure Backup', en: 'Azure Backup' },
    });
    assert.doesNotThrow(() => assertCatalogueComplete(ok, { allowIdentical: ['product'] }));
  });

  it('reports an empty language, whitespace and a missing entry shape', () => {
    assert.ok(messageProblems({ ja: '', en: 'x' }).some((p) => p.includes('ja is empty')));
    assert.ok(messageProblems({ ja: 'テスト ', en: 'Test' }).some((p) => p.includes('whitespace')));
    assert.deepEqual(messageProblems({ ja: 'テスト' }), ['not a { ja, en } pair of strings']);
  });

  it('reports placeholders that differ between ja and en', () => {
    const problems = messageProblems({ ja: '{host} に接続できません。', en: 'Cannot reach {hostName}.' });
    assert.ok(problems.some((p) => p.startsWith('placeholders differ')), problems.join('; '));
  });

  it('reports malformed braces and template syntax', () => {
    assert.ok(messageProblems({ ja: '{host に接続できません。', en: 'Cannot reach {host.' }).length > 0);
    assert.ok(messageProblems({ ja: '${host} です。', en: '${host}.' }).some((p) => p.includes('${')));
  });

  it('reports Japanese left in English and untranslated Japanese', () => {
    assert.ok(messageProblems({ ja: '接続できません。', en: '接続できません。' }).some((p) => p.includes('en contains Japanese')));
    assert.ok(messageProblems({ ja: 'Cannot connect.', en: 'Cannot connect.' }).some((p) => p.includes('identical')));
  });

  it('enforces Microsoft Japanese spacing, width and katakana conventions', () => {
    assert.ok(japaneseStyleProblems('TLS1.2を有効にします。').length > 0, 'no space between ASCII and kana');
    assert.ok(japaneseStyleProblems('プロキシサーバーを設定します。').length > 0);
    assert.ok(japaneseStyleProblems('サーバを確認します。').length > 0);
    assert.ok(japaneseStyleProblems('ＴＬＳ を確認します。').length > 0);
    assert.ok(japaneseStyleProblems('設定（既定）を確認します。').length > 0);
    assert.deepEqual(japaneseStyleProblems('プロキシ サーバー (10.0.0.1:8080) で TLS 1.2 を確認します。'), []);
  });

  it('enforces です/ます sentences that contain Japanese', () => {
    assert.deepEqual(politeSentenceProblems('名前解決に失敗しました。ご確認ください。'), []);
    assert.ok(politeSentenceProblems('名前解決に失敗した。').some((p) => p.includes('です/ます')));
    assert.ok(politeSentenceProblems('名前解決に失敗しました').some((p) => p.includes('。')));
    assert.ok(politeSentenceProblems('ご確認ください。Check the DNS server.。').some((p) => p.includes('without Japanese')));
    assert.deepEqual(politeSentenceProblems('ログには「{detail}」と記録されています。'), []);
  });

  it('enforces English sentence punctuation', () => {
    assert.deepEqual(englishSentenceProblems('{host} answered.'), []);
    assert.ok(englishSentenceProblems('the host answered').length >= 2);
  });

  it('checks style by key prefix and ignores other keys', () => {
    const bad = defineMessages({
      titleX: { ja: '失敗しました。', en: 'Failed.' },
      meaningX: { ja: '失敗した', en: 'failed' },
      linkX: { ja: 'ドキュメント', en: 'docs' },
    });
    assert.throws(() => assertCatalogueStyle(bad), /titleX[\s\S]*meaningX/);
    const ok = defineMessages({ linkX: { ja: 'ドキュメント', en: 'docs' } });
    assert.doesNotThrow(() => assertCatalogueStyle(ok));
  });

  it('lists placeholders once, sorted', () => {
    assert.deepEqual(placeholdersOf('{b} {a} {b} {not valid} {}'), ['a', 'b']);
  });
});
