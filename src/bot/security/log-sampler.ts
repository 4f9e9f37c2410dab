// Keeps a flood of refused requests (bad tokens, junk bodies) from becoming a flood of log lines
// (A13): per event kind, the first `perWindow` lines of each window are written; the rest are
// counted, and the next written line reports how many were left out.
export interface LogSamplerOptions {
  /** default 20 */
  perWindow?: number;
  /** default 10 000 ms */
  windowMs?: number;
  now?: () => number;
}

interface Window {
  start: number;
  logged: number;
  suppressed: number;
  /** suppressed in earlier windows, not reported yet */
  carried: number;
}

export class LogSampler {
  private readonly windows = new Map<string, Window>();
  private readonly perWindow: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: LogSamplerOptions = {}) {
    this.perWindow = options.perWindow ?? 20;
    this.windowMs = options.windowMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** `log: false` → skip the line; when true, `suppressed` (if > 0) belongs in the line. */
  admit(kind: string): { log: boolean; suppressed: number } {
    const now = this.now();
    let w = this.windows.get(kind);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, logged: 0, suppressed: 0, carried: (w?.carried ?? 0) + (w?.suppressed ?? 0) };
      this.windows.set(kind, w);
    }
    if (w.logged >= this.perWindow) {
      w.suppressed++;
      return { log: false, suppressed: 0 };
    }
    w.logged++;
    const suppressed = w.carried;
    w.carried = 0;
    return { log: true, suppressed };
  }
}
