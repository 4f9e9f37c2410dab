// The production ingress, minus the bot: real restify (JSON body parser with a size cap), real
// CloudAdapter and ConfigurationBotFrameworkAuthentication pointed at fakeJwks, wrapped by the
// serviceUrl policy, the AuthGuard and the ActivityGate, around a tiny echo bot that counts
// the turns it runs. Used by the A-series tests.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Middleware, type TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import pino, { type Logger } from 'pino';
import restify from 'restify';
import { ActivityGate } from '../../../src/bot/security/activity-gate';
import { AuthGuard } from '../../../src/bot/security/auth-guard';
import { PolicyEnforcingBotFrameworkAuthentication, ServiceUrlPolicy, type ConnectorClientDecorator } from '../../../src/bot/security/service-url-policy';
import { fakeOutboundCredentials, type FakeJwks } from '../../support/fake-jwks';

export const APP_ID = '00000000-0000-4000-8000-00000000b0e7';

export interface GuardedServer {
  url: string;
  adapter: CloudAdapter;
  auth: BotFrameworkAuthentication;
  /** turns that reached the bot logic */
  turns: TurnContext['activity'][];
  logLines: Record<string, unknown>[];
  log: Logger;
  close(): Promise<void>;
}

export interface GuardedServerOptions {
  jwks: FakeJwks;
  allowedTenantIds?: string[];
  allowedChannelIds?: string[];
  /** true: the serviceUrl policy also allows loopback (our fake connectors) */
  allowLoopbackServiceUrls?: boolean;
  authTimeoutMs?: number;
  /** anonymous (no MicrosoftAppId) instead of credentialed */
  anonymous?: boolean;
  /** after the gate, in order (dedupe, rate limit …) */
  middleware?: Middleware[];
  decorateConnectorClient?: ConnectorClientDecorator;
  /** replaces the echo bot */
  logic?: (ctx: TurnContext) => Promise<void>;
}

export function captureLogger(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines };
}

export async function startGuardedServer(o: GuardedServerOptions): Promise<GuardedServer> {
  const { log, lines } = captureLogger();
  const settings = o.anonymous ? {} : o.jwks.authSettings(APP_ID);
  const inner = new ConfigurationBotFrameworkAuthentication(settings, o.anonymous ? undefined : fakeOutboundCredentials(APP_ID));
  const policy = new ServiceUrlPolicy({ allowLoopback: o.allowLoopbackServiceUrls ?? true });
  const auth = new PolicyEnforcingBotFrameworkAuthentication(inner, policy, o.decorateConnectorClient);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = (_ctx, err) => {
    log.error({ event: 'on-turn-error', err: err.name }, 'turn error');
    return Promise.reject(err);
  };
  adapter.use(new ActivityGate({ log, allowedTenantIds: o.allowedTenantIds, allowedChannelIds: o.allowedChannelIds }));
  for (const m of o.middleware ?? []) adapter.use(m);
  const guard = new AuthGuard({
    adapter,
    auth,
    log,
    serviceUrlPolicy: policy,
    authTimeoutMs: o.authTimeoutMs ?? 3000,
    allowedChannelIds: o.allowedChannelIds,
    retryAfterSeconds: 7,
  });
  const turns: TurnContext['activity'][] = [];
  const echo = async (ctx: TurnContext) => {
    if (ctx.activity.type === 'message') await ctx.sendActivity(`echo: ${ctx.activity.text ?? ''}`);
    if (ctx.activity.type === 'invoke') await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { ok: true } } });
  };
  const logic = async (ctx: TurnContext) => {
    turns.push(ctx.activity);
    await (o.logic ?? echo)(ctx);
  };

  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser({ maxBodySize: 256 * 1024 } as restify.plugins.JsonBodyParserOptions));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await guard.process(req, res, logic);
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address: AddressInfo = server.address();
  const port = address.port;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    adapter,
    auth,
    turns,
    logLines: lines,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

let seq = 0;
/** A Teams message activity as the connector posts it. */
export function teamsMessage(serviceUrl: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    type: 'message',
    id: `act-${seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', aadObjectId: 'aad-user-1', name: 'User One' },
    conversation: { id: 'a:1on1-conversation', conversationType: 'personal', tenantId: 'tenant-a' },
    recipient: { id: `28:${APP_ID}`, name: 'bot' },
    channelData: { tenant: { id: 'tenant-a' } },
    locale: 'en-US',
    text: 'hello',
    ...over,
  };
}

export async function post(url: string, body: unknown, authorization?: string): Promise<{ status: number; text: string; headers: Headers; ms: number }> {
  const started = Date.now();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, ms: Date.now() - started };
}
