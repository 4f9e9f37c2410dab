import assert from 'node:assert/strict';
import { EscalationStore } from '../../src/escalation/escalation-store';
import { OutboxDrainer, type DeliveryExecutor } from '../../src/escalation/outbox-drainer';
import type { EscalationRecord, OutboxItem } from '../../src/escalation/escalation';
import { DeliveryFailure } from '../../src/escalation/delivery-failure';
import { takeEscalation } from '../../src/escalation/escalation-transitions';
import type { EscalationLogger } from '../../src/escalation/escalation-logger';
import { MemoryClaimStorage } from './support/memory-claim-storage';
import { ENGINEER_A, newRecord } from './support/fixtures';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const POLICY = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000, retryAfterCapMs: 30_000 };

type Script = (record: EscalationRecord, item: OutboxItem) => Promise<{ result?: OutboxItem['result'] }>;

class FakeExecutor implements DeliveryExecutor {
  calls: { kind: string; itemId: string; attempt: number; state: string }[] = [];
  script: Script = () => Promise.resolve({});
  deliver(record: EscalationRecord, item: OutboxItem) {
    this.calls.push({ kind: item.kind, itemId: item.id, attempt: item.attempts, state: record.state });
    return this.script(record, item);
  }
}

function recordingLogger() {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const logger: EscalationLogger = {
    info: (obj, msg = '') => lines.push({ level: 'info', msg, obj }),
    warn: (obj, msg = '') => lines.push({ level: 'warn', msg, obj }),
    error: (obj, msg = '') => lines.push({ level: 'error', msg, obj }),
  };
  return { lines, logger };
}

