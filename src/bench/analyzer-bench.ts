// Analyzer bench: what reading one log costs, end to end through analyzeBytes (decode + parse +
// rules), on logs made by our own generator.
//   - median time for a typical ~30 KB log, over many iterations
//   - throughput on a ~100 MB log, and in the same run the baseline of only decoding the bytes and
//     splitting them into lines; the ratio analyzer / baseline says how much the analysis adds on
//     top of the unavoidable work (target ≤ 3, on CPU time: wall time is also shown, but on a
//     shared 2-core machine it mostly measures the neighbours)
//   - peak RSS of the process, and (Linux) the peak while only the big-log runs are going on, so the
//     generator's own peak does not hide the analyzer's
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { analyzeBytes, type AnalyzeBytesOptions } from '../analyzer/input/analyze-bytes';
import { decodeBytes } from '../analyzer/input/decode-text';
import type { BenchFigure, BenchSection } from './bench-section';
import { synthLogOfSize } from './synth-log';

export interface AnalyzerBenchOptions {
  typicalBytes?: number;
  typicalIterations?: number;
  bigBytes?: number;
  bigIterations?: number;
  /** swap the text analyzer (tests use a stub to keep the bench test fast) */
  analyze?: AnalyzeBytesOptions['analyze'];
}

export interface AnalyzerBenchResult {
  typicalBytes: number;
  typicalIterations: number;
  typicalMedianMs: number;
  bigBytes: number;
  bigIterations: number;
  bigMedianMs: number;
  analyzerMBps: number;
  baselineMedianMs: number;
  baselineMBps: number;
  /** analyzer CPU time / baseline CPU time on the big log (the target) */
  ratio: number;
  /** the same with wall-clock medians */
  wallRatio: number;
  bigCpuMs: number;
  baselineCpuMs: number;
  peakRssMB: number;
  /** peak RSS during the big-log runs only (Linux: VmHWM reset after the log was generated) */
  bigRunsPeakRssMB?: number;
}

const MB = 1024 * 1024;

/** A real gc() when the flag can be set at run time, so one iteration's garbage is not billed to the next. */
function makeGc(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return () => void (gc as () => void)();
  } catch {
    // no gc available: measurements are noisier but still valid
  }
  return () => undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Linux: the peak RSS (VmHWM) in MB since start or the last reset; undefined elsewhere. */
function readPeakRssMB(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Linux: starts a new peak-RSS window (`echo 5 > /proc/self/clear_refs`). */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * What any line-based reader must do at least: decode (the same decoder analyzeBytes uses), then
 * cut the text into line strings. Each line is a real string (a slice), so the work cannot be
 * optimised away; CRLF and LF end a line.
 */
export function decodeAndSplit(bytes: Uint8Array): number {
  const { text } = decodeBytes(bytes);
  let lines = 0;
  let chars = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    chars += line.length;
    lines++;
    pos = end + 1;
  }
  return lines + chars; // used, so the work cannot be optimised away
}

interface Timing {
  wallMs: number;
  /** CPU time of the whole process (all threads, GC helpers included): steadier than wall time
   *  on a shared machine, where other processes take turns on the cores */
  cpuMs: number;
}

