// `language ja|en` / `言語 日本語|英語`: the user's own answer language, kept across conversations.
import type { Lang } from '../../i18n/lang';
import { t } from '../../i18n/lang';
import type { TextCommand } from '../action-registry';
import { normalizeCommandText } from '../action-registry';
import { BOT_MESSAGES } from '../messages';
import { LANGUAGE_COMMAND } from './command-list';

const WORDS: readonly [string, Lang][] = [
  ['日本語', 'ja'],
  ['にほんご', 'ja'],
  ['japanese', 'ja'],
  ['ja', 'ja'],
  ['jp', 'ja'],
  ['英語', 'en'],
  ['えいご', 'en'],
  ['english', 'en'],
  ['en', 'en'],
];

/** "ja", "日本語", "を英語に", "English please" → the language named; undefined when none or both. */
export function parseLanguageArgument(args: string): Lang | undefined {
  const text = normalizeCommandText(args);
  if (text === '') return undefined;
  const tokens = text.split(' ');
  const found = new Set<Lang>();
  for (const [word, lang] of WORDS) {
    const ascii = /^[a-z]+$/.test(word);
    if (ascii ? tokens.includes(word) : text.includes(word)) found.add(lang);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

export function createLanguageCommand(): TextCommand {
  return {
    ...LANGUAGE_COMMAND,
    async run(ctx) {
      if (ctx.args === '') {
        await ctx.turn.sendActivity(t(BOT_MESSAGES.languageCurrent, ctx.lang));
        return;
      }
      const lang = parseLanguageArgument(ctx.args);
      if (!lang) {
        await ctx.turn.sendActivity({ text: t(BOT_MESSAGES.languageUnknown, ctx.lang, { value: ctx.args.slice(0, 40) }), textFormat: 'plain' });
        return;
      }
      if (ctx.userId !== '') await ctx.services.preferences.setLanguage(ctx.scope.tenantId, ctx.userId, lang);
      ctx.log.info({ event: 'language-set', lang }, 'user language set');
      await ctx.turn.sendActivity(t(BOT_MESSAGES.languageSet, lang));
    },
  };
}
