// Reports with a shared store that can fail (R11): FallbackReportStore keeps the report on this
// instance when the shared store is down, finds it again by id, and reports a temporary problem
// (not "no such report") when an id is in neither store because the shared one could not answer.
// StorageReportStore leaves nothing half-saved when the latest-report pointer cannot be written.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { FallbackReportStore } from '../../src/storage/fallback-report-store';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite-database';
import { SqliteReportStore } from '../../src/storage/sqlite-report-store';
import { SqliteStorage, type ClaimableStorage } from '../../src/storage/sqlite-storage';
import { StorageReportStore } from '../../src/storage/storage-report-store';
import { minimalReport } from './minimal-report';


/** A ClaimableStorage that fails every call while `down`, or only the calls `failWhen` picks. */
class FlakyStorage implements ClaimableStorage {
  down = false;
  failWhen: (op: string, keys: string[]) => boolean = () => false;
  constructor(private readonly inner: ClaimableStorage) {}
  private gate(op: string, keys: string[]): void {
    if (this.down || this.failWhen(op, keys)) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10000'), { name: 'RestError' });
  }
  async read(keys: string[]): Promise<StoreItems> {
    this.gate('read', keys);
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    this.gate('write', Object.keys(changes));
    return this.inner.write(changes);
  }
  async delete(keys: string[]): Promise<void> {
    this.gate('delete', keys);
    return this.inner.delete(keys);
  }
  async claim(key: string, value: Record<string, unknown>, options?: { expiresAt?: Date }): Promise<boolean> {
    this.gate('claim', [key]);
    return this.inner.claim(key, value, options);
  }
}

describe('storage/fallback report store (R11)', () => {
  let dir: string;
  let db: SqliteDatabase;
  let now: Date;
  let flaky: FlakyStorage;
  let store: FallbackReportStore;
  let warnings: string[];
  const scope = { tenantId: 't', conversationId: 'c' };
  const storedKeys = () => (db.prepare('SELECT key FROM store_items ORDER BY key').all() as { key: string }[]).map((r) => r.key);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nwcheck-fallback-reports-'));
    db = openDatabase(dir);
    now = new Date('2024-06-01T00:00:00Z');
    flaky = new FlakyStorage(new SqliteStorage(db, { now: () => now.getTime() }));
    warnings = [];
    store = new FallbackReportStore(
      new StorageReportStore(flaky, { retentionDays: 7, now: () => now }),
      new SqliteReportStore(db, { now: () => now }),
      { warn: (o) => warnings.push(String(o.event)) },
    );
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('store up: reports go to the shared store', async () => {
    const r = await store.save({ scope, report: minimalReport('A') });
    assert.ok(storedKeys().includes(`report/${r.id}`));
    assert.equal((await store.get(r.id))!.report.source.host, 'A');
    assert.deepEqual(warnings, []);
  });

  it('store down: the report is kept locally, found by id and as the latest; nothing written to the shared store', async () => {
    const before = await store.save({ scope, report: minimalReport('before') });
    flaky.down = true;
    now = new Date(now.getTime() + 1000);
    const during = await store.save({ scope, report: minimalReport('during') });
    assert.deepEqual(warnings, ['report-store-fallback']);
    assert.ok(!storedKeys().includes(`report/${during.id}`));
    assert.equal((await store.get(during.id))!.report.source.host, 'during');
    assert.equal((await store.latestFor(scope))!.id, during.id);
    // an id kept only in the shared store cannot be told apart from an unknown one: temporary problem
    await assert.rejects(store.get(before.id), /ECONNREFUSED/);
    flaky.down = false;
    assert.equal((await store.get(before.id))!.id, before.id);
    assert.equal((await store.latestFor(scope))!.id, during.id, 'the newer report wins, wherever it is');
    now = new Date(now.getTime() + 1000);
    const after = await store.save({ scope, report: minimalReport('after') });
    assert.equal((await store.latestFor(scope))!.id, after.id);
    assert.equal(await store.get('AAAAAAAAAAAAAAAAAAAAAAAA'), undefined, 'unknown id with both stores up');
  });

  it('the pointer write fails after the report was written: the report is taken back, then kept locally', async () => {
    await store.save({ scope, report: minimalReport('first') }); // the pointer exists: the next save updates it with write()
    const keysBefore = storedKeys();
    flaky.failWhen = (op, keys) => op === 'write' && keys.some((k) => k.startsWith('report-latest/'));
    now = new Date(now.getTime() + 1000);
    const r = await store.save({ scope, report: minimalReport('second') });
    assert.deepEqual(storedKeys(), keysBefore, 'no orphan report item in the shared store');
    assert.equal((await store.get(r.id))!.report.source.host, 'second');
    assert.equal((await store.latestFor(scope))!.id, r.id);
  });

  it('StorageReportStore alone: a failed pointer update rejects the save and leaves no report item', async () => {
    const plain = new StorageReportStore(flaky, { retentionDays: 7, now: () => now });
    flaky.failWhen = (op, keys) => op === 'claim' && keys.some((k) => k.startsWith('report-latest/'));
    await assert.rejects(plain.save({ scope, report: minimalReport('x') }), /ECONNREFUSED/);
    assert.deepEqual(storedKeys(), []);
  });
});
