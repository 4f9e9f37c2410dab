// Which language a typed message is in, for the answer: Japanese script → ja, real English →
// en, and text that says nothing about the language (a host, an acronym, a slash command, one
// word) → undefined, so the user's own language (choice or Teams locale) applies.
import assert from 'node:assert/strict';
import { languageOfText } from '../../src/bot/turn-info';

describe('languageOfText', () => {
  it('Japanese script → ja', () => {
    for (const text of ['なぜ失敗したのですか', 'プロキシの設定を教えて', 'TLS は大丈夫?', 'login.microsoft.com に接続できないのはなぜ', '東日本']) assert.equal(languageOfText(text), 'ja', text);
  });

  it('English sentences → en', () => {
    for (const text of ['what should I check next?', 'what about the proxy?', 'is TLS ok?', 'why did it fail?', 'how do I fix the storage one?', 'why can login.microsoft.com not be reached?']) {
      assert.equal(languageOfText(text), 'en', text);
    }
  });

  it('text that is not in a language → undefined (before: any Latin letter made it English)', () => {
    // before: a Japanese user typing "/reset" or "proxy" got the English "Send me a network-check log" card
    for (const text of ['/reset', 'proxy', 'hello', 'TLS?', 'DNS NSG', 'login.microsoft.com', 'pod01-prot1.jpe.backup.windowsazure.com:443', 'https://example.com/a/b', '20.60.172.68', '???', '']) {
      assert.equal(languageOfText(text), undefined, text);
    }
  });

  it('is linear on long input', () => {
    const started = Date.now();
    languageOfText('a.'.repeat(500_000) + ' x'.repeat(500_000));
    assert.ok(Date.now() - started < 1000);
  });
});
