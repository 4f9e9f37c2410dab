// Turns the current turn into a durable job: the conversation reference (where to answer), the
// language and what to read. Called inside the turn.
//
// `answer` then waits a short, bounded time (REPLY_IN_TURN_MS) for the job, so fast work is
// answered through the turn itself (see turn-reply.ts); a job not answered after TYPING_DELAY_MS
// gets a typing indicator, and one still running when the wait ends is acknowledged and answered
// proactively by the job runner. The job row is written before any waiting: a crash mid-turn
// loses nothing (pending jobs resume at start), and the runner's claim keeps the answer single.
import { randomUUID } from 'node:crypto';
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { TurnInfo } from '../action-registry';
import type { JobPayload, JobSource } from './job-payload';
import { jobIdFor, type JobRunner } from './job-runner';
import { TurnReply } from './turn-reply';

export interface AnswerOptions {
  lang?: TurnInfo['lang'];
  /** send a typing indicator when the answer is slow (default true; false for unaddressed channel messages) */
  typing?: boolean;
}

export interface JobSubmitter {
  /** Stores and schedules the job; the answer comes proactively. false: the activity was already accepted (Teams redelivered it). */
  enqueue(info: TurnInfo, source: JobSource, lang?: TurnInfo['lang']): boolean;
  /**
   * Stores the job, then waits up to REPLY_IN_TURN_MS for it so a fast answer goes out in this
   * turn; a slow one is answered proactively (typing indicator after TYPING_DELAY_MS). Resolves
   * when the turn may be acknowledged. false: the activity was already accepted.
   */
  answer(info: TurnInfo, source: JobSource, options?: AnswerOptions): Promise<boolean>;
}

export interface JobSubmitterTiming {
  /** how long the turn waits for its job (0: never; answers are always proactive) */
  replyInTurnMs: number;
  /** typing indicator for a job not answered after this long */
  typingDelayMs: number;
}

/** Resolves true when `settled` resolves within `ms`, false otherwise (the timer is cleared). */
function settlesWithin(settled: Promise<void>, ms: number): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(false);
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    settled.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function createJobSubmitter(runner: JobRunner, timing: JobSubmitterTiming = { replyInTurnMs: 0, typingDelayMs: 0 }): JobSubmitter {
  const submit = (info: TurnInfo, source: JobSource, lang: TurnInfo['lang'] | undefined, turn?: TurnReply): { id: string; accepted: boolean } => {
    const activity = info.turn.activity;
    const reference = TurnContext.getConversationReference(activity);
    const requestId = (info.log.bindings() as { requestId?: string }).requestId ?? randomUUID();
    const payload: JobPayload = {
      v: 1,
      requestId,
      reference,
      scope: info.scope,
      lang: lang ?? info.lang,
      userId: info.userId,
      source,
    };
    const id = jobIdFor(info.scope.conversationId, activity.id ?? randomUUID(), source.kind);
    const accepted = runner.submit(id, payload, turn);
    // accepted jobs are logged once, when done (job-runner); a redelivery is worth its own line
    if (!accepted) info.log.info({ event: 'job-duplicate', jobId: id, source: source.kind }, 'activity already accepted');
    return { id, accepted };
  };

  const typing = async (info: TurnInfo, reply: TurnReply): Promise<void> => {
    // a courtesy: failing to send it must not lose the job
    try {
      await reply.trySend([{ type: ActivityTypes.Typing }]);
    } catch (err) {
      info.log.warn({ event: 'typing-failed', errName: (err as Error).name }, 'typing indicator not sent');
    }
  };

  return {
    enqueue(info, source, lang) {
      return submit(info, source, lang).accepted;
    },

    async answer(info, source, options = {}) {
      const withTyping = options.typing ?? true;
      const waitMs = timing.replyInTurnMs;
      const reply = new TurnReply(info.turn);
      const { id, accepted } = submit(info, source, options.lang, waitMs > 0 ? reply : undefined);
      if (!accepted) return false;
      try {
        const settled = runner.whenSettled(id);
        const typingAt = Math.min(timing.typingDelayMs, waitMs);
        if (!(await settlesWithin(settled, typingAt))) {
          if (withTyping && !reply.hasSentMessage()) await typing(info, reply);
          await settlesWithin(settled, waitMs - typingAt);
        }
      } finally {
        // from here on the job answers proactively; a send already under way through the turn ends first
        runner.detachTurn(id);
        await reply.close();
      }
      return true;
    },
  };
}
