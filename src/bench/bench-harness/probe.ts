// Preloaded into a process under test (`node --require .../probe.js main.js`) when
// BENCH_PROBE_DIR is set; does nothing otherwise. Measures from inside, without touching the
// bot's code: event-loop utilisation (main-thread busy time, synchronous syscalls included),
// event-loop delay (how long a ready callback waited: what every other request felt), and the
// V8 heap (sampled every 50 ms with getHeapStatistics, which is cheap; peaks kept), and the heap
// still in use after a full GC at the end of the phase (what is really retained: a leak shows
// here, garbage V8 had not collected yet does not). On SIGUSR2 it writes the figures of
// the phase since the previous SIGUSR2 to BENCH_PROBE_DIR/phase-<n>.json and starts a new phase.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface ProbePhase {
  phase: number;
  wallMs: number;
  /** main thread busy (not waiting in the event loop) */
  eluActiveMs: number;
  elu: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  peakHeapUsedMB: number;
  peakHeapTotalMB: number;
  peakExternalMB: number;
  /** heap used after a full GC at the end of the phase (NaN when gc() was not available) */
  heapAfterGcMB: number;
  cpuUserMs: number;
  cpuSystemMs: number;
}

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  const MB = 1024 * 1024;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let phase = 0;
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  let started = performance.now();
  let cpu = process.cpuUsage();
  const peaks = { heapUsed: 0, heapTotal: 0, external: 0 };
  const sample = (): void => {
    const h = getHeapStatistics();
    peaks.heapUsed = Math.max(peaks.heapUsed, h.used_heap_size);
    peaks.heapTotal = Math.max(peaks.heapTotal, h.total_heap_size);
    peaks.external = Math.max(peaks.external, h.external_memory);
  };
  setInterval(sample, 50).unref();
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    if (typeof fn === 'function') gc = fn as () => void;
  } catch {
    // no gc(): heapAfterGcMB stays NaN
  }
  process.on('SIGUSR2', () => {
    sample();
    const u = performance.eventLoopUtilization(elu);
    const c = process.cpuUsage(cpu);
    let heapAfterGcMB = Number.NaN;
    if (gc) {
      gc();
      heapAfterGcMB = getHeapStatistics().used_heap_size / MB;
    }
    const figures: ProbePhase = {
      phase,
      wallMs: performance.now() - started,
      eluActiveMs: u.active,
      elu: u.utilization,
      loopDelayP50Ms: delay.percentile(50) / 1e6,
      loopDelayP99Ms: delay.percentile(99) / 1e6,
      loopDelayMaxMs: delay.max / 1e6,
      peakHeapUsedMB: peaks.heapUsed / MB,
      peakHeapTotalMB: peaks.heapTotal / MB,
      peakExternalMB: peaks.external / MB,
      heapAfterGcMB,
      cpuUserMs: c.user / 1000,
      cpuSystemMs: c.system / 1000,
    };
    // written whole, then renamed: the reader never sees half a file
    const file = join(dir, `phase-${phase}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(figures));
    renameSync(`${file}.tmp`, file);
    phase++;
    elu = performance.eventLoopUtilization();
    started = performance.now();
    cpu = process.cpuUsage();
    delay.reset();
    peaks.heapUsed = peaks.heapTotal = peaks.external = 0;
  });
}
