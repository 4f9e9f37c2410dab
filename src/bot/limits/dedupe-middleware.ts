// R5: Teams redelivers a message when the turn took longer than ~15 s, sometimes while the first
// delivery is still running, and with several instances behind one Azure Bot the copies can land
// on different machines. Each delivery first looks for a "done" mark, then takes a create-only
// "processing" claim (exactly one claim wins, in SQLite and in Blob storage alike); copies that
// find either are acknowledged and dropped. A turn that finishes sets the "done" mark (24 h); a
// turn that throws releases its claim so Teams' retry runs.
//
// A crash must not turn into a lost message: a process killed after claiming but before the
// activity was accepted leaves a claim nobody will complete.
// - Per-process scope (default with the embedded SQLite store, i.e. one instance): the
//   processing claim belongs to this process only (kept in its memory; it dies with it), so a
//   retry arriving after the restart is processed; whatever the dead process had already accepted
//   is deduplicated by the durable job table (same activity → same job id). The "done" mark is
//   stored as in the shared scope.
// - Shared scope (default with Blob storage, several instances): the processing claim is global
//   and held for `processingLeaseMs` (default 20 s, longer than Teams' 15 s redelivery); a retry
//   after the lease is processed. A copy that finds a live claim cannot tell a slow holder from a
//   crashed one, so it is not dropped here: the turn runs marked as a copy (`isCopyInFlight`).
//   The bot then drops it unless the message becomes a job (a log to analyze); jobs are written
//   first and claimed second (job-runner.ts), so exactly one instance answers, and a holder that
//   crashed before accepting the message loses nothing. Commands and questions in a copy are
//   dropped (nothing stored, the user can ask again): see docs/hardening.md "Known limits".
// If the storage itself fails, the turn runs unclaimed (fail open): the user still gets an answer.
import { randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { BlobStorage } from '../../storage/blob-storage';
import type { ClaimableStorage } from '../../storage/sqlite-storage';
import { isContinuation } from '../security/activity-gate';
import { hashKey } from './conversation-key';

export interface DedupeOptions {
  storage: ClaimableStorage;
  log: Logger;
  /** 'process' or 'shared'; default: 'shared' for BlobStorage, else 'process' */
  scope?: 'process' | 'shared';
  /** how long a finished activity is remembered (default 24 h) */
  doneTtlMs?: number;
  /** how long a processing claim blocks copies (default 20 s) */
  processingLeaseMs?: number;
  now?: () => number;
  /** activity types deduplicated (default: message) */
  types?: readonly string[];
  /** identifies this process (tests) */
  bootId?: string;
}

export const DEDUPE_KEY_PREFIX = 'dedupe/';
const BOOT_ID = randomUUID();
const COPY_IN_FLIGHT = Symbol('dedupe: copy of an activity being handled elsewhere');

/** True when this turn is a copy of a message another delivery holds (shared scope only). */
export function isCopyInFlight(context: TurnContext): boolean {
  return context.turnState.get(COPY_IN_FLIGHT) === true;
}

type ActivityIds = { channelId?: string; conversation?: { id?: string }; id?: string };

/** The "done" key of an activity (shared by all instances and restarts). */
export function dedupeKey(activity: ActivityIds): string | undefined {
  if (typeof activity.id !== 'string' || activity.id === '') return undefined;
  return `${DEDUPE_KEY_PREFIX}d/${hashKey(activity.channelId ?? '', activity.conversation?.id ?? '', activity.id)}`;
}

export class DedupeMiddleware implements Middleware {
  /**
   * Per-process scope: the processing claims live here, not in the storage. Keyed by this
   * process's boot id they were never visible to another process anyway, and one event loop
   * makes check-and-set atomic: the same semantics without a SQLite write per message.
   */
  private readonly localClaims = new Map<string, number>();
  private lastSweep = 0;
  private readonly doneTtlMs: number;
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly types: ReadonlySet<string>;
  private readonly scope: 'process' | 'shared';
  private readonly bootId: string;

  constructor(private readonly options: DedupeOptions) {
    this.doneTtlMs = options.doneTtlMs ?? 24 * 60 * 60 * 1000;
    this.leaseMs = options.processingLeaseMs ?? 20_000;
    this.now = options.now ?? Date.now;
    this.types = new Set(options.types ?? ['message']);
    this.scope = options.scope ?? (options.storage instanceof BlobStorage ? 'shared' : 'process');
    this.bootId = options.bootId ?? BOOT_ID;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    const doneKey = this.types.has(a.type) && !isContinuation(a) ? dedupeKey(a) : undefined;
    if (!doneKey) {
      await next();
      return;
    }
    const hash = doneKey.slice(`${DEDUPE_KEY_PREFIX}d/`.length);
    const processingKey = this.scope === 'shared' ? `${DEDUPE_KEY_PREFIX}p/${hash}` : `${DEDUPE_KEY_PREFIX}p/${this.bootId}/${hash}`;
    const storage = this.options.storage;
    const now = this.now();

    let won: boolean;
    try {
      const done = await storage.read([doneKey]);
      if (done[doneKey]) {
        this.options.log.info({ event: 'duplicate-activity', activityType: a.type, state: 'done' }, 'activity already handled; dropped');
        return;
      }
      won = this.scope === 'process' ? this.claimLocally(processingKey, now) : await storage.claim(processingKey, { at: new Date(now).toISOString() }, { expiresAt: new Date(now + this.leaseMs) });
    } catch (err) {
      this.options.log.warn({ event: 'dedupe-unavailable', err: (err as Error).name }, 'dedupe store failed; handling the activity unclaimed');
      await next();
      return;
    }
    if (!won && this.scope === 'process') {
      this.options.log.info({ event: 'duplicate-activity', activityType: a.type, state: 'processing' }, 'activity being handled elsewhere; dropped');
      return;
    }
    if (!won) {
      // the holder may have crashed before accepting the message: run as a copy (see above)
      this.options.log.info({ event: 'duplicate-activity', activityType: a.type, state: 'processing-elsewhere' }, 'activity held elsewhere; running as a copy');
      context.turnState.set(COPY_IN_FLIGHT, true);
    }
    try {
      await next();
    } catch (err) {
      if (won && this.scope === 'process') this.localClaims.delete(processingKey);
      else if (won) {
        await storage.delete([processingKey]).catch((e: unknown) => {
          this.options.log.warn({ event: 'dedupe-release-failed', err: (e as Error).name }, 'could not release the dedupe claim');
        });
      }
      throw err;
    }
    const doneAt = this.now();
    const marked = await storage.claim(doneKey, { at: new Date(doneAt).toISOString() }, { expiresAt: new Date(doneAt + this.doneTtlMs) }).then(
      () => true,
      (e: unknown) => {
        // the processing claim still covers the lease; later copies may run again (at-least-once)
        this.options.log.warn({ event: 'dedupe-mark-failed', err: (e as Error).name }, 'could not mark the activity done');
        return false;
      },
    );
    // the done mark answers every later copy (it is read first): the local claim has done its job
    if (marked && won && this.scope === 'process') this.localClaims.delete(processingKey);
  }

  /** Create-only claim in this process's memory, held for the lease (as the stored claim was). */
  private claimLocally(key: string, now: number): boolean {
    const until = this.localClaims.get(key);
    if (until !== undefined && until > now) return false;
    this.localClaims.set(key, now + this.leaseMs);
    // claims left behind (failed done marks) expire with the lease: swept at most every lease
    if (now - this.lastSweep >= this.leaseMs) {
      this.lastSweep = now;
      for (const [k, u] of this.localClaims) if (u <= now) this.localClaims.delete(k);
    }
    return true;
  }
}
