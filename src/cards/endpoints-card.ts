// Every endpoint of a report, failed ones first, a page at a time (a Linux log can list dozens,
// a hostile one thousands). Page size is fixed so "next" always means the same items; if a page
// of unusually long names does not fit, its texts are shortened, not its item count.
import type { Endpoint, Report, Verdict } from '../analyzer/report';
import { t, type Lang } from '../i18n/lang';
import { serviceName, verdictLabel } from '../i18n/terms';
import { CardTooLargeError } from './card-errors';
import { CARD_MESSAGES as M, SWITCH_LANGUAGE_CAPTION } from './card-messages';
import { CARD_BYTE_BUDGET, cardBytes } from './card-size';
import { VERDICT_COLOR, otherLang } from './card-style';
import { cardLine } from './card-text';
import { describeEndpointDetail, describeEndpointStates } from './describe-endpoint';
import { makeActionData } from './make-action-data';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const ENDPOINTS_PER_PAGE = 20;
const VERDICT_ORDER: readonly Verdict[] = ['failed', 'inconclusive', 'ok'];

interface TextLimits {
  host: number;
  detail: number;
}
const TEXT_LIMITS: readonly TextLimits[] = [
  { host: 120, detail: 200 },
  { host: 80, detail: 0 },
  { host: 40, detail: 0 },
];

export interface EndpointsCardOptions {
  lang: Lang;
  reportId: string;
  /** 0-based page; past the end shows the last page */
  page?: number;
}

export function buildEndpointsCard(report: Report, options: EndpointsCardOptions): AdaptiveCardJson {
  let bytes = 0;
  for (const limits of TEXT_LIMITS) {
    const card = renderTemplate('endpoints', endpointsCardData(report, options, limits));
    bytes = cardBytes(card);
    if (bytes <= CARD_BYTE_BUDGET) return card;
  }
  throw new CardTooLargeError('endpoints', bytes, CARD_BYTE_BUDGET);
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / ENDPOINTS_PER_PAGE));
}

export function endpointsCardData(
  report: Report,
  options: EndpointsCardOptions,
  limits: TextLimits = TEXT_LIMITS[0] as TextLimits,
): Record<string, unknown> {
  const { lang, reportId } = options;
  const sorted = VERDICT_ORDER.flatMap((v) => report.endpoints.filter((e) => e.verdict === v));
  // endpoints with a verdict a newer analyzer might add still show, last
  const rest = report.endpoints.filter((e) => !VERDICT_ORDER.includes(e.verdict));
  const all = [...sorted, ...rest];
  const total = all.length;
  const pages = pageCount(total);
  const page = Math.min(Math.max(0, Math.trunc(options.page ?? 0)), pages - 1);
  const from = page * ENDPOINTS_PER_PAGE;
  const onPage = all.slice(from, from + ENDPOINTS_PER_PAGE);

  const groups: Record<string, unknown>[] = [];
  for (const e of onPage) {
    const last = groups[groups.length - 1] as { verdict: string; items: unknown[] } | undefined;
    const item = endpointItem(e, lang, limits);
    if (last && last.verdict === e.verdict) last.items.push(item);
    else {
      const count = all.filter((x) => x.verdict === e.verdict).length;
      groups.push({
        verdict: e.verdict,
        title: t(M.groupTitle, lang, { label: verdictLabel(e.verdict, lang), count: String(count) }),
        color: VERDICT_COLOR[e.verdict] ?? 'Default',
        items: [item],
      });
    }
  }
  const title = t(M.endpointsTitle, lang, { count: String(total) });
  const pageAction = (p: number) => makeActionData({ verb: 'showAllEndpoints', reportId, lang, page: p });
  return {
    lang,
    fallbackText: t(M.fallbackEndpoints, lang),
    title,
    subtitle:
      total === 0 ? ' ' : t(M.endpointsPage, lang, { from: String(from + 1), to: String(from + onPage.length), total: String(total) }),
    empty: total === 0,
    emptyText: t(M.noEndpoints, lang),
    groups,
    paging: {
      hasPrevious: page > 0,
      hasNext: page < pages - 1,
      previous: { title: t(M.previousPage, lang), data: pageAction(Math.max(0, page - 1)) },
      next: { title: t(M.nextPage, lang), data: pageAction(Math.min(pages - 1, page + 1)) },
    },
    actions: {
      back: { title: t(M.backToSummary, lang), data: makeActionData({ verb: 'showSummary', reportId, lang }) },
      language: {
        title: SWITCH_LANGUAGE_CAPTION[lang],
        data: makeActionData({ verb: 'setLanguage', reportId, lang: otherLang(lang), view: 'endpoints', page }),
      },
    },
  };
}

function endpointItem(e: Endpoint, lang: Lang, limits: TextLimits): Record<string, unknown> {
  const port = Number.isInteger(e.port) ? `:${e.port}` : '';
  const detail = limits.detail > 0 ? cardLine(describeEndpointDetail(e, lang), limits.detail) : '';
  return {
    target: cardLine(e.host, limits.host) + port,
    service: serviceName(e.service, lang),
    states: describeEndpointStates(e, lang),
    hasDetail: detail.trim() !== '',
    detail,
  };
}
