// StorageReportStore (the report store used with STORAGE=azure-blob) run over SqliteStorage:
// the same ClaimableStorage contract as BlobStorage (test/storage/storage-contract.test.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite-database';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { StorageReportStore } from '../../src/storage/storage-report-store';
import { minimalReport } from './minimal-report';


describe('StorageReportStore over a ClaimableStorage', () => {
  let dir: string;
  let db: SqliteDatabase;
  let now: Date;
  let storage: SqliteStorage;
  let store: StorageReportStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nwcheck-storage-reports-'));
    db = openDatabase(dir);
    now = new Date('2024-06-01T00:00:00Z');
    storage = new SqliteStorage(db, { now: () => now.getTime() });
    store = new StorageReportStore(storage, { retentionDays: 7, now: () => now });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves, reads back, and points latestFor at the newest report of each conversation', async () => {
    const scope = { tenantId: 't', conversationId: '19:abc@thread.tacv2;messageid=1' };
    const a = await store.save({ scope, report: minimalReport('A'), fileLabel: 'x.zip › a.log' });
    now = new Date(now.getTime() + 1000);
    const b = await store.save({ scope, report: minimalReport('B') });
    assert.deepEqual(await store.get(a.id), a);
    assert.equal((await store.latestFor(scope))!.id, b.id);
    assert.equal(await store.latestFor({ tenantId: 't', conversationId: 'other' }), undefined);
  });

  it('concurrent saves in one conversation: the pointer ends on the newest, none lost', async () => {
    const scope = { tenantId: 't', conversationId: 'c' };
    const saved = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const at = new Date(now.getTime() + i * 1000);
        const s = new StorageReportStore(storage, { retentionDays: 7, now: () => at });
        return s.save({ scope, report: minimalReport(`r${i}`) });
      }),
    );
    for (const r of saved) assert.ok(await store.get(r.id));
    assert.equal((await store.latestFor(scope))!.report.source.host, 'r7');
  });

  it('reports expire after the retention period and are purged by the storage', async () => {
    const r = await store.save({ scope: { tenantId: 't', conversationId: 'c' }, report: minimalReport('old') });
    now = new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000);
    assert.equal(await store.get(r.id), undefined);
    assert.equal(await store.latestFor({ tenantId: 't', conversationId: 'c' }), undefined);
    assert.ok(storage.purgeExpired() >= 1);
  });
});
