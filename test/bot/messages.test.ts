// The bot's own sentences pass the same checks as every other catalogue: both languages,
// matching placeholders, Japanese style (polite form, spacing), titles without a full stop.
import assert from 'node:assert/strict';
import { BOT_MESSAGES } from '../../src/bot/messages';
import { BOT_COMMANDS } from '../../src/bot/commands/command-list';
import { defineMessages } from '../../src/i18n/lang';
import { assertCatalogueComplete, assertCatalogueStyle } from '../i18n/catalogue-check';
import { CARD_MESSAGES } from '../../src/cards/card-messages';
import { ESCALATION_MESSAGES } from '../../src/escalation/messages';
import { REFUSAL_CATALOGUES } from '../../src/i18n/refusals';
import * as TERMS from '../../src/i18n/terms';

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

  it('Japanese names the script and the vault with one term everywhere the bot speaks', () => {
    // before: "ネットワーク確認ログをお送りください" beside "疎通確認スクリプトのログ" in help and every
    // finding; "Recovery Services コンテナー" on the region card, "ボールト" in the findings
    const texts: [string, string][] = [];
    const add = (where: string, catalogue: Readonly<Record<string, { ja: string }>>) => {
      for (const [key, value] of Object.entries(catalogue)) if (typeof value?.ja === 'string') texts.push([`${where}.${key}`, value.ja]);
    };
    add('BOT_MESSAGES', BOT_MESSAGES);
    add('CARD_MESSAGES', CARD_MESSAGES);
    add('ESCALATION_MESSAGES', ESCALATION_MESSAGES);
    for (const [name, catalogue] of Object.entries(REFUSAL_CATALOGUES)) add(`refusals.${name}`, catalogue);
    for (const [name, catalogue] of Object.entries(TERMS)) if (typeof catalogue === 'object' && !Array.isArray(catalogue)) add(`terms.${name}`, catalogue as Record<string, { ja: string }>);
    for (const c of BOT_COMMANDS) texts.push([`command.${c.name}`, `${c.title.ja} ${c.description.ja}`]);
    const problems = texts.flatMap(([where, ja]) => [
      ...(ja.includes('ネットワーク確認') ? [`${where}: "ネットワーク確認" (use 疎通確認スクリプト): ${ja}`] : []),
      ...(/Recovery Services コンテナー/.test(ja) ? [`${where}: "Recovery Services コンテナー" (use ボールト): ${ja}`] : []),
    ]);
    assert.deepEqual(problems, []);
  });
});
