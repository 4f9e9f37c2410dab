// The answer to a log: overall verdict, where/when it ran, what failed, proxy, TLS 1.2 and the
// findings by severity, one row per problem (code) with the endpoints or proxy settings it
// affects and one "Explain" button. Readable on a phone: lists are capped (the full endpoint list
// is one button away) and the whole card is kept under the Teams limit by retrying with smaller
// caps rather than by hoping.
import type { Endpoint, Finding, ProxyContext, Report } from '../analyzer/report';
import { findingTitle } from '../i18n/findings';
import { t, type Lang } from '../i18n/lang';
import {
  contextName,
  joinList,
  logKindLabel,
  overallLabel,
  overallSummary,
  serviceName,
  severityLabel,
  tlsStateLabel,
} from '../i18n/terms';
import { MAX_FINDING_INDEX } from './actions';
import { CardTooLargeError } from './card-errors';
import { CARD_MESSAGES as M, SWITCH_LANGUAGE_CAPTION } from './card-messages';
import { CARD_BYTE_BUDGET, cardWire } from './card-size';
import { OVERALL_STYLE, SEVERITY_ORDER, SEVERITY_STYLE, TLS_COLOR, VERDICT_COLOR, otherLang, pick } from './card-style';
import { cardLine } from './card-text';
import { describeEndpointProblem, endpointTarget } from './describe-endpoint';
import { groupFindings, groupSubjects, type FindingGroup } from './group-findings';
import { makeActionData } from './make-action-data';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export interface SummaryCardOptions {
  lang: Lang;
  /** id the bot stored the report under; every button carries it */
  reportId: string;
  /** larger lists (still capped and size-checked), e.g. for a card opened on purpose */
  expanded?: boolean;
}

/** How much of each list the card shows. Tried in order until the card fits the budget. */
export interface SummaryLimits {
  endpointsPerGroup: number;
  /** finding rows (one per code) per severity */
  findingsPerSeverity: number;
  /** endpoints or proxy settings listed under one finding row before "and N more" */
  subjectsPerFinding: number;
  bypassEntries: number;
}

export const SUMMARY_LIMITS: readonly SummaryLimits[] = [
  { endpointsPerGroup: 8, findingsPerSeverity: 10, subjectsPerFinding: 4, bypassEntries: 5 },
  { endpointsPerGroup: 5, findingsPerSeverity: 6, subjectsPerFinding: 3, bypassEntries: 3 },
  // many problems each on many hosts: fewer hosts per row before fewer rows and endpoints
  { endpointsPerGroup: 5, findingsPerSeverity: 6, subjectsPerFinding: 1, bypassEntries: 3 },
  { endpointsPerGroup: 3, findingsPerSeverity: 3, subjectsPerFinding: 2, bypassEntries: 2 },
  { endpointsPerGroup: 1, findingsPerSeverity: 1, subjectsPerFinding: 1, bypassEntries: 1 },
  { endpointsPerGroup: 0, findingsPerSeverity: 0, subjectsPerFinding: 0, bypassEntries: 0 },
];
const EXPANDED_LIMITS: SummaryLimits = { endpointsPerGroup: 20, findingsPerSeverity: 20, subjectsPerFinding: 8, bypassEntries: 10 };

export const MAX_FACT_CHARS = 160;
export const MAX_FINDING_TITLE_CHARS = 160;
export const MAX_SERVER_CHARS = 160;

export function buildSummaryCard(report: Report, options: SummaryCardOptions): AdaptiveCardJson {
  return buildSummaryCardWire(report, options).card;
}

/** The card and its wire JSON (made anyway for the size check; the analysis worker sends it on). */
export function buildSummaryCardWire(report: Report, options: SummaryCardOptions): { card: AdaptiveCardJson; json: string } {
  const attempts = options.expanded ? [EXPANDED_LIMITS, ...SUMMARY_LIMITS] : SUMMARY_LIMITS;
  const groups = groupFindings(report.findings);
  let bytes = 0;
  for (const limits of attempts) {
    const card = renderTemplate('summary', summaryData(report, options, limits, groups));
    const wire = cardWire(card);
    bytes = wire.bytes;
    if (bytes <= CARD_BYTE_BUDGET) return { card, json: wire.json };
  }
  throw new CardTooLargeError('summary', bytes, CARD_BYTE_BUDGET);
}

