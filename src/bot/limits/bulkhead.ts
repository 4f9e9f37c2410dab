// Bounded concurrency with a bounded wait line: at most `concurrency` calls run, at most
// `maxQueue` wait, and the next one is refused at once with reason 'busy' (the bot answers
// "busy, retry") instead of piling up memory and latency behind a burst.
export class BusyError extends Error {
  override readonly name = 'BusyError';
  readonly reason = 'busy' as const;
  constructor(readonly logMessage: string) {
    super('busy');
  }
}

export interface BulkheadOptions {
  name: string;
  concurrency: number;
  /** default 50 */
  maxQueue?: number;
}

export class Bulkhead {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly maxQueue: number;
  /** highest concurrency ever reached (tests, metrics) */
  peak = 0;

  constructor(private readonly options: BulkheadOptions) {
    if (!(options.concurrency >= 1)) throw new RangeError('concurrency must be ≥ 1');
    this.maxQueue = options.maxQueue ?? 50;
  }

  stats(): { active: number; queued: number; peak: number } {
    return { active: this.active, queued: this.waiting.length, peak: this.peak };
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.concurrency) {
      if (this.waiting.length >= this.maxQueue) {
        throw new BusyError(`${this.options.name}: ${this.active} running, ${this.waiting.length} waiting`);
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    this.peak = Math.max(this.peak, this.active);
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // hand the slot straight to the next caller: `active` stays the same
      if (next) next();
      else this.active--;
    }
  }
}

/** Wraps an async function so every call goes through the bulkhead. */
export function limitConcurrency<A extends unknown[], R>(fn: (...args: A) => Promise<R>, bulkhead: Bulkhead): (...args: A) => Promise<R> {
  return (...args: A) => bulkhead.run(() => fn(...args));
}
