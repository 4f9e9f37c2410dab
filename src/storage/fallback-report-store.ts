// Reports with several instances: the shared store (Blob) first, so a card clicked on another
// instance finds the report. When the shared store fails, the report is kept in this instance's
// SQLite instead, so the user still gets the analysis and its buttons work on this instance
// (a click landing on another instance during the outage gets "card no longer valid").
// Reads look in both: a report id lives in exactly one of them.
import type { ConversationScope, NewReport, ReportStore, StoredReport } from '../bot/bot-services';

export interface FallbackLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

function errName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

export class FallbackReportStore implements ReportStore {
  constructor(
    private readonly shared: ReportStore,
    private readonly local: ReportStore,
    private readonly log: FallbackLog,
  ) {}

  async save(input: NewReport): Promise<StoredReport> {
    try {
      return await this.shared.save(input);
    } catch (err) {
      this.log.warn({ event: 'report-store-fallback', op: 'save', errName: errName(err) }, 'shared report store failed; keeping the report on this instance');
      return this.local.save(input);
    }
  }

  async get(id: string): Promise<StoredReport | undefined> {
    let sharedError: Error | undefined;
    try {
      const found = await this.shared.get(id);
      if (found) return found;
    } catch (err) {
      sharedError = asError(err);
    }
    const local = await this.local.get(id);
    if (local) return local;
    // not here, and the shared store could not say: a temporary problem, not "no such report"
    if (sharedError !== undefined) throw sharedError;
    return undefined;
  }

  async latestFor(scope: ConversationScope): Promise<StoredReport | undefined> {
    const [shared, local] = await Promise.allSettled([this.shared.latestFor(scope), this.local.latestFor(scope)]);
    if (local.status === 'rejected') throw asError(local.reason);
    if (shared.status === 'rejected') {
      this.log.warn({ event: 'report-store-fallback', op: 'latest', errName: errName(shared.reason) }, 'shared report store failed; using this instance only');
      if (local.value) return local.value;
      throw asError(shared.reason);
    }
    const a = shared.value;
    const b = local.value;
    if (!a) return b;
    if (!b) return a;
    return b.createdAt > a.createdAt ? b : a;
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const [shared, local] = await Promise.all([
      this.shared.purgeOlderThan(cutoff).catch((err: unknown) => {
        this.log.warn({ event: 'report-store-fallback', op: 'purge', errName: errName(err) }, 'shared report store purge failed');
        return 0;
      }),
      this.local.purgeOlderThan(cutoff),
    ]);
    return shared + local;
  }
}
