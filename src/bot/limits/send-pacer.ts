// Outbound pacing per conversation: one Bot Connector call at a time and at most `perSecond`
// calls per second for each conversation (Teams throttles a conversation at about 7 messages/s
// and answers 429 beyond). Applied to the ConnectorClient itself, so turn replies, typing
// indicators, card updates and proactive sends all queue in the same line.
import type { ConnectorClient } from 'botframework-connector';
import { baseConversationId } from './conversation-key';

export interface SendPacerOptions {
  /** default 5 */
  perSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Lane {
  /** settles when the last queued call of this conversation has finished */
  tail: Promise<void>;
  /** earliest start of the next call */
  nextAt: number;
  pending: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SendPacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: SendPacerOptions = {}) {
    const perSecond = options.perSecond ?? 5;
    if (!(perSecond > 0)) throw new RangeError('perSecond must be > 0');
    this.intervalMs = 1000 / perSecond;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /**
   * Runs `fn` in the conversation's lane, after the previous call and the pacing interval.
   * `unpaced` (typing indicators): still in order after the previous call, but neither waits for
   * nor uses up the interval, so the card that follows a typing indicator is not held back.
   */
  run<T>(conversationId: string, fn: () => Promise<T>, options: { unpaced?: boolean } = {}): Promise<T> {
    const key = baseConversationId(conversationId);
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), nextAt: 0, pending: 0 };
    this.lanes.set(key, lane);
    lane.pending++;
    const result = lane.tail.then(async () => {
      if (options.unpaced) return fn();
      const wait = lane.nextAt - this.now();
      if (wait > 0) await this.sleep(wait);
      lane.nextAt = this.now() + this.intervalMs;
      return fn();
    });
    lane.tail = result.then(
      () => undefined,
      () => undefined,
    );
    void lane.tail.then(() => {
      lane.pending--;
      // forget idle lanes (their interval will have passed by the next call anyway)
      if (lane.pending === 0 && this.lanes.get(key) === lane) this.lanes.delete(key);
    });
    return result;
  }

  lanesInUse(): number {
    return this.lanes.size;
  }
}

const PACED_METHODS = ['sendToConversation', 'replyToActivity', 'updateActivity', 'deleteActivity'] as const;

/** A typing indicator among the call's arguments (sendToConversation / replyToActivity). */
function isTyping(args: readonly unknown[]): boolean {
  return args.some((a) => typeof a === 'object' && a !== null && (a as { type?: unknown }).type === 'typing');
}

/**
 * Makes every activity-sending call of this client go through the pacer (mutates and returns it).
 * Typing indicators keep their place in the lane but are not paced (see SendPacer.run): at most
 * one per job, and a paced card right behind one would otherwise wait a whole interval.
 */
export function paceConnectorClient(client: ConnectorClient, pacer: SendPacer): ConnectorClient {
  const ops = client.conversations as unknown as Record<string, unknown>;
  for (const name of PACED_METHODS) {
    const original = ops[name];
    if (typeof original !== 'function') continue;
    const call = (conversationId: string, ...rest: unknown[]) => (original as (this: unknown, id: string, ...r: unknown[]) => Promise<unknown>).call(ops, conversationId, ...rest);
    ops[name] = (conversationId: string, ...rest: unknown[]) => pacer.run(conversationId, () => call(conversationId, ...rest), { unpaced: isTyping(rest) });
  }
  return client;
}
