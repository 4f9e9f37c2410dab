// The escalation use cases, free of botbuilder: submit (one escalation per click, written before
// the requester hears "escalated"), take / reply / resolve (compare-and-swap, first wins), the
// open list, and the per-tenant target. Deliveries are only enqueued here; the drainer sends them.
import type { Lang } from '../i18n/lang';
import type { EscalationConfig } from './escalation-config';
import {
  isOpen,
  newEscalationId,
  nextDueAt,
  type ConversationRef,
  type EscalationNotes,
  type EscalationRecord,
  type EscalationTarget,
  type Person,
} from './escalation';
import {
  createEscalation,
  replyToEscalation,
  resolveEscalation,
  takeEscalation,
  type TransitionOptions,
  type TransitionRefusal,
  type TransitionResult,
} from './escalation-transitions';
import type { EscalationStore } from './escalation-store';

export interface SubmitInput {
  tenantId: string;
  reportId: string;
  fileName?: string;
  lang: Lang;
  requester: Person;
  requesterRef: ConversationRef;
  requesterCardActivityId?: string;
  notes: EscalationNotes;
  target: EscalationTarget;
  /** the analyzer's report, snapshotted with the escalation (it outlives report retention) */
  report: unknown;
}

export type ChangeOutcome =
  | { ok: true; record: EscalationRecord; changed: boolean }
  | (TransitionRefusal & { record: EscalationRecord })
  | { ok: false; code: 'not-found' };

export interface EscalationServiceDeps {
  store: EscalationStore;
  config: EscalationConfig;
  now: () => number;
  newId?: () => string;
  /** called after a change was stored: the drainer should look now */
  onEnqueued?: () => void;
}

export class EscalationService {
  private readonly newId: () => string;

  constructor(private readonly deps: EscalationServiceDeps) {
    this.newId = deps.newId ?? (() => newEscalationId());
  }

  get store(): EscalationStore {
    return this.deps.store;
  }

  /**
   * Where this tenant's escalations go: the environment's fixed target when set (for this
   * tenant), else the one stored with "escalation here". undefined → not set up.
   */
  async targetFor(tenantId: string, fallback: { serviceUrl: string; lang: Lang }): Promise<EscalationTarget | undefined> {
    const env = this.deps.config.envTarget;
    if (env && (env.tenantId === undefined || env.tenantId === tenantId)) {
      return {
        tenantId,
        teamId: env.teamId,
        channelId: env.channelId,
        serviceUrl: env.serviceUrl ?? fallback.serviceUrl,
        lang: this.deps.config.engineerLang ?? fallback.lang,
        source: 'env',
      };
    }
    return this.deps.store.getTarget(tenantId);
  }

  /** "escalation here": refused while the environment fixes the target for this tenant. */
  async setTarget(target: EscalationTarget): Promise<{ ok: true; previous?: EscalationTarget } | { ok: false; code: 'env-fixed' }> {
    const env = this.deps.config.envTarget;
    if (env && (env.tenantId === undefined || env.tenantId === target.tenantId)) return { ok: false, code: 'env-fixed' };
    const previous = await this.deps.store.setTarget(target);
    return previous === undefined ? { ok: true } : { ok: true, previous };
  }

  /** The requester's open escalation for this report, if any (shown instead of a second form). */
  async openFor(tenantId: string, reportId: string, requesterId: string): Promise<EscalationRecord | undefined> {
    const ids = await this.deps.store.listByReport(tenantId, reportId, requesterId);
    const last = ids[ids.length - 1];
    if (last === undefined) return undefined;
    const record = await this.deps.store.get(last);
    return record && isOpen(record) ? record : undefined;
  }

  /**
   * Creates the escalation, or returns the one this submission already created. Pressing the
   * button twice, a retried invoke and two racing requests all land on one record: the open one
   * for this (report, requester) if there is one, else the winner of a create-only claim on
   * (report, requester, n-th escalation). Resolves only once the record is durable.
   */
  async submit(input: SubmitInput): Promise<{ record: EscalationRecord; created: boolean }> {
    const { store } = this.deps;
    const now = this.deps.now();
    const ids = await store.listByReport(input.tenantId, input.reportId, input.requester.id);
    const lastId = ids[ids.length - 1];
    if (lastId !== undefined) {
      const last = await store.get(lastId);
      if (last && isOpen(last)) return { record: last, created: false };
    }
    const claim = await store.claimSubmission(
      { tenantId: input.tenantId, reportId: input.reportId, requesterId: input.requester.id, generation: ids.length },
      this.newId(),
      now,
    );
    // The loser of the claim creates the record too when the winner has not (yet, or ever: it
    // may have died after claiming). Creation is create-only, so both end up with one record.
    const record = createEscalation({ ...input, id: claim.escalationId }, this.transitionOptions(now));
    const stored = await store.create(record, input.report, now);
    await store.addByReport(input.tenantId, input.reportId, input.requester.id, stored.record.id);
    if (stored.created) this.deps.onEnqueued?.();
    return { record: stored.record, created: stored.created && claim.won };
  }

