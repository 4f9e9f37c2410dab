// botbuilder `Storage` over SQLite, with the eTag semantics of botbuilder's own stores:
// - read returns each item with its current eTag;
// - write with a matching eTag (or none, or '*') replaces the item; a stale eTag rejects with
//   "eTag conflict" and changes nothing. A multi-key write is one transaction: all or nothing
//   (MemoryStorage writes partially; we do not).
// - claim(key, value) is our create-only extension: exactly one of N concurrent claims wins,
//   used for dedupe ("this activity was already handled") and "one escalation per click".
import type { Storage, StoreItems } from 'botbuilder';
import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-database';

export class StorageConflictError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
    this.key = key;
  }
}

/** Storage plus the create-only claim every durable store of ours offers. */
export interface ClaimableStorage extends Storage {
  /** Creates `key` with `value` unless it exists (and has not expired). true = this caller won. */
  claim(key: string, value: Record<string, unknown>, options?: { expiresAt?: Date }): Promise<boolean>;
}

interface Row {
  key: string;
  value: string;
  etag: string;
  expires_at: number | null;
}

function newETag(): string {
  return randomBytes(9).toString('base64url');
}

export class SqliteStorage implements ClaimableStorage {
  private readonly db: SqliteDatabase;
  private readonly now: () => number;
  // prepared once: better-sqlite3 compiles the SQL on every prepare()
  private readonly stmts: {
    selectItem: Statement<[string], Row>;
    selectETag: Statement<[string], Pick<Row, 'etag'>>;
    upsert: Statement<[string, string, string, number]>;
    deleteKey: Statement<[string]>;
    deleteExpiredKey: Statement<[string, number]>;
    insertClaim: Statement<[string, string, string, number | null, number]>;
    purgeExpired: Statement<[number]>;
  };

  constructor(db: SqliteDatabase, options: { now?: () => number } = {}) {
    this.db = db;
    this.now = options.now ?? Date.now;
    db.exec(`CREATE TABLE IF NOT EXISTS store_items (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      etag TEXT NOT NULL,
      expires_at INTEGER,
      updated_at INTEGER NOT NULL
    )`);
    this.stmts = {
      selectItem: db.prepare('SELECT key, value, etag, expires_at FROM store_items WHERE key = ?'),
      selectETag: db.prepare('SELECT etag FROM store_items WHERE key = ?'),
      upsert: db.prepare(
        `INSERT INTO store_items (key, value, etag, expires_at, updated_at) VALUES (?, ?, ?, NULL, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = NULL, updated_at = excluded.updated_at`,
      ),
      deleteKey: db.prepare('DELETE FROM store_items WHERE key = ?'),
      deleteExpiredKey: db.prepare('DELETE FROM store_items WHERE key = ? AND expires_at IS NOT NULL AND expires_at <= ?'),
      insertClaim: db.prepare('INSERT OR IGNORE INTO store_items (key, value, etag, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
      purgeExpired: db.prepare('DELETE FROM store_items WHERE expires_at IS NOT NULL AND expires_at <= ?'),
    };
  }

  read(keys: string[]): Promise<StoreItems> {
    return Promise.resolve().then(() => {
      if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading');
      const select = this.stmts.selectItem;
      const items: StoreItems = {};
      const now = this.now();
      for (const key of keys) {
        const row = select.get(key);
        if (!row || (row.expires_at !== null && row.expires_at <= now)) continue;
        const value = JSON.parse(row.value) as Record<string, unknown>;
        items[key] = { ...value, eTag: row.etag };
      }
      return items;
    });
  }

  write(changes: StoreItems): Promise<void> {
    return Promise.resolve().then(() => {
      if (changes === null || typeof changes !== 'object') throw new TypeError('Changes are required when writing');
      const { selectETag: select, upsert } = this.stmts;
      const writeAll = this.db.transaction((entries: [string, unknown][]) => {
        for (const [key, item] of entries) {
          const { eTag, ...rest } = (item ?? {}) as { eTag?: unknown } & Record<string, unknown>;
          if (typeof eTag === 'string' && eTag !== '*' && eTag !== '') {
            const current = select.get(key);
            // a specific eTag means "the version I read": if it changed or vanished, refuse
            if (!current || current.etag !== eTag) throw new StorageConflictError(key);
          }
          upsert.run(key, JSON.stringify(rest), newETag(), this.now());
        }
      });
      writeAll.immediate(Object.entries(changes));
    });
  }

  delete(keys: string[]): Promise<void> {
    return Promise.resolve().then(() => {
      if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting');
      const del = this.stmts.deleteKey;
      this.db.transaction((ks: string[]) => {
        for (const key of ks) del.run(key);
      })(keys);
    });
  }

  claim(key: string, value: Record<string, unknown>, options: { expiresAt?: Date } = {}): Promise<boolean> {
    return Promise.resolve().then(() => {
      const now = this.now();
      const claimOnce = this.db.transaction(() => {
        this.stmts.deleteExpiredKey.run(key, now);
        const result = this.stmts.insertClaim.run(key, JSON.stringify(value), newETag(), options.expiresAt ? options.expiresAt.getTime() : null, now);
        return result.changes === 1;
      });
      return claimOnce.immediate();
    });
  }

  /** Deletes claims whose expiry has passed; returns how many. */
  purgeExpired(): number {
    return this.stmts.purgeExpired.run(this.now()).changes;
  }
}
