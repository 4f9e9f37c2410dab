// The command list as a card. The entries are the bot's registered commands (the same list the
// manifest's commandLists come from), so help, manifest and parser cannot disagree.
import { t, type Lang, type LocalizedText } from '../i18n/lang';
import { CARD_MESSAGES as M } from './card-messages';
import { cardLine, cardText } from './card-text';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export interface HelpCommand {
  name: string;
  title: LocalizedText;
  description: LocalizedText;
  /** e.g. { en: 'language ja|en', ja: '言語 日本語|英語' } */
  usage?: LocalizedText;
  hidden?: boolean;
}

export function buildHelpCard(lang: Lang, commands: readonly HelpCommand[]): AdaptiveCardJson {
  const title = t(M.helpTitle, lang);
  return renderTemplate('help', {
    lang,
    fallbackText: title,
    title,
    intro: t(M.helpIntro, lang),
    channelTip: t(M.helpChannelTip, lang),
    commandsTitle: t(M.helpCommandsTitle, lang),
    commands: commands
      .filter((c) => !c.hidden)
      .slice(0, 30)
      .map((c) => ({
        usage: cardLine(t(c.usage ?? c.title, lang), 120),
        description: cardText(t(c.description, lang), 600),
      })),
    followUp: t(M.helpFollowUp, lang),
  });
}