  take(id: string, by: Person): Promise<ChangeOutcome> {
    return this.change(id, (record, options) => takeEscalation(record, by, options));
  }

  reply(id: string, by: Person, text: string): Promise<ChangeOutcome> {
    return this.change(id, (record, options) => replyToEscalation(record, by, text, options));
  }

  resolve(id: string, by: Person, note: string): Promise<ChangeOutcome> {
    return this.change(id, (record, options) => resolveEscalation(record, by, note, options));
  }

  get(id: string): Promise<EscalationRecord | undefined> {
    return this.deps.store.get(id);
  }

  /** Open escalations of a tenant, oldest first. Prunes ids that are resolved or gone. */
  async listOpen(tenantId: string): Promise<EscalationRecord[]> {
    const { store } = this.deps;
    const ids = await store.listOpenIds(tenantId);
    const open: EscalationRecord[] = [];
    const stale: string[] = [];
    for (const id of ids) {
      const record = await store.get(id);
      if (record && isOpen(record)) open.push(record);
      else stale.push(id);
    }
    // (a record being created right now is re-added by create() once it is stored)
    await store.removeOpen(tenantId, stale);
    return open.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * For readiness and metrics: deliveries still pending, how long the oldest has waited, and
   * how many were dead-lettered. Reads at most `limit` escalations.
   */
  async outboxStatus(limit = 200): Promise<{ pendingEscalations: number; pendingDeliveries: number; oldestPendingMs?: number; deadLetters: number }> {
    const { store } = this.deps;
    const now = this.deps.now();
    const ids = Object.keys((await store.readOutboxIndex()).due);
    let pendingDeliveries = 0;
    let oldest: number | undefined;
    for (const id of ids.slice(0, limit)) {
      const record = await store.get(id);
      for (const item of record?.outbox ?? []) {
        if (item.state !== 'pending') continue;
        pendingDeliveries++;
        const since = item.enqueuedAt ?? item.nextAttemptAt;
        if (oldest === undefined || since < oldest) oldest = since;
      }
    }
    const deadLetters = (await store.listDeadLetters()).length;
    return { pendingEscalations: ids.length, pendingDeliveries, ...(oldest === undefined ? {} : { oldestPendingMs: Math.max(0, now - oldest) }), deadLetters };
  }

  private transitionOptions(now: number): TransitionOptions {
    return { now, webhook: this.deps.config.webhook !== undefined };
  }

  private async change(id: string, transition: (record: EscalationRecord, options: TransitionOptions) => TransitionResult): Promise<ChangeOutcome> {
    const { store } = this.deps;
    const now = this.deps.now();
    // intent first: the index learns about the change before the record holds its deliveries
    await store.markDue(id, now);
    let refusal: TransitionRefusal | undefined;
    const updated = await store.update(id, (record) => {
      refusal = undefined;
      const result = transition(record, this.transitionOptions(now));
      if (!result.ok) {
        refusal = result;
        return undefined;
      }
      return result.changed ? result.record : undefined;
    });
    if (!updated) {
      await store.settleDue(id, undefined);
      return { ok: false, code: 'not-found' };
    }
    if (refusal) return { ...refusal, record: updated.record };
    if (updated.record.state === 'resolved') await store.removeOpen(updated.record.tenantId, [id]);
    if (updated.changed) {
      // confirm the intent: a drainer that read the record before this update may have dropped
      // the index entry after our first markDue (see OutboxDrainer.processRecord)
      const due = nextDueAt(updated.record);
      if (due !== undefined) await store.markDue(id, due);
      this.deps.onEnqueued?.();
    }
    return { ok: true, record: updated.record, changed: updated.changed };
  }
}
