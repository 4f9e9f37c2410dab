// restify wiring only: POST /api/messages → the adapter (JSON body parser with a size limit, no
// other parser), GET /healthz. Does not listen: the composition root decides where.
import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

export const MAX_BODY_BYTES = 256 * 1024;

export type TurnLogic = (context: TurnContext) => Promise<void>;
export interface Readiness {
  status: number;
  body: unknown;
}
/** adapter.process, or the security layer's authenticating replacement */
export type ProcessRequest = (req: restify.Request, res: restify.Response, logic: TurnLogic) => Promise<void>;

export interface ServerOptions {
  process: ProcessRequest;
  logic: TurnLogic;
  log: Logger;
  /** extra facts for /healthz (job queue depth, mode) */
  health?: () => Record<string, unknown>;
  /** /readyz: 503 while draining for shutdown or with an old outbox backlog; default 200 */
  readiness?: () => Readiness | Promise<Readiness>;
}

export function createServer(options: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'nwcheck-bot', handleUncaughtExceptions: false });
  const bodyParser = restify.plugins.jsonBodyParser({ maxBodySize: MAX_BODY_BYTES } as restify.plugins.JsonBodyParserOptions);

  // restify's own errors (bad JSON, body over the limit) would echo parser messages: generic bodies
  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { toJSON?: () => unknown; statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const error = status === 413 ? 'payload too large' : status < 500 ? 'bad request' : 'internal error';
    err.toJSON = () => ({ error });
    callback();
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', ...(options.health ? options.health() : {}) });
    next();
  });

  // liveness (/healthz) stays 200 during a drain; readiness turns 503
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    try {
      const r = options.readiness ? await options.readiness() : { status: 200, body: { ready: true } };
      res.send(r.status, r.body);
    } catch (err) {
      options.log.warn({ event: 'readiness-failed', errName: (err as Error).name }, 'readiness check failed');
      res.send(503, { ready: false });
    }
  });

  server.post('/api/messages', bodyParser, async (req: restify.Request, res: restify.Response) => {
    const started = Date.now();
    try {
      await options.process(req, res, options.logic);
    } catch (err) {
      const correlationId = randomUUID();
      options.log.error({ event: 'request-error', correlationId, err: { name: (err as Error).name, stack: (err as Error).stack } }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error', correlationId });
    } finally {
      options.log.debug({ event: 'request', status: res.statusCode, ms: Date.now() - started }, 'POST /api/messages');
    }
  });
  return server;
}
