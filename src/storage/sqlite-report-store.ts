// Analysis reports, one row each, kept REPORT_RETENTION_DAYS. Each has an unguessable id (the
// one card buttons carry) and the conversation + tenant it belongs to; access checks compare
// those (src/bot/report-access.ts), the id alone grants nothing.
import type { Report } from '../analyzer';
import type { ConversationScope, NewReport, ReportStore, StoredReport } from '../bot/bot-services';
import { newReportId, ReportJson } from './report-json';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-database';

interface Row {
  id: string;
  tenant_id: string;
  conversation_id: string;
  created_at: number;
  file_label: string | null;
  body: string;
}

export { newReportId } from './report-json';

export class SqliteReportStore implements ReportStore {
  private readonly now: () => Date;
  // prepared once: better-sqlite3 compiles the SQL on every prepare()
  private readonly insert: Statement<[string, string, string, number, string | null, string]>;
  private readonly byId: Statement<[string], Row>;
  private readonly latest: Statement<[string, string], Row>;
  private readonly purge: Statement<[number]>;

  constructor(db: SqliteDatabase, options: { now?: () => Date } = {}) {
    this.now = options.now ?? (() => new Date());
    db.exec(`CREATE TABLE IF NOT EXISTS reports (
      id TEXT PRIMARY KEY NOT NULL,
      tenant_id TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      file_label TEXT,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS reports_by_conversation ON reports (tenant_id, conversation_id, created_at);
    CREATE INDEX IF NOT EXISTS reports_by_age ON reports (created_at);`);
    this.insert = db.prepare('INSERT INTO reports (id, tenant_id, conversation_id, created_at, file_label, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.byId = db.prepare('SELECT * FROM reports WHERE id = ?');
    this.latest = db.prepare('SELECT * FROM reports WHERE tenant_id = ? AND conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1');
    this.purge = db.prepare('DELETE FROM reports WHERE created_at < ?');
  }

  save(input: NewReport): Promise<StoredReport> {
    return Promise.resolve().then(() => {
      const createdAt = this.now();
      const given = input.report;
      // a ReportJson comes serialised (analysis worker): written as is, under its id
      const id = given instanceof ReportJson ? given.id : newReportId();
      const body = given instanceof ReportJson ? given.json : JSON.stringify(given);
      this.insert.run(id, input.scope.tenantId, input.scope.conversationId, createdAt.getTime(), input.fileLabel ?? null, body);
      return storedOf(id, input, createdAt.toISOString());
    });
  }

  get(id: string): Promise<StoredReport | undefined> {
    return Promise.resolve().then(() => {
      const row = this.byId.get(id);
      return row ? toStored(row) : undefined;
    });
  }

  latestFor(scope: ConversationScope): Promise<StoredReport | undefined> {
    return Promise.resolve().then(() => {
      const row = this.latest.get(scope.tenantId, scope.conversationId);
      return row ? toStored(row) : undefined;
    });
  }

  purgeOlderThan(cutoff: Date): Promise<number> {
    return Promise.resolve().then(() => this.purge.run(cutoff.getTime()).changes);
  }
}

/** What save() returns; a serialised report is parsed only if someone reads `report`. */
export function storedOf(id: string, input: NewReport, createdAt: string): StoredReport {
  const given = input.report;
  const scope = { ...input.scope };
  const stored: StoredReport =
    given instanceof ReportJson
      ? Object.defineProperty({ id, scope, createdAt } as StoredReport, 'report', { get: () => given.report, enumerable: true })
      : { id, scope, createdAt, report: given };
  if (input.fileLabel !== undefined) stored.fileLabel = input.fileLabel;
  return stored;
}

function toStored(row: Row): StoredReport {
  const stored: StoredReport = {
    id: row.id,
    scope: { tenantId: row.tenant_id, conversationId: row.conversation_id },
    createdAt: new Date(row.created_at).toISOString(),
    report: JSON.parse(row.body) as Report,
  };
  if (row.file_label !== null) stored.fileLabel = row.file_label;
  return stored;
}
