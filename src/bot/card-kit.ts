// The one place the bot imports card builders and the refusal catalogue from. While the real
// ones (src/cards/**, src/i18n/refusals.ts) are landing, this points at src/bot/_pending-cards.ts.
export {
  buildEndpointsCard,
  buildExplanationCard,
  buildHelpCard,
  buildNoticeCard,
  buildRefusalCard,
  buildRegionCard,
  buildSummaryCard,
  buildUnmatchedQuestionCard,
  explainRefusal,
  findingTopicTitle,
} from './_pending-cards';
export type { DownloadProblem, ExplainedRefusal, HelpCommand } from './_pending-cards';
