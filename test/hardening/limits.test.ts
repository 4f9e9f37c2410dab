// R5 (duplicate delivery), R9 (burst from many users), R10 (per-conversation send rate) through
// the real ingress (restify + CloudAdapter + JWT validation against fakeJwks) with the limits
// middleware and pacer installed, plus unit checks of the building blocks.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TurnContext } from 'botbuilder';
import { Bulkhead, BusyError, limitConcurrency } from '../../src/bot/limits/bulkhead';
import { baseConversationId } from '../../src/bot/limits/conversation-key';
import { DedupeMiddleware, dedupeKey, isCopyInFlight } from '../../src/bot/limits/dedupe-middleware';
import { RateLimiter, TokenBuckets } from '../../src/bot/limits/rate-limiter';
import { RateLimitMiddleware } from '../../src/bot/limits/rate-limit-middleware';
import { paceConnectorClient, SendPacer } from '../../src/bot/limits/send-pacer';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite-database';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { startFakeJwks, type FakeJwks } from '../support/fake-jwks';
import { APP_ID, captureLogger, post, startGuardedServer, teamsMessage } from '../security/support/guarded-server';
import { startMiniConnector, type MiniConnector } from '../security/support/mini-connector';

describe('hardening/limits', function () {
  this.timeout(30_000);

  describe('building blocks', () => {
    it('Bulkhead: never more than `concurrency` at once; overflow beyond the queue is BusyError', async () => {
      const b = new Bulkhead({ name: 'downloads', concurrency: 3, maxQueue: 5 });
      let running = 0;
      let maxSeen = 0;
      const work = limitConcurrency(async (ms: number) => {
        running++;
        maxSeen = Math.max(maxSeen, running);
        await sleep(ms);
        running--;
        return ms;
      }, b);
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => work(30)));
      assert.equal(maxSeen, 3);
      assert.equal(b.peak, 3);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 8);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(rejected.length, 2);
      for (const r of rejected) assert.ok(r.reason instanceof BusyError && r.reason.reason === 'busy');
      assert.deepEqual(b.stats(), { active: 0, queued: 0, peak: 3 });
      // a failing call frees its slot too
      await assert.rejects(b.run(() => Promise.reject(new Error('x'))));
      assert.equal(b.stats().active, 0);
    });

    it('TokenBuckets / RateLimiter: burst, refill, retry-after, per-key isolation, sweep', () => {
      let now = 0;
      const buckets = new TokenBuckets({ capacity: 2, refillPerSec: 0.5 }, () => now);
      assert.ok(buckets.take('a'));
      assert.ok(buckets.take('a'));
      assert.ok(!buckets.take('a'));
      assert.equal(buckets.waitSec('a'), 2);
      assert.ok(buckets.take('b'), 'another key has its own bucket');
      now = 2000;
      assert.ok(buckets.take('a'));
      now = 100_000;
      buckets.sweep();
      assert.equal(buckets.size(), 0);

      const limiter = new RateLimiter({ perUser: { capacity: 2, refillPerSec: 1 }, perConversation: { capacity: 3, refillPerSec: 0.1 }, now: () => now });
      assert.deepEqual(limiter.check('u1', 'c'), { allowed: true });
      assert.deepEqual(limiter.check('u1', 'c'), { allowed: true });
      const u = limiter.check('u1', 'c');
      assert.equal(u.allowed, false);
      assert.equal(!u.allowed && u.key, 'user:u1');
      assert.deepEqual(limiter.check('u2', 'c'), { allowed: true });
      const c = limiter.check('u3', 'c');
      assert.equal(!c.allowed && c.key, 'conversation:c');
      assert.equal(!c.allowed && c.retryAfterSec, 10);
    });

    it('conversation keys: a channel thread shares its channel budget', () => {
      assert.equal(baseConversationId('19:abc@thread.tacv2;messageid=1700000'), '19:abc@thread.tacv2');
      assert.equal(baseConversationId('a:1on1'), 'a:1on1');
      assert.notEqual(dedupeKey({ channelId: 'msteams', conversation: { id: 'c1' }, id: '1' }), dedupeKey({ channelId: 'msteams', conversation: { id: 'c2' }, id: '1' }));
      assert.match(dedupeKey({ channelId: 'msteams', conversation: { id: 'c1' }, id: '1' })!, /^dedupe\/d\/[A-Za-z0-9_-]{32}$/);
      assert.equal(dedupeKey({ channelId: 'msteams', conversation: { id: 'c1' } }), undefined);
    });

    it('SendPacer: one call at a time per conversation, spaced by 1/perSecond; other conversations independent', async () => {
      const pacer = new SendPacer({ perSecond: 20 });
      const starts: Record<string, number[]> = { a: [], b: [] };
      let inA = 0;
      let maxInA = 0;
      const call = (conv: string) =>
        pacer.run(conv, async () => {
          starts[conv]!.push(Date.now());
          if (conv === 'a') {
            inA++;
            maxInA = Math.max(maxInA, inA);
          }
          await sleep(5);
          if (conv === 'a') inA--;
        });
      await Promise.all([...Array.from({ length: 6 }, () => call('a')), call('b'), call('b')]);
      assert.equal(maxInA, 1);
      const gaps = starts.a!.slice(1).map((t, i) => t - starts.a![i]!);
      for (const g of gaps) assert.ok(g >= 45, `gap ${g} ms`);
      assert.ok(starts.b![0]! - starts.a![0]! < 40, 'b did not wait behind a');
      assert.equal(pacer.lanesInUse(), 0, 'idle lanes are forgotten');
      await assert.rejects(pacer.run('a', () => Promise.reject(new Error('boom'))), /boom/);
      await pacer.run('a', () => Promise.resolve()); // a failure does not block the lane
    });

    it('SendPacer: a typing indicator keeps its place in the lane but neither waits for nor uses up the interval', async () => {
      let now = 1_000;
      const slept: number[] = [];
      const pacer = new SendPacer({
        perSecond: 5,
        now: () => now,
        sleep: (ms) => {
          slept.push(ms);
          now += ms;
          return Promise.resolve();
        },
      });
      const order: string[] = [];
      // the connector client as botbuilder calls it: replyToActivity(conversationId, replyToId, activity)
      const sent: unknown[] = [];
      const client = {
        conversations: {
          replyToActivity: (_id: string, _replyTo: string, activity: { type: string; text?: string }) => {
            order.push(activity.text ?? activity.type);
            sent.push(activity);
            return Promise.resolve({ id: String(sent.length) });
          },
        },
      };
      const paced = paceConnectorClient(client as unknown as Parameters<typeof paceConnectorClient>[0], pacer).conversations as unknown as typeof client.conversations;
      await Promise.all([
        paced.replyToActivity('c', 'm', { type: 'message', text: 'first' }),
        paced.replyToActivity('c', 'm', { type: 'typing' }),
        paced.replyToActivity('c', 'm', { type: 'message', text: 'second' }),
        paced.replyToActivity('c', 'm', { type: 'typing' }),
        paced.replyToActivity('c', 'm', { type: 'message', text: 'third' }),
      ]);
      assert.deepEqual(order, ['first', 'typing', 'second', 'typing', 'third'], 'in order');
      // only the messages are spaced (200 ms at 5/s): the typing indicators cost no interval
      assert.deepEqual(slept, [200, 200]);
    });
  });

  describe('through the real ingress', () => {
    let jwks: FakeJwks;
    let connector: MiniConnector;
    let dir: string;
    let dbs: SqliteDatabase[];
    const bearer = () => `Bearer ${jwks.channelToken(APP_ID, connector.serviceUrl)}`;

    before(async () => {
      jwks = await startFakeJwks();
      connector = await startMiniConnector();
    });
    after(async () => {
      await connector.close();
      await jwks.close();
    });
    beforeEach(() => {
      connector.calls.length = 0;
      dir = mkdtempSync(join(tmpdir(), 'nwcheck-limits-'));
      dbs = [];
    });
    afterEach(() => {
      for (const db of dbs) if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const storage = () => {
      const db = openDatabase(dir);
      dbs.push(db);
      return new SqliteStorage(db);
    };

    it('R5: the same activity delivered twice, sequentially and concurrently, to one or two instances, runs once', async () => {
      const { log } = captureLogger();
      let handled = 0;
      const logic = async (ctx: TurnContext) => {
        // as the bot does for anything answered in the turn: a copy held elsewhere is dropped
        // (without this check the concurrent copies would answer too, and the asserts below fail)
        if (isCopyInFlight(ctx)) return;
        handled++;
        await sleep(50); // still running when the concurrent copy arrives
        await ctx.sendActivity('analysed');
      };
      // two instances on one shared store (two SQLite connections stand in for two machines)
      const a = await startGuardedServer({ jwks, middleware: [new DedupeMiddleware({ storage: storage(), log, scope: 'shared', bootId: 'instance-a' })], logic });
      const b = await startGuardedServer({ jwks, middleware: [new DedupeMiddleware({ storage: storage(), log, scope: 'shared', bootId: 'instance-b' })], logic });
      try {
        const first = teamsMessage(connector.serviceUrl);
        const r1 = await post(a.url, first, bearer());
        const r2 = await post(a.url, first, bearer());
        assert.deepEqual([r1.status, r2.status], [200, 200]);
        const second = teamsMessage(connector.serviceUrl);
        const both = await Promise.all([post(a.url, second, bearer()), post(b.url, second, bearer()), post(a.url, second, bearer())]);
        assert.deepEqual(both.map((r) => r.status), [200, 200, 200]);
        assert.equal(handled, 2, 'one run per distinct activity');
        assert.deepEqual(connector.texts(), ['analysed', 'analysed']);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('R5: a copy arriving after the turn finished is dropped by the done mark, even after the lease', async () => {
      const { log } = captureLogger();
      let now = Date.now();
      let handled = 0;
      const logic = async (ctx: TurnContext) => {
        handled++;
        await ctx.sendActivity('ok');
      };
      const s = await startGuardedServer({ jwks, middleware: [new DedupeMiddleware({ storage: storage(), log, scope: 'shared', now: () => now })], logic });
      try {
        const activity = teamsMessage(connector.serviceUrl);
        await post(s.url, activity, bearer());
        now += 60 * 60_000; // an hour later: the processing lease is long gone, the done mark is not
        await post(s.url, activity, bearer());
        assert.equal(handled, 1);
      } finally {
        await s.close();
      }
    });

    it('R5/R7: a claim left by a crashed process never swallows the retry: per-process scope runs it, shared scope runs it as a copy within the lease', async () => {
      const { log } = captureLogger();
      let now = Date.now();
      const db = openDatabase(dir);
      dbs.push(db);
      const store = new SqliteStorage(db, { now: () => now }); // claims expire on the same clock
      let handled = 0;
      let copies = 0;
      const turnOf = (activity: unknown) => ({ activity, turnState: new Map() }) as unknown as TurnContext;
      const turn = turnOf(teamsMessage(connector.serviceUrl));
      let current = turn;
      const handle = () => {
        if (isCopyInFlight(current)) copies++;
        else handled++;
        return Promise.resolve();
      };
      const crashed = () => new Promise<void>(() => undefined); // the process died inside the turn
      const mw = (bootId: string, scope: 'process' | 'shared') => new DedupeMiddleware({ storage: store, log, bootId, scope, now: () => now });

      // one instance on SQLite: the restarted process handles Teams' retry at once
      void mw('dead', 'process').onTurn(turn, crashed);
      await sleep(20);
      await mw('restarted', 'process').onTurn(turn, handle);
      assert.equal(handled, 1);
      assert.equal(copies, 0);

      // several instances on shared storage: within the lease the retry runs marked as a copy
      // (the bot lets it become a job, whose own claim decides who answers: job-runner tests)
      const activity = teamsMessage(connector.serviceUrl);
      void mw('dead', 'shared').onTurn(turnOf(activity), crashed);
      await sleep(20);
      now += 5_000;
      current = turnOf(activity);
      await mw('survivor', 'shared').onTurn(current, handle);
      assert.deepEqual([handled, copies], [1, 1], 'within the lease: run as a copy');
      now += 20_000;
      current = turnOf(activity);
      await mw('survivor', 'shared').onTurn(current, handle);
      assert.deepEqual([handled, copies], [1, 1], 'the copy finished: marked done, later copies dropped');
    });

    it('R5: a turn that fails releases its claim, so the redelivery runs', async () => {
      const { log } = captureLogger();
      let attempts = 0;
      const logic = async (ctx: TurnContext) => {
        attempts++;
        if (attempts === 1) throw new Error('transient');
        await ctx.sendActivity('second time lucky');
      };
      const s = await startGuardedServer({ jwks, middleware: [new DedupeMiddleware({ storage: storage(), log })], logic });
      try {
        const activity = teamsMessage(connector.serviceUrl);
        const r1 = await post(s.url, activity, bearer());
        assert.equal(r1.status, 500);
        const r2 = await post(s.url, activity, bearer());
        assert.equal(r2.status, 200);
        assert.equal(attempts, 2);
        assert.deepEqual(connector.texts(), ['second time lucky']);
      } finally {
        await s.close();
      }
    });

    it('R9: 200 messages from 20 users at once — bounded work, one "busy" notice per user, no errors', async () => {
      const { log, lines } = captureLogger();
      const downloads = new Bulkhead({ name: 'downloads', concurrency: 3, maxQueue: 500 });
      let processed = 0;
      const logic = async (ctx: TurnContext) => {
        await downloads.run(() => sleep(20)); // the download + parse work
        processed++;
        await ctx.sendActivity('done');
      };
      const limiter = new RateLimiter({ perUser: { capacity: 3, refillPerSec: 0.05 }, perConversation: { capacity: 1000, refillPerSec: 10 } });
      const s = await startGuardedServer({ jwks, middleware: [new RateLimitMiddleware({ limiter, log })], logic });
      const unhandled: unknown[] = [];
      const onUnhandled = (e: unknown) => unhandled.push(e);
      process.on('unhandledRejection', onUnhandled);
      try {
        const token = bearer();
        const rssBefore = process.memoryUsage().rss;
        const requests = Array.from({ length: 200 }, (_, i) => {
          const user = i % 20;
          return post(s.url, teamsMessage(connector.serviceUrl, { from: { id: `29:u${user}`, aadObjectId: `aad-${user}` }, text: `log ${i}` }), token);
        });
        const results = await Promise.all(requests);
        assert.ok(results.every((r) => r.status === 200), 'every request acknowledged');
        assert.equal(processed, 60, '3 per user');
        assert.ok(downloads.peak <= 3, `peak ${downloads.peak}`);
        const busy = connector.texts().filter((t) => t.includes('send it again'));
        assert.equal(busy.length, 20, 'one notice per user');
        assert.match(busy[0]!, /about \d+ seconds/);
        assert.equal(lines.filter((l) => l.event === 'rate-limited').length, 140);
        assert.equal(unhandled.length, 0);
        assert.ok(process.memoryUsage().rss - rssBefore < 100 * 1024 * 1024);
      } finally {
        process.off('unhandledRejection', onUnhandled);
        await s.close();
      }
    });

    it('R10: 20 replies to one conversation arrive at ≤ 7/s; another conversation is not held up', async () => {
      const pacer = new SendPacer({ perSecond: 5 });
      const s = await startGuardedServer({ jwks, decorateConnectorClient: (c) => paceConnectorClient(c, pacer) });
      try {
        const reference = (id: string) => ({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id, isGroup: true, conversationType: 'channel', name: '', tenantId: 'tenant-a' }, bot: { id: 'b', name: 'b' } });
        const sendN = (conv: string, n: number) =>
          s.adapter.continueConversationAsync(APP_ID, reference(conv), async (ctx) => {
            await Promise.all(Array.from({ length: n }, (_, i) => ctx.sendActivity(`${conv} ${i}`)));
          });
        const started = Date.now();
        let otherDone = 0;
        await Promise.all([sendN('19:busy@thread.tacv2;messageid=1', 20), sendN('19:quiet@thread.tacv2', 2).then(() => (otherDone = Date.now()))]);
        const busy = connector.calls.filter((c) => c.conversationId?.startsWith('19:busy')).map((c) => c.at);
        assert.equal(busy.length, 20);
        let worst = 0;
        for (const t of busy) worst = Math.max(worst, busy.filter((u) => u >= t && u < t + 1000).length);
        assert.ok(worst <= 7, `${worst} calls within one second`);
        assert.ok(otherDone - started < 1000, 'the quiet conversation was served at once');
      } finally {
        await s.close();
      }
    });
  });
});
