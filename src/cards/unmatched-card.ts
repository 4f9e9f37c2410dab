// The answer to a follow-up question nothing matched: what the bot can explain about the last
// report there (each finding with its Explain button), and the way to a human.
import type { Report } from '../analyzer/report';
import { findingTitle } from '../i18n/findings';
import { t, type Lang } from '../i18n/lang';
import { MAX_FINDING_INDEX } from './actions';
import { CARD_MESSAGES as M } from './card-messages';
import { cardLine } from './card-text';
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
  const findingTopics =
    hasReport && report
      ? report.findings
          .map((f, i) => ({ f, i }))
          .filter(({ i }) => i <= MAX_FINDING_INDEX)
          .slice(0, MAX_TOPICS)
          .map(({ f, i }) => ({
            title: cardLine(findingTitle(f, lang), 160),
            button: { title: t(M.explain, lang), data: makeActionData({ verb: 'explain', reportId, findingIndex: i, lang }) },
          }))
      : [];
  const textTopics = (options.topics ?? []).slice(0, MAX_TOPICS).map((x) => ({ text: `• ${cardLine(x, 160)}` }));
  if (hasReport) textTopics.push({ text: `• ${t(M.topicEndpoints, lang)}` });
  const hiddenFindings = hasReport && report ? report.findings.length - findingTopics.length : 0;
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
