// Runs the outbox: finds escalations with deliveries due, leases one item at a time (a
// compare-and-swap on the record, so two workers never send the same item together), sends it,
// and records the outcome: delivered (with what the send produced), retried later (backoff with
// jitter, Retry-After honoured and capped), or dead-lettered after maxAttempts or a permanent
// failure. Drained at start, after each accepted change (kick) and on a timer, so a process
// killed between accepting and delivering delivers after restart.
import { enqueueDeliveries } from './escalation-transitions';
import { nextDueAt, type EscalationRecord, type OutboxItem } from './escalation';
import type { EscalationLogger } from './escalation-logger';
import type { EscalationStore } from './escalation-store';
import { DeliveryFailure, classifyDeliveryError } from './delivery-failure';
import { retryDelay, type RetryPolicy } from './retry-policy';

export interface DeliveryResult {
  result?: OutboxItem['result'];
}

/** Performs one delivery; throws (ideally a DeliveryFailure) when it did not happen. */
export interface DeliveryExecutor {
  deliver(record: EscalationRecord, item: OutboxItem): Promise<DeliveryResult>;
}

export interface DrainerOptions {
  policy: RetryPolicy;
  /** how long a worker owns an item it is sending (longer than the slowest single send) */
  leaseMs: number;
  /** longest sleep between passes */
  intervalMs: number;
  /** shortest sleep between passes, so a burst of due items cannot spin the loop */
  minIntervalMs: number;
  /** an index entry whose record never appeared is dropped after this long */
  missingGraceMs: number;
  now?: () => number;
  random?: () => number;
  logger: EscalationLogger;
  /** called after an item is dead-lettered (metrics, alerting) */
  onDeadLetter?: (record: EscalationRecord, item: OutboxItem) => void;
}

export interface DrainPass {
  delivered: number;
  retried: number;
  dead: number;
  /** ms until the next escalation is due (capped to the interval) */
  nextInMs: number;
}

type Outcome = { ok: true; result: DeliveryResult } | { ok: false; failure: DeliveryFailure };

const MAX_STEPS_PER_RECORD = 64;

export class OutboxDrainer {
  private readonly now: () => number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DrainPass> | undefined;
  private again = false;
  /** the timer is off (before start, after stop) */
  private stopped = true;
  /** stop() was called: a pass in progress ends after the current escalation */
  private halting = false;

