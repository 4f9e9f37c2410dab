import assert from 'node:assert/strict';
import { ActionRegistry } from '../../../src/bot/action-registry';
import { BOT_COMMANDS } from '../../../src/bot/commands/command-list';
import { parseLanguageArgument } from '../../../src/bot/commands/language-command';

describe('bot command list (source of help and the manifest commandLists)', () => {
  const registry = new ActionRegistry();
  for (const c of BOT_COMMANDS) registry.registerCommand({ ...c, run: () => Promise.resolve() });

  for (const c of BOT_COMMANDS) {
    it(`${c.name}: manifest-sized texts in both languages, and each title is something the matcher accepts`, () => {
      for (const lang of ['ja', 'en'] as const) {
        assert.ok(c.title[lang].length > 0 && c.title[lang].length <= 32, `${c.name} title ${lang}`);
        assert.ok(c.description[lang].length > 0 && c.description[lang].length <= 128, `${c.name} description ${lang}`);
        // Teams sends the picked command's title as the message text
        assert.equal(registry.matchCommand(c.title[lang])?.command.name, c.name, `"${c.title[lang]}" → ${c.name}`);
      }
      assert.ok(c.scopes.length > 0);
    });
  }

  it('parses language arguments in both languages', () => {
    for (const [text, lang] of [
      ['ja', 'ja'],
      ['日本語', 'ja'],
      ['を英語に', 'en'],
      ['English please', 'en'],
      ['EN', 'en'],
    ] as const) {
      assert.equal(parseLanguageArgument(text), lang, text);
    }
    assert.equal(parseLanguageArgument('klingon'), undefined);
    assert.equal(parseLanguageArgument('ja en'), undefined, 'ambiguous');
    assert.equal(parseLanguageArgument(''), undefined);
  });
});
