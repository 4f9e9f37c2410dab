// The bot's own sentences pass the same checks as every other catalogue: both languages,
// matching placeholders, Japanese style (polite form, spacing), titles without a full stop.
import { BOT_MESSAGES } from '../../src/bot/messages';
import { BOT_COMMANDS } from '../../src/bot/commands/command-list';
import { defineMessages } from '../../src/i18n/lang';
import { assertCatalogueComplete, assertCatalogueStyle } from '../i18n/catalogue-check';

describe('bot message catalogue', () => {
  it('is complete in ja and en with matching placeholders', () => {
    assertCatalogueComplete(BOT_MESSAGES, {
      allowIdentical: ['reportPart', 'topicTls', 'topicEndpoint', 'proxyEntry'],
    });
  });

  it('follows the catalogue style (titles one line, sentences polite and spaced)', () => {
    assertCatalogueStyle(BOT_MESSAGES, { titles: /Title$/, sentences: /Text$/ });
  });

  it('command titles and descriptions are complete too', () => {
    const entries: Record<string, { ja: string; en: string }> = {};
    for (const c of BOT_COMMANDS) {
      entries[`title_${c.name}`] = c.title;
      entries[`description_${c.name}`] = c.description;
      if (c.usage) entries[`usage_${c.name}`] = c.usage;
    }
    assertCatalogueComplete(defineMessages(entries));
  });
});
