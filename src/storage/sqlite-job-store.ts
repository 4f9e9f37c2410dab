// Durable queue of "fetch this log and answer" jobs. A job is written before the HTTP turn is
// acknowledged, so a crash or restart between the acknowledgement and the answer loses nothing:
// pending jobs are resumed at start. The job id is derived from the activity id, so Teams
// redelivering the same message (it retries turns slower than ~15 s) creates no second job.
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-database';

export type JobState = 'pending' | 'done' | 'failed';

export interface JobRecord<P = unknown> {
  id: string;
  state: JobState;
  createdAt: Date;
  updatedAt: Date;
  /** how many times a run was started (a run that never finished counts) */
  attempts: number;
  /** how many of the job's inputs were already answered (so a resumed job does not repeat them) */
  progress: number;
  payload: P;
  error?: string;
}

interface Row {
  id: string;
  state: JobState;
  created_at: number;
  updated_at: number;
  attempts: number;
  progress: number;
  payload: string | null;
  error: string | null;
}

export class SqliteJobStore<P = unknown> {
  private readonly now: () => Date;
  // prepared once: better-sqlite3 compiles the SQL on every prepare()
  private readonly stmts: {
    insert: Statement<[string, number, number, string]>;
    get: Statement<[string], Row>;
    pending: Statement<[], Row>;
    startAttempt: Statement<[number, string], { attempts: number }>;
    setProgress: Statement<[number, number, string]>;
    finish: Statement<[string, string | null, number, string]>;
    purge: Statement<[number]>;
  };

  constructor(db: SqliteDatabase, options: { now?: () => Date } = {}) {
    this.now = options.now ?? (() => new Date());
    db.exec(`CREATE TABLE IF NOT EXISTS jobs (
      id TEXT PRIMARY KEY NOT NULL,
      state TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      progress INTEGER NOT NULL DEFAULT 0,
      payload TEXT,
      error TEXT
    );
    CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, created_at);`);
    this.stmts = {
      insert: db.prepare("INSERT OR IGNORE INTO jobs (id, state, created_at, updated_at, payload) VALUES (?, 'pending', ?, ?, ?)"),
      get: db.prepare('SELECT * FROM jobs WHERE id = ?'),
      pending: db.prepare("SELECT * FROM jobs WHERE state = 'pending' ORDER BY created_at, rowid"),
      // RETURNING: the new count without a second query
      startAttempt: db.prepare('UPDATE jobs SET attempts = attempts + 1, updated_at = ? WHERE id = ? RETURNING attempts'),
      setProgress: db.prepare('UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ?'),
      finish: db.prepare('UPDATE jobs SET state = ?, error = ?, payload = NULL, updated_at = ? WHERE id = ?'),
      purge: db.prepare("DELETE FROM jobs WHERE state != 'pending' AND updated_at < ?"),
    };
  }

  /** Creates the job; false when a job with this id exists already (a redelivered activity). */
  enqueue(id: string, payload: P): boolean {
    const t = this.now().getTime();
    return this.stmts.insert.run(id, t, t, JSON.stringify(payload)).changes === 1;
  }

  get(id: string): JobRecord<P> | undefined {
    const row = this.stmts.get.get(id);
    return row ? toRecord<P>(row) : undefined;
  }

  pending(): JobRecord<P>[] {
    return this.stmts.pending.all().map((r) => toRecord<P>(r));
  }

  /** Marks a run as started; returns the new attempt count. */
  startAttempt(id: string): number {
    return this.stmts.startAttempt.get(this.now().getTime(), id)?.attempts ?? 0;
  }

  setProgress(id: string, progress: number): void {
    this.stmts.setProgress.run(progress, this.now().getTime(), id);
  }

  /** Final state. The payload is dropped: it can hold pre-authenticated download URLs and pasted logs. */
  finish(id: string, state: Exclude<JobState, 'pending'>, error?: string): void {
    this.stmts.finish.run(state, error ?? null, this.now().getTime(), id);
  }

  /** Deletes finished jobs last touched before `cutoff` (they only serve as the dedupe record). */
  purgeFinishedBefore(cutoff: Date): number {
    return this.stmts.purge.run(cutoff.getTime()).changes;
  }
}

function toRecord<P>(row: Row): JobRecord<P> {
  const record: JobRecord<P> = {
    id: row.id,
    state: row.state,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    attempts: row.attempts,
    progress: row.progress,
    payload: (row.payload === null ? null : JSON.parse(row.payload)) as P,
  };
  if (row.error !== null) record.error = row.error;
  return record;
}
