// What each outbox item does, against a transport (Teams in production, a fake in unit tests)
// and the webhook. Everything is rendered from the record as it is when the item runs, so a
// repeated or late delivery shows the current state, never a stale one.
import type { Report } from '../analyzer/report';
import type { EscalationConfig } from './escalation-config';
import type { ConversationRef, EscalationRecord, EscalationTarget, HistoryAction, OutboxItem } from './escalation';
import {
  buildEngineerPostActivity,
  buildRequesterReplyActivity,
  buildRequesterStatusCard,
  type OutgoingActivity,
} from './escalation-cards';
import type { EscalationStore } from './escalation-store';
import { DeliveryFailure } from './delivery-failure';
import type { DeliveryExecutor, DeliveryResult } from './outbox-drainer';
import { originalConversationLink, threadLink } from './deep-link';
import { postWebhook } from './webhook';

export type { OutgoingActivity } from './escalation-cards';

/** Sending to Teams. Implementations throw (RestError, DeliveryFailure, ServiceUrlRefusedError) on failure. */
export interface EscalationTransport {
  /** a new thread (top-level post) in the target channel */
  createThread(target: EscalationTarget, activity: OutgoingActivity): Promise<{ conversationId: string; activityId: string }>;
  /** replace a message the bot posted */
  update(ref: ConversationRef, activityId: string, activity: OutgoingActivity): Promise<void>;
  /** a new message in a conversation (a channel thread's id keeps its ";messageid=") */
  send(ref: ConversationRef, activity: OutgoingActivity): Promise<{ activityId?: string }>;
}

export interface EscalationDeliveriesDeps {
  transport: EscalationTransport;
  store: EscalationStore;
  config: Pick<EscalationConfig, 'mention' | 'webhook'>;
  fetch?: typeof fetch;
  now: () => number;
}

const EVENT: Record<HistoryAction, string> = {
  created: 'escalation.created',
  taken: 'escalation.taken',
  replied: 'escalation.replied',
  resolved: 'escalation.resolved',
};

/** The engineers' thread as a conversation reference. */
export function threadRef(record: EscalationRecord): ConversationRef | undefined {
  const thread = record.engineerThread;
  if (!thread) return undefined;
  return {
    serviceUrl: record.target.serviceUrl,
    channelId: 'msteams',
    conversation: { id: thread.conversationId, conversationType: 'channel', isGroup: true, tenantId: record.tenantId },
  };
}

/** The JSON the webhook receives: the escalation's fields, the change, and the report. */
export function buildWebhookPayload(record: EscalationRecord, item: OutboxItem, report: unknown): Record<string, unknown> {
  const change = record.history[item.seq];
  return {
    escalation: {
      id: record.id,
      tenantId: record.tenantId,
      state: record.state,
      urgency: record.notes.urgency,
      notes: record.notes,
      lang: record.lang,
      requester: record.requester,
      owner: record.owner ?? null,
      reportId: record.reportId,
      fileName: record.fileName ?? null,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      target: { teamId: record.target.teamId, channelId: record.target.channelId },
      links: { originalConversation: originalConversationLink(record) ?? null, engineersThread: threadLink(record) ?? null },
      history: record.history,
    },
    change: change ?? null,
    report: report ?? null,
  };
}

export class EscalationDeliveries implements DeliveryExecutor {
  constructor(private readonly deps: EscalationDeliveriesDeps) {}

  async deliver(record: EscalationRecord, item: OutboxItem): Promise<DeliveryResult> {
    switch (item.kind) {
      case 'post-thread': {
        const activity = buildEngineerPostActivity(record, await this.report(record), this.deps.config.mention);
        const posted = await this.deps.transport.createThread(record.target, activity);
        return { result: { conversationId: posted.conversationId, activityId: posted.activityId } };
      }
      case 'update-engineer-card': {
        const ref = threadRef(record);
        if (!ref || !record.engineerThread) throw new DeliveryFailure('update-engineer-card: no thread yet', { retryable: true });
        const activity = buildEngineerPostActivity(record, await this.report(record), this.deps.config.mention);
        await this.deps.transport.update(ref, record.engineerThread.activityId, activity);
        return {};
      }
      case 'update-requester-card': {
        // no card id (the escalation came from somewhere that did not say): nothing to update
        if (!record.requesterCardActivityId) return {};
        const card = buildRequesterStatusCard(record);
        await this.deps.transport.update(record.requesterRef, record.requesterCardActivityId, {
          type: 'message',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        });
        return {};
      }
      case 'reply-requester': {
        const entry = record.history[item.seq];
        if (!entry) throw new DeliveryFailure(`reply-requester: no history entry ${item.seq}`, { retryable: false });
        const sent = await this.deps.transport.send(record.requesterRef, buildRequesterReplyActivity(record, entry));
        return sent.activityId ? { result: { activityId: sent.activityId } } : {};
      }
      case 'webhook': {
        const webhook = this.deps.config.webhook;
        if (!webhook) throw new DeliveryFailure('webhook: no longer configured', { retryable: false });
        const change = record.history[item.seq];
        const result = await postWebhook(
          webhook,
          {
            deliveryId: `${record.id}/${item.id}`,
            event: change ? EVENT[change.action] : 'escalation.updated',
            sentAt: this.deps.now(),
            payload: buildWebhookPayload(record, item, await this.deps.store.getReport(record.id)),
          },
          { fetch: this.deps.fetch ?? fetch, now: this.deps.now },
        );
        return { result: { status: result.status } };
      }
    }
  }

  private async report(record: EscalationRecord): Promise<Report | undefined> {
    return this.deps.store.getReport<Report>(record.id);
  }
}
