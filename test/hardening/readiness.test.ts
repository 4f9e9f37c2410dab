// R4 readiness: /readyz turns 503 while draining and when an escalation delivery has waited more
// than 5 minutes; an unreadable or slow outbox status keeps the instance ready ("unknown"), and
// the status is read at most once per cache period. The rule is tested directly, then through
// the bot's real /readyz route, and with the real escalation feature's status on a fake clock.
import { strict as assert } from 'node:assert';
import type { Activity, ConversationReference } from 'botbuilder';
import pino from 'pino';
import { ActionRegistry } from '../../src/bot/action-registry';
import type { BotServices } from '../../src/bot/bot-services';
import { createEscalationFeature } from '../../src/escalation/escalation-feature';
import { createReadiness, MAX_OLDEST_PENDING_MS, type OutboxStatus } from '../../src/lifecycle/readiness';
import { FAST } from '../escalation/support/escalation-harness';
import { REQUESTER, TENANT, requesterRef, target } from '../escalation/support/fixtures';
import { MemoryClaimStorage } from '../escalation/support/memory-claim-storage';
import { makeBot } from '../support/make-bot';

const status = (oldestPendingMs?: number): OutboxStatus => ({
  pendingEscalations: oldestPendingMs === undefined ? 0 : 1,
  pendingDeliveries: oldestPendingMs === undefined ? 0 : 1,
  deadLetters: 0,
  ...(oldestPendingMs !== undefined ? { oldestPendingMs } : {}),
});

describe('hardening/readiness (R4)', () => {
  it('ready with an empty outbox or a delivery younger than 5 minutes; 503 past 5 minutes', async () => {
    for (const [oldest, expected] of [
      [undefined, 200],
      [0, 200],
      [MAX_OLDEST_PENDING_MS, 200],
      [MAX_OLDEST_PENDING_MS + 1, 503],
      [60 * 60_000, 503],
    ] as const) {
      const r = await createReadiness({ outbox: () => Promise.resolve(status(oldest)), cacheMs: 0 })();
      assert.equal(r.status, expected, `oldest pending ${String(oldest)} ms`);
      if (expected === 503) assert.equal(r.body.reason, 'outbox-backlog');
    }
  });

  it('draining wins: 503 without asking the outbox', async () => {
    let asked = 0;
    const r = await createReadiness({
      base: () => ({ status: 503, body: { ready: false, draining: true } }),
      outbox: () => {
        asked++;
        return Promise.resolve(status());
      },
    })();
    assert.deepEqual([r.status, r.body.draining, asked], [503, true, 0]);
  });

  it('an outbox status that fails or hangs: still ready, outbox "unknown" (a store outage must not take every instance out)', async () => {
    const failing = await createReadiness({ outbox: () => Promise.reject(new Error('ECONNREFUSED')) })();
    assert.deepEqual([failing.status, failing.body.outbox], [200, 'unknown']);
    const hanging = await createReadiness({ outbox: () => new Promise<OutboxStatus>(() => undefined), timeoutMs: 20 })();
    assert.deepEqual([hanging.status, hanging.body.outbox], [200, 'unknown']);
  });

  it('reads the outbox status at most once per cache period; concurrent probes share one read', async () => {
    let now = 0;
    let reads = 0;
    let oldest = 0;
    const ready = createReadiness({
      outbox: () => {
        reads++;
        return Promise.resolve(status(oldest));
      },
      cacheMs: 5_000,
      now: () => now,
    });
    await Promise.all([ready(), ready(), ready()]);
    assert.equal(reads, 1);
    oldest = MAX_OLDEST_PENDING_MS + 1;
    now = 4_999;
    assert.equal((await ready()).status, 200, 'cached');
    now = 10_000;
    assert.equal((await ready()).status, 503, 'read again after the cache period');
    assert.equal(reads, 2);
  });

  it('GET /readyz on the real bot answers what the readiness says (async)', async () => {
    let oldest: number | undefined;
    const bot = await makeBot({ readiness: createReadiness({ outbox: () => Promise.resolve(status(oldest)), cacheMs: 0 }) });
    try {
      const get = async () => {
        const res = await fetch(`${bot.origin}/readyz`);
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const ok = await get();
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.body.outbox, { pendingDeliveries: 0, deadLetters: 0 });
      oldest = MAX_OLDEST_PENDING_MS + 60_000;
      const backlog = await get();
      assert.equal(backlog.status, 503);
      assert.equal(backlog.body.reason, 'outbox-backlog');
      assert.equal((await fetch(`${bot.origin}/healthz`)).status, 200, 'liveness unaffected');
    } finally {
      await bot.dispose();
    }
  });

  it('with the real escalation feature: a delivery pending for more than 5 minutes makes the instance not ready', async () => {
    let now = Date.parse('2024-06-03T09:00:00Z');
    const storage = new MemoryClaimStorage();
    const feature = createEscalationFeature({ config: FAST });
    const services = {
      storage,
      clock: { now: () => new Date(now) },
      log: pino({ level: 'silent' }),
      sender: { send: (_r: Partial<ConversationReference>, _a: Partial<Activity>[]) => Promise.resolve([]), update: () => Promise.resolve() },
    } as unknown as BotServices;
    feature.plugin(new ActionRegistry(), services, { jobs: { enqueue: () => true, answer: () => Promise.resolve(true) } });
    const ready = createReadiness({ outbox: () => feature.status(), cacheMs: 0 });
    assert.equal((await ready()).status, 200, 'nothing pending');
    // an escalation whose thread post is not delivered (no drainer running: the connector is "down")
    const submitted = await feature.service!.submit({
      tenantId: TENANT,
      reportId: 'report-000000001',
      lang: 'en',
      requester: REQUESTER,
      requesterRef: requesterRef(),
      notes: { tried: 'restarted the agent', urgency: 'high' },
      target: target(),
      report: { overall: 'action-required' },
    });
    assert.equal(submitted.created, true);
    now += 4 * 60_000;
    assert.equal((await ready()).status, 200, '4 minutes: still ready');
    now += 2 * 60_000;
    const r = await ready();
    assert.equal(r.status, 503, '6 minutes: not ready');
    assert.equal((r.body.outbox as { pendingDeliveries: number }).pendingDeliveries >= 1, true);
  });
});
