// Preloaded into a process under test (`node --require .../probe.js main.js`) when
// BENCH_PROBE_DIR is set; does nothing otherwise. Measures from inside, without touching the
// bot's code: event-loop utilisation (main-thread busy time, synchronous syscalls included),
// event-loop delay (how long a ready callback waited: what every other request felt), and the
// V8 heap next to RSS (sampled every 20 ms, peaks kept). On SIGUSR2 it writes the figures of
// the phase since the previous SIGUSR2 to BENCH_PROBE_DIR/phase-<n>.json and starts a new phase.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';

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
  peakRssMB: number;
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
  const peaks = { heapUsed: 0, heapTotal: 0, external: 0, rss: 0 };
  const sample = (): void => {
    const m = process.memoryUsage();
    peaks.heapUsed = Math.max(peaks.heapUsed, m.heapUsed);
    peaks.heapTotal = Math.max(peaks.heapTotal, m.heapTotal);
    peaks.external = Math.max(peaks.external, m.external);
    peaks.rss = Math.max(peaks.rss, m.rss);
  };
  setInterval(sample, 20).unref();
  process.on('SIGUSR2', () => {
    sample();
    const u = performance.eventLoopUtilization(elu);
    const c = process.cpuUsage(cpu);
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
      peakRssMB: peaks.rss / MB,
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
    peaks.heapUsed = peaks.heapTotal = peaks.external = peaks.rss = 0;
  });
}
