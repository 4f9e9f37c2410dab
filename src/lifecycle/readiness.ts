// GET /readyz: may the load balancer send this instance traffic?
// - draining for shutdown → 503 (GracefulShutdown.readiness());
// - the escalation outbox has a delivery waiting longer than `maxOldestPendingMs` (5 min, R4:
//   the Bot Connector has been refusing us for minutes) → 503, so the platform notices;
// - the outbox status cannot be read (storage outage, slow store) → still ready, saying
//   `outbox: "unknown"`: analyses keep working without storage (R11), and every instance going
//   not-ready at once over a shared-store outage would turn a degraded bot into no bot.
// The status is read at most once per `cacheMs` (probes from several sources share one read)
// and never makes the probe wait longer than `timeoutMs`.

export interface ReadinessAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface OutboxStatus {
  pendingEscalations: number;
  pendingDeliveries: number;
  oldestPendingMs?: number;
  deadLetters: number;
}

export interface ReadinessOptions {
  /** the shutdown's answer (503 while draining); default always ready */
  base?: () => { status: number; body: unknown };
  /** the escalation outbox status (`escalation.status()`) */
  outbox?: () => Promise<OutboxStatus>;
  /** default 5 minutes */
  maxOldestPendingMs?: number;
  /** default 2 s */
  timeoutMs?: number;
  /** default 5 s */
  cacheMs?: number;
  now?: () => number;
}

export const MAX_OLDEST_PENDING_MS = 5 * 60_000;

type Read = { ok: true; status: OutboxStatus } | { ok: false; reason: 'error' | 'timeout' };

export function createReadiness(options: ReadinessOptions): () => Promise<ReadinessAnswer> {
  const maxOldest = options.maxOldestPendingMs ?? MAX_OLDEST_PENDING_MS;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const cacheMs = options.cacheMs ?? 5_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; read: Read } | undefined;
  let inFlight: Promise<Read> | undefined;

  const readOutbox = (outbox: () => Promise<OutboxStatus>): Promise<Read> => {
    const at = now();
    if (cached && at - cached.at < cacheMs) return Promise.resolve(cached.read);
    inFlight ??= new Promise<Read>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), timeoutMs);
      timer.unref();
      outbox().then(
        (status) => {
          clearTimeout(timer);
          resolve({ ok: true, status });
        },
        () => {
          clearTimeout(timer);
          resolve({ ok: false, reason: 'error' });
        },
      );
    }).then((read) => {
      cached = { at: now(), read };
      inFlight = undefined;
      return read;
    });
    return inFlight;
  };

  return async () => {
    const base = options.base?.() ?? { status: 200, body: { ready: true, draining: false } };
    const baseBody = typeof base.body === 'object' && base.body !== null ? (base.body as Record<string, unknown>) : {};
    if (base.status !== 200 || !options.outbox) return { status: base.status, body: { ...baseBody } };
    const read = await readOutbox(options.outbox);
    if (!read.ok) return { status: 200, body: { ...baseBody, outbox: 'unknown' } };
    const { pendingDeliveries, deadLetters, oldestPendingMs } = read.status;
    const outbox = { pendingDeliveries, deadLetters, ...(oldestPendingMs !== undefined ? { oldestPendingMs } : {}) };
    if ((oldestPendingMs ?? 0) > maxOldest) {
      return { status: 503, body: { ...baseBody, ready: false, reason: 'outbox-backlog', outbox } };
    }
    return { status: 200, body: { ...baseBody, outbox } };
  };
}
