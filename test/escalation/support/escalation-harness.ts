// End-to-end harness: the real bot (makeBot: restify + CloudAdapter over HTTP, SQLite) with the
// escalation feature plugged in, a fake Bot Connector, activities for the requester's support
// thread and the engineers' channel, and short retry timings so faults resolve in milliseconds.
import { randomUUID } from 'node:crypto';
import type { EscalationConfig } from '../../../src/escalation/escalation-config';
import { createEscalationFeature, type EscalationFeature } from '../../../src/escalation/escalation-feature';
import { fakeConnector, type ConnectorRequest, type FakeConnector, type ScriptedResponse } from '../../support/fake-connector';
import { BOT_ID, TENANT, invokeActivity, makeBot, messageActivity, type TestBot } from '../../support/make-bot';
import { sampleReport } from './sample-report';

export { BOT_ID, TENANT };

export const SUPPORT_CHANNEL = '19:support@thread.tacv2';
export const SUPPORT_THREAD = `${SUPPORT_CHANNEL};messageid=1000`;
export const ENGINEERS_TEAM = '19:engteam@thread.tacv2';
export const ENGINEERS_CHANNEL = '19:engineers@thread.tacv2';
export const REQUESTER_CARD_ID = 'card-msg-1';

export const FAST: EscalationConfig = {
  retry: { maxAttempts: 5, baseDelayMs: 20, maxDelayMs: 100, retryAfterCapMs: 200 },
  drainIntervalMs: 50,
  leaseMs: 3000,
  sendTimeoutMs: 3000,
};

export interface Person {
  id: string;
  aadObjectId: string;
  name: string;
  locale: string;
}

export const REQUESTER_JA: Person = { id: '29:requester-ja', aadObjectId: 'aad-requester-ja', name: '山田 花子', locale: 'ja-JP' };
export const REQUESTER_EN: Person = { id: '29:requester-en', aadObjectId: 'aad-requester-en', name: 'Alex Kim', locale: 'en-US' };
export const ENGINEER_1: Person = { id: '29:engineer-1', aadObjectId: 'aad-eng-1', name: 'Sato Ken', locale: 'ja-JP' };
export const ENGINEER_2: Person = { id: '29:engineer-2', aadObjectId: 'aad-eng-2', name: 'Lee Min', locale: 'en-US' };

export interface Harness {
  bot: TestBot;
  connector: FakeConnector;
  feature: EscalationFeature;
  /** the thread ids the fake connector hands out for createConversation */
  threadIds: string[];
  /** createConversation calls (POST /v3/conversations) */
  threadPosts(): ConnectorRequest[];
  dispose(): Promise<void>;
}

/** Answers createConversation like Teams (conversation id with ;messageid=, activity id) unless scripted. */
export function connectorScript(harnessScript: { current?: (req: ConnectorRequest, index: number) => ScriptedResponse | undefined }, threadIds: string[]) {
  return (req: ConnectorRequest, index: number): ScriptedResponse | undefined => {
    const scripted = harnessScript.current?.(req, index);
    if (scripted) return scripted;
    if (req.method === 'POST' && req.path === '/v3/conversations') {
      const activityId = String(1_700_000_000_000 + threadIds.length + 1);
      const id = `${ENGINEERS_CHANNEL};messageid=${activityId}`;
      threadIds.push(id);
      return { status: 201, body: { id, activityId } };
    }
    return undefined;
  };
}

