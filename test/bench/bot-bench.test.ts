// Smoke test of the bot bench harness with tiny counts: the real bot and the echo baseline as
// child processes (from the TypeScript sources through tsx), the fake connector and file host on
// loopback, and the figures built from it. Checks plumbing and attribution only — never timings.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeFigure } from '../../src/bench/bench-section';
import { startBenchConnector } from '../../src/bench/bench-harness/bench-connector';
import { startBenchFileHost } from '../../src/bench/bench-harness/bench-file-host';
import { readProcCpuMs, readProcMemory } from '../../src/bench/bench-harness/proc-stats';
import { percentile, summarize } from '../../src/bench/bench-harness/stats';
import { packageOf, summarizeProfile, type CpuProfile } from '../../src/bench/bench-harness/summarize-profile';
import { botFigures, measureBot, type BotBenchResult, type LevelResult } from '../../src/bench/bot-bench';
import { cardFigures, largestFixture, measureCards } from '../../src/bench/card-bench';

const onLinux = process.platform === 'linux';

describe('bot bench harness', function () {
  this.timeout(120_000);

  it('measures the real bot and the echo baseline end to end (tiny counts, no timing asserts)', async () => {
    const r = await measureBot({ concurrencies: [1, 3], requestsAt: () => 3, warmup: 2, coldStartRuns: 1, botEnv: { LOG_LEVEL: 'silent' } });
    assert.deepEqual(r.results.map((x) => x.target), ['echo', 'bot']);
    assert.ok(r.logBytes > 25 * 1024 && r.logBytes < 35 * 1024, `~30 KB log (${r.logBytes})`);
    for (const t of r.results) {
      assert.equal(t.levels.length, 2);
      for (const l of t.levels) {
        assert.equal(l.errors, 0, `${t.target} c=${l.concurrency}: every request got the expected reply`);
        assert.equal(l.latency.count, 3);
        assert.ok(l.latency.p50 > 0 && l.latency.p99 >= l.latency.p50);
      }
      assert.ok(t.coldStartMs.length === 1 && t.coldStartMs[0]! > 0);
      assert.ok(Number.isFinite(t.firstReplyMs));
      if (onLinux) assert.ok((t.peakRssMB ?? 0) > 10, 'peak RSS read from /proc');
    }
    const ids = botFigures(r).map((f) => f.id);
    for (const id of ['bot-cold-start-ms', 'bot-c3-p99-ms', 'echo-c1-p50-ms', 'throughput-ratio-c3', 'bot-c1-errors']) assert.ok(ids.includes(id), id);
  });
});

describe('bot bench figures', () => {
  const level = (concurrency: number, p99: number, perSecond: number, errors = 0): LevelResult => ({
    concurrency,
    requests: 100,
    latency: { count: 100, p50: p99 / 2, p95: p99 * 0.9, p99, max: p99, mean: p99 / 2 },
    ack: { count: 100, p50: 1, p95: 1, p99: 1, max: 1, mean: 1 },
    perSecond,
    errors,
    notSummary: 0,
  });
  const result = (botP99: number, botRate: number, rss: number, cold: number, errors = 0): BotBenchResult => ({
    logBytes: 30 * 1024,
    results: [
      { target: 'echo', coldStartMs: [500], firstReplyMs: 5, levels: [level(50, 100, 400)], peakRssMB: 100, logBytesPerRequest: 0 },
      { target: 'bot', coldStartMs: [cold, cold + 10, cold - 10], firstReplyMs: 50, levels: [level(50, botP99, botRate, errors)], peakRssMB: rss, logBytesPerRequest: 900 },
    ],
  });
  const status = (r: BotBenchResult, id: string) => {
    const f = botFigures(r).find((x) => x.id === id);
    assert.ok(f, id);
    return judgeFigure(f);
  };

  it('puts the issue targets on p99 at c=50, throughput ratio, peak RSS and cold start', () => {
    const good = result(150, 300, 200, 1000);
    for (const id of ['bot-c50-p99-ms', 'throughput-ratio-c50', 'bot-peak-rss-mb', 'bot-cold-start-ms', 'bot-c50-errors']) assert.equal(status(good, id), 'ok', id);
    const bad = result(450, 90, 600, 3100, 2);
    for (const id of ['bot-c50-p99-ms', 'throughput-ratio-c50', 'bot-peak-rss-mb', 'bot-cold-start-ms', 'bot-c50-errors']) assert.equal(status(bad, id), 'failed', id);
    assert.equal(status(result(300, 180, 300, 2000), 'bot-c50-p99-ms'), 'missed', 'off by less than 2×');
    assert.equal(status(good, 'echo-c50-p99-ms'), 'info', 'the baseline has no target');
  });

  it('reports the median cold start and the throughput ratio', () => {
    const figures = botFigures(result(150, 300, 200, 1000));
    assert.equal(figures.find((f) => f.id === 'bot-cold-start-ms')?.value, 1000);
    assert.equal(figures.find((f) => f.id === 'throughput-ratio-c50')?.value, 0.75);
  });
});

