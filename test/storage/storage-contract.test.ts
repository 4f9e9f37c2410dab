// S1–S7 of the reliability matrix, the same cases against every durable Storage the bot can run
// on: the embedded SQLite store and Azure Blob Storage (BlobStorage on Azurite, started here).
// "Two connections" means two independent clients of the same store (two bot instances).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobStorage, blobNameFor } from '../../src/storage/blob-storage';
import { checkStorageEnv, createStorage } from '../../src/storage/create-storage';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite-database';
import { SqliteStorage, type ClaimableStorage } from '../../src/storage/sqlite-storage';
import { azuriteAvailable, startAzurite, type Azurite } from './azurite';

interface Harness {
  /** a new independent client of the same store */
  open(now?: () => number): ClaimableStorage;
  /** stop and start the store (process restart); clients opened before are dead */
  restart(): Promise<void>;
}

type Item = Record<string, unknown> & { eTag: string };

function runContract(name: string, setup: () => Promise<{ harness: Harness; teardown: () => Promise<void> }>, skip?: () => string | undefined): void {
  describe(`storage contract: ${name}`, function () {
    this.timeout(30_000);
    let harness: Harness;
    let teardown: () => Promise<void>;

    beforeEach(async function () {
      const reason = skip?.();
      if (reason) this.skip();
      ({ harness, teardown } = await setup());
    });
    afterEach(async () => {
      await teardown?.();
    });

    it('S1: round-trips Japanese, emoji, nested objects and odd keys, with an eTag', async () => {
      const s = harness.open();
      const keys = ['19:abc@thread.tacv2;messageid=1', 'user/テスト/😀', 'a:1on1?x=1&y=%2F', '...', 'x'.repeat(1200)];
      const value = { text: 'プロキシ経由で名前解決 🚀 ${x} [a](https://e)', nested: { list: [1, 'two', { three: null }] }, flag: true, n: 1.5 };
      await s.write(Object.fromEntries(keys.map((k) => [k, value])));
      const items = await s.read([...keys, 'missing']);
      assert.deepEqual(Object.keys(items).sort(), [...keys].sort());
      for (const k of keys) {
        const { eTag, ...rest } = items[k] as Item;
        assert.deepEqual(rest, value, k);
        assert.ok(typeof eTag === 'string' && eTag.length > 0);
      }
      assert.deepEqual(await s.read([]), {});
    });

    it('S2: a stale eTag is rejected ("eTag conflict") and the stored value stays', async () => {
      const s = harness.open();
      await s.write({ k: { n: 1 } });
      const first = (await s.read(['k'])).k as Item;
      await s.write({ k: { ...first, n: 2 } });
      await assert.rejects(s.write({ k: { ...first, n: 3 } }), /eTag conflict/);
      const now = (await s.read(['k'])).k as Item;
      assert.equal(now.n, 2);
      assert.notEqual(now.eTag, first.eTag);
      // a deleted item's eTag is stale too
      await s.delete(['k']);
      await assert.rejects(s.write({ k: { ...now, n: 9 } }), /eTag conflict/);
      assert.deepEqual(await s.read(['k']), {});
    });

    it("S3: '*' and no eTag are unconditional upserts", async () => {
      const s = harness.open();
      await s.write({ k: { n: 1 } });
      await s.write({ k: { n: 2, eTag: '*' } });
      assert.equal(((await s.read(['k'])).k as Item).n, 2);
      await s.write({ k: { n: 3 } });
      assert.equal(((await s.read(['k'])).k as Item).n, 3);
      await s.write({ fresh: { n: 1, eTag: '*' } });
      assert.equal(((await s.read(['fresh'])).fresh as Item).n, 1);
    });

    it('S4: of N writers holding the same eTag (independent clients), exactly one wins', async () => {
      const clients = Array.from({ length: 6 }, () => harness.open());
      await clients[0]!.write({ k: { n: 0 } });
      const base = (await clients[0]!.read(['k'])).k as Item;
      const results = await Promise.allSettled(clients.map((c, i) => c.write({ k: { ...base, n: i + 1 } })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.match(String(r.reason), /eTag conflict/);
      const winner = results.findIndex((r) => r.status === 'fulfilled');
      assert.equal(((await clients[0]!.read(['k'])).k as Item).n, winner + 1);
    });

    it('S4b: read-modify-write with retry on conflict loses no update (two instances)', async () => {
      const a = harness.open();
      const b = harness.open();
      await a.write({ counter: { n: 0 } });
      const increment = async (s: ClaimableStorage) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const cur = (await s.read(['counter'])).counter as Item;
          try {
            await s.write({ counter: { ...cur, n: (cur.n as number) + 1 } });
            return;
          } catch (err) {
            if (!/eTag conflict/.test(String(err))) throw err;
          }
        }
        throw new Error('too many conflicts');
      };
      await Promise.all(Array.from({ length: 10 }, (_, i) => increment(i % 2 ? a : b)));
      assert.equal(((await a.read(['counter'])).counter as Item).n, 10);
    });

    it('S5: exactly one of N concurrent claims wins, across clients', async () => {
      const clients = Array.from({ length: 8 }, () => harness.open());
      const wins = await Promise.all(clients.map((c, i) => c.claim('dedupe/act-1', { by: i })));
      assert.equal(wins.filter(Boolean).length, 1);
      const stored = (await clients[0]!.read(['dedupe/act-1']))['dedupe/act-1'] as Item;
      assert.equal(stored.by, wins.indexOf(true));
      assert.equal(await clients[1]!.claim('dedupe/act-1', { by: 99 }), false);
    });

    it('S5b: an expired claim can be claimed again (by exactly one); an unexpired one cannot', async () => {
      let now = Date.now();
      const clients = Array.from({ length: 5 }, () => harness.open(() => now));
      assert.equal(await clients[0]!.claim('c', { v: 1 }, { expiresAt: new Date(now + 60_000) }), true);
      assert.equal(await clients[1]!.claim('c', { v: 2 }, { expiresAt: new Date(now + 60_000) }), false);
      now += 120_000;
      assert.deepEqual(await clients[0]!.read(['c']), {}, 'an expired claim reads as absent');
      const wins = await Promise.all(clients.map((c, i) => c.claim('c', { v: 10 + i }, { expiresAt: new Date(now + 60_000) })));
      assert.equal(wins.filter(Boolean).length, 1);
      // a plain write makes the key permanent again
      const cur = (await clients[0]!.read(['c'])).c as Item;
      await clients[0]!.write({ c: { ...cur, kept: true } });
      now += 10 * 60_000;
      assert.equal(((await clients[0]!.read(['c'])).c as Item).kept, true);
    });

    it('S6: a multi-key write with one stale key writes nothing (no concurrent writer)', async () => {
      const s = harness.open();
      await s.write({ a: { n: 1 }, b: { n: 1 } });
      const { a, b } = (await s.read(['a', 'b'])) as { a: Item; b: Item };
      await s.write({ b: { ...b, n: 2 } });
      await assert.rejects(s.write({ a: { ...a, n: 5 }, b: { ...b, n: 5 }, c: { n: 5 } }), /eTag conflict/);
      const after = (await s.read(['a', 'b', 'c'])) as Record<string, Item>;
      assert.equal(after.a!.n, 1);
      assert.equal(after.b!.n, 2);
      assert.equal(after.c, undefined);
    });

    it('S7: data survives a restart of the store', async () => {
      const s = harness.open();
      await s.write({ persisted: { text: '再起動後も残る' } });
      assert.equal(await s.claim('claimed', { x: 1 }), true);
      await harness.restart();
      const fresh = harness.open();
      assert.equal(((await fresh.read(['persisted'])).persisted as Item).text, '再起動後も残る');
      assert.equal(await fresh.claim('claimed', { x: 2 }), false);
    });

    it('delete removes items and ignores missing keys', async () => {
      const s = harness.open();
      await s.write({ a: { n: 1 }, b: { n: 2 } });
      await s.delete(['a', 'never-existed']);
      assert.deepEqual(Object.keys(await s.read(['a', 'b'])), ['b']);
    });
  });
}

