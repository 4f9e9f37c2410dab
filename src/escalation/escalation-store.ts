// Escalations on the botbuilder Storage interface (so SQLite and Azure Blob both work): every
// update is a compare-and-swap on the item's eTag, re-run on a fresh read when it conflicts, and
// every first write that must not be doubled goes through the store's create-only `claim`.
//
// Storage cannot list keys, so two small index documents say what exists: the outbox index (which
// escalations have deliveries due, and when) and, per tenant, the open escalations. Both are
// written BEFORE the record they point to ("intent first"): a crash in between leaves an index
// entry without a record, which the drainer drops after a grace period, never a record nobody
// knows about.
import { createHash } from 'node:crypto';
import type { StoreItem } from 'botbuilder';
import type { ClaimableStorage } from '../storage/sqlite-storage';
import type { EscalationRecord, EscalationTarget } from './escalation';

/** botbuilder Storage plus create-only write (SQLite here; Azure Blob with ifNoneMatch '*'). */
export type ClaimStorage = Pick<ClaimableStorage, 'read' | 'write' | 'delete' | 'claim'>;

export interface EscalationStoreOptions {
  /** how a write conflict shows itself in this Storage (default: 412 / "eTag" in the message) */
  isConflict?: (err: unknown) => boolean;
  /** compare-and-swap rounds before giving up */
  maxRounds?: number;
}

const KEY = {
  record: (id: string) => `escalation/record/${id}`,
  report: (id: string) => `escalation/report/${id}`,
  target: (tenantId: string) => `escalation/target/${hashKey(tenantId)}`,
  open: (tenantId: string) => `escalation/open/${hashKey(tenantId)}`,
  dedupe: (hash: string) => `escalation/dedupe/${hash}`,
  byReport: (hash: string) => `escalation/by-report/${hash}`,
  outboxIndex: 'escalation/outbox-index',
  deadLetters: 'escalation/dead-letters',
};

/** Tenant ids and user ids go through a hash so keys stay short and free of odd characters. */
export function hashKey(...parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\u0000');
  return h.digest('base64url').slice(0, 32);
}

export function defaultIsConflict(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { statusCode?: unknown; status?: unknown; code?: unknown; message?: unknown };
  if (e.statusCode === 412 || e.status === 412) return true;
  if ((err as { name?: unknown }).name === 'StorageConflictError') return true;
  if (typeof e.code === 'string' && /etag|conflict|precondition/i.test(e.code)) return true;
  return typeof e.message === 'string' && /etag/i.test(e.message);
}

export class StoreConflictError extends Error {
  constructor(key: string) {
    super(`escalation store: could not update ${key} after repeated eTag conflicts`);
    this.name = 'StoreConflictError';
  }
}

/** What a mutation decides: a new value, or leave the stored one alone. */
export type Mutation<T> = (current: T) => T | undefined;

export interface OutboxIndex {
  /** escalation id → epoch ms when it is next due */
  due: Record<string, number>;
}

export interface DeadLetter {
  escalationId: string;
  itemId: string;
  kind: string;
  reason: string;
  attempts: number;
  at: string;
}

const MAX_DEAD_LETTERS = 500;

interface Stored<T> {
  value: T;
  eTag?: string;
}

export class EscalationStore {
  private readonly isConflict: (err: unknown) => boolean;
  private readonly maxRounds: number;

  constructor(private readonly storage: ClaimStorage, options: EscalationStoreOptions = {}) {
    this.isConflict = options.isConflict ?? defaultIsConflict;
    this.maxRounds = options.maxRounds ?? 25;
  }

  // ---- records -------------------------------------------------------------------------------

  async get(id: string): Promise<EscalationRecord | undefined> {
    return (await this.readItem<EscalationRecord>(KEY.record(id)))?.value;
  }