describe('outbox drainer', () => {
  let storage: MemoryClaimStorage;
  let store: EscalationStore;
  let executor: FakeExecutor;
  let now: number;
  let log: ReturnType<typeof recordingLogger>;

  function drainer(overrides: Partial<ConstructorParameters<typeof OutboxDrainer>[2]> = {}) {
    return new OutboxDrainer(store, executor, {
      policy: POLICY,
      leaseMs: 60_000,
      intervalMs: 5_000,
      minIntervalMs: 10,
      missingGraceMs: 60_000,
      now: () => now,
      random: () => 0,
      logger: log.logger,
      ...overrides,
    });
  }

  async function seed(record = newRecord(T0)) {
    await store.create(record, { overall: 'action-required' }, now);
    return record;
  }

  beforeEach(() => {
    storage = new MemoryClaimStorage();
    store = new EscalationStore(storage);
    executor = new FakeExecutor();
    now = T0;
    log = recordingLogger();
  });

  it('delivers the thread post, remembers the created ids, and empties the index', async () => {
    await seed();
    executor.script = () => Promise.resolve({ result: { conversationId: '19:eng@thread.tacv2;messageid=42', activityId: '42' } });
    const pass = await drainer().drainOnce();
    assert.deepEqual(pass, { delivered: 1, retried: 0, dead: 0, nextInMs: 5_000 });
    const record = await store.get('ESC-TEST0000001');
    assert.deepEqual(record?.engineerThread, { conversationId: '19:eng@thread.tacv2;messageid=42', activityId: '42' });
    assert.equal(record?.outbox[0]?.state, 'delivered');
    assert.equal(record?.outbox[0]?.attempts, 1);
    assert.deepEqual((await store.readOutboxIndex()).due, {});
    // nothing left: a second pass sends nothing
    await drainer().drainOnce();
    assert.equal(executor.calls.length, 1);
  });

  it('R1: 429 with Retry-After waits min(Retry-After, cap), then succeeds', async () => {
    await seed();
    let n = 0;
    executor.script = () => {
      n++;
      if (n === 1) return Promise.reject(new DeliveryFailure('post-thread: HTTP 429', { retryable: true, status: 429, retryAfterMs: 120_000 }));
      return Promise.resolve({ result: { conversationId: 'c', activityId: 'a' } });
    };
    const d = drainer();
    const first = await d.drainOnce();
    assert.equal(first.retried, 1);
    let item = (await store.get('ESC-TEST0000001'))?.outbox[0];
    assert.equal(item?.nextAttemptAt, T0 + 30_000, 'Retry-After 120 s is capped at 30 s');
    assert.equal(item?.lastError, 'post-thread: HTTP 429');
    assert.equal((await store.readOutboxIndex()).due['ESC-TEST0000001'], T0 + 30_000);
    assert.equal(first.nextInMs, 5_000);

    now = T0 + 29_999;
    await d.drainOnce();
    assert.equal(executor.calls.length, 1, 'not before the wait is over: no hot loop');
    now = T0 + 30_000;
    const second = await d.drainOnce();
    assert.equal(second.delivered, 1);
    item = (await store.get('ESC-TEST0000001'))?.outbox[0];
    assert.equal(item?.state, 'delivered');
    assert.equal(item?.attempts, 2);
  });

  it('R2/R3: 5xx backs off exponentially and is dead-lettered after maxAttempts', async () => {
    await seed();
    executor.script = () => Promise.reject(new DeliveryFailure('post-thread: HTTP 500', { retryable: true, status: 500 }));
    const d = drainer();
    const waits: number[] = [];
    for (let i = 0; i < POLICY.maxAttempts; i++) {
      await d.drainOnce();
      const item = (await store.get('ESC-TEST0000001'))?.outbox[0];
      if (item?.state !== 'pending') break;
      waits.push(item.nextAttemptAt - now);
      now = item.nextAttemptAt;
    }
    // random() = 0 → half of each step: 1000·2^(n-1) / 2
    assert.deepEqual(waits, [500, 1000, 2000]);
    assert.equal(executor.calls.filter((c) => c.kind === 'post-thread').length, POLICY.maxAttempts);
    const record = await store.get('ESC-TEST0000001');
    assert.equal(record?.outbox[0]?.state, 'dead');
    assert.equal(record?.postFailed, 'post-thread: HTTP 500');
    // the requester is told: a card update was enqueued for them
    assert.ok(record?.outbox.some((i) => i.kind === 'update-requester-card'));
    const dead = await store.listDeadLetters();
    assert.deepEqual(dead.map((d) => [d.escalationId, d.kind, d.attempts]), [['ESC-TEST0000001', 'post-thread', 4]]);
    assert.ok(log.lines.some((l) => l.level === 'error' && /dead-lettered/.test(l.msg)));
  });

  it('a permanent failure goes to the dead letters at once', async () => {
    await seed();
    executor.script = () => Promise.reject(Object.assign(new Error('serviceUrl refused: host-not-allowed'), { name: 'ServiceUrlRefusedError' }));
    await drainer().drainOnce();
    const record = await store.get('ESC-TEST0000001');
    assert.equal(record?.outbox[0]?.state, 'dead');
    assert.equal(record?.outbox[0]?.attempts, 1);
    assert.match(record?.outbox[0]?.lastError ?? '', /refused/);
  });

  it('never posts a second thread when the first one is already recorded', async () => {
    const record = newRecord(T0);
    await seed({ ...record, engineerThread: { conversationId: 'c', activityId: 'a' } });
    await drainer().drainOnce();
    assert.equal(executor.calls.length, 0);
    assert.equal((await store.get(record.id))?.outbox[0]?.state, 'delivered');
  });

  it('holds an engineers\u2019 card update until the thread exists', async () => {
    const record = newRecord(T0);
    const taken = takeEscalation(record, ENGINEER_A, { now: T0, webhook: false });
    assert.ok(taken.ok);
    await seed(taken.record);
    let postFails = true;
    executor.script = (_r, item) => {
      if (item.kind === 'post-thread' && postFails) return Promise.reject(new DeliveryFailure('HTTP 503', { retryable: true, status: 503 }));
      return Promise.resolve(item.kind === 'post-thread' ? { result: { conversationId: 'c', activityId: 'a' } } : {});
    };
    await drainer().drainOnce();
    assert.deepEqual(executor.calls.map((c) => c.kind), ['post-thread', 'update-requester-card']);
    postFails = false;
    now += 60_000;
    await drainer().drainOnce();
    assert.deepEqual(executor.calls.map((c) => c.kind), ['post-thread', 'update-requester-card', 'post-thread', 'update-engineer-card']);
  });

  it('two workers draining the same store send each item once (lease)', async () => {
    for (let i = 0; i < 5; i++) await seed(newRecord(T0, false, { id: `ESC-PARALLEL000${i}`, reportId: `report-00000000${i}` }));
    executor.script = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return { result: { conversationId: 'c', activityId: 'a' } };
    };
    await Promise.all([drainer().drainOnce(), drainer().drainOnce(), drainer().drainOnce()]);
    const sent = executor.calls.map((c) => c.itemId + '@' + c.kind);
    assert.equal(executor.calls.length, 5, `calls: ${sent.join(', ')}`);
  });

  it('a worker that died mid-send (lease held, attempt counted) is retried after the lease', async () => {
    const record = newRecord(T0);
    const leased = { ...record, outbox: record.outbox.map((i) => ({ ...i, attempts: 1, leaseUntil: T0 + 60_000 })) };
    await seed(leased);
    await drainer().drainOnce();
    assert.equal(executor.calls.length, 0, 'someone else holds it');
    now = T0 + 60_001;
    await drainer().drainOnce();
    assert.equal(executor.calls.length, 1);
    assert.equal(executor.calls[0]?.attempt, 2);
  });

  it('drops an index entry whose record never appeared, after the grace period only', async () => {
    await store.markDue('ESC-GHOST0000001', T0);
    await drainer().drainOnce();
    assert.ok('ESC-GHOST0000001' in (await store.readOutboxIndex()).due);
    now = T0 + 60_001;
    await drainer().drainOnce();
    assert.ok(!('ESC-GHOST0000001' in (await store.readOutboxIndex()).due));
  });

  it('start() drains at once and on the timer; stop() leaves pending work in storage', async () => {
    now = Date.now();
    await seed(newRecord(now));
    let fail = true;
    executor.script = () => (fail ? Promise.reject(new DeliveryFailure('HTTP 500', { retryable: true, status: 500 })) : Promise.resolve({ result: { conversationId: 'c', activityId: 'a' } }));
    const d = new OutboxDrainer(store, executor, { policy: { ...POLICY, baseDelayMs: 20, maxDelayMs: 40 }, leaseMs: 1000, intervalMs: 30, minIntervalMs: 5, missingGraceMs: 1000, logger: log.logger });
    d.start();
    await waitFor(() => executor.calls.length >= 2);
    fail = false;
    await waitFor(async () => (await store.get('ESC-TEST0000001'))?.outbox[0]?.state === 'delivered');
    await d.stop();
  });
});

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