runContract('SQLite (embedded default)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nwcheck-contract-'));
  let dbs: SqliteDatabase[] = [];
  const closeAll = () => {
    for (const db of dbs) if (db.open) db.close();
    dbs = [];
  };
  const harness: Harness = {
    open: (now) => {
      const db = openDatabase(dir);
      dbs.push(db);
      return new SqliteStorage(db, now ? { now } : {});
    },
    restart: () => {
      closeAll();
      return Promise.resolve();
    },
  };
  return Promise.resolve({
    harness,
    teardown: () => {
      closeAll();
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
});

describe('storage contract: Azure Blob (BlobStorage on Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite | undefined;
  let containerSeq = 0;

  before(async function () {
    if (!azuriteAvailable()) this.skip(); // the azurite dev dependency is not installed
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop({ removeData: true });
  });

  runContract(
    'Azure Blob',
    () => {
      const container = `contract-${process.pid}-${++containerSeq}`;
      const client = () => BlobServiceClient.fromConnectionString(azurite!.connectionString, { retryOptions: { maxTries: 2, tryTimeoutInMs: 10_000 } });
      const harness: Harness = {
        open: (now) => new BlobStorage({ service: client(), container, ...(now ? { now } : {}) }),
        restart: async () => {
          const location = azurite!.location;
          await azurite!.stop({ removeData: false });
          azurite = await startAzurite({ location });
        },
      };
      return Promise.resolve({ harness, teardown: () => client().getContainerClient(container).deleteIfExists().then(() => undefined) });
    },
  );

  it('purgeExpired deletes expired claims only; createStorage builds the Blob store from a connection string', async () => {
    let now = Date.now();
    const created = createStorage({ kind: 'azure-blob', connectionString: azurite!.connectionString, container: `purge-${process.pid}`, now: () => now, maxTries: 2 });
    assert.equal(created.kind, 'azure-blob');
    assert.match(created.describe, /^azure-blob devstoreaccount1\/purge-/);
    assert.doesNotMatch(created.describe, /AccountKey/);
    const s = created.storage;
    await s.claim('old', { x: 1 }, { expiresAt: new Date(now + 1000) });
    await s.claim('young', { x: 1 }, { expiresAt: new Date(now + 60 * 60_000) });
    await s.claim('forever', { x: 1 });
    await s.write({ plain: { x: 1 } });
    now += 10_000;
    assert.equal(await created.purgeExpired(), 1);
    assert.deepEqual(Object.keys(await s.read(['old', 'young', 'forever', 'plain'])).sort(), ['forever', 'plain', 'young']);
  });
});

describe('storage factory and names', () => {
  it('checkStorageEnv lists every problem', () => {
    assert.deepEqual(checkStorageEnv({}), []);
    assert.deepEqual(checkStorageEnv({ STORAGE: 'sqlite' }), []);
    assert.equal(checkStorageEnv({ STORAGE: 'azure-blob' }).length, 1);
    assert.equal(checkStorageEnv({ STORAGE: 'mongo' }).length, 1);
    assert.equal(checkStorageEnv({ STORAGE: 'azure-blob', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_CONTAINER: 'Bad_Name' }).length, 1);
  });

  it('blob names: every key maps to a distinct, bounded, dot-free name', () => {
    const keys = ['a', 'A', 'a/b', 'a%2Fb', '..', '.', 'x'.repeat(5000), 'x'.repeat(5001), '19:abc@thread.tacv2;messageid=1'];
    const names = keys.map(blobNameFor);
    assert.equal(new Set(names).size, keys.length);
    for (const n of names) {
      assert.ok(n.length <= 900, String(n.length));
      assert.ok(!n.includes('.') && !n.includes('/'));
    }
  });
});
