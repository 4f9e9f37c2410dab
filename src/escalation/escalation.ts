// The escalation record: everything an engineer needs, who has it, what happened, and what still
// has to be delivered (the outbox lives inside the record so a state change and the deliveries it
// causes are written in one compare-and-swap). Plain JSON only: it is stored as it is.
import { randomBytes } from 'node:crypto';
import type { Lang } from '../i18n/lang';

export const ESCALATION_SCHEMA = 1 as const;

export type EscalationState = 'open' | 'taken' | 'resolved';
export const URGENCIES = ['low', 'normal', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** A Teams user as the activity names them (`from`). */
export interface Person {
  /** Bot Framework id ("29:…") */
  id: string;
  name: string;
  aadObjectId?: string;
}

/**
 * The part of a botbuilder ConversationReference we keep: enough to continue the conversation
 * proactively. Kept structural so the domain does not import botbuilder.
 */
export interface ConversationRef {
  serviceUrl: string;
  channelId: string;
  conversation: {
    id: string;
    conversationType?: string;
    tenantId?: string;
    isGroup?: boolean;
  };
  bot?: { id: string; name?: string };
}

export interface EscalationNotes {
  tried: string;
  urgency: Urgency;
  caseNumber?: string;
  contact?: string;
}

/** Where escalations of a tenant go: a channel of a team the bot is installed in. */
export interface EscalationTarget {
  tenantId: string;
  teamId: string;
  channelId: string;
  serviceUrl: string;
  /** language the engineers' posts are written in */
  lang: Lang;
  /** 'chat': set with "escalation here"; 'env': ESCALATION_TEAM_ID / ESCALATION_CHANNEL_ID */
  source: 'chat' | 'env';
  setBy?: Person;
  setAt?: string;
}

export type HistoryAction = 'created' | 'taken' | 'replied' | 'resolved';

export interface HistoryEntry {
  /** ISO time */
  at: string;
  by: Person;
  action: HistoryAction;
  note?: string;
}

export type DeliveryKind =
  | 'post-thread' // the new thread in the engineers' channel
  | 'update-engineer-card'
  | 'update-requester-card'
  | 'reply-requester' // a message in the requester's original thread
  | 'webhook';

export type DeliveryState = 'pending' | 'delivered' | 'dead';

export interface OutboxItem {
  /** unique within the record: `${seq}-${kind}` (deterministic, so a retried transition adds nothing) */
  id: string;
  kind: DeliveryKind;
  /** index of the history entry that caused it */
  seq: number;
  state: DeliveryState;
  /** attempts started so far (counted when the lease is taken, so a crash mid-send counts) */
  attempts: number;
  /** epoch ms: not before */
  nextAttemptAt: number;
  /** epoch ms the delivery was first enqueued (for "oldest pending" in readiness) */
  enqueuedAt?: number;
  /** epoch ms: another worker holds it until then */
  leaseUntil?: number;
  lastError?: string;
  /** ISO time of delivery or dead-lettering */
  doneAt?: string;
  /** what the send produced, remembered so a repeated delivery is harmless */
  result?: { activityId?: string; conversationId?: string; status?: number };
}

export interface EscalationRecord {
  schema: typeof ESCALATION_SCHEMA;
  id: string;
  tenantId: string;
  reportId: string;
  /** log file name as uploaded (shown to engineers) */
  fileName?: string;
  /** the requester's language: their card, form and replies */
  lang: Lang;
  requester: Person;
  requesterRef: ConversationRef;
  /** id of the message holding the requester's card (updated in place) */
  requesterCardActivityId?: string;
  notes: EscalationNotes;
  state: EscalationState;
  owner?: Person;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
  target: EscalationTarget;
  /** the engineers' thread once posted */
  engineerThread?: { conversationId: string; activityId: string };
  /** set when the engineers' thread could not be posted at all (dead-lettered): the requester is told */
  postFailed?: string;
  outbox: OutboxItem[];
}

// Crockford base32: no I, L, O, U, so an id read aloud or retyped survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "ESC-" + 12 random base32 characters (60 bits): short enough to quote on the phone. */
export function newEscalationId(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(12);
  let out = 'ESC-';
  for (let i = 0; i < 12; i++) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return out;
}

export function isOpen(record: Pick<EscalationRecord, 'state'>): boolean {
  return record.state !== 'resolved';
}

export function pendingItems(record: EscalationRecord): OutboxItem[] {
  return record.outbox.filter((item) => item.state === 'pending');
}

/** Earliest time a pending item may run, or undefined when nothing is pending. */
export function nextDueAt(record: EscalationRecord): number | undefined {
  let due: number | undefined;
  for (const item of pendingItems(record)) {
    const at = Math.max(item.nextAttemptAt, item.leaseUntil ?? 0);
    if (due === undefined || at < due) due = at;
  }
  return due;
}
