// Runs analyzeBytes off the main thread, so a 20 MB log or a pathological line never stalls the
// event loop that answers Teams and /healthz. A small pool of worker threads, each with a heap
// cap; every job has a time budget, and a worker that overruns it is terminated (the only way to
// stop synchronous parsing) and replaced. A bounded queue in front: when it is full the caller
// gets 'busy' at once instead of waiting behind a hundred uploads.
//
// Each worker holds up to `pipelineDepth` jobs (default 2): the next one waits in the worker's
// own message queue while the current one runs, so the worker starts it the moment it posts a
// result instead of idling until the main thread (busy with HTTP) has read that result and sent
// another job. The worker runs its jobs strictly one after the other (worker-entry.ts); a job's
// budget starts when the job before it in the same worker has finished. When a worker is
// terminated (over budget) or dies, the job it was running fails and the jobs queued behind it,
// which never started, go back to the front of the pool's queue for the replacement worker.
//
// The worker loads the compiled analyzer (dist/…/worker-entry.js) in production; when this file
// runs as TypeScript (tests under tsx) the worker first registers tsx's require hook.
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { AnalysisOutcome, InputLimits } from '../../analyzer';
import type { Lang } from '../../i18n/lang';
import type { WirePreparedOutcome } from '../jobs/prepare-outcome';
import type { WorkerRequest, WorkerResponse } from './protocol';

export type AnalysisFailureReason = 'analysis-timeout' | 'analysis-failed' | 'busy' | 'analysis-closed';

/** Typed failure: `reason` picks the user message ('analysis-timeout', 'busy'), `logMessage` is for logs. */
export class AnalysisWorkerError extends Error {
  override readonly name = 'AnalysisWorkerError';
  constructor(
    readonly reason: AnalysisFailureReason,
    readonly logMessage: string,
  ) {
    super(`analysis failed: ${reason}`);
  }
}

export interface AnalysisPoolOptions {
  /** worker threads (default 1; 2 at most makes sense on 2 cores) */
  size?: number;
  /** per-job budget once the worker has the bytes (default 10 000 ms) */
  timeoutMs?: number;
  /** old-generation heap cap per worker (default 256 MB) */
  maxHeapMb?: number;
  /**
   * young-generation size per worker (default 8 MB). V8's default (32 MB of new space) let the
   * worker hold ~23 MB more garbage at peak for no measurable gain per analysis (docs/perf.md).
   */
  maxYoungMb?: number;
  /** jobs waiting beyond the running ones (in the pool or in a worker's queue); more → 'busy' (default 20) */
  maxQueue?: number;
  /** jobs handed to one worker at a time: the running one and those queued behind it (default 2) */
  pipelineDepth?: number;
  /** passed to analyzeBytes */
  limits?: Partial<InputLimits>;
  log?: Logger;
  /** tests only: another worker module speaking the same protocol */
  workerEntry?: string;
}

type Result = AnalysisOutcome | WirePreparedOutcome;

interface Job {
  id: number;
  bytes: Uint8Array;
  fileName: string | undefined;
  /** set: the worker prepares the answer (report JSON + summary card in this language) */
  prepareFor?: Lang;
  /** this job's budget; the pool's default otherwise */
  timeoutMs: number;
  /** the worker it was posted to (never posted twice to the same one) */
  sentTo?: Worker;
  resolve: (o: Result) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker?: Worker;
  /** resolves when the worker has loaded the analyzer */
  boot?: Promise<void>;
  ready: boolean;
  /** handed to this worker, in the order it runs them: [0] is running (or about to) */
  jobs: Job[];
  /** the budget of jobs[0] */
  timer?: NodeJS.Timeout;
}

