// Links back into Teams: the requester's original message (for engineers) and an escalation's
// thread in the engineers' channel (for the list). Teams deep links to a message:
//   channel: https://teams.microsoft.com/l/message/<channel id>/<message id>?tenantId=…&parentMessageId=<thread root>
//   chat:    https://teams.microsoft.com/l/message/<chat id>/<message id>?context={"contextType":"chat"}
import type { EscalationRecord } from './escalation';

const BASE = 'https://teams.microsoft.com/l/message/';
const THREAD_MARK = ';messageid=';

/** "19:x@thread.tacv2;messageid=123" → { channelId: "19:x@thread.tacv2", rootId: "123" } */
export function splitThreadId(conversationId: string): { channelId: string; rootId?: string } {
  const at = conversationId.indexOf(THREAD_MARK);
  if (at < 0) return { channelId: conversationId };
  const rootId = conversationId.slice(at + THREAD_MARK.length);
  return rootId === '' ? { channelId: conversationId.slice(0, at) } : { channelId: conversationId.slice(0, at), rootId };
}

function messageLink(conversationId: string, messageId: string, isChannel: boolean, tenantId: string): string {
  const { channelId, rootId } = splitThreadId(conversationId);
  const path = `${BASE}${encodeURIComponent(channelId)}/${encodeURIComponent(messageId)}`;
  if (!isChannel) return `${path}?context=${encodeURIComponent('{"contextType":"chat"}')}`;
  const query = new URLSearchParams({ tenantId, parentMessageId: rootId ?? messageId });
  return `${path}?${query.toString()}`;
}

/**
 * The requester's card (or their thread) as a Teams link; undefined when there is nothing an
 * engineer could open (a personal chat with the bot is visible to the requester only).
 */
export function originalConversationLink(record: EscalationRecord): string | undefined {
  const conversation = record.requesterRef.conversation;
  if (conversation.conversationType === 'personal') return undefined;
  const { rootId } = splitThreadId(conversation.id);
  const messageId = record.requesterCardActivityId ?? rootId;
  if (messageId === undefined) return undefined;
  return messageLink(conversation.id, messageId, conversation.conversationType === 'channel', record.tenantId);
}

/** The escalation's thread in the engineers' channel, once posted. */
export function threadLink(record: EscalationRecord): string | undefined {
  const thread = record.engineerThread;
  if (!thread) return undefined;
  return messageLink(thread.conversationId, thread.activityId, true, record.tenantId);
}
