// A follow-up question about the last report in this conversation → the card(s) that answer it.
import type { Report, Service } from '../../analyzer';
import { contextName, serviceName, verdictLabel } from '../../i18n/terms';
import { t, type Lang } from '../../i18n/lang';
import type { AdaptiveCard } from '../action-registry';
import type { StoredReport } from '../bot-services';
import { buildExplanationCard, buildNoticeCard, buildUnmatchedQuestionCard, firstOfEachGroup } from '../card-kit';
import { BOT_MESSAGES } from '../messages';
import { matchQuestion, type QuestionMatch, type QuestionTopic } from './match-question';

function stateLabel(state: string, lang: Lang): string {
  if (state === 'ok' || state === 'resolved') return t(BOT_MESSAGES.stateOk, lang);
  if (state === 'failed') return t(BOT_MESSAGES.stateFailed, lang);
  if (state === 'not-tested') return t(BOT_MESSAGES.stateNotTested, lang);
  return t(BOT_MESSAGES.stateUnknown, lang);
}

function topicName(topic: QuestionTopic, lang: Lang): string {
  if (topic === 'tls') return t(BOT_MESSAGES.topicTls, lang);
  if (topic === 'proxy') return t(BOT_MESSAGES.topicProxy, lang);
  return t(BOT_MESSAGES.topicDns, lang);
}

/** "プロキシについて", "TLS 1.2 について", "About the proxy": a half-width space only after an ASCII word. */
export function aboutTitle(topic: string, lang: Lang): string {
  const title = t(BOT_MESSAGES.topicTitle, lang, { topic });
  return lang === 'ja' && !/[\x21-\x7e]$/.test(topic) ? title.replace(`${topic} `, topic) : title;
}

/** The state of a topic that has no finding (so it is fine, or the log cannot tell). */
function topicStatusText(topic: QuestionTopic, report: Report, lang: Lang): { title: string; text: string } | undefined {
  if (topic === 'tls') {
    const state = report.tls.sectionFound ? report.tls.tls12 : 'unknown';
    const text =
      state === 'enabled' ? BOT_MESSAGES.tlsEnabled : state === 'os-default' ? BOT_MESSAGES.tlsOsDefault : state === 'disabled' ? BOT_MESSAGES.tlsDisabled : BOT_MESSAGES.tlsUnknown;
    return { title: aboutTitle(topicName('tls', lang), lang), text: t(text, lang) };
  }
  if (topic === 'proxy') {
    const used = report.proxy.contexts.filter((c) => c.found && c.enabled && c.server);
    const text =
      used.length === 0
        ? t(BOT_MESSAGES.proxyNone, lang)
        : t(BOT_MESSAGES.proxyList, lang, {
            // the context's name as the summary card shows it, never its id ("system")
            list: used.map((c) => t(BOT_MESSAGES.proxyEntry, lang, { context: contextName(c.context, lang), server: c.server ?? '' })).join(lang === 'ja' ? '、' : ', '),
          });
    return { title: aboutTitle(topicName('proxy', lang), lang), text };
  }
  if (topic === 'dns' && report.endpoints.length > 0 && report.endpoints.every((e) => e.dns === 'resolved')) {
    return { title: aboutTitle(topicName('dns', lang), lang), text: t(BOT_MESSAGES.dnsAllResolved, lang) };
  }
  return undefined;
}

const MAX_LISTED_ENDPOINTS = 10;

/** "About Azure Storage": each checked endpoint of the service and whether it was reachable. */
function serviceStatus(services: readonly Service[], report: Report, lang: Lang): AdaptiveCard | undefined {
  const endpoints = report.endpoints.filter((e) => services.includes(e.service));
  if (endpoints.length === 0) return undefined;
  const title = aboutTitle(services.map((s) => serviceName(s, lang)).join(' / '), lang);
  const lines = endpoints.slice(0, MAX_LISTED_ENDPOINTS).map((e) => `${e.host}:${e.port} — ${verdictLabel(e.verdict, lang)}`);
  const allOk = endpoints.every((e) => e.verdict === 'ok');
  const closing = t(allOk ? BOT_MESSAGES.serviceAllReachable : BOT_MESSAGES.serviceSomeUnreachable, lang);
  const more = endpoints.length > MAX_LISTED_ENDPOINTS ? [t(BOT_MESSAGES.andMoreEndpoints, lang, { count: endpoints.length - MAX_LISTED_ENDPOINTS })] : [];
  return buildNoticeCard(title, [...lines, ...more, closing], lang);
}

export function answerCards(match: QuestionMatch, stored: StoredReport, lang: Lang, question = ''): AdaptiveCard[] {
  const { report, id: reportId } = stored;
  // the card lists each finding with its Explain button; these are the topics answered without one
  const unmatched = () => [
    buildUnmatchedQuestionCard({
      lang,
      reportId,
      report,
      question,
      topics: (['proxy', 'tls', 'dns'] as const).map((topic) => topicName(topic, lang)),
    }),
  ];
  switch (match.kind) {
    case 'findings':
      // An explanation covers every endpoint its problem affects (the one asked about first), so
      // each problem is explained once.
      return firstOfEachGroup(report.findings, match.findingIndices).map((i) => buildExplanationCard(report, i, { lang, reportId }));
    case 'topic-status': {
      const status = topicStatusText(match.topic, report, lang);
      if (status) return [buildNoticeCard(status.title, status.text, lang)];
      const byService = serviceStatus(match.services, report, lang);
      return byService ? [byService] : unmatched();
    }
    case 'endpoint-status': {
      const e = report.endpoints.find((x) => x.host.toLowerCase() === match.host);
      if (!e) return unmatched();
      const text = t(BOT_MESSAGES.endpointStatus, lang, {
        host: e.host,
        port: e.port,
        dns: stateLabel(e.dns, lang),
        tcp: stateLabel(e.tcp, lang),
        http: stateLabel(e.http, lang),
      });
      return [buildNoticeCard(t(BOT_MESSAGES.topicEndpoint, lang, { host: e.host }), text, lang)];
    }
    case 'endpoint-unknown':
      return [buildNoticeCard(t(BOT_MESSAGES.topicEndpoint, lang, { host: match.host }), t(BOT_MESSAGES.endpointNotInLog, lang, { host: match.host }), lang)];
    case 'none':
      return unmatched();
  }
}

export function answerQuestion(question: string, stored: StoredReport, lang: Lang): { match: QuestionMatch; cards: AdaptiveCard[] } {
  const match = matchQuestion(question, stored.report);
  return { match, cards: answerCards(match, stored, lang, question) };
}
