// Bot bench: the real bot process (`node dist/main.js`) end to end over HTTP on loopback, next to
// the echo baseline (dist/bench/echo-bot.js) under the same harness, in the same run.
//   - Teams-shaped 1:1 file messages (file.download.info, ~30 KB log served by a local stand-in
//     for SharePoint) posted to /api/messages at concurrency 1, 10 and 50 (closed loop)
//   - latency = POST start → the reply card arriving at the fake Bot Connector, matched by
//     conversation id (one per request); p50 / p95 / p99, analyses per second
//   - peak RSS of the bot process (VmHWM), cold start (spawn → GET /healthz 200), CPU time per
//     analysis, log volume
// The bot runs in anonymous mode (no MicrosoftAppId) with NODE_ENV=test, the only configuration
// in which it may download over http from 127.0.0.1 (DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS,
// refused by loadConfig anywhere else) — the same settings test/support/make-bot.ts uses.
//   node dist/bench/bot-bench.js [--only=bot|echo] [--concurrency=1,10,50] [--requests=N or 200,600,1500] [--cold-starts=N]
//     [--log-level=info] [--bot-env=NAME=value] [--node-arg=--cpu-prof --node-arg=--cpu-prof-dir=/tmp/prof]
//     [--bot-script=/tmp/perf-exp/dist/main.js] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { BenchFigure, BenchSection } from './bench-section';
import { startBenchConnector, type BenchConnector } from './bench-harness/bench-connector';
import { startBenchFileHost, type BenchFileHost } from './bench-harness/bench-file-host';
import { spawnBot, type BotProcess } from './bench-harness/bot-process';
import type { ProbePhase } from './bench-harness/probe';
import { runLoad, type Sample } from './bench-harness/load';
import { freePort } from './bench-harness/loopback';
import { median, summarize, type LatencySummary } from './bench-harness/stats';
import { fileMessageActivity } from './bench-harness/teams-activity';
import { productionNodeFlags } from './production-node-flags';
import { synthLogOfSize } from './synth-log';

export type BenchTarget = 'bot' | 'echo';

export interface BotBenchOptions {
  concurrencies?: readonly number[];
  /** measured requests at each concurrency (default 150 / 400 / 1000 for 1 / 10 / 50) */
  requestsAt?: (concurrency: number) => number;
  /** unmeasured requests after start, at concurrency 1 then 10 (JIT, lazy loads, sockets) */
  warmup?: number;
  logBytes?: number;
  /** processes started to time cold start (the first one also serves the load); default 3 */
  coldStartRuns?: number;
  replyTimeoutMs?: number;
  targets?: readonly BenchTarget[];
  /** node flags for the measured processes (e.g. --cpu-prof); not for the extra cold starts */
  nodeArgs?: readonly string[];
  /** extra environment for the bot (LOG_LEVEL, …) */
  botEnv?: Record<string, string>;
  /** another build of the bot to measure (A/B experiments on a scratch copy) */
  botScript?: string;
  /** progress lines (stderr by default when run from the CLI) */
  progress?: (line: string) => void;
}

export interface LevelResult {
  concurrency: number;
  requests: number;
  latency: LatencySummary;
  ack: LatencySummary;
  perSecond: number;
  /** no reply, HTTP status other than 200, or a reply that was not the expected one */
  errors: number;
  /** bot: replies that were a card but not a summary (a refusal, "busy") */
  notSummary: number;
  cpuMsPerRequest?: number;
  /** main-thread busy time per request (event-loop utilisation, measured inside the process) */
  mainThreadMsPerRequest?: number;
  /** everything the in-process probe measured during this level */
  probe?: ProbePhase;
}

export interface TargetResult {
  target: BenchTarget;
  coldStartMs: number[];
  firstReplyMs: number;
  levels: LevelResult[];
  peakRssMB?: number;
  rssAfterMB?: number;
  logBytesPerRequest: number;
}

