import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/storage/sqlite-database';
import { SqliteJobStore } from '../../src/storage/sqlite-job-store';

describe('SqliteJobStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nwcheck-jobs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('enqueue is create-only (a redelivered activity gives no second job), across connections', () => {
    const a = new SqliteJobStore<{ n: number }>(openDatabase(dir));
    const b = new SqliteJobStore<{ n: number }>(openDatabase(dir));
    assert.equal(a.enqueue('job-1', { n: 1 }), true);
    assert.equal(b.enqueue('job-1', { n: 2 }), false);
    assert.deepEqual(a.get('job-1')!.payload, { n: 1 });
  });

  it('pending jobs survive reopening; progress and attempts are kept; finishing drops the payload', () => {
    const first = openDatabase(dir);
    const store = new SqliteJobStore<{ url: string }>(first);
    store.enqueue('j1', { url: 'https://x.sharepoint.com/a?tempauth=secret' });
    store.enqueue('j2', { url: 'b' });
    assert.equal(store.startAttempt('j1'), 1);
    store.setProgress('j1', 2);
    first.close();

    const reopened = new SqliteJobStore<{ url: string }>(openDatabase(dir));
    const pending = reopened.pending();
    assert.deepEqual(pending.map((j) => j.id), ['j1', 'j2']);
    assert.equal(pending[0]!.attempts, 1);
    assert.equal(pending[0]!.progress, 2);
    reopened.finish('j1', 'done');
    reopened.finish('j2', 'failed', 'too many attempts');
    assert.deepEqual(reopened.pending(), []);
    assert.equal(reopened.get('j1')!.payload, null);
    assert.equal(reopened.get('j2')!.error, 'too many attempts');
  });

  it('purges finished jobs only', () => {
    let now = new Date('2024-01-01T00:00:00Z');
    const store = new SqliteJobStore(openDatabase(dir), { now: () => now });
    store.enqueue('done', {});
    store.enqueue('pending', {});
    store.finish('done', 'done');
    now = new Date('2024-01-03T00:00:00Z');
    assert.equal(store.purgeFinishedBefore(new Date('2024-01-02T00:00:00Z')), 1);
    assert.equal(store.get('done'), undefined);
    assert.ok(store.get('pending'));
  });
});