/** The data the summary template is expanded with (exported for tests and tools). */
export function summaryCardData(
  report: Report,
  options: SummaryCardOptions,
  limits: SummaryLimits = SUMMARY_LIMITS[0] as SummaryLimits,
): Record<string, unknown> {
  return summaryData(report, options, limits, groupFindings(report.findings));
}

function summaryData(report: Report, options: SummaryCardOptions, limits: SummaryLimits, groups: readonly FindingGroup[]): Record<string, unknown> {
  const { lang, reportId } = options;
  const overall = pick(OVERALL_STYLE, report.overall, OVERALL_STYLE.inconclusive);
  const label = overallLabel(report.overall, lang);
  // a file that is not a network-check log: say so and what to send, not "proxy: not in the log"
  const notALog = report.source.kind === 'unknown';
  return {
    lang,
    fallbackText: `${t(M.fallbackSummary, lang)}: ${label}`,
    header: { style: overall.style, color: overall.color, label, summary: notALog ? t(M.notALogSummary, lang) : overallSummary(report.overall, lang) },
    facts: facts(report, lang),
    settings: { show: !notALog },
    endpointGroups: endpointGroups(report.endpoints, lang, limits.endpointsPerGroup),
    proxy: proxySection(report.proxy.contexts, lang, limits.bypassEntries),
    tls: {
      title: t(M.tlsTitle, lang),
      separator: ': ',
      value: tlsStateLabel(report.tls.tls12, lang),
      color: pick(TLS_COLOR, report.tls.tls12, 'Default'),
    },
    findings: findingsSection(report.findings, groups, lang, reportId, limits),
    actions: {
      showAll: {
        // nothing to list for a log without endpoint checks (a file that is not a log, say)
        show: report.endpoints.length > 0,
        title: t(M.showAllEndpoints, lang),
        data: makeActionData({ verb: 'showAllEndpoints', reportId, lang }),
      },
      language: {
        title: SWITCH_LANGUAGE_CAPTION[lang],
        data: makeActionData({ verb: 'setLanguage', reportId, lang: otherLang(lang), view: 'summary' }),
      },
      escalate: { title: t(M.escalate, lang), data: makeActionData({ verb: 'escalate', reportId, lang }) },
    },
  };
}

function facts(report: Report, lang: Lang): { label: string; value: string }[] {
  const s = report.source;
  const out: { label: string; value: string }[] = [];
  const add = (label: string, value: string | undefined): void => {
    const v = cardLine(value ?? '', MAX_FACT_CHARS);
    if (v.trim() !== '') out.push({ label, value: v });
  };
  add(t(M.factMachine, lang), s.host);
  add(t(M.factOs, lang), s.os && s.osVersion && !s.os.includes(s.osVersion) ? `${s.os} (${s.osVersion})` : s.os);
  add(t(M.factRegion, lang), regionText(report, lang));
  add(t(M.factStartedAt, lang), s.startedAt ? s.startedAt.replace('T', ' ') : undefined);
  add(t(M.factFile, lang), s.fileName);
  add(t(M.factArchive, lang), s.archive ? (s.archiveEntry ? `${s.archive} › ${s.archiveEntry}` : s.archive) : undefined);
  add(t(M.factLogKind, lang), logKindLabel(s.kind, lang));
  if (report.endpoints.length > 0) {
    const ok = report.endpoints.filter((e) => e.verdict === 'ok').length;
    add(t(M.factEndpointsLabel, lang), t(M.endpointsOkCount, lang, { ok: String(ok), total: String(report.endpoints.length) }));
  }
  // "interrupted" says something only about a network-check log
  if (!s.complete && s.kind !== 'unknown') add(t(M.factRun, lang), t(M.factIncomplete, lang));
  return out;
}

function regionText(report: Report, lang: Lang): string | undefined {
  const names = Array.isArray(report.region?.displayNames) ? report.region.displayNames : [];
  if (names.length === 0) return undefined;
  const shown = names.slice(0, 4).map((n) => cardLine(n, 40));
  return shown.join(lang === 'ja' ? '、' : ', ') + (names.length > 4 ? ' …' : '');
}

