// The Teams side of the outbox, through the bot's own CloudAdapter (so the service-URL
// allow-list wrapped around its auth applies to every call, and credentials are the bot's).
//
// Two things about botframework-connector 4.23.3 shape this file (both measured here):
// - Its pipeline retries inside each call: a 429 is sent up to 4 times (waiting the full
//   Retry-After, uncapped) and a 5xx with exponential waits: 4 POSTs and 3 s for one 429
//   "Retry-After: 1". The outbox owns retries (capped Retry-After, jitter, dead letters, exact
//   counts), so that policy is removed from the ConnectorClient we use: one call = one request.
// - Its serializer drops every property its models do not list: a tag mention's
//   `mentioned.type: "tag"` never reaches Teams through `conversations.createConversation`. So
//   the three calls are sent as raw JSON through the same client (`sendRequest`: the client's
//   credentials and pipeline, no model serialization).
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { ConversationRef, EscalationTarget } from './escalation';
import type { EscalationTransport, OutgoingActivity } from './escalation-deliveries';
import { DeliveryFailure, failureFromStatus } from './delivery-failure';
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
  /**
   * Runs a call in its conversation's send lane (the bot's SendPacer: `(id, fn) => pacer.run(id, fn)`),
   * so escalation traffic shares the per-conversation rate limit with everything else. These raw
   * requests do not pass through the paced `client.conversations` methods.
   */
  pace?: <T>(conversationId: string, call: () => Promise<T>) => Promise<T>;
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

  async function withClient<T>(ref: ConversationRef, what: string, call: (client: ConnectorClient) => Promise<T>): Promise<T> {
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
        outcome = { ok: true, value: await call(client) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    // a middleware (the tenant gate) may swallow the proactive turn: that is not a delivery
    if (!outcome) throw new DeliveryFailure(`${what}: the proactive turn was refused by the bot's middleware`, { retryable: false });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** One JSON request through the client; non-2xx → DeliveryFailure (Retry-After kept). */
  async function request(client: ConnectorClient, serviceUrl: string, what: string, method: 'POST' | 'PUT', path: string, body: unknown, lane: string): Promise<Record<string, unknown>> {
    return options.pace ? options.pace(lane, () => requestNow(client, serviceUrl, what, method, path, body)) : requestNow(client, serviceUrl, what, method, path, body);
  }

  async function requestNow(client: ConnectorClient, serviceUrl: string, what: string, method: 'POST' | 'PUT', path: string, body: unknown): Promise<Record<string, unknown>> {
    const base = serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`;
    const url = new URL(path, base);
    const pipelineRequest = createPipelineRequest({
      url: url.toString(),
      method,
      headers: createHttpHeaders({ 'content-type': 'application/json; charset=utf-8', accept: 'application/json' }),
      body: JSON.stringify(body),
      timeout: options.timeoutMs,
      // http only ever gets here for loopback in local/test mode: the service-URL policy refuses it elsewhere
      allowInsecureConnection: url.protocol === 'http:',
    });
    const response = await client.sendRequest(pipelineRequest);
    if (response.status < 200 || response.status >= 300) {
      throw failureFromStatus(response.status, response.headers.get('retry-after'), Date.now(), what);
    }
    const text = response.bodyAsText ?? '';
    if (text.trim() === '') return {};
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  const conversationPath = (conversationId: string) => `v3/conversations/${encodeURIComponent(conversationId)}/activities`;

  return {
    async createThread(target: EscalationTarget, activity: OutgoingActivity) {
      const channelRef: ConversationRef = {
        serviceUrl: target.serviceUrl,
        channelId: 'msteams',
        conversation: { id: target.channelId, conversationType: 'channel', isGroup: true, tenantId: target.tenantId },
      };
      return withClient(channelRef, 'post-thread', async (client) => {
        const response = await request(client, target.serviceUrl, 'post-thread', 'POST', 'v3/conversations', {
          // the shape botbuilder's TeamsInfo.sendMessageToTeamsChannel sends, plus the tenant
          isGroup: true,
          tenantId: target.tenantId,
          channelData: { channel: { id: target.channelId }, tenant: { id: target.tenantId } },
          activity,
        }, target.channelId);
        const id = typeof response.id === 'string' ? response.id : '';
        const activityId = typeof response.activityId === 'string' ? response.activityId : '';
        if (id === '' || activityId === '') throw new DeliveryFailure('post-thread: the connector answered without ids', { retryable: false });
        return { conversationId: id, activityId };
      });
    },

    async update(ref: ConversationRef, activityId: string, activity: OutgoingActivity) {
      await withClient(ref, 'update', async (client) => {
        await request(client, ref.serviceUrl, 'update', 'PUT', `${conversationPath(ref.conversation.id)}/${encodeURIComponent(activityId)}`, {
          ...activity,
          id: activityId,
          conversation: { id: ref.conversation.id },
        }, ref.conversation.id);
      });
    },

    async send(ref: ConversationRef, activity: OutgoingActivity) {
      return withClient(ref, 'send', async (client) => {
        const response = await request(client, ref.serviceUrl, 'send', 'POST', conversationPath(ref.conversation.id), activity, ref.conversation.id);
        return typeof response.id === 'string' && response.id !== '' ? { activityId: response.id } : {};
      });
    },
  };
}
