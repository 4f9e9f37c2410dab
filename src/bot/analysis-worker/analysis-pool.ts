// Runs analyzeBytes off the main thread, so a 20 MB log or a pathological line never stalls the
// event loop that answers Teams and /healthz. A small pool of worker threads, each with a heap
// cap; every job has a time budget, and a worker that overruns it is terminated (the only way to
// stop synchronous parsing) and replaced. A bounded queue in front: when it is full the caller
// gets 'busy' at once instead of waiting behind a hundred uploads.
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
  /** jobs waiting beyond the running ones; more → 'busy' (default 20) */
  maxQueue?: number;
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
  resolve: (o: Result) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker?: Worker;
  /** resolves when the worker has loaded the analyzer */
  boot?: Promise<void>;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  started?: number;
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
  private nextId = 1;
  private closed = false;
  /** workers terminated for overrunning or crashing (observability) */
  replaced = 0;

  constructor(private readonly options: AnalysisPoolOptions = {}) {
    const size = Math.max(1, Math.min(options.size ?? 1, 8));
    this.slots = Array.from({ length: size }, () => ({ ready: false }));
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxHeapMb = options.maxHeapMb ?? 256;
    this.youngMb = options.maxYoungMb ?? 8;
    this.maxQueue = options.maxQueue ?? 20;
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
    const running = this.slots.filter((s) => s.job).length;
    if (running === this.slots.length && this.queue.length >= this.maxQueue) {
      return Promise.reject(new AnalysisWorkerError('busy', `analysis queue full (${this.queue.length})`));
    }
    return new Promise<Result>((resolve, reject) => {
      const job: Job = { id: this.nextId++, bytes, fileName, timeoutMs: options.timeoutMs ?? this.timeoutMs, resolve, reject };
      if (prepareFor !== undefined) job.prepareFor = prepareFor;
      this.queue.push(job);
      this.dispatch();
    });
  }

  stats(): { running: number; queued: number; workers: number; replaced: number } {
    return {
      running: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      workers: this.slots.filter((s) => s.worker).length,
      replaced: this.replaced,
    };
  }

  /** Rejects queued jobs, waits for none: running workers are terminated. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AnalysisWorkerError('analysis-closed', 'pool closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job) this.finish(slot, new AnalysisWorkerError('analysis-closed', 'pool closed while analyzing'));
        const w = slot.worker;
        slot.worker = undefined;
        slot.boot = undefined;
        slot.ready = false;
        if (w) await w.terminate();
      }),
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      this.ensureWorker(slot).then(
        () => this.send(slot, job),
        (err: unknown) => this.finish(slot, new AnalysisWorkerError('analysis-failed', `worker failed to start: ${(err as Error).name}`)),
      );
    }
  }

  private send(slot: Slot, job: Job): void {
    if (slot.job !== job || !slot.worker) return;
    const copy = new Uint8Array(job.bytes.byteLength);
    copy.set(job.bytes);
    const msg: WorkerRequest = { id: job.id, bytes: copy.buffer };
    if (job.fileName !== undefined) msg.fileName = job.fileName;
    if (this.options.limits !== undefined) msg.limits = this.options.limits;
    if (job.prepareFor !== undefined) msg.prepareFor = job.prepareFor;
    slot.started = Date.now();
    slot.timer = setTimeout(() => {
      this.options.log?.warn({ event: 'analysis-timeout', bytes: job.bytes.byteLength, budgetMs: job.timeoutMs }, 'analysis overran its budget; worker terminated');
      this.finish(slot, new AnalysisWorkerError('analysis-timeout', `analysis exceeded ${job.timeoutMs} ms (${job.bytes.byteLength} bytes)`));
      this.replace(slot);
    }, job.timeoutMs);
    slot.worker.postMessage(msg, [copy.buffer]);
  }

  private finish(slot: Slot, result: Result | Error): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    if (job) {
      if (result instanceof Error) job.reject(result);
      else job.resolve(result);
    }
    if (!this.closed) setImmediate(() => this.dispatch());
  }

  /** Terminates a worker that overran or crashed; a fresh one starts with the next job. */
  private replace(slot: Slot): void {
    const w = slot.worker;
    slot.worker = undefined;
    slot.boot = undefined;
    slot.ready = false;
    this.replaced++;
    if (w) {
      w.removeAllListeners('message');
      w.terminate().catch(() => undefined);
    }
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
        if (slot.worker !== worker || !slot.job || slot.job.id !== msg.id) return;
        if (msg.ok) this.finish(slot, 'prepared' in msg ? msg.prepared : msg.outcome);
        else {
          this.options.log?.error({ event: 'analysis-error', err: msg.error.name }, 'analyzer threw');
          this.finish(slot, new AnalysisWorkerError('analysis-failed', `${msg.error.name}: ${msg.error.message}`));
        }
      });
      worker.on('error', (err: Error & { code?: string }) => {
        if (slot.worker !== worker) return;
        this.options.log?.error({ event: 'analysis-worker-crashed', err: err.name, code: err.code }, 'analysis worker crashed');
        if (!slot.ready) reject(err);
        this.finish(slot, new AnalysisWorkerError('analysis-failed', `worker crashed: ${err.code ?? err.name}`));
        this.replace(slot);
      });
      worker.on('exit', (code) => {
        if (slot.worker !== worker) return; // terminated on purpose
        if (!slot.ready) reject(new Error(`worker exited with ${code} before it was ready`));
        this.finish(slot, new AnalysisWorkerError('analysis-failed', `worker exited with ${code}`));
        this.replace(slot);
      });
    });
    return slot.boot;
  }
}
