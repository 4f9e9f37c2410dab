// The one place the bot imports card builders and the refusal / finding catalogues from.
export {
  buildEndpointsCard,
  buildExplanationCard,
  buildHelpCard,
  buildNoticeCard,
  buildRefusalCard,
  buildRegionCard,
  buildSummaryCard,
  buildUnmatchedQuestionCard,
  firstOfEachGroup,
} from '../cards';
export type { ExplainedRefusal, HelpCommand } from '../cards';
export { explainRefusal } from '../i18n/refusals';
export type { DownloadProblem } from '../i18n/refusals';
export { findingTitle } from '../i18n/findings';
