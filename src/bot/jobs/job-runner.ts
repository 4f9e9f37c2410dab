// Runs queued jobs in the background, a few at a time, after the HTTP turn was acknowledged.
// The SQLite jobs table is the source of truth: this class only schedules. A failed delivery is
// retried with backoff; a job that keeps failing (or crashed the process MAX_ATTEMPTS times)
// ends with a "temporary problem" card instead of looping.
//
// Several instances: the same activity can be accepted by two of them (Teams' retry landing on
// another instance, or a copy let through because the first holder may have crashed — see
// dedupe-middleware.ts). The job is written first; before it runs, it takes a create-only claim
// in the shared storage (`dedupe/job/<id>`, owner = the accepting turn's request id). The first
// claim wins; a job whose claim belongs to another turn is dropped silently. A job resumed after
// a crash finds its own claim and runs. If the storage fails, the job runs (at-least-once).
import { createHash } from 'node:crypto';
import type { JobRecord, SqliteJobStore } from '../../storage/sqlite-job-store';
import type { JobPayload } from './job-payload';
import { runJob, temporaryProblemMessage, type JobDeps, type JobRunStats } from './run-job';
import type { TurnReply } from './turn-reply';

export interface JobRunnerOptions {
  concurrency: number;
  maxAttempts: number;
  /** delay before retry number `attempt` (1-based) */
  retryDelayMs: (attempt: number) => number;
  /**
   * Take the cross-instance claim before a job runs (default true). Off only when the storage is
   * this instance's own SQLite file: no other instance can see that claim, and the job row
   * (keyed by the activity) already makes the job single here.
   */
  claimAcrossInstances?: boolean;
}

/** Key of the cross-instance claim of a job (same id on every instance: see jobIdFor). */
export function jobClaimKey(jobId: string): string {
  return `dedupe/job/${jobId}`;
}

const JOB_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_JOB_RUNNER_OPTIONS: JobRunnerOptions = {
  concurrency: 3,
  maxAttempts: 3,
  retryDelayMs: (attempt) => Math.min(60_000, 2_000 * 2 ** (attempt - 1)),
};

/** Job id for an activity: the same activity (a Teams redelivery) always maps to the same job. */
export function jobIdFor(conversationId: string, activityId: string, kind: string): string {
  return createHash('sha256').update(`${kind}\u0000${conversationId}\u0000${activityId}`).digest('base64url').slice(0, 32);
}

