// Wrapping Adaptive Cards into message activities.
import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import type { AdaptiveCard } from './action-registry';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** One message with one or more cards (several are stacked as a list), optional text above. */
export function cardMessage(cards: AdaptiveCard | AdaptiveCard[], text?: string): Partial<Activity> {
  const list = Array.isArray(cards) ? cards : [cards];
  const activity: Partial<Activity> = { type: ActivityTypes.Message, attachments: list.map(cardAttachment) };
  if (list.length > 1) activity.attachmentLayout = 'list';
  if (text !== undefined && text !== '') {
    activity.text = text;
    activity.textFormat = 'plain'; // file names come from users: never markdown
  }
  return activity;
}
