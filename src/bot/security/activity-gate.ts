// First middleware of the pipeline: only Teams activities from allowed tenants reach the bot.
// botbuilder's endorsement check lets an empty channelId through, and Teams puts the tenant in
// two places (conversation.tenantId, channelData.tenant.id) that a crafted activity could set
// differently; both are settled here, before anything is stored or downloaded.
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { langFromLocale, t } from '../../i18n/lang';
import { securityMessages } from './messages';

export interface ActivityGateOptions {
  log: Logger;
  /** default ['msteams'] */
  allowedChannelIds?: readonly string[];
  /** ALLOWED_TENANT_IDS; empty or undefined: any tenant (the two tenant fields must still agree) */
  allowedTenantIds?: readonly string[];
  /** one refusal per conversation per this period (default 1 h); later attempts are silent */
  refusalCooldownMs?: number;
  now?: () => number;
}

export type GateDecision =
  | { pass: true; tenantId?: string }
  | { pass: false; reason: 'channel' | 'tenant-conflict' | 'tenant-missing' | 'tenant-not-allowed'; tenantId?: string };

interface TenantFields {
  conversation?: { tenantId?: unknown };
  channelData?: { tenant?: { id?: unknown } };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined;
}

/** The tenant of an activity, or a conflict when its two tenant fields disagree. */
export function tenantOf(activity: TenantFields): { tenantId?: string; conflict: boolean } {
  const a = str(activity.conversation?.tenantId);
  const b = str(activity.channelData?.tenant?.id);
  if (a && b && a !== b) return { conflict: true };
  const tenantId = a ?? b;
  return tenantId ? { tenantId, conflict: false } : { conflict: false };
}

export function parseTenantIds(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

const MAX_REMEMBERED = 10_000;

/** The event botbuilder creates for continueConversationAsync (never sent by Teams). */
export function isContinuation(activity: { type?: unknown; name?: unknown }): boolean {
  return activity.type === 'event' && activity.name === 'ContinueConversation';
}

export class ActivityGate implements Middleware {
  private readonly channels: ReadonlySet<string>;
  private readonly tenants: ReadonlySet<string>;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  /** conversation id → time of the last refusal (insertion-ordered: oldest first) */
  private readonly refusedAt = new Map<string, number>();

  constructor(private readonly options: ActivityGateOptions) {
    this.channels = new Set(options.allowedChannelIds ?? ['msteams']);
    this.tenants = new Set((options.allowedTenantIds ?? []).map((s) => s.trim().toLowerCase()).filter((s) => s !== ''));
    this.cooldownMs = options.refusalCooldownMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  decide(activity: TurnContext['activity']): GateDecision {
    // A proactive send (continueConversationAsync) runs the middleware with a locally made
    // continuation event; its reference was stored from an allowed turn. The AuthGuard refuses
    // such events arriving over HTTP, so this cannot be forged from outside.
    if (isContinuation(activity)) return { pass: true };
    const channelId = typeof activity.channelId === 'string' ? activity.channelId : '';
    if (!this.channels.has(channelId)) return { pass: false, reason: 'channel' };
    const { tenantId, conflict } = tenantOf(activity);
    if (conflict) return { pass: false, reason: 'tenant-conflict' };
    if (this.tenants.size === 0) return tenantId ? { pass: true, tenantId } : { pass: true };
    if (!tenantId) return { pass: false, reason: 'tenant-missing' };
    if (!this.tenants.has(tenantId)) return { pass: false, reason: 'tenant-not-allowed', tenantId };
    return { pass: true, tenantId };
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    const decision = this.decide(activity);
    if (decision.pass) {
      await next();
      return;
    }
    const conversationId = typeof activity.conversation?.id === 'string' ? activity.conversation.id : '';
    this.options.log.warn(
      {
        event: 'activity-refused',
        reason: decision.reason,
        tenantId: decision.tenantId,
        conversationId: conversationId.slice(0, 200),
        activityType: activity.type,
        channelId: typeof activity.channelId === 'string' ? activity.channelId.slice(0, 32) : undefined,
      },
      'activity refused by the gate',
    );
    if (activity.type === 'invoke') {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 403, body: { error: 'forbidden' } } });
      return;
    }
    // Only a real message from an identified, foreign tenant gets one short answer; forged or
    // inconsistent activities get silence.
    if (decision.reason === 'tenant-not-allowed' && activity.type === 'message' && this.shouldRefuse(conversationId)) {
      await context.sendActivity(t(securityMessages.tenantNotAllowed, langFromLocale(activity.locale)));
    }
  }

  private shouldRefuse(conversationId: string): boolean {
    const now = this.now();
    const last = this.refusedAt.get(conversationId);
    if (last !== undefined && now - last < this.cooldownMs) return false;
    this.refusedAt.delete(conversationId);
    this.refusedAt.set(conversationId, now);
    if (this.refusedAt.size > MAX_REMEMBERED) {
      const oldest = this.refusedAt.keys().next().value;
      if (oldest !== undefined) this.refusedAt.delete(oldest);
    }
    return true;
  }
}