export interface BotBenchResult {
  logBytes: number;
  /** os.loadavg() when the section started: how busy the (shared) machine was */
  loadAverage?: number[];
  results: TargetResult[];
}

const DEFAULT_REQUESTS: Record<number, number> = { 1: 150, 10: 400, 50: 1000 };
const LOG_NAME = 'AzureBackup_Check_NW_20240611_093015.log';

/**
 * dist/main.js and dist/bench/echo-bot.js; under tsx (tests) the .ts sources with tsx's hook. The bot
 * gets the node flags of `npm start`; the echo bot, the framework's baseline, runs with none.
 */
function entryOf(target: BenchTarget, botScript?: string): { script: string; nodeArgs: string[] } {
  const ext = extname(__filename);
  const script = target === 'bot' ? (botScript ?? resolve(__dirname, '..', `main${ext}`)) : join(__dirname, `echo-bot${ext}`);
  const hook = ext === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [];
  return { script, nodeArgs: target === 'bot' ? [...productionNodeFlags(), ...hook] : hook };
}

function botEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    LOG_LEVEL: 'info',
    DOWNLOAD_ALLOWED_HOSTS: '127.0.0.1',
    DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS: 'true',
    ...extra,
  };
}

interface Harness {
  connector: BenchConnector;
  files: BenchFileHost;
  logBytes: number;
}