export class JobRunner {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  /** jobs whose accepting turn is still waiting: their answers go out through it */
  private readonly turnReplies = new Map<string, TurnReply>();
  private readonly runningIds = new Set<string>();
  /** jobs submitted here and not started yet: their first run needs no read back from the table */
  private readonly fresh = new Map<string, JobRecord<JobPayload>>();
  private readonly settleWaiters = new Map<string, (() => void)[]>();
  private running = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: SqliteJobStore<JobPayload>,
    private readonly deps: JobDeps,
    private readonly options: JobRunnerOptions = DEFAULT_JOB_RUNNER_OPTIONS,
  ) {}

  /**
   * Persists the job and schedules it. false: a job for this activity exists (redelivery).
   * With `turn`, the job answers through that turn for as long as it is open (see turn-reply.ts);
   * the caller removes it with `detachTurn` when the turn stops waiting.
   */
  submit(id: string, payload: JobPayload, turn?: TurnReply): boolean {
    if (!this.store.enqueue(id, payload)) return false;
    const at = new Date();
    if (!this.stopped) this.fresh.set(id, { id, state: 'pending', createdAt: at, updatedAt: at, attempts: 0, progress: 0, payload });
    if (turn) this.turnReplies.set(id, turn);
    this.schedule(id);
    return true;
  }

  detachTurn(id: string): void {
    this.turnReplies.delete(id);
  }

  /** Resolves when job `id` is neither queued nor running here (its current run has ended). */
  whenSettled(id: string): Promise<void> {
    if (!this.queued.has(id) && !this.runningIds.has(id)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.settleWaiters.get(id);
      if (waiters) waiters.push(resolve);
      else this.settleWaiters.set(id, [resolve]);
    });
  }

  /** Schedules every job left pending by an earlier process. */
  resumePending(): number {
    const pending = this.store.pending();
    for (const job of pending) this.schedule(job.id);
    return pending.length;
  }

  /** Resolves when nothing is queued, running or waiting for a retry (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops scheduling; waits up to `timeoutMs` for running jobs. Pending ones stay in the table. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.queue.length = 0;
    for (const id of this.queued) this.settle(id);
    this.queued.clear();
    this.fresh.clear();
    if (this.running === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    if (timer) clearTimeout(timer);
  }

  private isIdle(): boolean {
    return this.running === 0 && this.queue.length === 0 && this.retryTimers.size === 0;
  }

  private schedule(id: string): void {
    if (this.stopped || this.queued.has(id)) return;
    this.queued.add(id);
    this.queue.push(id);
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.running < this.options.concurrency && this.queue.length > 0) {
      const id = this.queue.shift()!;
      this.queued.delete(id);
      this.running++;
      this.runningIds.add(id);
      void this.execute(id).finally(() => {
        this.running--;
        this.runningIds.delete(id);
        this.settle(id);
        this.pump();
        if (this.isIdle()) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const w of waiters) w();
        }
      });
    }
  }

  private settle(id: string): void {
    const waiters = this.settleWaiters.get(id);
    if (!waiters) return;
    this.settleWaiters.delete(id);
    for (const w of waiters) w();
  }

  private async execute(id: string): Promise<void> {
    const job = this.fresh.get(id) ?? this.store.get(id);
    this.fresh.delete(id);
    if (!job || job.state !== 'pending' || job.payload === null) return;
    const p = job.payload;
    const log = this.deps.services.log.child({ jobId: id, requestId: p.requestId, tenantId: p.scope.tenantId, conversationId: p.scope.conversationId });
    if (!(await this.ownsJob(job, log))) {
      this.store.finish(id, 'done', 'accepted by another instance');
      log.info({ event: 'job-duplicate-elsewhere' }, 'the same activity is handled by another instance; dropped');
      return;
    }
    if (this.stopped) return; // stays pending: resumed at next start
    const attempts = this.store.startAttempt(id);
    if (attempts > this.options.maxAttempts) {
      log.error({ event: 'job-abandoned', attempts }, 'job failed too often; telling the user');
      await this.tellTemporaryProblem(job).catch((err: unknown) => log.error({ event: 'job-abandon-notice-failed', errName: (err as Error).name }, 'could not deliver the failure notice'));
      this.store.finish(id, 'failed', 'too many attempts');
      return;
    }
    const started = Date.now();
    const proactive = this.deps.services.sender;
    const reference = job.payload.reference;
    const stats: JobRunStats = { inTurn: 0, proactive: 0 };
    // through the accepting turn while it waits, else proactively (decided per send)
    const send: Parameters<typeof runJob>[2]['send'] = (activities) => {
      const viaTurn = this.turnReplies.get(id)?.trySend(activities);
      if (viaTurn) {
        stats.inTurn++;
        return viaTurn;
      }
      stats.proactive++;
      return proactive.send(reference, activities);
    };
    try {
      await runJob({ ...job, attempts }, this.deps, { setProgress: (n) => this.store.setProgress(id, n), send, stats });
      this.store.finish(id, 'done');
      // the one line per analysis: what operations need (sizes, timings, outcome, how it went out)
      log.info({ event: 'job-done', ms: Date.now() - started, attempts, source: job.payload.source.kind, ...stats }, 'job done');
    } catch (err) {
      const e = err as { name?: string; statusCode?: number; code?: string; message?: string };
      log.warn({ event: 'job-delivery-failed', attempts, errName: e.name, statusCode: e.statusCode, code: e.code }, 'job failed; will retry');
      if (this.stopped) return; // stays pending: resumed at next start
      if (attempts >= this.options.maxAttempts) {
        await this.tellTemporaryProblem(job).catch(() => undefined);
        this.store.finish(id, 'failed', `delivery failed: ${e.name ?? 'Error'}`);
        return;
      }
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        this.schedule(id);
      }, this.options.retryDelayMs(attempts));
      timer.unref();
      this.retryTimers.add(timer);
    }
  }

  /** First claim wins across instances; our own earlier claim (resumed job) is still ours. */
  private async ownsJob(job: JobRecord<JobPayload>, log: { warn(o: object, m: string): void }): Promise<boolean> {
    if (this.options.claimAcrossInstances === false) return true;
    const storage = this.deps.services.storage;
    const key = jobClaimKey(job.id);
    const owner = job.payload.requestId;
    try {
      const expiresAt = new Date(this.deps.services.clock.now().getTime() + JOB_CLAIM_TTL_MS);
      if (await storage.claim(key, { owner }, { expiresAt })) return true;
      const held = (await storage.read([key]))[key] as { owner?: unknown } | undefined;
      // gone between the two calls (expired): run rather than risk losing the message
      return held === undefined || held.owner === owner;
    } catch (err) {
      log.warn({ event: 'job-claim-unavailable', errName: (err as Error).name }, 'could not claim the job across instances; running it');
      return true;
    }
  }

  private async tellTemporaryProblem(job: JobRecord<JobPayload>): Promise<void> {
    await this.deps.services.sender.send(job.payload.reference, [temporaryProblemMessage(job.payload.lang)]);
  }
}
