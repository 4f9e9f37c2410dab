import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite-database';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { EscalationService, type SubmitInput } from '../../src/escalation/escalation-service';
import { EscalationStore, type ClaimStorage } from '../../src/escalation/escalation-store';
import type { EscalationConfig } from '../../src/escalation/escalation-config';
import type { Person } from '../../src/escalation/escalation';
import { DEFAULT_RETRY_POLICY } from '../../src/escalation/retry-policy';
import { MemoryClaimStorage } from './support/memory-claim-storage';
import { ENGINEER_A, REQUESTER, TENANT, requesterRef, target } from './support/fixtures';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const CONFIG: EscalationConfig = { retry: DEFAULT_RETRY_POLICY, drainIntervalMs: 1000, leaseMs: 1000, sendTimeoutMs: 1000 };

function submitInput(overrides: Partial<SubmitInput> = {}): SubmitInput {
  return {
    tenantId: TENANT,
    reportId: 'report-000000001',
    fileName: 'AzureBackup_Check_NW_x.log',
    lang: 'ja',
    requester: REQUESTER,
    requesterRef: requesterRef(),
    requesterCardActivityId: '1700000000001',
    notes: { tried: 'なし', urgency: 'normal' },
    target: target(),
    report: { overall: 'action-required' },
    ...overrides,
  };
}

function makeService(storage: ClaimStorage, config: EscalationConfig = CONFIG) {
  let n = 0;
  let kicks = 0;
  const service = new EscalationService({
    store: new EscalationStore(storage),
    config,
    now: () => T0 + n * 1000,
    newId: () => `ESC-SERVICE${String(++n).padStart(5, '0')}`,
    onEnqueued: () => kicks++,
  });
  return { service, kicks: () => kicks };
}