async function startProcess(target: BenchTarget, options: BotBenchOptions): Promise<{ proc: BotProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), `nwcheck-bench-${target}-`));
  const entry = entryOf(target, options.botScript);
  const nodeArgs = [...entry.nodeArgs, ...(options.nodeArgs ?? [])];
  try {
    const proc = await spawnBot({
      script: entry.script,
      nodeArgs,
      port: await freePort(),
      cwd: dataDir,
      probeDir: dataDir,
      env: target === 'bot' ? botEnv(dataDir, options.botEnv) : { MicrosoftAppId: '', MicrosoftAppPassword: '' },
    });
    return { proc, dataDir };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

let runCounter = 0;

function makeActivity(h: Harness, label: string) {
  const run = `${process.pid}-${++runCounter}`;
  return (i: number) => {
    const conversationId = `a:bench-${label}-${run}-${i}`;
    const activity = fileMessageActivity({
      serviceUrl: h.connector.serviceUrl,
      conversationId,
      activityId: `bench-${run}-${i}`,
      userId: `user-${run}-${i}`,
      fileName: LOG_NAME,
      downloadUrl: h.files.urlFor(`${run}-${i}-${LOG_NAME}`),
    });
    return { conversationId, body: JSON.stringify(activity) };
  };
}

function isError(target: BenchTarget, s: Sample): boolean {
  if (s.status !== 200 || s.kind === 'none') return true;
  return target === 'bot' ? s.kind !== 'summary' : s.kind !== 'text';
}

async function measureTarget(target: BenchTarget, h: Harness, options: BotBenchOptions): Promise<TargetResult> {
  const say = options.progress ?? (() => undefined);
  const concurrencies = options.concurrencies ?? [1, 10, 50];
  const requestsAt = options.requestsAt ?? ((c: number) => DEFAULT_REQUESTS[c] ?? 30 * c);
  const replyTimeoutMs = options.replyTimeoutMs ?? 30_000;
  const coldStartMs: number[] = [];

  const { proc, dataDir } = await startProcess(target, options);
  coldStartMs.push(proc.coldStartMs);
  say(`${target}: pid ${proc.pid}, cold start ${proc.coldStartMs.toFixed(0)} ms`);
  const result: TargetResult = { target, coldStartMs, firstReplyMs: Number.NaN, levels: [], logBytesPerRequest: 0 };
  let sent = 0;
  try {
    const first = await runLoad({ origin: proc.origin, connector: h.connector, concurrency: 1, requests: 1, activity: makeActivity(h, `${target}-first`), replyTimeoutMs });
    result.firstReplyMs = first.samples[0]?.latencyMs ?? Number.NaN;
    const warmup = options.warmup ?? 60;
    await runLoad({ origin: proc.origin, connector: h.connector, concurrency: 1, requests: Math.ceil(warmup / 3), activity: makeActivity(h, `${target}-warm1`), replyTimeoutMs });
    await runLoad({ origin: proc.origin, connector: h.connector, concurrency: Math.min(10, warmup), requests: warmup, activity: makeActivity(h, `${target}-warm10`), replyTimeoutMs });
    const logBefore = proc.stdoutBytes();
    for (const concurrency of concurrencies) {
      const requests = requestsAt(concurrency);
      const cpuBefore = proc.cpuMs();
      await proc.probe(); // a new phase starts here
      const load = await runLoad({ origin: proc.origin, connector: h.connector, concurrency, requests, activity: makeActivity(h, `${target}-c${concurrency}`), replyTimeoutMs });
      const cpuAfter = proc.cpuMs();
      const probe = await proc.probe();
      sent += requests;
      const ok = load.samples.filter((s) => !isError(target, s));
      const level: LevelResult = {
        concurrency,
        requests,
        latency: summarize(ok.map((s) => s.latencyMs)),
        ack: summarize(load.samples.filter((s) => s.status === 200).map((s) => s.ackMs)),
        perSecond: (ok.length * 1000) / load.elapsedMs,
        errors: load.samples.length - ok.length,
        notSummary: load.samples.filter((s) => s.kind === 'card').length,
      };
      if (cpuBefore !== undefined && cpuAfter !== undefined) level.cpuMsPerRequest = (cpuAfter - cpuBefore) / requests;
      if (probe) {
        level.mainThreadMsPerRequest = probe.eluActiveMs / requests;
        level.probe = probe;
      }
      result.levels.push(level);
      say(
        `${target} c=${concurrency}: ${requests} requests, p50 ${level.latency.p50.toFixed(1)} / p95 ${level.latency.p95.toFixed(1)} / p99 ${level.latency.p99.toFixed(1)} ms, ${level.perSecond.toFixed(1)}/s, errors ${level.errors}`,
      );
    }
    result.logBytesPerRequest = (proc.stdoutBytes() - logBefore) / Math.max(1, sent);
    const mem = proc.memory();
    if (mem) {
      result.peakRssMB = mem.peakRssMB;
      result.rssAfterMB = mem.rssMB;
    }
  } finally {
    const code = await proc.stop();
    if (code !== 0 && code !== null) say(`${target}: exited with ${code}\n${proc.stderrTail()}`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (let i = 1; i < (options.coldStartRuns ?? 3); i++) {
    const again = await startProcess(target, { ...options, nodeArgs: [] });
    coldStartMs.push(again.proc.coldStartMs);
    await again.proc.stop();
    rmSync(again.dataDir, { recursive: true, force: true });
  }
  return result;
}

export async function measureBot(options: BotBenchOptions = {}): Promise<BotBenchResult> {
  const loadAverage = loadavg();
  const log = synthLogOfSize(options.logBytes ?? 30 * 1024, { failEvery: 5, seed: 7 });
  const connector = await startBenchConnector();
  const files = await startBenchFileHost(log);
  const h: Harness = { connector, files, logBytes: log.length };
  try {
    const results: TargetResult[] = [];
    // the baseline first: the bot's run then cannot be helped by a warmer machine
    for (const target of options.targets ?? (['echo', 'bot'] as const)) results.push(await measureTarget(target, h, options));
    return { logBytes: log.length, loadAverage, results };
  } finally {
    await connector.close();
    await files.close();
  }
}

const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

export function botFigures(r: BotBenchResult): BenchFigure[] {
  const out: BenchFigure[] = [];
  const bot = r.results.find((x) => x.target === 'bot');
  const echo = r.results.find((x) => x.target === 'echo');
  const kb = Math.round(r.logBytes / 1024);
  if (r.loadAverage) {
    out.push({ id: 'load-average', label: 'machine load average at start (1 min)', value: round(r.loadAverage[0] ?? Number.NaN, 2), unit: '', note: `5 min ${round(r.loadAverage[1] ?? Number.NaN, 2)}, 15 min ${round(r.loadAverage[2] ?? Number.NaN, 2)}; shared machine` });
  }
  for (const t of [bot, echo]) {
    if (!t) continue;
    const who = t.target === 'bot' ? 'bot' : 'echo baseline';
    const isBot = t.target === 'bot';
    const cold = median(t.coldStartMs);
    out.push({
      id: `${t.target}-cold-start-ms`,
      label: `${who}: cold start (spawn → /healthz 200)`,
      value: round(cold, 0),
      unit: 'ms',
      ...(isBot ? { target: { op: '<=' as const, value: 1500 } } : {}),
      note: `median of ${t.coldStartMs.length}, max ${Math.round(Math.max(...t.coldStartMs))}`,
    });
    out.push({ id: `${t.target}-first-reply-ms`, label: `${who}: first reply after start`, value: round(t.firstReplyMs), unit: 'ms', note: 'one request, cold code paths' });
    for (const l of t.levels) {
      const c = l.concurrency;
      const n = `${l.requests} requests${isBot ? `, ${kb} KB log` : ''}`;
      out.push({ id: `${t.target}-c${c}-p50-ms`, label: `${who} c=${c}: p50`, value: round(l.latency.p50), unit: 'ms', note: n });
      out.push({ id: `${t.target}-c${c}-p95-ms`, label: `${who} c=${c}: p95`, value: round(l.latency.p95), unit: 'ms' });
      out.push({
        id: `${t.target}-c${c}-p99-ms`,
        label: `${who} c=${c}: p99`,
        value: round(l.latency.p99),
        unit: 'ms',
        ...(isBot && c === 50 ? { target: { op: '<=' as const, value: 200 } } : {}),
        note: `max ${round(l.latency.max)}; HTTP ack p99 ${round(l.ack.p99)}`,
      });
      out.push({
        id: `${t.target}-c${c}-per-second`,
        label: `${who} c=${c}: ${isBot ? 'analyses' : 'replies'}/s`,
        value: round(l.perSecond),
        unit: '/s',
        ...(l.cpuMsPerRequest !== undefined ? { note: `${round(l.cpuMsPerRequest, 2)} ms CPU (all threads) per request` } : {}),
      });
      if (l.mainThreadMsPerRequest !== undefined) {
        out.push({
          id: `${t.target}-c${c}-main-thread-ms`,
          label: `${who} c=${c}: main thread busy per request`,
          value: round(l.mainThreadMsPerRequest, 2),
          unit: 'ms',
          note: `event-loop utilisation ${round(100 * (l.probe?.elu ?? Number.NaN), 0)} %; loop delay p99 ${round(l.probe?.loopDelayP99Ms ?? Number.NaN)} ms; peak heap used ${round(l.probe?.peakHeapUsedMB ?? Number.NaN, 0)} of ${round(l.probe?.peakHeapTotalMB ?? Number.NaN, 0)} MB`,
        });
      }
      out.push({
        id: `${t.target}-c${c}-errors`,
        label: `${who} c=${c}: requests without the expected reply`,
        value: l.errors,
        unit: '',
        target: { op: '<=', value: 0 },
        ...(l.notSummary > 0 ? { note: `${l.notSummary} answered with another card (refusal / busy)` } : {}),
      });
    }
    if (t.peakRssMB !== undefined) {
      out.push({
        id: `${t.target}-peak-rss-mb`,
        label: `${who}: peak RSS of the process`,
        value: round(t.peakRssMB, 0),
        unit: 'MB',
        ...(isBot ? { target: { op: '<=' as const, value: 250 } } : {}),
        note: `VmHWM; ${round(t.rssAfterMB ?? Number.NaN, 0)} MB at the end`,
      });
    }
    const last = t.levels[t.levels.length - 1]?.probe;
    if (last && Number.isFinite(last.heapAfterGcMB)) {
      out.push({
        id: `${t.target}-heap-after-gc-mb`,
        label: `${who}: heap still in use after the run`,
        value: round(last.heapAfterGcMB, 0),
        unit: 'MB',
        note: `after a full GC; peak heap used ${round(last.peakHeapUsedMB, 0)} MB (uncollected garbage included)`,
      });
    }
    if (isBot) out.push({ id: 'bot-log-bytes-per-analysis', label: 'bot: log output per analysis', value: round(t.logBytesPerRequest, 0), unit: 'B', note: 'stdout, LOG_LEVEL=info' });
  }
  if (bot && echo) {
    for (const l of bot.levels) {
      const e = echo.levels.find((x) => x.concurrency === l.concurrency);
      if (!e) continue;
      out.push({
        id: `throughput-ratio-c${l.concurrency}`,
        label: `bot / echo throughput, c=${l.concurrency}`,
        value: round(l.perSecond / e.perSecond, 2),
        unit: '×',
        ...(l.concurrency === 50 ? { target: { op: '>=' as const, value: 0.5 } } : {}),
        note: `${round(l.perSecond)} / ${round(e.perSecond)} per s`,
      });
    }
  }
  return out;
}

export function makeBotBenchSection(options: BotBenchOptions = {}): BenchSection {
  return {
    id: 'bot',
    title: 'Bot end to end over HTTP (vs. echo bot)',
    run: async () => botFigures(await measureBot({ progress: (line) => process.stderr.write(`  ${line}\n`), ...options })),
  };
}

export const botBenchSection: BenchSection = makeBotBenchSection();

let json = false;

function parseArgs(argv: readonly string[]): BotBenchOptions {
  const options: BotBenchOptions = { progress: (line) => process.stderr.write(`${line}\n`) };
  const nodeArgs: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('--only=')) options.targets = [arg.slice('--only='.length) as BenchTarget];
    else if (arg.startsWith('--node-arg=')) nodeArgs.push(arg.slice('--node-arg='.length));
    else if (arg.startsWith('--requests=')) {
      // one count for every level, or one per level of --concurrency (in its order)
      const counts = arg.slice('--requests='.length).split(',').map(Number);
      options.requestsAt = (c) => counts[Math.max(0, (options.concurrencies ?? [1, 10, 50]).indexOf(c))] ?? counts[0]!;
    } else if (arg.startsWith('--concurrency=')) options.concurrencies = arg.slice('--concurrency='.length).split(',').map(Number);
    else if (arg.startsWith('--cold-starts=')) options.coldStartRuns = Number(arg.slice('--cold-starts='.length));
    else if (arg.startsWith('--log-level=')) options.botEnv = { ...options.botEnv, LOG_LEVEL: arg.slice('--log-level='.length) };
    else if (arg.startsWith('--bot-env=')) {
      // one variable of the bot's environment (A/B of a setting): --bot-env=REPLY_IN_TURN_MS=0
      const pair = arg.slice('--bot-env='.length);
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new Error(`--bot-env wants NAME=value, got ${pair}`);
      options.botEnv = { ...options.botEnv, [pair.slice(0, eq)]: pair.slice(eq + 1) };
    }
    else if (arg.startsWith('--bot-script=')) options.botScript = resolve(arg.slice('--bot-script='.length));
    else if (arg === '--json') json = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (nodeArgs.length > 0) options.nodeArgs = nodeArgs;
  return options;
}

if (require.main === module) {
  measureBot(parseArgs(process.argv.slice(2))).then(
    (r) => {
      if (json) {
        process.stdout.write(`${JSON.stringify(r)}\n`);
        return;
      }
      for (const f of botFigures(r)) process.stdout.write(`${f.id.padEnd(34)} ${String(f.value).padStart(9)} ${f.unit.padEnd(3)} ${f.note ?? ''}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`bot bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
