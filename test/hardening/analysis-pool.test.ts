// R14 / B11: analysis runs in a worker thread with a heap cap and a time budget. The main event
// loop keeps answering (/healthz over real HTTP) while a 20 MB log is parsed; a job that overruns
// its budget fails with 'analysis-timeout', its worker is replaced, and the next job works.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { analyzeBytes } from '../../src/analyzer';
import { AnalysisPool, AnalysisWorkerError } from '../../src/bot/analysis-worker/analysis-pool';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');
const MB = 1024 * 1024;

/** A ~19 MB log: one real fixture repeated (the analyzer reads it as one long run). */
function bigLog(): Buffer {
  const base = readFileSync(join(FIXTURES, 'win-en-system-proxy.log'));
  const parts: Buffer[] = [];
  let n = 0;
  while (n < 19 * MB) {
    parts.push(base);
    n += base.length;
  }
  return Buffer.concat(parts);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function expectReason(p: Promise<unknown>, reason: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => err instanceof AnalysisWorkerError && err.reason === reason);
}

describe('hardening/analysis-pool (R14, B11)', function () {
  this.timeout(60_000);
  const limits = { maxBytes: 20 * MB };

  it('gives the same outcome as analyzeBytes on the main thread', async () => {
    const pool = new AnalysisPool({ limits });
    try {
      for (const name of ['win-ja-cp932.log', 'win-en-utf16.log', 'linux-proxy-failures.log', 'not-a-log.txt']) {
        const bytes = readFileSync(join(FIXTURES, name));
        const direct = await analyzeBytes(bytes, { fileName: name, limits });
        const viaWorker = await pool.analyze(bytes, name);
        assert.deepEqual(viaWorker, direct, name);
      }
      assert.deepEqual(await pool.analyze(new Uint8Array(0), 'empty.log'), await analyzeBytes(new Uint8Array(0), { fileName: 'empty.log', limits }));
    } finally {
      await pool.close();
    }
  });

  it('jobs handed to the worker together (pipelined) come back to their own callers, a zip among them', async () => {
    const pool = new AnalysisPool({ limits });
    try {
      const names = ['win-en-dns-failure.log', 'linux-healthy.log', 'win-ja-cp932.log'];
      const inputs: [string, Uint8Array][] = names.map((n) => [n, readFileSync(join(FIXTURES, n))]);
      // a zip is read asynchronously: the next job must still not start beside it
      inputs.splice(1, 0, ['logs.zip', zipSync({ 'a.log': inputs[0]![1], 'b.log': inputs[2]![1] })]);
      const direct = await Promise.all(inputs.map(([n, b]) => analyzeBytes(b, { fileName: n, limits })));
      const viaWorker = await Promise.all(inputs.map(([n, b]) => pool.analyze(b, n)));
      assert.deepEqual(viaWorker, direct);
    } finally {
      await pool.close();
    }
  });

  // No latency threshold here (shared, noisy machines: speed targets live in `npm run bench`).
  // What is asserted is the behaviour: the event loop keeps answering while the analysis runs,
  // which cannot happen if the parse ran on the main thread.
  it('R14: /healthz keeps answering while a 20 MB log is analyzed', async () => {
    const big = bigLog();
    const pool = new AnalysisPool({ limits, timeoutMs: 30_000 });
    await pool.warm();
    const server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      let done = false;
      const analysis = pool.analyze(big, 'AzureBackup_Check_NW_big.log').finally(() => (done = true));
      const latencies: number[] = [];
      while (!done) {
        const t0 = performance.now();
        const res = await fetch(url);
        await res.text();
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 5));
      }
      const outcome = await analysis;
      assert.equal(outcome.kind, 'reports');
      assert.ok(latencies.length >= 2, `only ${latencies.length} probes answered during the analysis`);
      const p99 = percentile(latencies, 99);
      if (process.env.HARDENING_FIGURES) console.log(`      R14: ${latencies.length} probes, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    } finally {
      server.close();
      await pool.close();
    }
  });

  it('B11: a job over its budget fails with analysis-timeout, the worker is replaced, the next job works', async () => {
    // A budget far below what decoding + parsing 19 MB needs, so the job overruns it however fast
    // the analyzer gets; the job must end at the budget, not after the whole parse.
    const pool = new AnalysisPool({ limits, timeoutMs: 30_000 });
    await pool.warm();
    try {
      await expectReason(pool.analyze(bigLog(), 'AzureBackup_Check_NW_big.log', { timeoutMs: 5 }), 'analysis-timeout');
      assert.equal(pool.stats().replaced, 1);
      const small = readFileSync(join(FIXTURES, 'win-en-dns-failure.log'));
      const outcome = await pool.analyze(small, 'win-en-dns-failure.log');
      assert.equal(outcome.kind, 'reports');
    } finally {
      await pool.close();
    }
  });

  it("a full queue answers 'busy' at once; queued jobs run in order afterwards", async () => {
    const pool = new AnalysisPool({ limits, maxQueue: 2, timeoutMs: 30_000 });
    await pool.warm();
    try {
      const small = readFileSync(join(FIXTURES, 'linux-healthy.log'));
      const running = pool.analyze(bigLog(), 'big.log', { timeoutMs: 5 }); // overruns any budget this small
      const q1 = pool.analyze(small, 'a.log');
      const q2 = pool.analyze(small, 'b.log');
      await expectReason(pool.analyze(small, 'c.log'), 'busy');
      assert.deepEqual({ ...pool.stats(), replaced: 0 }, { running: 1, queued: 2, workers: 1, replaced: 0 });
      await expectReason(running, 'analysis-timeout');
      assert.equal((await q1).kind, 'reports');
      assert.equal((await q2).kind, 'reports');
    } finally {
      await pool.close();
    }
  });

  describe('failure handling (a misbehaving worker module)', () => {
    const entry = join(__dirname, 'support', 'misbehaving-worker.ts');

    it('a worker that runs out of heap fails the job (analysis-failed), is replaced, and the pool goes on', async () => {
      const pool = new AnalysisPool({ workerEntry: entry, maxHeapMb: 64, timeoutMs: 20_000 });
      await pool.warm();
      try {
        await expectReason(pool.analyze(new Uint8Array(1), 'oom'), 'analysis-failed');
        assert.equal(pool.stats().replaced, 1);
        assert.deepEqual(await pool.analyze(new Uint8Array(1), 'fine'), { kind: 'reports', reports: [] });
      } finally {
        await pool.close();
      }
    });

    it('the job queued behind a stuck one in the same worker is not lost: it runs on the replacement', async () => {
      const pool = new AnalysisPool({ workerEntry: entry, timeoutMs: 300, size: 1 });
      await pool.warm();
      try {
        const stuck = pool.analyze(new Uint8Array(1), 'spin');
        const behind = pool.analyze(new Uint8Array(1), 'fine');
        assert.deepEqual({ ...pool.stats(), replaced: 0 }, { running: 1, queued: 1, workers: 1, replaced: 0 });
        await expectReason(stuck, 'analysis-timeout');
        assert.deepEqual(await behind, { kind: 'reports', reports: [] });
        assert.equal(pool.stats().replaced, 1);
      } finally {
        await pool.close();
      }
    });

    it("a job's budget starts when the job ahead of it in the worker has finished", async () => {
      // each 'busy400' job takes ~400 ms: counted from when it was handed over, the second would
      // be at ~800 ms and overrun its 600 ms budget; counted from its own start it is within
      const pool = new AnalysisPool({ workerEntry: entry, timeoutMs: 600, size: 1 });
      await pool.warm();
      try {
        const results = await Promise.allSettled([pool.analyze(new Uint8Array(1), 'busy400'), pool.analyze(new Uint8Array(1), 'busy400')]);
        assert.deepEqual(
          results.map((r) => r.status),
          ['fulfilled', 'fulfilled'],
        );
        assert.equal(pool.stats().replaced, 0);
      } finally {
        await pool.close();
      }
    });

    it('pipelineDepth 1: nothing waits inside a worker', async () => {
      const pool = new AnalysisPool({ workerEntry: entry, timeoutMs: 2000, size: 1, pipelineDepth: 1 });
      await pool.warm();
      try {
        const jobs = [pool.analyze(new Uint8Array(1), 'busy400'), pool.analyze(new Uint8Array(1), 'fine')];
        assert.deepEqual({ ...pool.stats(), replaced: 0 }, { running: 1, queued: 1, workers: 1, replaced: 0 });
        await Promise.all(jobs);
      } finally {
        await pool.close();
      }
    });

    it('a stuck worker is terminated at the budget; an analyzer exception is analysis-failed', async () => {
      const pool = new AnalysisPool({ workerEntry: entry, timeoutMs: 300, size: 2 });
      await pool.warm();
      try {
        const [stuck, threw, fine] = await Promise.allSettled([
          pool.analyze(new Uint8Array(1), 'spin'),
          pool.analyze(new Uint8Array(1), 'throw'),
          pool.analyze(new Uint8Array(1), 'fine'),
        ]);
        assert.equal(stuck.status === 'rejected' && (stuck.reason as AnalysisWorkerError).reason, 'analysis-timeout');
        assert.equal(threw.status === 'rejected' && (threw.reason as AnalysisWorkerError).reason, 'analysis-failed');
        assert.equal(fine.status, 'fulfilled');
        assert.equal(pool.stats().replaced, 1);
      } finally {
        await pool.close();
      }
    });
  });

  it('close() rejects queued work with analysis-closed and later calls too', async () => {
    const pool = new AnalysisPool({ limits });
    const small = readFileSync(join(FIXTURES, 'linux-healthy.log'));
    const pending = expectReason(pool.analyze(small, 'x.log'), 'analysis-closed');
    await pool.close();
    await pending;
    await expectReason(pool.analyze(small, 'y.log'), 'analysis-closed');
  });
});
