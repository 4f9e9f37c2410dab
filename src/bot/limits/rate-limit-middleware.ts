// Inbound rate limit (R9): messages (uploads, pasted logs, commands) count against the sender's
// and the conversation's buckets. Over the limit the message is not processed, and the sender
// is told once — "busy, send it again in N s" — not once per message (a hundred refusals would
// be a flood of their own). Card clicks and other activities pass.
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { langFromLocale, t } from '../../i18n/lang';
import { isContinuation, tenantOf } from '../security/activity-gate';
import { baseConversationId } from './conversation-key';
import { limitMessages } from './messages';
import type { RateLimiter } from './rate-limiter';

export interface RateLimitMiddlewareOptions {
  limiter: RateLimiter;
  log: Logger;
  now?: () => number;
}

export class RateLimitMiddleware implements Middleware {
  /** limiter key → until when the sender has been told */
  private readonly toldUntil = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitMiddlewareOptions) {
    this.now = options.now ?? Date.now;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    if (a.type !== 'message' || isContinuation(a)) {
      await next();
      return;
    }
    const tenant = tenantOf(a).tenantId ?? '';
    const user = `${tenant}/${a.from?.aadObjectId ?? a.from?.id ?? 'unknown'}`;
    const conversation = `${tenant}/${baseConversationId(a.conversation?.id ?? '')}`;
    const decision = this.options.limiter.check(user, conversation);
    if (decision.allowed) {
      await next();
      return;
    }
    const now = this.now();
    const toldKey = `${decision.key}|${user}`;
    const tell = (this.toldUntil.get(toldKey) ?? 0) <= now;
    this.options.log.info({ event: 'rate-limited', limit: decision.key.startsWith('user:') ? 'user' : 'conversation', retryAfterSec: decision.retryAfterSec, told: tell }, 'message over the rate limit');
    if (!tell) return;
    this.toldUntil.set(toldKey, now + decision.retryAfterSec * 1000);
    if (this.toldUntil.size > 10_000) {
      for (const [k, until] of this.toldUntil) if (until <= now) this.toldUntil.delete(k);
    }
    await context.sendActivity(t(limitMessages.rateLimited, langFromLocale(a.locale), { seconds: decision.retryAfterSec }));
  }
}
