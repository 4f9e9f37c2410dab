// The attachment wrapper, without importing botbuilder (CardFactory.adaptiveCard does the same).
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function cardAttachment(card: object): { contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: object } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
