// The /api/messages entry: authenticates, then runs the turn. It replaces `adapter.process`
// because botbuilder 4.23.3's process answers some bad tokens (wrong key, alg:none, audience)
// with HTTP 500 and the library's error text, prints them with console.error, and waits for the
// OpenID metadata endpoint without a timeout. Here authentication runs first, with a deadline,
// through the same BotFrameworkAuthentication the adapter uses; its result is handed to the
// adapter so the token is not validated twice. Every refusal has a generic body and a
// correlation id that is also in the log line.
import { randomUUID } from 'node:crypto';
import type { Activity, CloudAdapter, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from 'pino';
import { LogSampler } from './log-sampler';
import { ServiceUrlRefusedError, type ServiceUrlPolicy } from './service-url-policy';

/** The parts of a restify (or express) request/response the guard uses. */
export interface GuardRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}
export interface GuardResponse {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
  headersSent?: boolean;
}

export type TurnLogic = (context: TurnContext) => Promise<void>;

export interface AuthGuardOptions {
  adapter: CloudAdapter;
  /** the very instance passed to `new CloudAdapter(auth)` */
  auth: BotFrameworkAuthentication;
  log: Logger;
  /** default ['msteams'] */
  allowedChannelIds?: readonly string[];
  /** checked after authentication; a refused serviceUrl never runs the turn */
  serviceUrlPolicy?: ServiceUrlPolicy;
  /** longest wait for token validation incl. OpenID metadata fetch (default 5000 ms) */
  authTimeoutMs?: number;
  /** Retry-After on 503 (default 10 s) */
  retryAfterSeconds?: number;
  newCorrelationId?: () => string;
  /** refusal log lines per kind and window (A13); default 20 per 10 s */
  logSampler?: LogSampler;
}

export type AuthOutcome = 'unauthorized' | 'unavailable';

/** Thrown when authentication did not finish in time. */
export class AuthTimeoutError extends Error {
  override readonly name = 'AuthTimeoutError';
  constructor(ms: number) {
    super(`authentication did not finish within ${ms} ms`);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Sorts an error from `authenticateRequest` into "the caller is not authenticated" (401) or
 * "we could not check" (503: metadata endpoint down/slow/garbled). Unknown errors fail closed as 401.
 */
export function classifyAuthError(err: unknown): AuthOutcome {
  if (err instanceof AuthTimeoutError) return 'unavailable';
  const e = err as { name?: unknown; code?: unknown; statusCode?: unknown; type?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return 'unauthorized';
  const name = typeof e.name === 'string' ? e.name : '';
  if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError') return 'unauthorized';
  // botframework-connector's AuthenticationError: 401 for token problems, 500 for "Failed to load openID config/Keys"
  if (typeof e.statusCode === 'number') return e.statusCode >= 500 ? 'unavailable' : 'unauthorized';
  if (name === 'FetchError' || name === 'AbortError') return 'unavailable'; // node-fetch, used for metadata
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return 'unavailable';
  if (name === 'SyntaxError') return 'unavailable'; // metadata endpoint returned non-JSON
  return 'unauthorized';
}

/** Same normalisation as botbuilder's validateAndFixActivity (timestamps → Date), without throwing. */
function toActivity(body: Record<string, unknown>): Activity {
  const a = body;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field]);
    }
  }
  return a as unknown as Activity;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function headerValue(h: string | string[] | undefined): string {
  return Array.isArray(h) ? (h[0] ?? '') : (h ?? '');
}

/** `processActivity` is protected in the typings but is the adapter's documented pipeline entry. */
interface ProcessingAdapter {
  processActivity(auth: AuthenticateRequestResult, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined>;
}

export class AuthGuard {
  private readonly allowedChannels: ReadonlySet<string>;
  private readonly authTimeoutMs: number;
  private readonly retryAfter: string;
  private readonly newId: () => string;
  private readonly sampler: LogSampler;

  constructor(private readonly options: AuthGuardOptions) {
    this.sampler = options.logSampler ?? new LogSampler();
    this.allowedChannels = new Set(options.allowedChannelIds ?? ['msteams']);
    this.authTimeoutMs = options.authTimeoutMs ?? 5000;
    this.retryAfter = String(options.retryAfterSeconds ?? 10);
    this.newId = options.newCorrelationId ?? randomUUID;
  }