  /**
   * Creates the record (create-only). Returns the stored record: the new one, or the one another
   * request created first with the same id.
   */
  async create(record: EscalationRecord, report: unknown, now: number): Promise<{ created: boolean; record: EscalationRecord }> {
    // intent first: indexes, then the report snapshot, then the record itself
    await this.markDue(record.id, now);
    await this.addOpen(record.tenantId, record.id);
    await this.storage.claim(KEY.report(record.id), { report: report });
    const created = await this.storage.claim(KEY.record(record.id), stripETag(record) as unknown as Record<string, unknown>);
    if (created) {
      // again now the record exists: a listing that ran in between may have pruned the id
      await this.addOpen(record.tenantId, record.id);
      return { created, record };
    }
    const existing = await this.get(record.id);
    if (!existing) throw new Error(`escalation store: ${record.id} claimed but not readable`);
    return { created, record: existing };
  }

  async getReport<T = unknown>(id: string): Promise<T | undefined> {
    const item = await this.readItem<{ report: T }>(KEY.report(id));
    return item?.value.report;
  }

  /**
   * Compare-and-swap update: `mutate` sees the current record and returns the new one, or
   * undefined to leave it. Re-runs on a fresh read after a conflict, so the decision (e.g. who
   * gets "Take it") is always made on the latest state. Resolves with the record as stored.
   */
  async update(id: string, mutate: Mutation<EscalationRecord>): Promise<{ record: EscalationRecord; changed: boolean } | undefined> {
    const result = await this.cas<EscalationRecord>(KEY.record(id), (current) => (current === undefined ? undefined : mutate(current)));
    return result.value === undefined ? undefined : { record: result.value, changed: result.changed };
  }

  // ---- dedupe --------------------------------------------------------------------------------

  /**
   * One escalation per submission: the first caller for this (tenant, report, requester,
   * generation) wins and creates `escalationId`; later callers (a second click, a retried invoke,
   * a request racing this one) learn the winner's id.
   */
  async claimSubmission(parts: { tenantId: string; reportId: string; requesterId: string; generation: number }, escalationId: string, now: number): Promise<{ won: boolean; escalationId: string }> {
    const key = KEY.dedupe(hashKey(parts.tenantId, parts.reportId, parts.requesterId, String(parts.generation)));
    const won = await this.storage.claim(key, { escalationId, at: new Date(now).toISOString() });
    if (won) return { won, escalationId };
    const existing = await this.readItem<{ escalationId: string }>(key);
    if (!existing) throw new Error('escalation store: submission claimed but not readable');
    return { won, escalationId: existing.value.escalationId };
  }

  /** Every escalation a requester made for a report, oldest first. */
  async listByReport(tenantId: string, reportId: string, requesterId: string): Promise<string[]> {
    return (await this.readItem<{ ids: string[] }>(KEY.byReport(hashKey(tenantId, reportId, requesterId))))?.value.ids ?? [];
  }

  async addByReport(tenantId: string, reportId: string, requesterId: string, escalationId: string): Promise<void> {
    await this.cas<{ ids: string[] }>(KEY.byReport(hashKey(tenantId, reportId, requesterId)), (current) => {
      const ids = current?.ids ?? [];
      return ids.includes(escalationId) ? undefined : { ids: [...ids, escalationId] };
    });
  }

  // ---- targets -------------------------------------------------------------------------------

  async getTarget(tenantId: string): Promise<EscalationTarget | undefined> {
    return (await this.readItem<{ target: EscalationTarget }>(KEY.target(tenantId)))?.value.target;
  }

  /** Stores the tenant's target; resolves with the one it replaced, if any. */
  async setTarget(target: EscalationTarget): Promise<EscalationTarget | undefined> {
    let previous: EscalationTarget | undefined;
    await this.cas<{ target: EscalationTarget }>(KEY.target(target.tenantId), (current) => {
      previous = current?.target;
      return { target };
    });
    return previous;
  }

  // ---- open list -----------------------------------------------------------------------------

  async listOpenIds(tenantId: string): Promise<string[]> {
    return (await this.readItem<{ ids: string[] }>(KEY.open(tenantId)))?.value.ids ?? [];
  }

