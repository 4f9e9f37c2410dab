// One problem explained: what it means, why it matters, the steps (numbered), the lines of the
// log it rests on (with line numbers, as evidence an engineer can jump to), and references.
// A finding whose code also occurs for other endpoints or proxy settings (same severity) is
// explained with its whole group: sentences that name them together, then each affected
// endpoint with its error text and its own log lines; the finding asked about comes first.
// Texts come from the findings catalogue; hosts, details and evidence lines are log text and
// shown as TextRun.
import type { Evidence, Finding, Report } from '../analyzer/report';
import { explainFindingGroup } from '../i18n/findings';
import { t, type Lang } from '../i18n/lang';
import { joinList, severityLabel, splitIds } from '../i18n/terms';
import { MAX_FINDING_INDEX } from './actions';
import { CardTooLargeError } from './card-errors';
import { CARD_MESSAGES as M, SWITCH_LANGUAGE_CAPTION } from './card-messages';
import { CARD_BYTE_BUDGET, cardBytes } from './card-size';
import { SEVERITY_STYLE, otherLang, pick } from './card-style';
import { cardLine, cardText, isSafeUrl } from './card-text';
import { MAX_DETAIL_CHARS, endpointDetailText, endpointTarget } from './describe-endpoint';
import { findingGroupAt, findingSubjects } from './group-findings';
import { makeActionData } from './make-action-data';
import { buildNoticeCard } from './notice-card';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export interface ExplanationCardOptions {
  lang: Lang;
  reportId: string;
}

interface ExplanationLimits {
  /** evidence lines of a single finding */
  evidenceLines: number;
  evidenceChars: number;
  steps: number;
  textChars: number;
  /** affected endpoints (or proxy settings) listed for a group */
  members: number;
  /** evidence lines under each of them, and in all */
  memberEvidence: number;
  groupEvidenceLines: number;
}

const LIMITS: readonly ExplanationLimits[] = [
  { evidenceLines: 12, evidenceChars: 300, steps: 12, textChars: 1500, members: 15, memberEvidence: 3, groupEvidenceLines: 24 },
  { evidenceLines: 6, evidenceChars: 200, steps: 8, textChars: 800, members: 8, memberEvidence: 2, groupEvidenceLines: 10 },
  { evidenceLines: 3, evidenceChars: 120, steps: 5, textChars: 400, members: 4, memberEvidence: 1, groupEvidenceLines: 4 },
  { evidenceLines: 0, evidenceChars: 0, steps: 3, textChars: 200, members: 3, memberEvidence: 0, groupEvidenceLines: 0 },
];
const MAX_LINKS = 6;

export function buildExplanationCard(report: Report, findingIndex: number, options: ExplanationCardOptions): AdaptiveCardJson {
  const finding = Number.isInteger(findingIndex) && findingIndex <= MAX_FINDING_INDEX ? report.findings[findingIndex] : undefined;
  if (!finding) {
    return buildNoticeCard(t(M.findingsTitle, options.lang), t(M.findingMissing, options.lang), options.lang, { style: 'warning' });
  }
  const members = findingGroupAt(report.findings, findingIndex);
  let bytes = 0;
  for (const limits of LIMITS) {
    const card = renderTemplate('explanation', explanationData(report, findingIndex, members, options, limits));
    bytes = cardBytes(card);
    if (bytes <= CARD_BYTE_BUDGET) return card;
  }
  throw new CardTooLargeError('explanation', bytes, CARD_BYTE_BUDGET);
}

/** The data the explanation template is expanded with (exported for tests and tools). */
export function explanationCardData(
  report: Report,
  findingIndex: number,
  options: ExplanationCardOptions,
  limits: ExplanationLimits = LIMITS[0] as ExplanationLimits,
): Record<string, unknown> {
  return explanationData(report, findingIndex, findingGroupAt(report.findings, findingIndex), options, limits);
}

