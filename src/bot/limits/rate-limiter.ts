// Token buckets keyed by user and by conversation: one person's hundred uploads use up their
// own budget, not the channel's. In memory, per instance (with several instances each enforces
// its own share); buckets that are full again are forgotten, so memory follows active users.
export interface BucketSpec {
  /** burst size */
  capacity: number;
  /** tokens added per second */
  refillPerSec: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number; key: string };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly spec: BucketSpec,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {
    if (!(spec.capacity >= 1) || !(spec.refillPerSec > 0)) throw new RangeError('capacity ≥ 1 and refillPerSec > 0 required');
  }

  private current(key: string): Bucket {
    const now = this.now();
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.spec.capacity, at: now };
    const tokens = Math.min(this.spec.capacity, b.tokens + ((now - b.at) / 1000) * this.spec.refillPerSec);
    return { tokens, at: now };
  }

  /** Seconds until one token is available (0 = now). */
  waitSec(key: string): number {
    const b = this.current(key);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / this.spec.refillPerSec);
  }

  take(key: string): boolean {
    const b = this.current(key);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > this.maxKeys) this.sweep();
    return true;
  }

  /** Drops buckets that have refilled completely (they equal a fresh one). */
  sweep(): void {
    for (const [key] of this.buckets) {
      if (this.current(key).tokens >= this.spec.capacity) this.buckets.delete(key);
    }
  }

  size(): number {
    return this.buckets.size;
  }
}

export interface RateLimiterOptions {
  /** default: burst 6, one more every 10 s */
  perUser?: BucketSpec;
  /** default: burst 20, one more every 2 s */
  perConversation?: BucketSpec;
  now?: () => number;
}

export class RateLimiter {
  private readonly users: TokenBuckets;
  private readonly conversations: TokenBuckets;

  constructor(options: RateLimiterOptions = {}) {
    const now = options.now ?? Date.now;
    this.users = new TokenBuckets(options.perUser ?? { capacity: 6, refillPerSec: 0.1 }, now);
    this.conversations = new TokenBuckets(options.perConversation ?? { capacity: 20, refillPerSec: 0.5 }, now);
  }

  /** Takes one token from both buckets, or none when either is empty. */
  check(userKey: string, conversationKey: string): RateDecision {
    const u = this.users.waitSec(userKey);
    const c = this.conversations.waitSec(conversationKey);
    if (u > 0 || c > 0) {
      return u >= c ? { allowed: false, retryAfterSec: u, key: `user:${userKey}` } : { allowed: false, retryAfterSec: c, key: `conversation:${conversationKey}` };
    }
    this.users.take(userKey);
    this.conversations.take(conversationKey);
    return { allowed: true };
  }
}
