// A short message as a card: a title and one or more paragraphs (any of which may quote user
// text: it is shown as TextRun, never as markdown).
import { t, type Lang } from '../i18n/lang';
import { CARD_MESSAGES as M } from './card-messages';
import type { ContainerStyle } from './card-style';
import { cardLine, cardText } from './card-text';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export interface NoticeOptions {
  style?: ContainerStyle;
}

export function buildNoticeCard(title: string, body: string | readonly string[], lang: Lang, options: NoticeOptions = {}): AdaptiveCardJson {
  const paragraphs = (typeof body === 'string' ? [body] : [...body])
    .slice(0, 20)
    .map((p) => cardText(p, 2000))
    .filter((p) => p.trim() !== '');
  const heading = cardLine(title, 200);
  return renderTemplate('notice', {
    lang,
    fallbackText: t(M.fallbackNotice, lang),
    style: options.style ?? 'emphasis',
    title: heading,
    paragraphs: paragraphs.map((text) => ({ text })),
  });
}
