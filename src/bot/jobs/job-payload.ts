// What a queued job needs to run without the HTTP turn: where to answer and what to read.
// Stored as JSON in the jobs table; dropped when the job finishes.
import type { ConversationReference } from 'botbuilder';
import type { Lang } from '../../i18n/lang';
import type { ConversationScope } from '../bot-services';
import type { FileInput, GraphMessageRef } from '../input/find-inputs';

export type JobSource =
  | { kind: 'files'; files: FileInput[] }
  /** quiet: the bot was not addressed (RSC delivers every channel message): only log-like file names, no "no file" notice */
  | { kind: 'graph'; message: GraphMessageRef; quiet: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'sample'; file: string };

export interface JobPayload {
  v: 1;
  requestId: string;
  reference: Partial<ConversationReference>;
  scope: ConversationScope;
  lang: Lang;
  userId: string;
  source: JobSource;
}