// Evaluated as the worker's main script (CommonJS): optional tsx hook, then the real entry.
const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
if (workerData.tsxHook) require(workerData.tsxHook);
require(workerData.entry);
parentPort.postMessage({ ready: true });
`;

function workerEntry(override?: string): { entry: string; tsxHook?: string } {
  const ext = extname(override ?? __filename);
  const entry = override ?? join(__dirname, `worker-entry${ext}`);
  if (ext === '.ts') return { entry, tsxHook: require.resolve('tsx/cjs') };
  return { entry };
}

export class AnalysisPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly youngMb: number;
  private readonly maxQueue: number;
  private readonly depth: number;
  private nextId = 1;
  private closed = false;
  /** workers terminated for overrunning or crashing (observability) */
  replaced = 0;

  constructor(private readonly options: AnalysisPoolOptions = {}) {
    const size = Math.max(1, Math.min(options.size ?? 1, 8));
    this.slots = Array.from({ length: size }, () => ({ ready: false, jobs: [] }));
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxHeapMb = options.maxHeapMb ?? 256;
    this.youngMb = options.maxYoungMb ?? 8;
    this.maxQueue = options.maxQueue ?? 20;
    this.depth = Math.max(1, Math.min(options.pipelineDepth ?? 2, 4));
  }

  /** Starts the workers now (at startup) instead of on the first job. */
  warm(): Promise<void> {
    return Promise.all(this.slots.map((s) => this.ensureWorker(s))).then(() => undefined);
  }

  /** The AnalyzeFn the bot services take. */
  readonly analyze = (bytes: Uint8Array, fileName: string | undefined, options: { timeoutMs?: number } = {}): Promise<AnalysisOutcome> =>
    this.enqueue(bytes, fileName, undefined, options) as Promise<AnalysisOutcome>;

  /** Analysis plus the answer's report JSON and summary card, all in the worker (see prepare-outcome.ts). */
  readonly analyzeForReply = (bytes: Uint8Array, fileName: string | undefined, lang: Lang, options: { timeoutMs?: number } = {}): Promise<WirePreparedOutcome> =>
    this.enqueue(bytes, fileName, lang, options) as Promise<WirePreparedOutcome>;

  private enqueue(bytes: Uint8Array, fileName: string | undefined, prepareFor: Lang | undefined, options: { timeoutMs?: number }): Promise<Result> {
    if (this.closed) return Promise.reject(new AnalysisWorkerError('analysis-closed', 'pool closed'));
    const { running, queued } = this.stats();
    if (running === this.slots.length && queued >= this.maxQueue) {
      return Promise.reject(new AnalysisWorkerError('busy', `analysis queue full (${queued})`));
    }
    return new Promise<Result>((resolve, reject) => {
      const job: Job = { id: this.nextId++, bytes, fileName, timeoutMs: options.timeoutMs ?? this.timeoutMs, resolve, reject };
      if (prepareFor !== undefined) job.prepareFor = prepareFor;
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** running: jobs being analyzed; queued: waiting in the pool or behind a running job in a worker */
  stats(): { running: number; queued: number; workers: number; replaced: number } {
    let running = 0;
    let queued = this.queue.length;
    for (const s of this.slots) {
      if (s.jobs.length > 0) running++;
      queued += Math.max(0, s.jobs.length - 1);
    }
    return { running, queued, workers: this.slots.filter((s) => s.worker).length, replaced: this.replaced };
  }

  /** Rejects queued jobs, waits for none: running workers are terminated. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AnalysisWorkerError('analysis-closed', 'pool closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = undefined;
        for (const job of slot.jobs.splice(0)) job.reject(new AnalysisWorkerError('analysis-closed', 'pool closed while analyzing'));
        const w = slot.worker;
        slot.worker = undefined;
        slot.boot = undefined;
        slot.ready = false;
        if (w) await w.terminate();
      }),
    );
  }

  private dispatch(): void {
    // idle workers first, then a second job behind a running one
    for (let depth = 1; depth <= this.depth; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.jobs.length >= depth) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        this.ensureWorker(slot).then(
          () => this.send(slot, job),
          (err: unknown) => this.fail(slot, job, new AnalysisWorkerError('analysis-failed', `worker failed to start: ${(err as Error).name}`)),
        );
      }
    }
  }

  private send(slot: Slot, job: Job): void {
    if (!slot.jobs.includes(job) || !slot.worker || job.sentTo === slot.worker) return;
    job.sentTo = slot.worker;
    const copy = new Uint8Array(job.bytes.byteLength);
    copy.set(job.bytes);
    const msg: WorkerRequest = { id: job.id, bytes: copy.buffer };
    if (job.fileName !== undefined) msg.fileName = job.fileName;
    if (this.options.limits !== undefined) msg.limits = this.options.limits;
    if (job.prepareFor !== undefined) msg.prepareFor = job.prepareFor;
    slot.worker.postMessage(msg, [copy.buffer]);
    if (slot.jobs[0] === job) this.startBudget(slot);
  }

  /** The budget of the job the worker runs now (jobs[0]); the ones behind it have not started. */
  private startBudget(slot: Slot): void {
    const job = slot.jobs[0];
    if (!job || slot.timer) return;
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      if (slot.jobs[0] !== job) return;
      this.options.log?.warn({ event: 'analysis-timeout', bytes: job.bytes.byteLength, budgetMs: job.timeoutMs }, 'analysis overran its budget; worker terminated');
      this.replace(slot, new AnalysisWorkerError('analysis-timeout', `analysis exceeded ${job.timeoutMs} ms (${job.bytes.byteLength} bytes)`));
    }, job.timeoutMs);
  }

  /** The worker answered `id` (it runs jobs in order, so normally jobs[0]). */
  private settle(slot: Slot, id: number, result: Result | Error): void {
    const at = slot.jobs.findIndex((j) => j.id === id);
    if (at < 0) return;
    const [job] = slot.jobs.splice(at, 1);
    if (at === 0) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      this.startBudget(slot);
    }
    if (result instanceof Error) job!.reject(result);
    else job!.resolve(result);
    if (!this.closed) setImmediate(() => this.dispatch());
  }

  /** A job that never reached a worker (it could not start). */
  private fail(slot: Slot, job: Job, err: Error): void {
    const at = slot.jobs.indexOf(job);
    if (at < 0) return;
    slot.jobs.splice(at, 1);
    job.reject(err);
    if (!this.closed) setImmediate(() => this.dispatch());
  }

  /**
   * Terminates a worker that overran or died: the job it was running fails with `err`; the jobs
   * queued behind it never started and go back to the front of the queue. A fresh worker starts
   * with the next dispatch.
   */
  private replace(slot: Slot, err: AnalysisWorkerError): void {
    const w = slot.worker;
    slot.worker = undefined;
    slot.boot = undefined;
    slot.ready = false;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    const [running, ...waiting] = slot.jobs.splice(0);
    this.queue.unshift(...waiting);
    this.replaced++;
    if (w) {
      w.removeAllListeners('message');
      w.terminate().catch(() => undefined);
    }
    running?.reject(err);
    if (!this.closed) setImmediate(() => this.dispatch());
  }

  private ensureWorker(slot: Slot): Promise<void> {
    if (slot.worker && slot.boot) return slot.boot;
    const { entry, tsxHook } = workerEntry(this.options.workerEntry);
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry, tsxHook },
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: this.youngMb },
      stdout: false,
      stderr: false,
    });
    worker.unref(); // idle workers never keep the process alive
    slot.worker = worker;
    slot.ready = false;
    slot.boot = new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: WorkerResponse | { ready: true }) => {
        if ('ready' in msg) {
          slot.ready = true;
          resolve();
          return;
        }
        if (slot.worker !== worker) return;
        if (msg.ok) this.settle(slot, msg.id, 'prepared' in msg ? msg.prepared : msg.outcome);
        else {
          this.options.log?.error({ event: 'analysis-error', err: msg.error.name }, 'analyzer threw');
          this.settle(slot, msg.id, new AnalysisWorkerError('analysis-failed', `${msg.error.name}: ${msg.error.message}`));
        }
      });
      worker.on('error', (err: Error & { code?: string }) => {
        if (slot.worker !== worker) return;
        this.options.log?.error({ event: 'analysis-worker-crashed', err: err.name, code: err.code }, 'analysis worker crashed');
        if (!slot.ready) reject(err);
        this.replace(slot, new AnalysisWorkerError('analysis-failed', `worker crashed: ${err.code ?? err.name}`));
      });
      worker.on('exit', (code) => {
        if (slot.worker !== worker) return; // terminated on purpose
        if (!slot.ready) reject(new Error(`worker exited with ${code} before it was ready`));
        this.replace(slot, new AnalysisWorkerError('analysis-failed', `worker exited with ${code}`));
      });
    });
    return slot.boot;
  }
}