interface Member {
  finding: Finding;
  target: string;
  font: 'Default' | 'Monospace';
  isEndpoint: boolean;
  /** false when the finding names no endpoint and no proxy context */
  named: boolean;
  detail: string;
}

/** One affected endpoint (or proxy setting) of a group: what it is and what the log said. */
function describeMember(finding: Finding, httpDetails: ReadonlyMap<string, string>, lang: Lang): Member {
  const subjects = findingSubjects(finding, lang);
  const isEndpoint = subjects[0]?.font === 'Monospace';
  const target = subjects.length > 0 ? cardLine(joinList(subjects.map((s) => s.text), lang), 240) : t(M.noSubject, lang);
  const param = (key: string): string => {
    const v = finding.params?.[key];
    return typeof v === 'string' ? v.trim() : '';
  };
  let detail = '';
  if (isEndpoint) {
    detail = endpointDetailText(param('detail') || httpDetails.get(endpointKey(finding.endpoint, finding.port)));
  } else if (param('server')) {
    detail = t(M.proxyServer, lang, { server: cardLine(param('server'), MAX_DETAIL_CHARS) });
  } else if (param('entries')) {
    detail = t(M.proxyBypass, lang, { list: cardLine(joinList(splitIds(param('entries')), lang), MAX_DETAIL_CHARS) });
  }
  return { finding, target, font: isEndpoint ? 'Monospace' : 'Default', isEndpoint, named: subjects.length > 0, detail };
}

function endpointKey(host: unknown, port: unknown): string {
  return `${String(host)}\u0000${String(port)}`;
}

/** Each endpoint's error text as printed, by host and port (a member's fallback detail). */
function httpDetailsOf(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of report.endpoints) if (typeof e.httpDetail === 'string' && e.httpDetail !== '') out.set(endpointKey(e.host, e.port), e.httpDetail);
  return out;
}

function evidenceItems(evidence: readonly Evidence[], lang: Lang, chars: number): { label: string; text: string }[] {
  return evidence.map((e) => ({
    label: t(M.evidenceLine, lang, { line: String(e.line) }),
    text: cardLine(e.text, chars),
  }));
}

