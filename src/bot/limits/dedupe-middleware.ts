// R5: Teams redelivers a message when the turn took longer than ~15 s, sometimes while the first
// delivery is still running, and with several instances behind one Azure Bot the copies can land
// on different machines. The first delivery claims the activity in shared storage (create-only:
// exactly one claim wins, in SQLite and in Blob storage alike); the copies are acknowledged and
// dropped. If the turn fails, the claim is released so Teams' retry can run it. If the storage
// itself is failing, the turn runs unclaimed (fail open): the user still gets the answer, at the
// risk of a duplicate while the store is down — each instance's job table still dedupes locally.
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ClaimableStorage } from '../../storage/sqlite-storage';
import { isContinuation } from '../security/activity-gate';
import { hashKey } from './conversation-key';

export interface DedupeOptions {
  storage: ClaimableStorage;
  log: Logger;
  /** how long an activity id is remembered (default 24 h) */
  ttlMs?: number;
  now?: () => number;
  /** activity types deduplicated (default: message) */
  types?: readonly string[];
}

export const DEDUPE_KEY_PREFIX = 'dedupe/';

export function dedupeKey(activity: { channelId?: string; conversation?: { id?: string }; id?: string }): string | undefined {
  if (typeof activity.id !== 'string' || activity.id === '') return undefined;
  return `${DEDUPE_KEY_PREFIX}${hashKey(activity.channelId ?? '', activity.conversation?.id ?? '', activity.id)}`;
}

export class DedupeMiddleware implements Middleware {
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly types: ReadonlySet<string>;

  constructor(private readonly options: DedupeOptions) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
    this.types = new Set(options.types ?? ['message']);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    const key = this.types.has(a.type) && !isContinuation(a) ? dedupeKey(a) : undefined;
    if (!key) {
      await next();
      return;
    }
    const now = this.now();
    let won: boolean;
    try {
      won = await this.options.storage.claim(key, { type: a.type, at: new Date(now).toISOString() }, { expiresAt: new Date(now + this.ttlMs) });
    } catch (err) {
      this.options.log.warn({ event: 'dedupe-unavailable', err: (err as Error).name }, 'dedupe claim failed; handling the activity unclaimed');
      await next();
      return;
    }
    if (!won) {
      this.options.log.info({ event: 'duplicate-activity', activityType: a.type }, 'activity already handled; dropped');
      return;
    }
    try {
      await next();
    } catch (err) {
      await this.options.storage.delete([key]).catch((e: unknown) => {
        this.options.log.warn({ event: 'dedupe-release-failed', err: (e as Error).name }, 'could not release the dedupe claim');
      });
      throw err;
    }
  }
}