async function timeOnce(fn: () => unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export async function measureAnalyzer(options: AnalyzerBenchOptions = {}): Promise<AnalyzerBenchResult> {
  const gc = makeGc();
  const typicalBytes = options.typicalBytes ?? 30 * 1024;
  const typicalIterations = options.typicalIterations ?? 300;
  const bigBytes = options.bigBytes ?? 100 * MB;
  const bigIterations = options.bigIterations ?? 3;
  const analyzeOptions: AnalyzeBytesOptions = {
    fileName: 'AzureBackup_Check_NW_20240101_000000.log',
    limits: { maxBytes: Math.max(bigBytes, typicalBytes) * 2 },
    ...(options.analyze ? { analyze: options.analyze } : {}),
  };

  const typical = synthLogOfSize(typicalBytes, { failEvery: 5, seed: 7 });
  for (let i = 0; i < Math.min(20, typicalIterations); i++) await analyzeBytes(typical, analyzeOptions); // warm-up
  const typicalTimes: number[] = [];
  for (let i = 0; i < typicalIterations; i++) typicalTimes.push((await timeOnce(() => analyzeBytes(typical, analyzeOptions))).wallMs);

  const big = synthLogOfSize(bigBytes, { failEvery: 50, seed: 11 });
  gc();
  // the peak so far (generating the log) is kept for the whole-run figure; then a new window opens
  const generatorPeakMB = process.resourceUsage().maxRSS / 1024;
  const windowed = resetPeakRss();
  const bigTimes: Timing[] = [];
  const baseTimes: Timing[] = [];
  // interleaved, so both see the same machine state
  for (let i = 0; i < bigIterations; i++) {
    gc();
    baseTimes.push(await timeOnce(() => decodeAndSplit(big)));
    gc();
    bigTimes.push(await timeOnce(() => analyzeBytes(big, analyzeOptions)));
  }
  const bigMedianMs = median(bigTimes.map((x) => x.wallMs));
  const baselineMedianMs = median(baseTimes.map((x) => x.wallMs));
  const bigRunsPeakRssMB = windowed ? readPeakRssMB() : undefined;
  const bigCpuMs = median(bigTimes.map((x) => x.cpuMs));
  const baselineCpuMs = median(baseTimes.map((x) => x.cpuMs));
  const mbps = (ms: number): number => big.length / MB / (ms / 1000);
  return {
    typicalBytes: typical.length,
    typicalIterations,
    typicalMedianMs: median(typicalTimes),
    bigBytes: big.length,
    bigIterations,
    bigMedianMs,
    analyzerMBps: mbps(bigMedianMs),
    baselineMedianMs,
    baselineMBps: mbps(baselineMedianMs),
    ratio: bigCpuMs / baselineCpuMs,
    wallRatio: bigMedianMs / baselineMedianMs,
    bigCpuMs,
    baselineCpuMs,
    peakRssMB: Math.max(generatorPeakMB, process.resourceUsage().maxRSS / 1024),
    ...(bigRunsPeakRssMB !== undefined ? { bigRunsPeakRssMB } : {}),
  };
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function analyzerFigures(r: AnalyzerBenchResult): BenchFigure[] {
  const kb = Math.round(r.typicalBytes / 1024);
  const mb = Math.round(r.bigBytes / MB);
  return [
    { id: 'typical-median-ms', label: `analyzeBytes, typical log`, value: round(r.typicalMedianMs, 3), unit: 'ms', note: `${kb} KB, median of ${r.typicalIterations}` },
    // The ids are fixed (test/bench pins them); CPU and wall figures of both runs are in the notes.
    { id: 'big-median-ms', label: 'analyzeBytes, big log (wall)', value: round(r.bigMedianMs, 0), unit: 'ms', note: `${mb} MB, median of ${r.bigIterations}; CPU ${Math.round(r.bigCpuMs)} ms` },
    { id: 'analyzer-mbps', label: 'analyzer throughput (wall)', value: round(r.analyzerMBps, 1), unit: 'MB/s', note: `${mb} MB` },
    { id: 'baseline-mbps', label: 'baseline: decode + split lines (wall)', value: round(r.baselineMBps, 1), unit: 'MB/s', note: `${mb} MB, median of ${r.bigIterations}: wall ${Math.round(r.baselineMedianMs)} ms, CPU ${Math.round(r.baselineCpuMs)} ms` },
    { id: 'ratio', label: 'analyzer / baseline time', value: round(r.ratio, 2), unit: '×', target: { op: '<=', value: 3 }, note: `CPU time, ${Math.round(r.bigCpuMs)} / ${Math.round(r.baselineCpuMs)} ms` },
    { id: 'wall-ratio', label: 'analyzer / baseline wall time', value: round(r.wallRatio, 2), unit: '×', note: `wall ${Math.round(r.bigMedianMs)} / ${Math.round(r.baselineMedianMs)} ms; noisy when the machine is shared` },
    {
      id: 'peak-rss-mb', label: 'peak RSS (whole run)', value: round(r.peakRssMB, 0), unit: 'MB',
      note: r.bigRunsPeakRssMB !== undefined ? `generating the big log included; big-log runs alone ${Math.round(r.bigRunsPeakRssMB)} MB` : 'generating the big log included',
    },
  ];
}

export function makeAnalyzerBenchSection(options: AnalyzerBenchOptions = {}): BenchSection {
  return {
    id: 'analyzer',
    title: 'Analyzer (analyzeBytes)',
    run: async () => analyzerFigures(await measureAnalyzer(options)),
  };
}

export const analyzerBenchSection: BenchSection = makeAnalyzerBenchSection();
