// SIGTERM (App Service / Container Apps scale-in, deployments) without losing work:
//   1. draining: /readyz answers 503 so the load balancer stops sending new traffic, while the
//      listener stays open for `preStopDelayMs` (requests still arriving are served);
//   2. the listener closes (new connections refused); in-flight requests finish — their
//      keep-alive connections are closed after the response;
//   3. the hooks run in order (stop the job runner, flush the outbox, close the worker pool,
//      close the database…);
//   4. exit 0 — or exit 1 if the whole sequence overran `deadlineMs` (the platform would
//      SIGKILL soon anyway; durable queues pick the work up at the next start).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface ShutdownHook {
  name: string;
  run: () => Promise<void> | void;
}

export interface GracefulShutdownOptions {
  server: Server;
  log: Logger;
  /** total budget from the signal to exit (default 25 000 ms; Container Apps grants 30 s) */
  deadlineMs?: number;
  /** how long /readyz says 503 before the listener closes (default 2000 ms) */
  preStopDelayMs?: number;
  /** default process.exit */
  exit?: (code: number) => void;
}

export class GracefulShutdown {
  private readonly hooks: ShutdownHook[] = [];
  private readonly active = new Set<ServerResponse>();
  private idleWaiters: (() => void)[] = [];
  private started: Promise<void> | undefined;
  private _draining = false;

  constructor(private readonly options: GracefulShutdownOptions) {
    options.server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.active.add(res);
      // once draining, no connection is kept alive for another request
      if (this._draining) res.setHeader('connection', 'close');
      res.once('close', () => {
        this.active.delete(res);
        if (this.active.size === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const w of waiters) w();
        }
      });
    });
  }

  get draining(): boolean {
    return this._draining;
  }

  /** Requests being served right now. */
  get activeRequests(): number {
    return this.active.size;
  }

  private get inFlight(): number {
    return this.active.size;
  }

  /** Hooks run in the order they were added. */
  addHook(name: string, run: ShutdownHook['run']): this {
    this.hooks.push({ name, run });
    return this;
  }

  /** For GET /readyz: 200 while serving, 503 once draining (plus whatever else the app checks). */
  readiness(): { status: 200 | 503; body: { ready: boolean; draining: boolean } } {
    return this._draining ? { status: 503, body: { ready: false, draining: true } } : { status: 200, body: { ready: true, draining: false } };
  }

  /** process.on(SIGTERM/SIGINT) → shutdown; a second signal exits at once with 1. */
  installSignalHandlers(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
    for (const signal of signals) {
      process.on(signal, () => {
        if (this.started) {
          this.options.log.warn({ event: 'shutdown-forced', signal }, 'second signal: exiting now');
          (this.options.exit ?? process.exit)(1);
          return;
        }
        void this.shutdown(signal);
      });
    }
  }

  shutdown(reason: string): Promise<void> {
    this.started ??= this.run(reason);
    return this.started;
  }

  private async run(reason: string): Promise<void> {
    const { log, server } = this.options;
    const exit = this.options.exit ?? ((code: number) => process.exit(code));
    const deadlineMs = this.options.deadlineMs ?? 25_000;
    const t0 = Date.now();
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      log.error({ event: 'shutdown-deadline', ms: Date.now() - t0, inFlight: this.inFlight }, 'shutdown overran its deadline; exiting');
      exit(1);
    }, deadlineMs); // kept referenced: a hook waiting on nothing must not let the process end "cleanly"

    this._draining = true;
    log.info({ event: 'shutdown-start', reason, inFlight: this.inFlight }, 'draining: /readyz now 503');
    const preStop = this.options.preStopDelayMs ?? 2000;
    if (preStop > 0) await new Promise((r) => setTimeout(r, preStop));

    // stop accepting; idle keep-alive sockets are closed now, busy ones after their response
    for (const res of this.active) if (!res.headersSent) res.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    server.closeIdleConnections();
    await closed;
    log.info({ event: 'shutdown-http-drained', ms: Date.now() - t0 }, 'no request in flight; listener closed');

    let failed = false;
    for (const hook of this.hooks) {
      if (timedOut) return;
      const started = Date.now();
      try {
        await hook.run();
        log.info({ event: 'shutdown-hook', hook: hook.name, ms: Date.now() - started }, 'shutdown step done');
      } catch (err) {
        failed = true;
        log.error({ event: 'shutdown-hook-failed', hook: hook.name, err: (err as Error).name }, 'shutdown step failed');
      }
    }
    if (timedOut) return;
    clearTimeout(deadline);
    log.info({ event: 'shutdown-done', ms: Date.now() - t0, failed }, 'shutdown complete');
    exit(failed ? 1 : 0);
  }
}
