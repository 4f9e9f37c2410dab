// TEMPORARY stand-ins for the card builders (src/cards/**) and the refusal catalogue
// (src/i18n/refusals.ts) that land in parallel. Same names and signatures; deleted when theirs
// arrive (src/bot/card-kit.ts switches its imports). Plain TextRuns only: log text cannot inject
// markdown.
import type { Finding, Refusal, RegionInfo, Report } from '../analyzer';
import type { RegionEntry, RequiredEndpoint } from '../analyzer';
import { t, type Lang, type LocalizedText } from '../i18n/lang';

type Card = Record<string, unknown>;
export type DownloadProblem =
  | 'download-expired'
  | 'download-failed'
  | 'download-timeout'
  | 'host-not-allowed'
  | 'graph-not-configured'
  | 'graph-consent-missing'
  | 'graph-throttled'
  | 'analysis-timeout'
  | 'busy'
  | 'too-large';
export interface ExplainedRefusal {
  title: string;
  detail: string;
  whatToSend: string;
}
export interface HelpCommand {
  name: string;
  title: LocalizedText;
  description: LocalizedText;
  usage?: LocalizedText;
}

function text(value: string, extra: Record<string, unknown> = {}): Card {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: value, ...extra }] };
}
function card(body: Card[], actions: Card[] = []): Card {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions.length ? { actions } : {}) };
}
function execute(title: string, verb: string, data: Record<string, unknown>): Card {
  return { type: 'Action.Execute', title, verb, data: { verb, ...data } };
}
const L = (ja: string, en: string, lang: Lang) => (lang === 'ja' ? ja : en);

function findingLine(f: Finding): string {
  return `${f.severity.toUpperCase()} ${f.code}${f.endpoint ? ` ${f.endpoint}${f.port ? `:${f.port}` : ''}` : ''}`;
}

export function buildSummaryCard(report: Report, options: { lang: Lang; reportId: string; expanded?: boolean }): Card {
  const { lang, reportId } = options;
  const s = report.source;
  const body: Card[] = [
    text(`${L('判定', 'Verdict', lang)}: ${report.overall}`, { weight: 'Bolder', size: 'Large' }),
    text([s.fileName, s.host, s.os, report.region.displayNames.join(', '), s.startedAt].filter(Boolean).join(' / ')),
  ];
  const failed = report.endpoints.filter((e) => e.verdict !== 'ok');
  for (const e of failed.slice(0, options.expanded ? 50 : 5)) body.push(text(`${e.service} ${e.host}:${e.port} dns=${e.dns} tcp=${e.tcp} http=${e.http}`));
  body.push(text(`Proxy: ${report.proxy.contexts.filter((c) => c.enabled).map((c) => `${c.context}=${c.server ?? ''}`).join(', ') || '-'}`));
  body.push(text(`TLS 1.2: ${report.tls.tls12}`));
  const actions: Card[] = [];
  report.findings.slice(0, 10).forEach((f, i) => {
    body.push(text(findingLine(f)));
    actions.push(execute(`${L('説明', 'Explain', lang)} ${i + 1}`, 'explain', { reportId, findingIndex: i, lang }));
  });
  actions.push(execute(L('すべての宛先', 'Show all endpoints', lang), 'showAllEndpoints', { reportId, lang }));
  actions.push(execute(lang === 'ja' ? 'English' : '日本語', 'setLanguage', { reportId, lang: lang === 'ja' ? 'en' : 'ja', view: 'summary' }));
  actions.push(execute(L('エスカレーション', 'Escalate', lang), 'escalate', { reportId, lang }));
  return card(body, actions);
}

export function buildEndpointsCard(report: Report, options: { lang: Lang; reportId: string }): Card {
  const { lang, reportId } = options;
  return card(
    [text(L('すべての宛先', 'All endpoints', lang), { weight: 'Bolder' }), ...report.endpoints.slice(0, 80).map((e) => text(`${e.verdict} ${e.host}:${e.port}`))],
    [
      execute(L('概要に戻る', 'Back to summary', lang), 'showSummary', { reportId, lang }),
      execute(lang === 'ja' ? 'English' : '日本語', 'setLanguage', { reportId, lang: lang === 'ja' ? 'en' : 'ja', view: 'endpoints' }),
    ],
  );
}

export function buildExplanationCard(report: Report, findingIndex: number, options: { lang: Lang; reportId: string }): Card {
  const { lang, reportId } = options;
  const f = report.findings[findingIndex];
  if (!f) return buildNoticeCard(L('見つかりません', 'Not found', lang), String(findingIndex), lang);
  return card(
    [text(findingLine(f), { weight: 'Bolder' }), ...f.evidence.slice(0, 5).map((e) => text(`${e.line}: ${e.text}`, { fontType: 'Monospace' }))],
    [
      execute(L('概要に戻る', 'Back to summary', lang), 'showSummary', { reportId, lang }),
      execute(lang === 'ja' ? 'English' : '日本語', 'setLanguage', { reportId, lang: lang === 'ja' ? 'en' : 'ja', view: 'explain', findingIndex }),
      execute(L('エスカレーション', 'Escalate', lang), 'escalate', { reportId, lang }),
    ],
  );
}

export function buildHelpCard(lang: Lang, commands: readonly HelpCommand[]): Card {
  return card([text(L('使い方', 'How to use', lang), { weight: 'Bolder' }), ...commands.map((c) => text(`${t(c.usage ?? c.title, lang)} — ${t(c.description, lang)}`))]);
}

export function buildRefusalCard(explained: ExplainedRefusal, _lang: Lang): Card {
  return card([text(explained.title, { weight: 'Bolder' }), text(explained.detail), text(explained.whatToSend)]);
}

export function buildRegionCard(region: RegionEntry, endpoints: readonly RequiredEndpoint[], lang: Lang): Card {
  return card([text(`${region.displayName} (${region.id})`, { weight: 'Bolder' }), ...endpoints.map((e) => text(`${e.host}:${e.port} ${e.service}`)), text(L('', '', lang))]);
}

export function buildUnmatchedQuestionCard(options: { lang: Lang; reportId: string; topics: string[] }): Card {
  const { lang, reportId } = options;
  return card(
    [text(L('ご質問に該当する項目が見つかりませんでした。次の項目について説明できます:', 'I could not match your question. I can explain:', lang)), ...options.topics.map((x) => text(`• ${x}`))],
    [execute(L('エスカレーション', 'Escalate', lang), 'escalate', { reportId, lang })],
  );
}

export function buildNoticeCard(title: string, body: string, _lang: Lang): Card {
  return card([text(title, { weight: 'Bolder' }), text(body)]);
}

export function explainRefusal(input: Refusal | { reason: DownloadProblem; params?: Record<string, string> }, lang: Lang): ExplainedRefusal {
  return {
    title: L('ログを解析できませんでした', 'The log could not be analyzed', lang),
    detail: input.reason,
    whatToSend: L('1 対 1 のチャットでファイルを添付するか、ログの内容を貼り付けてください。', 'Attach the file in a 1:1 chat, or paste the log text.', lang),
  };
}

export type { RegionInfo };

/** Short title of a finding (the catalogue's explainFinding(f, lang).title once it lands). */
export function findingTopicTitle(finding: Finding, _lang: Lang): string {
  return finding.endpoint ? `${finding.code} (${finding.endpoint})` : finding.code;
}
