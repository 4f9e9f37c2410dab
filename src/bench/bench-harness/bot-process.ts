// Starts a bot as its own process (`node dist/main.js`, or the echo baseline), so memory and
// cold start are that process's and not the bench's. Cold start = from spawn() to the first
// 200 on GET /healthz. The child gets only the environment given here (plus PATH/HOME) and runs
// in its DATA_DIR as working directory, so a developer's .env or shell settings cannot change
// what is measured. Its stdout (the log) goes to a file, not a pipe back to the bench: a pipe
// the busy bench process drains late would block the bot's synchronous log writes and bill the
// bench's own lateness to the bot.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import * as http from 'node:http';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ProbePhase } from './probe';
import { readProcCpuMs, readProcMemory, type ProcMemory } from './proc-stats';

export interface SpawnBotOptions {
  /** JavaScript entry (absolute path) */
  script: string;
  /** node flags before the script (--cpu-prof, --import tsx, …) */
  nodeArgs?: readonly string[];
  port: number;
  env: Record<string, string>;
  cwd: string;
  /** give up waiting for /healthz after this long (default 20 000 ms) */
  startTimeoutMs?: number;
  /** preload the probe (probe.ts), writing its phases into this folder */
  probeDir?: string;
  /** where stdout goes (default: <cwd>/stdout.log) */
  stdoutFile?: string;
}

export interface BotProcess {
  pid: number;
  origin: string;
  /** spawn() → first GET /healthz 200 */
  coldStartMs: number;
  memory(): ProcMemory | undefined;
  /** CPU time the process has used so far (ms), undefined without /proc */
  cpuMs(): number | undefined;
  /** bytes the process wrote to stdout (its log) */
  stdoutBytes(): number;
  stderrTail(): string;
  /** ends the probe's current phase and returns its figures (undefined without a probe) */
  probe(): Promise<ProbePhase | undefined>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed) */
  stop(graceMs?: number): Promise<number | null>;
}

const TAIL = 16 * 1024;

function healthz(origin: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(`${origin}/healthz`, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function spawnBot(options: SpawnBotOptions): Promise<BotProcess> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env, PORT: String(options.port), HOST: '127.0.0.1' };
  if (process.env.HOME) env.HOME = process.env.HOME;
  const nodeArgs = [...(options.nodeArgs ?? [])];
  if (options.probeDir) {
    env.BENCH_PROBE_DIR = options.probeDir;
    nodeArgs.push('--require', join(__dirname, `probe${extname(__filename)}`));
  }
  const started = performance.now();
  const stdoutFile = options.stdoutFile ?? join(options.cwd, 'stdout.log');
  const out = openSync(stdoutFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, options.script], { cwd: options.cwd, env, stdio: ['ignore', out, 'pipe'] });
  closeSync(out); // the child has its own copy
  const stdoutBytes = (): number => {
    try {
      return statSync(stdoutFile).size;
    } catch {
      return 0;
    }
  };
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-TAIL);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${options.script}`);

  const deadline = started + (options.startTimeoutMs ?? 20_000);
  let coldStartMs = -1;
  while (coldStartMs < 0) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.script} exited (${child.exitCode ?? child.signalCode}) before /healthz answered:\n${stderr}`);
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.script}: /healthz did not answer 200 within ${options.startTimeoutMs ?? 20_000} ms:\n${stderr}`);
    }
    if ((await healthz(origin)) === 200) coldStartMs = performance.now() - started;
    else await new Promise((r) => setTimeout(r, 5));
  }

  let phase = 0;
  return {
    pid,
    origin,
    async probe() {
      if (!options.probeDir) return undefined;
      const file = join(options.probeDir, `phase-${phase++}.json`);
      child.kill('SIGUSR2');
      const until = performance.now() + 5000;
      while (!existsSync(file)) {
        if (performance.now() > until) return undefined;
        await new Promise((r) => setTimeout(r, 5));
      }
      return JSON.parse(readFileSync(file, 'utf8')) as ProbePhase;
    },
    coldStartMs,
    memory: () => readProcMemory(pid),
    cpuMs: () => readProcCpuMs(pid),
    stdoutBytes,
    stderrTail: () => stderr,
    async stop(graceMs = 15_000) {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await done;
      clearTimeout(timer);
      return code;
    },
  };
}
