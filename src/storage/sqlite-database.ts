// Opens the bot's one SQLite file under DATA_DIR with the durability settings every table
// relies on: WAL (readers do not block the writer) and synchronous=NORMAL: a committed row
// survives any crash or kill of the process (the WAL frames are in the OS page cache); only an
// OS crash or power loss can lose the last transactions. FULL made every commit an fsync on the
// main thread and halved throughput under load (docs/perf.md). Plus a busy timeout so a second
// connection waits instead of failing.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type SqliteDatabase = Database.Database;

export const DATABASE_FILE = 'nwcheck-bot.sqlite';

export function openDatabase(dataDir: string, fileName: string = DATABASE_FILE): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