  async addOpen(tenantId: string, id: string): Promise<void> {
    await this.cas<{ ids: string[] }>(KEY.open(tenantId), (current) => {
      const ids = current?.ids ?? [];
      return ids.includes(id) ? undefined : { ids: [...ids, id] };
    });
  }

  async removeOpen(tenantId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.cas<{ ids: string[] }>(KEY.open(tenantId), (current) => {
      if (!current) return undefined;
      const kept = current.ids.filter((id) => !ids.includes(id));
      return kept.length === current.ids.length ? undefined : { ids: kept };
    });
  }

  // ---- outbox index --------------------------------------------------------------------------

  async readOutboxIndex(): Promise<OutboxIndex> {
    return (await this.readItem<OutboxIndex>(KEY.outboxIndex))?.value ?? { due: {} };
  }

  /** Records that `id` has deliveries due at `at` (keeps an earlier time already there). */
  async markDue(id: string, at: number): Promise<void> {
    await this.cas<OutboxIndex>(KEY.outboxIndex, (current) => {
      const due = { ...(current?.due ?? {}) };
      const existing = due[id];
      if (existing !== undefined && existing <= at) return undefined;
      due[id] = at;
      return { due };
    });
  }

  /** After a drain pass: set when `id` is next due, or drop it when nothing is pending. */
  async settleDue(id: string, at: number | undefined): Promise<void> {
    await this.cas<OutboxIndex>(KEY.outboxIndex, (current) => {
      const due = { ...(current?.due ?? {}) };
      if (at === undefined) {
        if (!(id in due)) return undefined;
        delete due[id];
      } else {
        if (due[id] === at) return undefined;
        due[id] = at;
      }
      return { due };
    });
  }

  // ---- dead letters --------------------------------------------------------------------------

  async addDeadLetter(entry: DeadLetter): Promise<void> {
    await this.cas<{ items: DeadLetter[] }>(KEY.deadLetters, (current) => {
      const items = [...(current?.items ?? []), entry];
      return { items: items.slice(-MAX_DEAD_LETTERS) };
    });
  }

  async listDeadLetters(): Promise<DeadLetter[]> {
    return (await this.readItem<{ items: DeadLetter[] }>(KEY.deadLetters))?.value.items ?? [];
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private async readItem<T>(key: string): Promise<Stored<T> | undefined> {
    const items = await this.storage.read([key]);
    const raw = items[key] as (StoreItem & T) | undefined;
    if (raw === undefined || raw === null) return undefined;
    const { eTag, ...value } = raw as StoreItem;
    return { value: value as T, ...(typeof eTag === 'string' ? { eTag } : {}) };
  }

  private async cas<T extends object>(key: string, mutate: (current: T | undefined) => T | undefined): Promise<{ value: T | undefined; changed: boolean }> {
    for (let round = 0; round < this.maxRounds; round++) {
      const current = await this.readItem<T>(key);
      const next = mutate(current?.value);
      if (next === undefined) return { value: current?.value, changed: false };
      if (current === undefined) {
        // first write of this key: create-only, or two first writers would both "succeed"
        if (await this.storage.claim(key, stripETag(next) as Record<string, unknown>)) return { value: next, changed: true };
      } else {
        try {
          // a stored item without an eTag cannot be compared; such a store is not supported
          await this.storage.write({ [key]: { ...stripETag(next), eTag: current.eTag ?? '*' } });
          return { value: next, changed: true };
        } catch (err) {
          if (!this.isConflict(err)) throw err;
        }
      }
      await sleep(Math.floor(Math.random() * Math.min(50, 2 ** round)));
    }
    throw new StoreConflictError(key);
  }
}

function stripETag<T extends object>(value: T): T {
  if (!('eTag' in value)) return value;
  const { eTag: _eTag, ...rest } = value as T & { eTag?: unknown };
  return rest as T;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
