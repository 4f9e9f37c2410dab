// The answer to a follow-up question nothing matched: what the bot can explain about the last
// report there (each problem once, with its Explain button), and the way to a human.
import type { Finding, Report } from '../analyzer/report';
import { findingTitle } from '../i18n/findings';
import { t, type Lang } from '../i18n/lang';
import { MAX_FINDING_INDEX } from './actions';
import { CARD_MESSAGES as M } from './card-messages';
import { cardLine } from './card-text';
import { groupFindings } from './group-findings';
import { makeActionData } from './make-action-data';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export interface UnmatchedQuestionOptions {
  lang: Lang;
  /** the last report in this conversation, when there is one */
  reportId?: string;
  report?: Report;
  /** extra topics the bot can answer, as plain text ("the proxy", "TLS 1.2") */
  topics?: readonly string[];
  /** the question as asked (shown back, as text) */
  question?: string;
}

const MAX_TOPICS = 12;

export function buildUnmatchedQuestionCard(options: UnmatchedQuestionOptions): AdaptiveCardJson {
  const { lang, reportId, report } = options;
  const hasReport = typeof reportId === 'string' && reportId !== '';
  // one entry per problem (code and severity), as on the summary; the button opens its group
  const groups = hasReport && report ? groupFindings(report.findings) : [];
  const findingTopics =
    hasReport && report
      ? groups
          .map((g) => g.indices[0] as number)
          .filter((i) => i <= MAX_FINDING_INDEX)
          .slice(0, MAX_TOPICS)
          .map((i) => ({
            title: cardLine(findingTitle(report.findings[i] as Finding, lang), 160),
            button: { title: t(M.explain, lang), data: makeActionData({ verb: 'explain', reportId, findingIndex: i, lang }) },
          }))
      : [];
  const textTopics = (options.topics ?? []).slice(0, MAX_TOPICS).map((x) => ({ text: `• ${cardLine(x, 160)}` }));
  if (hasReport) textTopics.push({ text: `• ${t(M.topicEndpoints, lang)}` });
  // the bullets have no button: say they are things to ask about, not more rows to click
  if (textTopics.length > 0) textTopics.unshift({ text: t(M.unmatchedAlsoAsk, lang) });
  const hiddenFindings = groups.length - findingTopics.length;
  const question = cardLine(options.question ?? '', 300);
  const title = t(M.unmatchedTitle, lang);
  // Without a report the two buttons are dropped by their $when; the template still needs data.
  const anyReport = hasReport ? reportId : 'no-report-id';
  return renderTemplate('unmatched', {
    lang,
    fallbackText: title,
    title,
    question: { show: question.trim() !== '', text: question },
    intro: t(hasReport ? M.unmatchedCanExplain : M.unmatchedNoReport, lang),
    topics: findingTopics,
    textTopics,
    more: { show: hiddenFindings > 0, text: t(M.andMore, lang, { count: String(hiddenFindings) }) },
    hasReport,
    escalateText: t(M.unmatchedEscalate, lang),
    actions: {
      showAll: { title: t(M.showAllEndpoints, lang), data: makeActionData({ verb: 'showAllEndpoints', reportId: anyReport, lang }) },
      escalate: { title: t(M.escalate, lang), data: makeActionData({ verb: 'escalate', reportId: anyReport, lang }) },
    },
  });
}