describe('escalation service (memory storage)', () => {
  it('R5: a double click, a retried invoke and concurrent submits give one escalation', async () => {
    const storage = new MemoryClaimStorage();
    const { service, kicks } = makeService(storage);
    const results = await Promise.all([service.submit(submitInput()), service.submit(submitInput()), service.submit(submitInput())]);
    const ids = new Set(results.map((r) => r.record.id));
    assert.equal(ids.size, 1, [...ids].join(','));
    assert.equal(results.filter((r) => r.created).length, 1);
    const again = await service.submit(submitInput());
    assert.equal(again.record.id, results[0]?.record.id);
    assert.equal(again.created, false);
    assert.equal(kicks(), 1);
    assert.deepEqual(await service.store.listOpenIds(TENANT), [...ids]);
  });

  it('a resolved escalation lets the same requester escalate the same report again', async () => {
    const { service } = makeService(new MemoryClaimStorage());
    const first = await service.submit(submitInput());
    const resolved = await service.resolve(first.record.id, ENGINEER_A, 'done');
    assert.ok(resolved.ok);
    const second = await service.submit(submitInput());
    assert.notEqual(second.record.id, first.record.id);
    assert.equal(second.created, true);
    assert.deepEqual(await service.store.listByReport(TENANT, 'report-000000001', REQUESTER.id), [first.record.id, second.record.id]);
  });

  it('repairs a submission whose first attempt died after claiming (the retry creates the record)', async () => {
    const storage = new MemoryClaimStorage();
    const { service } = makeService(storage);
    const store = service.store;
    // the first request claimed and died before writing anything else
    await store.claimSubmission({ tenantId: TENANT, reportId: 'report-000000001', requesterId: REQUESTER.id, generation: 0 }, 'ESC-DIEDCLAIM001', T0);
    const retried = await service.submit(submitInput());
    assert.equal(retried.record.id, 'ESC-DIEDCLAIM001');
    assert.ok(await store.get('ESC-DIEDCLAIM001'));
    assert.ok('ESC-DIEDCLAIM001' in (await store.readOutboxIndex()).due);
  });

  it('the record, the report snapshot and the outbox index exist before submit resolves', async () => {
    const storage = new MemoryClaimStorage();
    const { service } = makeService(storage);
    const { record } = await service.submit(submitInput());
    assert.deepEqual(await service.store.getReport(record.id), { overall: 'action-required' });
    assert.equal((await service.store.readOutboxIndex()).due[record.id], T0);
    assert.equal((await service.store.get(record.id))?.outbox[0]?.kind, 'post-thread');
  });

  it('take / reply / resolve enqueue deliveries; refusals change nothing', async () => {
    const { service } = makeService(new MemoryClaimStorage());
    const { record } = await service.submit(submitInput());
    const other: Person = { id: '29:other', name: 'Other' };
    assert.ok((await service.take(record.id, ENGINEER_A)).ok);
    const loser = await service.take(record.id, other);
    assert.equal(loser.ok, false);
    assert.ok(!loser.ok && loser.code === 'already-taken' && loser.owner.id === ENGINEER_A.id);
    const before = await service.get(record.id);
    assert.equal((await service.reply(record.id, other, '  ')).ok, false);
    assert.deepEqual(await service.get(record.id), before);
    assert.equal((await service.take('ESC-NOPE00000000', other)).ok, false);
    assert.ok((await service.resolve(record.id, ENGINEER_A, 'fixed')).ok);
    assert.deepEqual(await service.listOpen(TENANT), []);
    assert.deepEqual(await service.store.listOpenIds(TENANT), []);
  });

  it('reports the outbox status for readiness: pending deliveries, oldest wait, dead letters', async () => {
    const { service } = makeService(new MemoryClaimStorage());
    assert.deepEqual(await service.outboxStatus(), { pendingEscalations: 0, pendingDeliveries: 0, deadLetters: 0 });
    await service.submit(submitInput());
    assert.deepEqual(await service.outboxStatus(), { pendingEscalations: 1, pendingDeliveries: 1, oldestPendingMs: 1000, deadLetters: 0 });
  });

  it('lists open escalations oldest first and prunes resolved ones', async () => {
    const { service } = makeService(new MemoryClaimStorage());
    const a = await service.submit(submitInput({ reportId: 'report-00000000a' }));
    const b = await service.submit(submitInput({ reportId: 'report-00000000b' }));
    const c = await service.submit(submitInput({ reportId: 'report-00000000c' }));
    // resolve c but crash before it left the open list
    await service.store.update(c.record.id, (r) => ({ ...r, state: 'resolved' }));
    const open = await service.listOpen(TENANT);
    assert.deepEqual(open.map((r) => r.id), [a.record.id, b.record.id]);
    assert.deepEqual(await service.store.listOpenIds(TENANT), [a.record.id, b.record.id]);
  });

  it('targets: "escalation here" per tenant, the environment overrides and cannot be changed from chat', async () => {
    const { service } = makeService(new MemoryClaimStorage());
    const fallback = { serviceUrl: 'https://smba.trafficmanager.net/emea/', lang: 'en' as const };
    assert.equal(await service.targetFor(TENANT, fallback), undefined);
    assert.deepEqual(await service.setTarget(target()), { ok: true });
    const replaced = await service.setTarget(target({ channelId: '19:new@thread.tacv2' }));
    assert.ok(replaced.ok && replaced.previous?.channelId === '19:engineers@thread.tacv2');
    assert.equal((await service.targetFor(TENANT, fallback))?.channelId, '19:new@thread.tacv2');
    assert.equal(await service.targetFor('tenant-2', fallback), undefined);

    const env = makeService(new MemoryClaimStorage(), { ...CONFIG, envTarget: { teamId: 'T', channelId: 'C' }, engineerLang: 'ja' }).service;
    assert.deepEqual(await env.targetFor('any-tenant', fallback), {
      tenantId: 'any-tenant',
      teamId: 'T',
      channelId: 'C',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      lang: 'ja',
      source: 'env',
    });
    assert.deepEqual(await env.setTarget(target()), { ok: false, code: 'env-fixed' });
    const scoped = makeService(new MemoryClaimStorage(), { ...CONFIG, envTarget: { teamId: 'T', channelId: 'C', tenantId: 'tenant-x' } }).service;
    assert.equal(await scoped.targetFor(TENANT, fallback), undefined);
    assert.ok((await scoped.setTarget(target())).ok);
  });
});

describe('escalation service on SqliteStorage (two connections, like two processes)', () => {
  let dir: string;
  let dbs: SqliteDatabase[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nwcheck-escalation-'));
    dbs = [];
  });
  afterEach(() => {
    for (const db of dbs) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  function storage(): SqliteStorage {
    const db = openDatabase(dir);
    dbs.push(db);
    return new SqliteStorage(db);
  }

  it('concurrent "Take it" from many engineers: exactly one owner, everyone else told who', async () => {
    const first = makeService(storage()).service;
    const { record } = await first.submit(submitInput());
    const engineers: Person[] = Array.from({ length: 8 }, (_, i) => ({ id: `29:eng-${i}`, name: `Engineer ${i}` }));
    const services = [first, makeService(storage()).service];
    const outcomes = await Promise.all(engineers.map((e, i) => (services[i % 2] as EscalationService).take(record.id, e)));
    const winners = outcomes.filter((o) => o.ok);
    assert.equal(winners.length, 1);
    const owner = (await first.get(record.id))?.owner;
    assert.ok(owner);
    for (const o of outcomes) {
      if (!o.ok) assert.ok(o.code === 'already-taken' && o.owner.id === owner.id);
    }
    const stored = await first.get(record.id);
    assert.equal(stored?.history.filter((h) => h.action === 'taken').length, 1);
  });

  it('concurrent submits across two connections give one escalation', async () => {
    const a = makeService(storage()).service;
    const b = makeService(storage()).service;
    const results = await Promise.all([a.submit(submitInput()), b.submit(submitInput()), a.submit(submitInput()), b.submit(submitInput())]);
    assert.equal(new Set(results.map((r) => r.record.id)).size, 1);
  });
});
