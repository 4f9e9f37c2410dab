// Why a file could not be analyzed and what to send instead. The texts come from the refusal
// catalogue (explainRefusal); the file name, when known, is user text and shown as such.
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/lang';
import { CARD_MESSAGES as M } from './card-messages';
import { cardLine, cardText } from './card-text';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export interface ExplainedRefusal {
  title: string;
  detail: string;
  whatToSend: string;
}

export function buildRefusalCard(explained: ExplainedRefusal, lang: Lang, options: { fileName?: string } = {}): AdaptiveCardJson {
  const title = cardLine(explained.title, 200);
  const fileName = cardLine(options.fileName ?? '', 160);
  return renderTemplate('refusal', {
    lang,
    fallbackText: t(M.fallbackRefusal, lang),
    title,
    file: { show: fileName.trim() !== '', name: fileName },
    detail: cardText(explained.detail, 2000),
    whatToSendTitle: t(M.refusalWhatToSend, lang),
    whatToSend: cardText(explained.whatToSend, 2000),
  });
}
