// Turns the current turn into a durable job: the conversation reference (where to answer), the
// language and what to read. Called inside the turn; the job runs after the turn is acknowledged.
import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import type { TurnInfo } from '../action-registry';
import type { JobPayload, JobSource } from './job-payload';
import { jobIdFor, type JobRunner } from './job-runner';

export interface JobSubmitter {
  /** false: the same activity was already accepted (Teams redelivered it) */
  enqueue(info: TurnInfo, source: JobSource, lang?: TurnInfo['lang']): boolean;
}

export function createJobSubmitter(runner: JobRunner): JobSubmitter {
  return {
    enqueue(info, source, lang) {
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
      const accepted = runner.submit(id, payload);
      info.log.info({ event: accepted ? 'job-accepted' : 'job-duplicate', jobId: id, source: source.kind }, accepted ? 'job queued' : 'activity already accepted');
      return accepted;
    },
  };
}