export async function startHarness(options: { config?: Partial<EscalationConfig>; dataDir?: string; env?: Record<string, string>; connector?: FakeConnector; script?: { current?: (req: ConnectorRequest, index: number) => ScriptedResponse | undefined }; fetch?: typeof fetch } = {}): Promise<Harness> {
  const threadIds: string[] = [];
  const script = options.script ?? {};
  const connector = options.connector ?? (await fakeConnector());
  connector.script = connectorScript(script, threadIds);
  const feature = createEscalationFeature({ config: { ...FAST, ...options.config }, missingGraceMs: 60_000, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const bot = await makeBot({ plugins: [feature.plugin], ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.env ? { env: options.env } : {}) });
  feature.start(bot.app.adapter, bot.app.config.appId);
  return {
    bot,
    connector,
    feature,
    threadIds,
    threadPosts: () => connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations'),
    async dispose() {
      await feature.stop();
      await bot.dispose();
      if (!options.connector) await connector.close();
    },
  };
}

/** A report analyzed in the requester's support thread (what the bot stores after a log). */
export async function storeReport(bot: TestBot, conversationId = SUPPORT_THREAD, tenantId = TENANT): Promise<string> {
  const stored = await bot.app.services.reports.save({
    scope: { tenantId, conversationId },
    report: sampleReport(),
    fileLabel: 'AzureBackup_Check_NW_APP-WEB03.log',
  });
  return stored.id;
}

function supportChannelData() {
  return { team: { id: '19:supportteam@thread.tacv2' }, channel: { id: SUPPORT_CHANNEL } };
}

function engineersChannelData() {
  return { team: { id: ENGINEERS_TEAM }, channel: { id: ENGINEERS_CHANNEL } };
}

export function requesterInvoke(connector: FakeConnector, who: Person, verb: string, data: Record<string, unknown>, id = `invoke-${randomUUID()}`, tenantId = TENANT) {
  return named(invokeActivity({
    serviceUrl: connector.serviceUrl,
    tenantId,
    conversationId: SUPPORT_THREAD,
    conversationType: 'channel',
    channelData: supportChannelData(),
    userId: who.id,
    aadObjectId: who.aadObjectId,
    locale: who.locale,
    id,
    verb,
    data: { verb, ...data },
    replyToId: REQUESTER_CARD_ID,
  }), who);
}

export function engineerInvoke(connector: FakeConnector, who: Person, threadId: string, verb: string, data: Record<string, unknown>, tenantId = TENANT) {
  const activityId = threadId.slice(threadId.indexOf('=') + 1);
  return named(invokeActivity({
    serviceUrl: connector.serviceUrl,
    tenantId,
    conversationId: threadId,
    conversationType: 'channel',
    channelData: engineersChannelData(),
    userId: who.id,
    aadObjectId: who.aadObjectId,
    locale: who.locale,
    verb,
    data: { verb, ...data },
    replyToId: activityId,
  }), who);
}

/** "@nwcheck <text>" in a channel (the bot only hears channel messages that mention it). */
export function channelCommand(connector: FakeConnector, who: Person, text: string, where: 'engineers' | 'support' = 'engineers', tenantId = TENANT) {
  const channel = where === 'engineers' ? ENGINEERS_CHANNEL : SUPPORT_CHANNEL;
  const activity = messageActivity({
    serviceUrl: connector.serviceUrl,
    tenantId,
    conversationId: `${channel};messageid=${Date.now()}`,
    conversationType: 'channel',
    channelData: where === 'engineers' ? engineersChannelData() : supportChannelData(),
    userId: who.id,
    aadObjectId: who.aadObjectId,
    locale: who.locale,
    text: `<at>nwcheck</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>nwcheck</at>', mentioned: { id: BOT_ID, name: 'nwcheck' } }],
  });
  return named(activity, who);
}

/** Name the sender (makeBot's builders use one fixed display name). */
function named<T>(activity: T, who: Person): T {
  (activity as { from: { name: string } }).from.name = who.name;
  return activity;
}

/** The Adaptive Card an invoke answered with (Universal Actions response). */
export interface BotResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from the bot
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- card JSON, inspected by the tests
export function invokeCard(response: BotResponse): any {
  if (response.status !== 200 || response.body?.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected a card invoke response, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return response.body.value;
}

export function invokeText(response: BotResponse): string {
  if (response.status !== 200 || response.body?.type !== 'application/vnd.microsoft.activity.message') {
    throw new Error(`expected a message invoke response, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return String(response.body.value);
}

export async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
