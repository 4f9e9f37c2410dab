// The HTTP turn that accepted a job, offered to the job as a way to answer. While the turn waits
// (REPLY_IN_TURN_MS), the job's messages go out through the turn's own context: one connector
// call on the turn's client, no continueConversationAsync (second client, second pass through
// the middleware). Once the turn has stopped waiting, `trySend` says no and the job answers
// proactively as before. The job is stored before the turn waits, so this changes only the way
// out, never whether the answer is sent (a crash mid-turn leaves a pending job, resumed at start).
import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';

export class TurnReply {
  private open = true;
  private readonly inFlight = new Set<Promise<unknown>>();
  private messagesSent = false;

  constructor(private readonly context: Pick<TurnContext, 'sendActivities'>) {}

  /** Sends through the turn while it is open; undefined once it is closed (send proactively). */
  trySend(activities: Partial<Activity>[]): Promise<ResourceResponse[]> | undefined {
    if (!this.open) return undefined;
    if (activities.some((a) => a.type === undefined || a.type === 'message')) this.messagesSent = true;
    const sending = this.context.sendActivities(activities);
    const tracked = sending.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    return sending;
  }

  /** A message (not just typing) went out or is going out through the turn. */
  hasSentMessage(): boolean {
    return this.messagesSent;
  }

  isOpen(): boolean {
    return this.open;
  }

  /** No more sends through the turn; resolves when those already started have ended. */
  async close(): Promise<void> {
    this.open = false;
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
