/* eslint-disable @typescript-eslint/no-explicit-any -- recorded JSON payloads are inspected freely by tests */
// The real bot for end-to-end tests: restify + CloudAdapter + ConfigurationBotFrameworkAuthentication
// on 127.0.0.1:0 in anonymous mode (no MicrosoftAppId), SQLite in a temp DATA_DIR, downloads
// allowed to the loopback fakes (NODE_ENV=test only). Activities go in over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config';
import { createBotApp, type BotApp, type BotAppOptions } from '../../src/bot/create-bot-app';
import type { BotServices } from '../../src/bot/bot-services';
import { DedupeMiddleware } from '../../src/bot/limits/dedupe-middleware';
import { createSecurityLayer } from '../../src/bot/security/create-security-layer';

export interface MakeBotOptions extends Omit<BotAppOptions, 'env' | 'config'> {
  /** wire the security layer as src/main.ts does (default true) */
  security?: boolean;
  /** reuse a DATA_DIR (restart tests) */
  dataDir?: string;
  /** extra environment (GRAPH_*, REPORT_RETENTION_DAYS, …) */
  env?: Record<string, string>;
}

export interface TestBot {
  app: BotApp;
  origin: string;
  dataDir: string;
  post(activity: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
  /** stop + remove the DATA_DIR */
  dispose(): Promise<void>;
}

export async function makeBot(options: MakeBotOptions = {}): Promise<TestBot> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'nwcheck-bot-'));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DOWNLOAD_ALLOWED_HOSTS: '127.0.0.1',
    DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS: 'true',
    DOWNLOAD_TIMEOUT_MS: '5000',
    DOWNLOAD_IDLE_TIMEOUT_MS: '2000',
    ...options.env,
  };
  const config = loadConfig(env);
  const { dataDir: _d, env: _e, security: withSecurity = true, ...rest } = options;
  const logger = pino({ level: config.logLevel });
  // the same composition as src/main.ts: gate, auth guard, serviceUrl policy (loopback allowed in tests)
  const security = withSecurity
    ? createSecurityLayer({
        log: logger,
        anonymous: config.anonymous,
        isTest: config.isTest,
        allowedTenantIds: config.security.allowedTenantIds,
        serviceUrlAllowedHosts: config.security.serviceUrlAllowedHosts,
      })
    : undefined;
  const app = createBotApp({
    ...rest,
    env,
    config,
    logger,
    jobRunner: { retryDelayMs: () => 50, ...rest.jobRunner },
    ...(security
      ? {
          // as in src/main.ts: gate first, then the dedupe claim (rate limits stay off: tests send fast)
          middleware: (services: BotServices) => [
            ...security.middleware,
            new DedupeMiddleware({ storage: services.storage, log: logger }),
            ...(typeof rest.middleware === 'function' ? rest.middleware(services) : (rest.middleware ?? [])),
          ],
          wrapAuth: security.wrapAuth,
          createProcessRequest: security.createProcessRequest,
        }
      : {}),
  });
  const { port } = await app.start();
  const origin = `http://127.0.0.1:${port}`;
  let stopped = false;
  const bot: TestBot = {
    app,
    origin,
    dataDir,
    async post(activity) {
      const res = await fetch(`${origin}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.stop({ jobTimeoutMs: 2000 });
    },
    async dispose() {
      await bot.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return bot;
}

export interface ActivityOptions {
  serviceUrl: string;
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  tenantId?: string;
  userId?: string;
  aadObjectId?: string;
  locale?: string;
  id?: string;
  text?: string;
  attachments?: unknown[];
  channelData?: Record<string, unknown>;
  entities?: unknown[];
}

export const BOT_ID = '28:bot-app-id';
export const TENANT = 'tenant-1';

function base(o: ActivityOptions) {
  const tenantId = o.tenantId ?? TENANT;
  return {
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    id: o.id ?? `msg-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    locale: o.locale ?? 'en-US',
    from: { id: o.userId ?? '29:user-1', name: 'Support Staff', aadObjectId: o.aadObjectId ?? 'aad-user-1' },
    recipient: { id: BOT_ID, name: 'nwcheck' },
    conversation: { id: o.conversationId ?? 'a:personal-conv-1', conversationType: o.conversationType ?? 'personal', tenantId },
    channelData: { tenant: { id: tenantId }, ...o.channelData },
  };
}

export function messageActivity(o: ActivityOptions) {
  const activity: Record<string, unknown> = { ...base(o), type: 'message', text: o.text ?? '' };
  if (o.attachments) activity.attachments = o.attachments;
  if (o.entities) activity.entities = o.entities;
  return activity;
}

export function fileAttachment(name: string, downloadUrl: string) {
  const dot = name.lastIndexOf('.');
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    contentUrl: 'https://contoso-my.sharepoint.com/personal/user/Documents/Microsoft%20Teams%20Chat%20Files/' + encodeURIComponent(name),
    name,
    content: { downloadUrl, uniqueId: randomUUID(), fileType: dot > 0 ? name.slice(dot + 1) : '' },
  };
}

export function invokeActivity(o: ActivityOptions & { verb: string; data: Record<string, unknown>; replyToId?: string }) {
  return {
    ...base(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: o.replyToId ?? 'card-message-1',
    value: { action: { type: 'Action.Execute', verb: o.verb, data: o.data }, trigger: 'manual' },
  };
}

/** The Action.Execute buttons of a card, found anywhere in it. */
export function executeActions(card: unknown): { verb: string; data: Record<string, unknown>; title?: string }[] {
  const out: { verb: string; data: Record<string, unknown>; title?: string }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string') out.push({ verb: o.verb, data: (o.data ?? {}) as Record<string, unknown>, title: o.title as string | undefined });
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(card);
  return out;
}

/** All text in a card (TextBlock text, TextRun text, FactSet values), joined: for content asserts. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') parts.push(o[key]);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(card);
  return parts.join('\n');
}
