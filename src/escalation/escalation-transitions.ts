// The state machine: open → taken → resolved, with replies in between. Pure: a record and an
// actor in, a new record (with the deliveries the change causes) or a refusal out. The store
// applies these inside a compare-and-swap loop, so two engineers pressing "Take it" at once get
// exactly one owner: the loser's transition runs again on the winner's record and is refused.
import type { Lang } from '../i18n/lang';
import {
  ESCALATION_SCHEMA,
  type ConversationRef,
  type DeliveryKind,
  type EscalationNotes,
  type EscalationRecord,
  type EscalationTarget,
  type HistoryAction,
  type OutboxItem,
  type Person,
} from './escalation';

export type TransitionRefusal =
  | { ok: false; code: 'already-taken'; owner: Person }
  | { ok: false; code: 'already-resolved'; by?: Person }
  | { ok: false; code: 'empty-text' };

export type TransitionResult = { ok: true; record: EscalationRecord; changed: boolean } | TransitionRefusal;

export interface TransitionOptions {
  /** epoch ms */
  now: number;
  /** whether a webhook is configured (each change is then also POSTed) */
  webhook: boolean;
}

/** Which deliveries each kind of change causes. */
const DELIVERIES: Record<HistoryAction, DeliveryKind[]> = {
  created: ['post-thread'],
  taken: ['update-engineer-card', 'update-requester-card'],
  replied: ['reply-requester', 'update-engineer-card', 'update-requester-card'],
  resolved: ['reply-requester', 'update-engineer-card', 'update-requester-card'],
};

/** Card updates render the record as it is when they run, so a pending one is reused, not doubled. */
const COALESCED: ReadonlySet<DeliveryKind> = new Set(['update-engineer-card', 'update-requester-card']);

export interface NewEscalationInput {
  id: string;
  tenantId: string;
  reportId: string;
  fileName?: string;
  lang: Lang;
  requester: Person;
  requesterRef: ConversationRef;
  requesterCardActivityId?: string;
  notes: EscalationNotes;
  target: EscalationTarget;
}

export function createEscalation(input: NewEscalationInput, options: TransitionOptions): EscalationRecord {
  const at = new Date(options.now).toISOString();
  const record: EscalationRecord = {
    schema: ESCALATION_SCHEMA,
    id: input.id,
    tenantId: input.tenantId,
    reportId: input.reportId,
    lang: input.lang,
    requester: input.requester,
    requesterRef: input.requesterRef,
    notes: input.notes,
    state: 'open',
    createdAt: at,
    updatedAt: at,
    history: [{ at, by: input.requester, action: 'created' }],
    target: input.target,
    outbox: [],
  };
  if (input.fileName !== undefined) record.fileName = input.fileName;
  if (input.requesterCardActivityId !== undefined) record.requesterCardActivityId = input.requesterCardActivityId;
  return enqueueFor(record, 0, 'created', options);
}

/** "Take it": first wins; taking what you already own is a harmless repeat. */
export function takeEscalation(record: EscalationRecord, by: Person, options: TransitionOptions): TransitionResult {
  if (record.state === 'resolved') return { ok: false, code: 'already-resolved', by: lastBy(record, 'resolved') };
  if (record.state === 'taken' && record.owner) {
    if (record.owner.id === by.id) return { ok: true, record, changed: false };
    return { ok: false, code: 'already-taken', owner: record.owner };
  }
  const next = append(record, { by, action: 'taken' }, options.now);
  next.state = 'taken';
  next.owner = by;
  return { ok: true, record: enqueueFor(next, next.history.length - 1, 'taken', options), changed: true };
}

/**
 * An engineer's answer to the requester. Anyone in the engineers' channel may answer (colleagues
 * help each other); answering an escalation nobody has taken makes the answerer its owner.
 */
export function replyToEscalation(record: EscalationRecord, by: Person, text: string, options: TransitionOptions): TransitionResult {
  const note = text.trim();
  if (note === '') return { ok: false, code: 'empty-text' };
  if (record.state === 'resolved') return { ok: false, code: 'already-resolved', by: lastBy(record, 'resolved') };
  const next = append(record, { by, action: 'replied', note }, options.now);
  if (next.state === 'open') {
    next.state = 'taken';
    next.owner = by;
  }
  return { ok: true, record: enqueueFor(next, next.history.length - 1, 'replied', options), changed: true };
}

/** Closes the escalation with a note shown to the requester and in the engineers' thread. */
export function resolveEscalation(record: EscalationRecord, by: Person, note: string, options: TransitionOptions): TransitionResult {
  const text = note.trim();
  if (text === '') return { ok: false, code: 'empty-text' };
  if (record.state === 'resolved') return { ok: false, code: 'already-resolved', by: lastBy(record, 'resolved') };
  const next = append(record, { by, action: 'resolved', note: text }, options.now);
  next.state = 'resolved';
  if (!next.owner) next.owner = by;
  return { ok: true, record: enqueueFor(next, next.history.length - 1, 'resolved', options), changed: true };
}

function lastBy(record: EscalationRecord, action: HistoryAction): Person | undefined {
  for (let i = record.history.length - 1; i >= 0; i--) {
    const entry = record.history[i];
    if (entry?.action === action) return entry.by;
  }
  return undefined;
}

function append(record: EscalationRecord, entry: { by: Person; action: HistoryAction; note?: string }, now: number): EscalationRecord {
  const at = new Date(now).toISOString();
  return {
    ...record,
    updatedAt: at,
    history: [...record.history, { at, ...entry }],
    outbox: record.outbox.map((item) => ({ ...item })),
  };
}

function enqueueFor(record: EscalationRecord, seq: number, action: HistoryAction, options: TransitionOptions): EscalationRecord {
  const kinds = options.webhook ? [...DELIVERIES[action], 'webhook' as const] : DELIVERIES[action];
  return enqueueDeliveries(record, seq, kinds, options.now);
}

/** Adds deliveries for history entry `seq`; idempotent (same seq and kind → same item). */
export function enqueueDeliveries(record: EscalationRecord, seq: number, kinds: readonly DeliveryKind[], now: number): EscalationRecord {
  const outbox = record.outbox.slice();
  for (const kind of kinds) {
    const id = `${seq}-${kind}`;
    if (outbox.some((item) => item.id === id)) continue;
    if (COALESCED.has(kind)) {
      const index = outbox.findIndex((item) => item.kind === kind && item.state === 'pending' && !((item.leaseUntil ?? 0) > now));
      const existing = index >= 0 ? outbox[index] : undefined;
      if (existing) {
        outbox[index] = { ...existing, seq, nextAttemptAt: Math.min(existing.nextAttemptAt, now) };
        continue;
      }
    }
    const item: OutboxItem = { id, kind, seq, state: 'pending', attempts: 0, nextAttemptAt: now, enqueuedAt: now };
    outbox.push(item);
  }
  return { ...record, outbox };
}