  constructor(
    private readonly store: EscalationStore,
    private readonly executor: DeliveryExecutor,
    private readonly options: DrainerOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Drains now, then keeps draining on the timer until stop(). */
  start(): void {
    this.stopped = false;
    this.halting = false;
    this.schedule(0);
  }

  /** Stops the timer and waits for a pass in progress. Pending items stay in storage. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Something was just enqueued: drain soon instead of waiting for the timer. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** One drain pass (joins a pass already running, and makes it go round once more). */
  drainOnce(): Promise<DrainPass> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = (async () => {
      try {
        let pass: DrainPass;
        do {
          this.again = false;
          pass = await this.pass();
        } while (this.again && !this.halting);
        return pass;
      } finally {
        this.running = undefined;
      }
    })();
    this.running = run;
    return run;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.onTimer(), delayMs);
    this.timer.unref();
  }

  private async onTimer(): Promise<void> {
    this.timer = undefined;
    let next = this.options.intervalMs;
    try {
      next = (await this.drainOnce()).nextInMs;
    } catch (err) {
      this.options.logger.error({ err }, 'escalation outbox: drain pass failed; retrying on the next tick');
    }
    if (!this.stopped && this.timer === undefined) this.schedule(next);
  }

  private async pass(): Promise<DrainPass> {
    const stats: DrainPass = { delivered: 0, retried: 0, dead: 0, nextInMs: this.options.intervalMs };
    const index = await this.store.readOutboxIndex();
    const now = this.now();
    const due = Object.entries(index.due)
      .filter(([, at]) => at <= now)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
    for (const id of due) {
      if (this.halting) break;
      try {
        await this.processRecord(id, stats);
      } catch (err) {
        // one broken record must not stop the others; it stays in the index and is retried
        this.options.logger.error({ err, escalationId: id }, 'escalation outbox: could not process escalation');
      }
    }
    const after = await this.store.readOutboxIndex();
    const times = Object.values(after.due);
    if (times.length > 0) {
      const wait = Math.min(...times) - this.now();
      stats.nextInMs = Math.min(this.options.intervalMs, Math.max(this.options.minIntervalMs, wait));
    }
    return stats;
  }

  private async processRecord(id: string, stats: DrainPass): Promise<void> {
    for (let step = 0; step < MAX_STEPS_PER_RECORD; step++) {
      const now = this.now();
      const record = await this.store.get(id);
      if (!record) {
        const since = (await this.store.readOutboxIndex()).due[id];
        if (since === undefined || now - since > this.options.missingGraceMs) await this.store.settleDue(id, undefined);
        return;
      }
      const item = record.outbox.find((it) => isRunnable(it, now));
      if (!item) {
        const next = nextDueAt(record);
        await this.store.settleDue(id, next);
        if (next === undefined) {
          // a change may have landed after our read while its markDue found our entry still there
          // (a no-op); we just dropped that entry, so look again (the service re-marks after its
          // update too: between the two, no change is left without an index entry)
          const again = await this.store.get(id);
          const due = again ? nextDueAt(again) : undefined;
          if (due !== undefined) await this.store.markDue(id, due);
        }
        return;
      }
      if (item.attempts >= this.options.policy.maxAttempts) {
        await this.finish(id, item.id, { ok: false, failure: new DeliveryFailure(item.lastError ?? 'attempts exhausted', { retryable: false }) }, stats);
        continue;
      }
      const blocked = blockedBy(record, item);
      if (blocked !== undefined) {
        await this.store.update(id, (r) =>
          patchItem(r, item.id, (it) =>
            blocked === 'dead'
              ? { ...it, state: 'dead', lastError: 'the engineers\u2019 thread was never posted', doneAt: new Date(now).toISOString() }
              : { ...it, nextAttemptAt: Math.max(now + 1, blocked) },
          ),
        );
        continue;
      }
      if (item.kind === 'post-thread' && record.engineerThread) {
        // already posted (an earlier attempt succeeded): never post a second thread
        await this.finish(id, item.id, { ok: true, result: { result: { ...record.engineerThread } } }, stats);
        continue;
      }
      const leased = await this.store.update(id, (r) =>
        patchItem(r, item.id, (it) =>
          isRunnable(it, now) ? { ...it, attempts: it.attempts + 1, leaseUntil: now + this.options.leaseMs } : undefined,
        ),
      );
      const leasedItem = leased?.changed ? leased.record.outbox.find((it) => it.id === item.id) : undefined;
      if (!leased || !leasedItem) continue;
      let outcome: Outcome;
      try {
        outcome = { ok: true, result: await this.executor.deliver(leased.record, leasedItem) };
      } catch (err) {
        outcome = { ok: false, failure: classifyDeliveryError(err, this.now(), item.kind) };
      }
      await this.finish(id, item.id, outcome, stats);
    }
  }

  private async finish(id: string, itemId: string, outcome: Outcome, stats: DrainPass): Promise<void> {
    const at = this.now();
    let deadItem: OutboxItem | undefined;
    let retryIn: number | undefined;
    const updated = await this.store.update(id, (r) => {
      deadItem = undefined;
      retryIn = undefined;
      return patchRecord(r, itemId, (record, it) => {
        const base: OutboxItem = { ...it };
        delete base.leaseUntil;
        if (outcome.ok) {
          const done: OutboxItem = { ...base, state: 'delivered', doneAt: new Date(at).toISOString() };
          delete done.lastError;
          if (outcome.result.result) done.result = outcome.result.result;
          let next = record;
          if (it.kind === 'post-thread' && done.result?.activityId && done.result.conversationId) {
            next = { ...next, engineerThread: { conversationId: done.result.conversationId, activityId: done.result.activityId } };
          }
          return { record: next, item: done };
        }
        const failure = outcome.failure;
        if (failure.retryable && it.attempts < this.options.policy.maxAttempts) {
          retryIn = retryDelay(it.attempts, failure.retryAfterMs, this.options.policy, this.random);
          return { record, item: { ...base, lastError: failure.reason, nextAttemptAt: at + retryIn } };
        }
        const dead: OutboxItem = { ...base, state: 'dead', lastError: failure.reason, doneAt: new Date(at).toISOString() };
        deadItem = dead;
        let next = record;
        if (it.kind === 'post-thread') {
          // tell the requester their escalation did not reach the engineers (their card says so)
          next = enqueueDeliveries({ ...next, postFailed: failure.reason }, it.seq, ['update-requester-card'], at);
        }
        return { record: next, item: dead };
      });
    });
    if (!updated?.changed) return;
    const record = updated.record;
    if (outcome.ok) {
      stats.delivered++;
      this.options.logger.info({ escalationId: id, item: itemId }, 'escalation outbox: delivered');
    } else if (deadItem) {
      stats.dead++;
      const item = deadItem;
      this.options.logger.error(
        { escalationId: id, item: itemId, kind: item.kind, attempts: item.attempts, reason: item.lastError },
        'escalation outbox: delivery dead-lettered',
      );
      await this.store.addDeadLetter({
        escalationId: id,
        itemId,
        kind: item.kind,
        reason: item.lastError ?? 'unknown',
        attempts: item.attempts,
        at: new Date(at).toISOString(),
      });
      this.options.onDeadLetter?.(record, item);
    } else {
      stats.retried++;
      this.options.logger.warn(
        { escalationId: id, item: itemId, reason: outcome.failure.reason, status: outcome.failure.status, retryInMs: retryIn },
        'escalation outbox: delivery failed; will retry',
      );
    }
  }
}

function isRunnable(item: OutboxItem, now: number): boolean {
  return item.state === 'pending' && item.nextAttemptAt <= now && !((item.leaseUntil ?? 0) > now);
}

/**
 * A card update for the engineers' thread needs the thread: wait for the post (returns when to
 * look again), or give up with it when the post was dead-lettered.
 */
function blockedBy(record: EscalationRecord, item: OutboxItem): number | 'dead' | undefined {
  if (item.kind !== 'update-engineer-card' || record.engineerThread) return undefined;
  const post = record.outbox.find((it) => it.kind === 'post-thread');
  if (!post || post.state === 'dead') return 'dead';
  if (post.state === 'delivered') return undefined;
  return Math.max(post.nextAttemptAt, post.leaseUntil ?? 0);
}

function patchItem(record: EscalationRecord, itemId: string, fn: (item: OutboxItem) => OutboxItem | undefined): EscalationRecord | undefined {
  return patchRecord(record, itemId, (r, it) => {
    const item = fn(it);
    return item === undefined ? undefined : { record: r, item };
  });
}

function patchRecord(
  record: EscalationRecord,
  itemId: string,
  fn: (record: EscalationRecord, item: OutboxItem) => { record: EscalationRecord; item: OutboxItem } | undefined,
): EscalationRecord | undefined {
  const current = record.outbox.find((it) => it.id === itemId);
  if (!current || current.state !== 'pending') return undefined;
  const change = fn(record, current);
  if (!change) return undefined;
  return { ...change.record, outbox: change.record.outbox.map((it) => (it.id === itemId ? change.item : it)) };
}
