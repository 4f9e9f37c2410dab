// One finding explained: what it means, why it matters, the steps (numbered), the lines of the
// log it rests on (with line numbers, as evidence an engineer can jump to), and references.
// Texts come from the findings catalogue; evidence lines are log text and shown as TextRun.
import type { Report } from '../analyzer/report';
import { explainFinding } from '../i18n/findings';
import { t, type Lang } from '../i18n/lang';
import { severityLabel } from '../i18n/terms';
import { MAX_FINDING_INDEX } from './actions';
import { CardTooLargeError } from './card-errors';
import { CARD_MESSAGES as M, SWITCH_LANGUAGE_CAPTION } from './card-messages';
import { CARD_BYTE_BUDGET, cardBytes } from './card-size';
import { SEVERITY_STYLE, otherLang, pick } from './card-style';
import { cardLine, cardText, isSafeUrl } from './card-text';
import { endpointTarget } from './describe-endpoint';
import { makeActionData } from './make-action-data';
import { buildNoticeCard } from './notice-card';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export interface ExplanationCardOptions {
  lang: Lang;
  reportId: string;
}

interface ExplanationLimits {
  evidenceLines: number;
  evidenceChars: number;
  steps: number;
  textChars: number;
}

const LIMITS: readonly ExplanationLimits[] = [
  { evidenceLines: 12, evidenceChars: 300, steps: 12, textChars: 1500 },
  { evidenceLines: 6, evidenceChars: 200, steps: 8, textChars: 800 },
  { evidenceLines: 3, evidenceChars: 120, steps: 5, textChars: 400 },
  { evidenceLines: 0, evidenceChars: 0, steps: 3, textChars: 200 },
];
const MAX_LINKS = 6;

export function buildExplanationCard(report: Report, findingIndex: number, options: ExplanationCardOptions): AdaptiveCardJson {
  const finding = Number.isInteger(findingIndex) && findingIndex <= MAX_FINDING_INDEX ? report.findings[findingIndex] : undefined;
  if (!finding) {
    return buildNoticeCard(t(M.findingsTitle, options.lang), t(M.findingMissing, options.lang), options.lang, { style: 'warning' });
  }
  let bytes = 0;
  for (const limits of LIMITS) {
    const card = renderTemplate('explanation', explanationCardData(report, findingIndex, options, limits));
    bytes = cardBytes(card);
    if (bytes <= CARD_BYTE_BUDGET) return card;
  }
  throw new CardTooLargeError('explanation', bytes, CARD_BYTE_BUDGET);
}

export function explanationCardData(
  report: Report,
  findingIndex: number,
  options: ExplanationCardOptions,
  limits: ExplanationLimits = LIMITS[0] as ExplanationLimits,
): Record<string, unknown> {
  const { lang, reportId } = options;
  const finding = report.findings[findingIndex];
  if (!finding) throw new RangeError(`no finding ${findingIndex}`);
  const x = explainFinding(finding, lang);
  const style = pick(SEVERITY_STYLE, finding.severity, SEVERITY_STYLE.info);
  const target = finding.endpoint
    ? endpointTarget({ host: finding.endpoint, port: finding.port as number })
    : cardLine(x.endpoint ?? '', 160);
  const evidence = Array.isArray(x.evidence) ? x.evidence : finding.evidence;
  const shownEvidence = evidence.slice(0, limits.evidenceLines);
  const steps = (Array.isArray(x.steps) ? x.steps : []).slice(0, limits.steps);
  const links = (Array.isArray(x.links) ? x.links : []).filter((l) => isSafeUrl(l.url)).slice(0, MAX_LINKS);
  const title = cardLine(x.title, 200);
  const sections = [
    { title: t(M.meaningTitle, lang), text: cardText(x.meaning, limits.textChars) },
    { title: t(M.whyTitle, lang), text: cardText(x.why, limits.textChars) },
  ].filter((s) => s.text.trim() !== '');
  return {
    lang,
    fallbackText: `${t(M.fallbackExplanation, lang)}: ${severityLabel(finding.severity, lang)}`,
    header: {
      style: style.style,
      color: style.color,
      severity: severityLabel(finding.severity, lang),
      title,
    },
    endpoint: { show: target.trim() !== '', label: `${t(M.explanationEndpoint, lang)}: `, value: target },
    sections,
    steps: {
      show: steps.length > 0,
      title: t(M.stepsTitle, lang),
      items: steps.map((s, i) => ({ number: `${i + 1}.`, text: cardText(s, limits.textChars) })),
    },
    evidence: {
      show: shownEvidence.length > 0,
      title: t(M.evidenceTitle, lang),
      items: shownEvidence.map((e) => ({
        label: t(M.evidenceLine, lang, { line: String(e.line) }),
        text: cardLine(e.text, limits.evidenceChars),
      })),
      more: {
        show: evidence.length > shownEvidence.length,
        text: t(M.evidenceMore, lang, { count: String(evidence.length - shownEvidence.length) }),
      },
    },
    links: {
      show: links.length > 0,
      title: t(M.linksTitle, lang),
      items: links.map((l) => ({ title: cardLine(l.title, 160), url: l.url })),
    },
    actions: {
      back: { title: t(M.backToSummary, lang), data: makeActionData({ verb: 'showSummary', reportId, lang }) },
      language: {
        title: SWITCH_LANGUAGE_CAPTION[lang],
        data: makeActionData({ verb: 'setLanguage', reportId, lang: otherLang(lang), view: 'explain', findingIndex }),
      },
      escalate: { title: t(M.escalate, lang), data: makeActionData({ verb: 'escalate', reportId, lang }) },
    },
  };
}
