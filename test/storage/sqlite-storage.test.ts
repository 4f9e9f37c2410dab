import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite-database';
import { SqliteStorage } from '../../src/storage/sqlite-storage';

describe('SqliteStorage (botbuilder Storage contract)', () => {
  let dir: string;
  let dbs: SqliteDatabase[];

  function open(): SqliteStorage {
    const db = openDatabase(dir);
    dbs.push(db);
    return new SqliteStorage(db);
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nwcheck-storage-'));
    dbs = [];
  });
  afterEach(() => {
    for (const db of dbs) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('S1: round-trips Japanese, emoji, nested objects and odd keys, with an eTag', async () => {
    const storage = open();
    const key = '19:abc@thread.tacv2;messageid=1';
    const value = { text: 'プロキシ経由で名前解決 🚀', nested: { list: [1, 'two', { three: null }] }, flag: true };
    await storage.write({ [key]: value, 'user/テスト/😀': { lang: 'ja' } });
    const items = await storage.read([key, 'user/テスト/😀', 'missing']);
    assert.deepEqual(Object.keys(items).sort(), [key, 'user/テスト/😀'].sort());
    const { eTag, ...rest } = items[key] as { eTag: string };
    assert.deepEqual(rest, value);
    assert.equal(typeof eTag, 'string');
    assert.ok(eTag.length > 0);
  });

  it('S2: a stale eTag is rejected and the stored value stays', async () => {
    const storage = open();
    await storage.write({ k: { n: 1 } });
    const first = (await storage.read(['k'])).k as { n: number; eTag: string };
    await storage.write({ k: { ...first, n: 2 } });
    await assert.rejects(storage.write({ k: { ...first, n: 3 } }), /eTag conflict/);
    const now = (await storage.read(['k'])).k as { n: number; eTag: string };
    assert.equal(now.n, 2);
    assert.notEqual(now.eTag, first.eTag);
  });

  it('S2b: an eTag for an item that was deleted meanwhile is a conflict too', async () => {
    const storage = open();
    await storage.write({ k: { n: 1 } });
    const read = (await storage.read(['k'])).k as { eTag: string };
    await storage.delete(['k']);
    await assert.rejects(storage.write({ k: { ...read, n: 9 } }), /eTag conflict/);
    assert.deepEqual(await storage.read(['k']), {});
  });

  it("S3: '*' and no eTag are unconditional upserts", async () => {
    const storage = open();
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 2, eTag: '*' } });
    assert.equal(((await storage.read(['k'])).k as { n: number }).n, 2);
    await storage.write({ k: { n: 3 } });
    assert.equal(((await storage.read(['k'])).k as { n: number }).n, 3);
  });

  it('S4: of N writers holding the same eTag (two connections), exactly one wins', async () => {
    const a = open();
    const b = open();
    await a.write({ counter: { n: 0 } });
    const seen = (await a.read(['counter'])).counter as { n: number; eTag: string };
    const writers = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).write({ counter: { ...seen, n: i + 1 } }));
    const results = await Promise.allSettled(writers);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal(results.filter((r) => r.status === 'rejected').length, 9);
  });

  it('S4b: read-modify-write with retry on conflict loses no update', async () => {
    const a = open();
    const b = open();
    await a.write({ counter: { n: 0 } });
    async function increment(s: SqliteStorage): Promise<void> {
      for (;;) {
        const item = (await s.read(['counter'])).counter as { n: number; eTag: string };
        try {
          await s.write({ counter: { ...item, n: item.n + 1 } });
          return;
        } catch (err) {
          if (!/eTag conflict/.test(String(err))) throw err;
        }
      }
    }
    await Promise.all(Array.from({ length: 40 }, (_, i) => increment(i % 2 ? a : b)));
    assert.equal(((await a.read(['counter'])).counter as { n: number }).n, 40);
  });

  it('S5: exactly one of N concurrent claims wins, across connections', async () => {
    const a = open();
    const b = open();
    const claims = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim('dedupe/activity/1', { by: i }));
    const results = await Promise.all(claims);
    assert.equal(results.filter(Boolean).length, 1);
    const winner = results.indexOf(true);
    assert.equal(((await a.read(['dedupe/activity/1']))['dedupe/activity/1'] as { by: number }).by, winner);
  });

  it('S5b: an expired claim can be claimed again; an unexpired one cannot', async () => {
    let now = 1_000_000;
    const db = openDatabase(dir);
    dbs.push(db);
    const storage = new SqliteStorage(db, { now: () => now });
    assert.equal(await storage.claim('c', { v: 1 }, { expiresAt: new Date(now + 1000) }), true);
    assert.equal(await storage.claim('c', { v: 2 }), false);
    now += 1001;
    assert.deepEqual(await storage.read(['c']), {});
    assert.equal(await storage.claim('c', { v: 3 }), true);
    assert.equal(((await storage.read(['c'])).c as { v: number }).v, 3);
  });

  it('S6: a multi-key write with one stale key writes nothing', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    const b = (await storage.read(['b'])).b as { eTag: string };
    await storage.write({ b: { n: 2 } });
    await assert.rejects(storage.write({ a: { n: 100 }, b: { ...b, n: 100 } }), /eTag conflict/);
    const items = await storage.read(['a', 'b']);
    assert.equal((items.a as { n: number }).n, 1);
    assert.equal((items.b as { n: number }).n, 2);
  });

  it('S7: survives closing and reopening the database file', async () => {
    const first = openDatabase(dir);
    await new SqliteStorage(first).write({ 'conv/1': { last: 'レポート' } });
    assert.equal(await new SqliteStorage(first).claim('once', { x: 1 }), true);
    first.close();
    const storage = open();
    assert.equal(((await storage.read(['conv/1']))['conv/1'] as { last: string }).last, 'レポート');
    assert.equal(await storage.claim('once', { x: 2 }), false);
  });

  it('delete removes items and ignores missing keys', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a', 'nope']);
    assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
  });
});
