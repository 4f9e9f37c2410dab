import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite-database';
import { SqliteReportStore } from '../../src/storage/sqlite-report-store';
import { minimalReport } from './minimal-report';


describe('SqliteReportStore', () => {
  let dir: string;
  let db: SqliteDatabase;
  let now: Date;
  let store: SqliteReportStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nwcheck-reports-'));
    db = openDatabase(dir);
    now = new Date('2024-06-01T00:00:00Z');
    store = new SqliteReportStore(db, { now: () => now });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ids are unguessable, URL-safe and fit the card data id pattern', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add((await store.save({ scope: { tenantId: 't', conversationId: 'c' }, report: minimalReport('h') })).id);
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{24}$/);
  });

  it('round-trips the report with its scope and file label; latestFor is per conversation', async () => {
    const scope = { tenantId: 't', conversationId: '19:x@thread.tacv2;messageid=1' };
    const a = await store.save({ scope, report: minimalReport('サーバー1'), fileLabel: 'logs.zip › a.log' });
    now = new Date(now.getTime() + 1000);
    const b = await store.save({ scope, report: minimalReport('server2') });
    await store.save({ scope: { tenantId: 't', conversationId: 'other' }, report: minimalReport('elsewhere') });
    const got = await store.get(a.id);
    assert.deepEqual(got, a);
    assert.equal(got.report.source.host, 'サーバー1');
    assert.equal((await store.latestFor(scope))!.id, b.id);
    assert.equal(await store.latestFor({ tenantId: 'other-tenant', conversationId: scope.conversationId }), undefined);
  });

  it('purges reports older than the cutoff', async () => {
    const old = await store.save({ scope: { tenantId: 't', conversationId: 'c' }, report: minimalReport('old') });
    now = new Date('2024-07-01T00:00:00Z');
    const fresh = await store.save({ scope: { tenantId: 't', conversationId: 'c' }, report: minimalReport('new') });
    assert.equal(await store.purgeOlderThan(new Date('2024-06-15T00:00:00Z')), 1);
    assert.equal(await store.get(old.id), undefined);
    assert.ok(await store.get(fresh.id));
  });
});