describe('bench harness parts', () => {
  it('percentiles are nearest-rank (a reported p99 is a latency some request had)', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 100), 100);
    assert.equal(percentile([7], 99), 7);
    assert.ok(Number.isNaN(percentile([], 50)));
    const s = summarize([3, 1, 2]);
    assert.deepEqual([s.count, s.p50, s.max, s.mean], [3, 2, 3, 2]);
  });

  it('the fake connector hands each conversation its own reply, tells summary cards apart, and times out', async () => {
    const connector = await startBenchConnector();
    try {
      const summary = connector.waitForReply('a:one', 5000);
      const other = connector.waitForReply('a:two', 5000);
      const post = (conv: string, body: unknown) =>
        fetch(`${connector.serviceUrl}v3/conversations/${encodeURIComponent(conv)}/activities/act-1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await post('a:one', { type: 'typing' });
      await post('a:two', { type: 'message', text: 'echo: hi' });
      await post('a:one', { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { actions: [{ verb: 'showAllEndpoints' }] } }] });
      assert.equal((await summary).kind, 'summary');
      assert.equal((await summary).replyToId, 'act-1');
      assert.equal((await other).kind, 'text');
      assert.deepEqual(connector.counts(), { messages: 2, typing: 1, other: 0, unmatched: 0 });
      await assert.rejects(connector.waitForReply('a:never', 50), /no reply/);
      const cancelled = connector.waitForReply('a:cancelled', 5000);
      connector.cancel('a:cancelled');
      await assert.rejects(cancelled, /cancelled/);
    } finally {
      await connector.close();
    }
  });

  it('the file host serves the log under /personal/ and nothing else', async () => {
    const host = await startBenchFileHost(Buffer.from('log bytes'));
    try {
      const ok = await fetch(host.urlFor('a b.log'));
      assert.equal(await ok.text(), 'log bytes');
      assert.equal((await fetch(`${host.origin}/other`)).status, 404);
      assert.equal(host.served(), 1);
    } finally {
      await host.close();
    }
  });

  (onLinux ? it : it.skip)('reads memory and CPU time of a process from /proc', () => {
    const mem = readProcMemory(process.pid);
    assert.ok(mem && mem.rssMB > 1 && mem.peakRssMB >= mem.rssMB);
    assert.ok((readProcCpuMs(process.pid) ?? -1) >= 0);
    assert.equal(readProcMemory(2 ** 30), undefined);
  });

  it('summarizes a cpuprofile: self time by function and package, inclusive time counted once per stack', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
    const profile: CpuProfile = {
      startTime: 0,
      endTime: 100,
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
        { id: 2, callFrame: frame('runJob', 'file:///r/dist/bot/jobs/run-job.js'), children: [3] },
        { id: 3, callFrame: frame('run', 'file:///r/node_modules/better-sqlite3/lib/x.js'), children: [5] },
        { id: 4, callFrame: frame('(idle)', '') },
        { id: 5, callFrame: frame('runJob', 'file:///r/dist/bot/jobs/run-job.js') },
      ],
      // sample i lasts timeDeltas[i + 1] µs
      samples: [3, 3, 5, 4, 2],
      timeDeltas: [0, 1000, 1000, 2000, 5000, 0],
    };
    const s = summarizeProfile(profile);
    assert.equal(s.totalMs, 9);
    assert.equal(s.busyMs, 4);
    assert.deepEqual(s.selfByPackage.map((r) => [r.key, r.ms]), [['better-sqlite3', 2], ['dist/bot', 2]]);
    const runJob = s.inclusiveByFunction.find((r) => r.key.startsWith('runJob'));
    assert.equal(runJob?.ms, 4, 'recursion is not counted twice');
    assert.equal(packageOf('file:///x/node_modules/@azure/core-client/dist/a.js'), '@azure/core-client');
    assert.equal(packageOf('node:internal/streams/readable'), 'node:internals');
  });

  it('card bench: picks the largest fixture and builds its summary card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-bench-'));
    try {
      writeFileSync(join(dir, 'small.log'), 'x');
      writeFileSync(join(dir, 'big.log'), 'xxxx');
      writeFileSync(join(dir, 'big.log.expected.json'), 'x'.repeat(100));
      assert.equal(largestFixture(dir), 'big.log');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const r = await measureCards({ iterations: 5, warmup: 1 });
    assert.ok(r.cardBytes > 1000 && r.endpoints > 0);
    const figures = cardFigures(r);
    assert.ok(figures.every((f) => Number.isFinite(f.value) && f.target === undefined), 'cards have no target: figures only');
  });
});