function explanationData(
  report: Report,
  findingIndex: number,
  memberIndices: readonly number[],
  options: ExplanationCardOptions,
  limits: ExplanationLimits,
): Record<string, unknown> {
  const { lang, reportId } = options;
  const finding = report.findings[findingIndex];
  if (!finding) throw new RangeError(`no finding ${findingIndex}`);
  const groupFindings = memberIndices.map((i) => report.findings[i]).filter((f): f is Finding => f !== undefined);
  // a list needs at least two findings that name what they are about (an endpoint or context)
  let named = 0;
  for (const f of groupFindings) if (findingSubjects(f, lang).length > 0 && ++named >= 2) break;
  const isGroup = named >= 2;
  const x = explainFindingGroup(isGroup ? groupFindings : [finding], lang);
  const style = pick(SEVERITY_STYLE, finding.severity, SEVERITY_STYLE.info);
  const steps = (Array.isArray(x.steps) ? x.steps : []).slice(0, limits.steps);
  const links = (Array.isArray(x.links) ? x.links : []).filter((l) => isSafeUrl(l.url)).slice(0, MAX_LINKS);
  const title = cardLine(x.title, 200);
  const meaning = cardText(x.meaning, limits.textChars);
  const sections = [
    { title: t(M.meaningTitle, lang), text: meaning },
    { title: t(M.whyTitle, lang), text: cardText(x.why, limits.textChars) },
  ].filter((s) => s.text.trim() !== '');

  // a single finding: its endpoint in the header and its evidence lines
  let endpoint: Record<string, unknown>;
  let evidence: Record<string, unknown>;
  let affected: Record<string, unknown>;
  const noMore = { show: false, text: ' ' };
  if (!isGroup) {
    const target = finding.endpoint
      ? endpointTarget({ host: finding.endpoint, port: finding.port as number })
      : cardLine(x.endpoint ?? '', 160);
    const all = Array.isArray(x.evidence) ? x.evidence : finding.evidence;
    const shown = all.slice(0, limits.evidenceLines);
    endpoint = { show: target.trim() !== '', label: `${t(M.explanationEndpoint, lang)}: `, value: target || ' ', font: 'Monospace', more: noMore };
    evidence = {
      show: shown.length > 0,
      title: t(M.evidenceTitle, lang),
      items: evidenceItems(shown, lang, limits.evidenceChars),
      more: { show: all.length > shown.length, text: t(M.evidenceMore, lang, { count: String(all.length - shown.length) }) },
    };
    affected = { show: false, title: ' ', items: [], more: noMore };
  } else {
    const httpDetails = httpDetailsOf(report);
    const members = groupFindings.map((f) => describeMember(f, httpDetails, lang));
    const lead = members[0] as Member;
    // proxy settings only when the group names contexts and no endpoint
    const anyEndpoint = members.some((m) => m.isEndpoint) || !members.some((m) => m.named);
    endpoint = {
      show: lead.named,
      label: `${t(anyEndpoint ? M.explanationEndpoints : M.explanationContexts, lang)}: `,
      value: lead.target,
      font: lead.font,
      more: { show: true, text: ` ${t(M.andMore, lang, { count: String(members.length - 1) }).split(' ').join('\u00a0')}` },
    };
    evidence = { show: false, title: ' ', items: [], more: noMore };
    // The same error text for every one of them is said once, in the meaning; repeating it
    // under each host is noise.
    const sameDetail = members.every((m) => m.detail === lead.detail) && lead.detail !== '' && meaning.includes(lead.detail);
    let evidenceLeft = limits.groupEvidenceLines;
    const shownMembers = members.slice(0, limits.members);
    const evidenceOf = (m: Member): Evidence[] => (Array.isArray(m.finding.evidence) ? m.finding.evidence : []);
    const leadTexts = evidenceOf(lead)
      .slice(0, limits.memberEvidence)
      .map((e) => e.text);
    affected = {
      show: true,
      title: t(anyEndpoint ? M.affectedEndpointsTitle : M.affectedContextsTitle, lang, { count: String(members.length) }),
      items: shownMembers.map((m, n) => {
        const all = evidenceOf(m);
        // Lines that read exactly like the first endpoint's (the same error, another host) are
        // cited by number only: twelve copies of one error text hide the hosts.
        const same = n > 0 && limits.memberEvidence > 0 && all.length === leadTexts.length && all.every((e, i) => e.text === leadTexts[i]);
        const shown = same ? [] : all.slice(0, Math.min(limits.memberEvidence, evidenceLeft));
        evidenceLeft -= shown.length;
        return {
          target: m.target,
          font: m.font,
          detail: { show: m.detail !== '' && !sameDetail, text: m.detail || ' ' },
          sameEvidence: {
            show: same,
            text: t(M.evidenceSameAsFirst, lang, { lines: joinList(all.map((e) => t(M.evidenceLine, lang, { line: String(e.line) })), lang) }),
          },
          evidence: {
            show: shown.length > 0,
            items: evidenceItems(shown, lang, limits.evidenceChars),
            more: { show: shown.length > 0 && all.length > shown.length, text: t(M.evidenceMore, lang, { count: String(all.length - shown.length) }) },
          },
        };
      }),
      more: { show: members.length > shownMembers.length, text: t(M.andMore, lang, { count: String(members.length - shownMembers.length) }) },
    };
  }

  return {
    lang,
    fallbackText: `${t(M.fallbackExplanation, lang)}: ${severityLabel(finding.severity, lang)}`,
    header: {
      style: style.style,
      color: style.color,
      severity: severityLabel(finding.severity, lang),
      title,
    },
    endpoint,
    sections,
    steps: {
      show: steps.length > 0,
      title: t(M.stepsTitle, lang),
      items: steps.map((s, i) => ({ number: `${i + 1}.`, text: cardText(s, limits.textChars) })),
    },
    affected,
    evidence,
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
