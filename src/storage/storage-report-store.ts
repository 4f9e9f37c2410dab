// Reports kept in the botbuilder Storage (Azure Blob when several instances share the bot): a
// card clicked on one instance finds the report another instance made. Each report is written
// once with claim() and an expiry (REPORT_RETENTION_DAYS), so retention needs no listing:
// expired items read as absent and the storage's purgeExpired() deletes them. The newest report
// per conversation is a small pointer item updated with eTag retries.
import type { Report } from '../analyzer';
import type { ConversationScope, NewReport, ReportStore, StoredReport } from '../bot/bot-services';
import { newReportId, ReportIdTakenError, ReportJson } from './report-json';
import type { ClaimableStorage } from './sqlite-storage';

const DAY_MS = 24 * 60 * 60 * 1000;
// each round lets at least one writer through, so this bounds the writers racing on one conversation
const MAX_ATTEMPTS = 20;

interface ReportItem {
  id: string;
  tenantId: string;
  conversationId: string;
  createdAt: string;
  fileLabel?: string;
  report: Report;
}

interface LatestItem {
  reportId: string;
  createdAt: string;
  eTag?: string;
}

function reportKey(id: string): string {
  return `report/${id}`;
}

function latestKey(scope: ConversationScope): string {
  return `report-latest/${scope.tenantId}/${scope.conversationId}`;
}

export class StorageReportStore implements ReportStore {
  constructor(
    private readonly storage: ClaimableStorage,
    private readonly options: { retentionDays: number; now?: () => Date },
  ) {}

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  async save(input: NewReport): Promise<StoredReport> {
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + this.options.retentionDays * DAY_MS);
    const given = input.report;
    const preset = given instanceof ReportJson ? given.id : undefined;
    let id = preset ?? newReportId();
    const item: ReportItem = {
      id,
      tenantId: input.scope.tenantId,
      conversationId: input.scope.conversationId,
      createdAt: createdAt.toISOString(),
      report: given instanceof ReportJson ? given.report : given,
      ...(input.fileLabel !== undefined ? { fileLabel: input.fileLabel } : {}),
    };
    // 144 random bits never collide in practice; claim() makes "never" certain (a preset id cannot
    // be replaced: the card built with it would point elsewhere)
    while (!(await this.storage.claim(reportKey(id), { ...item, id }, { expiresAt }))) {
      if (preset !== undefined) throw new ReportIdTakenError();
      id = newReportId();
    }
    try {
      await this.pointLatest(input.scope, id, item.createdAt);
    } catch (err) {
      // no card will carry this id: take the report back rather than leave it half-saved (if the
      // store is down for that too, the orphan is unreachable and expires with the retention)
      await this.storage.delete([reportKey(id)]).catch(() => undefined);
      throw err;
    }
    return toStored({ ...item, id });
  }

  async get(id: string): Promise<StoredReport | undefined> {
    const key = reportKey(id);
    const item = (await this.storage.read([key]))[key] as ReportItem | undefined;
    return item ? toStored(item) : undefined;
  }

  async latestFor(scope: ConversationScope): Promise<StoredReport | undefined> {
    const key = latestKey(scope);
    const latest = (await this.storage.read([key]))[key] as LatestItem | undefined;
    return latest ? this.get(latest.reportId) : undefined;
  }

  /** Retention is the expiry written with each report; nothing to list or delete here. */
  purgeOlderThan(_cutoff: Date): Promise<number> {
    return Promise.resolve(0);
  }

  private async pointLatest(scope: ConversationScope, reportId: string, createdAt: string): Promise<void> {
    const key = latestKey(scope);
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error('report store: the latest-report pointer kept changing; giving up');
      const current = (await this.storage.read([key]))[key] as LatestItem | undefined;
      if (current && current.createdAt > createdAt) return; // a newer report already won
      if (!current) {
        // first report here: create-only, so two first reports cannot overwrite each other blindly
        if (await this.storage.claim(key, { reportId, createdAt })) return;
        continue;
      }
      try {
        await this.storage.write({ [key]: { reportId, createdAt, ...(current.eTag ? { eTag: current.eTag } : {}) } });
        return;
      } catch (err) {
        if (!/eTag conflict|412|ConditionNotMet|precondition/i.test(String(err))) throw err;
      }
    }
  }
}

function toStored(item: ReportItem): StoredReport {
  const stored: StoredReport = {
    id: item.id,
    scope: { tenantId: item.tenantId, conversationId: item.conversationId },
    createdAt: item.createdAt,
    report: item.report,
  };
  if (item.fileLabel !== undefined) stored.fileLabel = item.fileLabel;
  return stored;
}