function endpointGroups(endpoints: readonly Endpoint[], lang: Lang, cap: number): Record<string, unknown>[] {
  const groups: Record<string, unknown>[] = [];
  for (const verdict of ['failed', 'inconclusive'] as const) {
    const matching = endpoints.filter((e) => e.verdict === verdict);
    if (matching.length === 0) continue;
    const shown = matching.slice(0, cap);
    const hidden = matching.length - shown.length;
    groups.push({
      title: t(verdict === 'failed' ? M.failedTitle : M.inconclusiveTitle, lang, { count: String(matching.length) }),
      color: VERDICT_COLOR[verdict],
      items: shown.map((e) => ({
        service: serviceName(e.service, lang),
        target: endpointTarget(e),
        problem: describeEndpointProblem(e, lang) || ' ',
      })),
      more: { show: hidden > 0, text: t(M.andMoreEndpoints, lang, { count: String(hidden) }) },
    });
  }
  return groups;
}

function proxySection(contexts: readonly ProxyContext[], lang: Lang, bypassCap: number): Record<string, unknown> {
  const items = contexts.slice(0, 10).map((c) => {
    let value: string;
    let font: 'Default' | 'Monospace' = 'Default';
    if (!c.found) value = t(M.proxyNotFound, lang);
    else if (c.enabled && c.server) {
      value = cardLine(c.server, MAX_SERVER_CHARS);
      font = 'Monospace';
    } else value = t(M.proxyNone, lang);
    const bypass = c.found && c.enabled && Array.isArray(c.bypass) ? c.bypass : [];
    const shownBypass = bypass.slice(0, bypassCap).map((b) => cardLine(b, 80));
    const bypassList = shownBypass.join(', ') + (bypass.length > shownBypass.length ? ` ${t(M.andMore, lang, { count: String(bypass.length - shownBypass.length) })}` : '');
    return {
      label: contextName(c.context, lang),
      value,
      font,
      hasBypass: bypass.length > 0 && bypassCap > 0,
      bypass: t(M.proxyBypass, lang, { list: bypassList }),
    };
  });
  return {
    title: t(M.proxyTitle, lang),
    empty: items.length === 0,
    emptyText: t(M.proxyNotFound, lang),
    items,
  };
}

/**
 * One row per problem: the title, the endpoints or proxy settings it affects (capped, then
 * "and N more"), and one Explain button carrying the index of the group's first finding.
 */
function findingsSection(
  findings: readonly Finding[],
  groups: readonly FindingGroup[],
  lang: Lang,
  reportId: string,
  limits: SummaryLimits,
): Record<string, unknown> {
  const sections: Record<string, unknown>[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = groups.filter((g) => g.severity === severity);
    if (ofSeverity.length === 0) continue;
    const shown = ofSeverity.filter((g) => (g.indices[0] as number) <= MAX_FINDING_INDEX).slice(0, limits.findingsPerSeverity);
    const hidden = ofSeverity.length - shown.length;
    sections.push({
      title: t(M.groupTitle, lang, { label: severityLabel(severity, lang), count: String(ofSeverity.length) }),
      color: SEVERITY_STYLE[severity].color,
      items: shown.map((g) => {
        const first = g.indices[0] as number;
        const subjects = groupSubjects(findings, g.indices, lang, limits.subjectsPerFinding);
        const more = subjects.total - subjects.shown.length;
        // one line (compact on a phone, and small in bytes): hosts or proxy settings, "and N more"
        const list = joinList(subjects.shown.map((s) => s.text), lang);
        return {
          title: cardLine(findingTitle(findings[first] as Finding, lang), MAX_FINDING_TITLE_CHARS),
          subjects: {
            show: subjects.shown.length > 0,
            // "and 8 more" kept on one line (no-break spaces): a lone "and" at a line end reads badly
            text: more > 0 ? `${list} ${t(M.andMore, lang, { count: String(more) }).split(' ').join('\u00a0')}` : list || ' ',
            font: subjects.shown.every((s) => s.font === 'Monospace') ? 'Monospace' : 'Default',
          },
          button: {
            title: t(M.explain, lang),
            data: makeActionData({ verb: 'explain', reportId, findingIndex: first, lang }),
          },
        };
      }),
      more: { show: hidden > 0, text: t(M.andMore, lang, { count: String(hidden) }) },
    });
  }
  return {
    title: t(M.findingsTitle, lang),
    empty: sections.length === 0,
    emptyText: t(M.noFindings, lang),
    groups: sections,
  };
}
