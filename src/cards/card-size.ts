// Teams rejects a message whose payload is over about 28 KB. The card is most of it; the rest is
// the activity envelope (ids, conversation, service URL) or, for Universal Actions, the invoke
// response wrapper. Builders keep every card under CARD_BYTE_BUDGET, which leaves that margin.
export const TEAMS_PAYLOAD_LIMIT_BYTES = 28 * 1024;
export const CARD_BYTE_BUDGET = 24 * 1024;

/** Size of the card as it goes on the wire (UTF-8 JSON). */
export function cardBytes(card: unknown): number {
  return cardWire(card).bytes;
}

/** The card's wire JSON and its size: a caller that sends the JSON on needs to make it only once. */
export function cardWire(card: unknown): { json: string; bytes: number } {
  const json = JSON.stringify(card);
  return { json, bytes: Buffer.byteLength(json, 'utf8') };
}
