// Keys the limits use. A channel thread id carries ";messageid=…": the whole channel shares one
// send budget and one rate budget, so the suffix is dropped.
import { createHash } from 'node:crypto';

export function baseConversationId(conversationId: string): string {
  const i = conversationId.indexOf(';messageid=');
  return i >= 0 ? conversationId.slice(0, i) : conversationId;
}

/** Short, storage-safe key (any store, any characters in the ids). */
export function hashKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}
