// The data every card button carries (Action.Execute `data`), shared by the card builders that
// put it on buttons and the bot handlers that receive it. Validated with zod on the way in:
// activity.value is untrusted input.
import { z } from 'zod';

export const ACTION_VERBS = [
  'explain', // open the explanation of one finding
  'showSummary', // back to the summary card
  'showAllEndpoints', // the full endpoint list
  'setLanguage', // re-render this card in another language, in place
  'escalate', // open the escalation form (escalation issue)
  'escalationSubmit', // the form's submit
  'escalationTake', // engineer takes it
  'escalationReply', // engineer replies to requester
  'escalationResolve', // engineer resolves
] as const;
export type ActionVerb = (typeof ACTION_VERBS)[number];

/** Highest finding index a button can carry; findings past it are only counted ("and N more"). */
export const MAX_FINDING_INDEX = 100_000;

const id = z.string().min(8).max(128).regex(/^[A-Za-z0-9_-]+$/);
const shortText = z.string().max(4000);
/** 0-based page of the endpoint list (cards added `page`; absent = first page) */
const page = z.number().int().min(0).max(100_000);

export const actionDataSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('explain'), reportId: id, findingIndex: z.number().int().min(0).max(MAX_FINDING_INDEX), lang: z.enum(['ja', 'en']).optional() }),
  z.object({ verb: z.literal('showSummary'), reportId: id, lang: z.enum(['ja', 'en']).optional() }),
  z.object({ verb: z.literal('showAllEndpoints'), reportId: id, lang: z.enum(['ja', 'en']).optional(), page: page.optional() }),
  z.object({ verb: z.literal('setLanguage'), reportId: id, lang: z.enum(['ja', 'en']), view: z.enum(['summary', 'endpoints', 'explain']).optional(), findingIndex: z.number().int().min(0).max(MAX_FINDING_INDEX).optional(), page: page.optional() }),
  z.object({ verb: z.literal('escalate'), reportId: id, lang: z.enum(['ja', 'en']).optional() }),
  z.object({
    verb: z.literal('escalationSubmit'),
    reportId: id,
    lang: z.enum(['ja', 'en']).optional(),
    tried: shortText.optional(),
    urgency: z.enum(['low', 'normal', 'high']).optional(),
    caseNumber: z.string().max(64).optional(),
    contact: z.string().max(256).optional(),
  }),
  z.object({ verb: z.literal('escalationTake'), escalationId: id, lang: z.enum(['ja', 'en']).optional() }),
  z.object({ verb: z.literal('escalationReply'), escalationId: id, lang: z.enum(['ja', 'en']).optional(), replyText: shortText.optional() }),
  z.object({ verb: z.literal('escalationResolve'), escalationId: id, lang: z.enum(['ja', 'en']).optional(), resolveNote: shortText.optional() }),
]);
export type ActionData = z.infer<typeof actionDataSchema>;

/** Parses untrusted `activity.value.action.data`; undefined when it is not one of ours. */
export function parseActionData(value: unknown): ActionData | undefined {
  const result = actionDataSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