  /** restify: `server.post('/api/messages', (req, res) => guard.process(req, res, (ctx) => bot.run(ctx)))` */
  async process(req: GuardRequest, res: GuardResponse, logic: TurnLogic): Promise<void> {
    const correlationId = this.newId();
    const log = this.options.log.child({ correlationId });
    // refusals are sampled: a flood of bad requests must not become a flood of log lines
    const refusal = (level: 'info' | 'warn', fields: { event: string } & Record<string, unknown>, msg: string) => {
      const kind = `${fields.event}:${typeof fields.reason === 'string' ? fields.reason : ''}`;
      const s = this.sampler.admit(kind);
      if (!s.log) return;
      log[level](s.suppressed > 0 ? { ...fields, suppressedSinceLast: s.suppressed } : fields, msg);
    };
    const reply = (status: number, error: string, extraHeaders: Record<string, string> = {}) => {
      if (res.headersSent) return;
      res.header('x-correlation-id', correlationId);
      for (const [k, v] of Object.entries(extraHeaders)) res.header(k, v);
      res.status(status);
      res.send({ error, correlationId });
    };

    if ((req.method ?? 'POST').toUpperCase() !== 'POST') return reply(405, 'method not allowed');
    const body = req.body;
    if (!isPlainObject(body) || typeof body.type !== 'string' || body.type === '') {
      refusal('info', { event: 'inbound-refused', reason: 'malformed-activity' }, 'activity refused');
      return reply(400, 'bad request');
    }
    if (body.type === 'event' && body.name === 'ContinueConversation') {
      // only ever made locally for proactive sends; the gate trusts it, so it must not come in
      refusal('warn', { event: 'inbound-refused', reason: 'continuation-event' }, 'activity refused');
      return reply(400, 'bad request');
    }
    const channelId = typeof body.channelId === 'string' ? body.channelId : '';
    if (!this.allowedChannels.has(channelId)) {
      refusal('info', { event: 'inbound-refused', reason: 'channel', channelId: channelId.slice(0, 32) }, 'activity refused');
      return reply(401, 'unauthorized');
    }
    if (typeof body.serviceUrl !== 'string' || body.serviceUrl === '') {
      refusal('info', { event: 'inbound-refused', reason: 'no-service-url' }, 'activity refused');
      return reply(400, 'bad request');
    }
    const activity = toActivity(body);
    const authHeader = headerValue(req.headers.authorization ?? req.headers.Authorization);

    let authResult: AuthenticateRequestResult;
    const started = Date.now();
    try {
      authResult = await this.authenticate(activity, authHeader);
    } catch (err) {
      const outcome = classifyAuthError(err);
      const errName = (err as Error | undefined)?.name ?? 'Error';
      if (outcome === 'unavailable') {
        refusal('warn', { event: 'auth-unavailable', err: errName, ms: Date.now() - started }, 'could not validate the token');
        return reply(503, 'service unavailable', { 'retry-after': this.retryAfter });
      }
      refusal('info', { event: 'auth-failed', err: errName, ms: Date.now() - started }, 'authentication failed');
      return reply(401, 'unauthorized');
    }

    if (this.options.serviceUrlPolicy) {
      try {
        this.options.serviceUrlPolicy.check(activity.serviceUrl);
      } catch (err) {
        const msg = err instanceof ServiceUrlRefusedError ? err.logMessage : 'serviceUrl refused';
        refusal('warn', { event: 'inbound-refused', reason: 'service-url', detail: msg }, 'activity refused');
        return reply(403, 'forbidden');
      }
    }

    try {
      const invokeResponse = await (this.options.adapter as unknown as ProcessingAdapter).processActivity(authResult, activity, logic);
      if (res.headersSent) return;
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.body);
      else res.end();
    } catch (err) {
      const e = err as Error | undefined;
      log.error({ event: 'turn-failed', err: e?.name ?? 'Error', message: e?.message?.slice(0, 300) }, 'turn failed');
      reply(500, 'internal error');
    }
  }

  private authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let timer: NodeJS.Timeout | undefined;
    const auth = this.options.auth.authenticateRequest(activity, authHeader);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AuthTimeoutError(this.authTimeoutMs)), this.authTimeoutMs);
    });
    // the abandoned validation may still reject later: keep that from becoming an unhandled rejection
    auth.catch(() => undefined);
    return Promise.race([auth, timeout]).finally(() => clearTimeout(timer));
  }
}

/**
 * botframework-connector prints every rejected token with console.error ("Error finding key for
 * token. Available keys: …", TokenExpiredError stacks): with a flood of bad tokens that is a log
 * flood (A13). This filter drops those two known lines and reports how many were dropped, at most
 * once a minute. Everything else passes through untouched. Call once at startup; returns an undo.
 */
export function muteLibraryAuthNoise(log: Logger, intervalMs = 60_000): () => void {
  const original = console.error;
  let dropped = 0;
  let lastReport = 0;
  console.error = (...args: unknown[]) => {
    const first = args[0];
    const isNoise =
      (typeof first === 'string' && first.startsWith('Error finding key for token')) ||
      (first instanceof Error && (first.name === 'TokenExpiredError' || first.name === 'JsonWebTokenError'));
    if (!isNoise) {
      original.apply(console, args);
      return;
    }
    dropped++;
    const now = Date.now();
    if (now - lastReport >= intervalMs) {
      log.warn({ event: 'auth-noise-suppressed', count: dropped }, 'botbuilder auth error lines suppressed');
      dropped = 0;
      lastReport = now;
    }
  };
  return () => {
    console.error = original;
  };
}
