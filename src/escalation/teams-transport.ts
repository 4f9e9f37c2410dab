// The Teams side of the outbox, through the bot's own CloudAdapter (so the service-URL
// allow-list wrapped around its auth applies to every call, and credentials are the bot's).
//
// botframework-connector 4.23.3 retries inside each call: its pipeline's default retry policy
// sends a 429 up to 4 times (waiting the full Retry-After, uncapped) and a 5xx with exponential
// waits (measured here: 4 POSTs and 3 s for one 429 "Retry-After: 1"). The outbox already owns
// retries (capped Retry-After, jitter, dead letters, exact attempt counts), so that policy is
// removed from the ConnectorClient we use: one call = one HTTP request.
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { ConversationRef, EscalationTarget } from './escalation';
import type { EscalationTransport, OutgoingActivity } from './escalation-deliveries';
import { DeliveryFailure } from './delivery-failure';
import type { EscalationLogger } from './escalation-logger';

/** What we need of the CloudAdapter (kept narrow so a test can count calls). */
export interface ProactiveAdapter {
  readonly ConnectorClientKey: symbol;
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface TeamsTransportOptions {
  adapter: ProactiveAdapter;
  /** MicrosoftAppId ('' in local anonymous mode) */
  appId: string;
  /** one HTTP call to the Bot Connector */
  timeoutMs: number;
  logger?: EscalationLogger;
}

interface PipelineLike {
  getOrderedPolicies(): { name: string }[];
  removePolicy(options: { name: string }): unknown;
}

const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * Takes the SDK's own retry policy out of this client's pipeline. Returns false when the client
 * does not have the shape 4.23.3 has (a botbuilder upgrade): calls still work, with SDK retries.
 */
export function disableSdkRetries(client: ConnectorClient): boolean {
  const pipeline = (client as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (!pipeline || typeof pipeline.removePolicy !== 'function' || typeof pipeline.getOrderedPolicies !== 'function') return false;
  if (pipeline.getOrderedPolicies().some((p) => p.name === SDK_RETRY_POLICY)) pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  return true;
}

function toReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    serviceUrl: ref.serviceUrl,
    channelId: ref.channelId,
    conversation: {
      id: ref.conversation.id,
      isGroup: ref.conversation.isGroup ?? false,
      conversationType: ref.conversation.conversationType ?? '',
      tenantId: ref.conversation.tenantId,
      name: '',
    },
    ...(ref.bot ? { bot: { id: ref.bot.id, name: ref.bot.name ?? '' } } : {}),
  };
}

export function createTeamsTransport(options: TeamsTransportOptions): EscalationTransport {
  let warned = false;

  async function withClient<T>(ref: ConversationRef, what: string, call: (client: ConnectorClient, timeout: { timeout: number }) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await options.adapter.continueConversationAsync(options.appId, toReference(ref), async (context) => {
      // Errors are caught here, not left to the adapter: its onTurnError would log them as turn
      // failures (and might answer in the conversation) instead of letting the outbox retry.
      try {
        const client = context.turnState.get<ConnectorClient | undefined>(options.adapter.ConnectorClientKey);
        if (!client) throw new DeliveryFailure(`${what}: no connector client in the proactive turn`, { retryable: false });
        if (!disableSdkRetries(client) && !warned) {
          warned = true;
          options.logger?.warn({}, 'escalation: could not disable the Bot Connector SDK retry policy; its retries add to ours');
        }
        outcome = { ok: true, value: await call(client, { timeout: options.timeoutMs }) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    // a middleware (the tenant gate) may swallow the proactive turn: that is not a delivery
    if (!outcome) throw new DeliveryFailure(`${what}: the proactive turn was refused by the bot's middleware`, { retryable: false });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  return {
    async createThread(target: EscalationTarget, activity: OutgoingActivity) {
      const channelRef: ConversationRef = {
        serviceUrl: target.serviceUrl,
        channelId: 'msteams',
        conversation: { id: target.channelId, conversationType: 'channel', isGroup: true, tenantId: target.tenantId },
      };
      return withClient(channelRef, 'post-thread', async (client, requestOptions) => {
        const response = await client.conversations.createConversation(
          {
            isGroup: true,
            bot: { id: options.appId, name: '' },
            tenantId: target.tenantId,
            channelData: { channel: { id: target.channelId }, tenant: { id: target.tenantId }, team: { id: target.teamId } },
            activity: activity as Partial<Activity> as Activity,
            members: [],
          },
          requestOptions,
        );
        const activityId = response.activityId;
        if (!response.id || !activityId) throw new DeliveryFailure('post-thread: the connector answered without ids', { retryable: false });
        return { conversationId: response.id, activityId };
      });
    },

    async update(ref: ConversationRef, activityId: string, activity: OutgoingActivity) {
      await withClient(ref, 'update', async (client, requestOptions) => {
        await client.conversations.updateActivity(
          ref.conversation.id,
          activityId,
          { ...activity, id: activityId, conversation: { id: ref.conversation.id, isGroup: ref.conversation.isGroup ?? false, conversationType: ref.conversation.conversationType ?? '', name: '' } } as Partial<Activity>,
          requestOptions,
        );
      });
    },

    async send(ref: ConversationRef, activity: OutgoingActivity) {
      return withClient(ref, 'send', async (client, requestOptions) => {
        const response = await client.conversations.sendToConversation(ref.conversation.id, activity as Partial<Activity>, requestOptions);
        return response.id ? { activityId: response.id } : {};
      });
    },
  };
}
