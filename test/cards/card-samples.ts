// Every card the product shows, built the way the bot builds them, for the template, size and
// rendering tests: per fixture report (summary, each endpoints page, each explanation, the
// unmatched-question card) and the report-free ones (help, each refusal, regions, notice).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRegion, listRegions, requiredEndpointsForRegion, type Report } from '../../src/analyzer';
import { BOT_COMMANDS } from '../../src/bot/commands/command-list';
import {
  buildEndpointsCard,
  buildExplanationCard,
  buildHelpCard,
  buildNoticeCard,
  buildRefusalCard,
  buildRegionCard,
  buildSummaryCard,
  buildUnmatchedQuestionCard,
  pageCount,
  renderTemplate,
  TEMPLATES_DIR,
  type AdaptiveCardJson,
} from '../../src/cards';
import type { Lang } from '../../src/i18n/lang';
import { REFUSAL_KEYS, explainRefusal } from '../../src/i18n/refusals';
import {
  buildEngineerCard,
  buildEscalationFormCard,
  buildEscalationListCard,
  buildRequesterReplyActivity,
  buildRequesterStatusCard,
} from '../../src/escalation/escalation-cards';
import type { EscalationRecord } from '../../src/escalation/escalation';
import { replyToEscalation, resolveEscalation, takeEscalation } from '../../src/escalation/escalation-transitions';
import { ENGINEER_A, newRecord } from '../escalation/support/fixtures';
import { fixtureReports, groupedReport, sampleReport } from './report-factory';

export interface CardSample {
  /** e.g. "summary/win-en-dns-failure.log/ja" */
  id: string;
  template: string;
  lang: Lang;
  card: AdaptiveCardJson;
  /** texts that must be visible when the card renders (failed hosts, finding titles …) */
  required: string[];
  report?: Report;
}

export const REPORT_ID = 'rpt_0123456789abcdef';

/** Cards made from one report (shared by the fixture samples and the synthetic-report tests). */
export function reportCards(name: string, report: Report, lang: Lang, requiredFor: (card: string) => string[] = () => []): CardSample[] {
  const out: CardSample[] = [];
  const opts = { lang, reportId: REPORT_ID };
  out.push({ id: `summary/${name}/${lang}`, template: 'summary', lang, card: buildSummaryCard(report, opts), required: requiredFor('summary'), report });
  const pages = pageCount(report.endpoints.length);
  for (let page = 0; page < Math.min(pages, 3); page++) {
    out.push({ id: `endpoints/${name}/p${page}/${lang}`, template: 'endpoints', lang, card: buildEndpointsCard(report, { ...opts, page }), required: [], report });
  }
  report.findings.slice(0, 30).forEach((f, i) => {
    out.push({ id: `explanation/${name}/${i}-${f.code}/${lang}`, template: 'explanation', lang, card: buildExplanationCard(report, i, opts), required: [], report });
  });
  out.push({
    id: `unmatched/${name}/${lang}`,
    template: 'unmatched',
    lang,
    card: buildUnmatchedQuestionCard({ ...opts, report, question: 'how do I fix the storage one?' }),
    required: [],
    report,
  });
  return out;
}

export async function fixtureCardSamples(langs: readonly Lang[] = ['ja', 'en']): Promise<CardSample[]> {
  const out: CardSample[] = [];
  for (const { name, report } of await fixtureReports()) {
    for (const lang of langs) out.push(...reportCards(name, report, lang));
  }
  return out;
}

export function standaloneCardSamples(langs: readonly Lang[] = ['ja', 'en']): CardSample[] {
  const out: CardSample[] = [];
  for (const lang of langs) {
    out.push({ id: `help/${lang}`, template: 'help', lang, card: buildHelpCard(lang, BOT_COMMANDS), required: [] });
    for (const reason of REFUSAL_KEYS) {
      const explained = explainRefusal({ reason, params: { limit: '20 MB', entries: '100', fileName: 'AzureBackup_Check_NW.log' }, fileName: 'logs.zip' }, lang);
      out.push({ id: `refusal/${reason}/${lang}`, template: 'refusal', lang, card: buildRefusalCard(explained, lang, { fileName: 'logs.zip' }), required: [explained.title] });
    }
    const regions = ['japaneast', 'westeurope', 'usgovvirginia', 'chinanorth'].map((q) => findRegion(q)).filter((r) => r !== undefined);
    if (regions.length === 0 && listRegions()[0]) regions.push(listRegions()[0]!);
    for (const region of regions) {
      const endpoints = requiredEndpointsForRegion(region);
      out.push({ id: `region/${region.id}/${lang}`, template: 'region', lang, card: buildRegionCard(region, endpoints, lang), required: endpoints.slice(0, 5).map((e) => e.host) });
    }
    out.push({ id: `notice/${lang}`, template: 'notice', lang, card: buildNoticeCard(lang === 'ja' ? 'お知らせ' : 'Notice', ['one', 'two'], lang), required: [] });
    out.push({ id: `unmatched/no-report/${lang}`, template: 'unmatched', lang, card: buildUnmatchedQuestionCard({ lang, topics: ['TLS 1.2'] }), required: [] });
    // one problem on several hosts with different error texts, and proxy findings per context
    out.push(...reportCards('grouped', groupedReport(), lang));
  }
  return out.concat(escalationCardSamples(langs), externalTemplateSamples());
}

function advance(record: EscalationRecord, step: (r: EscalationRecord) => ReturnType<typeof takeEscalation>): EscalationRecord {
  const result = step(record);
  if (!result.ok) throw new Error(`escalation sample could not advance: ${JSON.stringify(result).slice(0, 200)}`);
  return result.record;
}

/** The escalation feature's cards (its templates live in cards/ too), built with its builders. */
export function escalationCardSamples(langs: readonly Lang[] = ['ja', 'en']): CardSample[] {
  const out: CardSample[] = [];
  const now = Date.UTC(2026, 0, 5, 9, 0, 0);
  const opts = { now, webhook: false };
  const report = sampleReport();
  for (const lang of langs) {
    const open = newRecord(now, false, { lang, target: { ...newRecord().target, lang } });
    const taken = advance(open, (r) => takeEscalation(r, ENGINEER_A, { ...opts, now: now + 60_000 }));
    const replied = advance(taken, (r) => replyToEscalation(r, ENGINEER_A, 'プロキシのバイパス リストをご確認ください / check the bypass list', { ...opts, now: now + 120_000 }));
    const resolved = advance(replied, (r) => resolveEscalation(r, ENGINEER_A, 'Resolved: storage reachable now', { ...opts, now: now + 180_000 }));
    const add = (id: string, template: string, card: unknown): void => {
      out.push({ id: `${id}/${lang}`, template, lang, card: card as AdaptiveCardJson, required: [] });
    };
    add('escalation-form', 'escalation-form', buildEscalationFormCard({ lang, reportId: REPORT_ID, fileName: 'AzureBackup_Check_NW.log' }));
    add('escalation-status/open', 'escalation-status', buildRequesterStatusCard(open));
    add('escalation-status/resolved', 'escalation-status', buildRequesterStatusCard(resolved));
    const lastEntry = resolved.history[resolved.history.length - 1];
    if (lastEntry) add('escalation-reply', 'escalation-reply', buildRequesterReplyActivity(resolved, lastEntry).attachments?.[0]?.content);
    add('escalation-engineer/open', 'escalation-engineer', buildEngineerCard(open, report));
    add('escalation-engineer/taken', 'escalation-engineer', buildEngineerCard(taken, report));
    add('escalation-engineer/no-report', 'escalation-engineer', buildEngineerCard(resolved, undefined));
    add('escalation-list', 'escalation-list', buildEscalationListCard([open, taken], lang, now + 3_600_000));
  }
  return out;
}

/**
 * Templates other features add to cards/ (escalation cards …) are rendered from sample data in
 * cards/samples/<template>.json: `{ "data": {...} }` or `[{ "name": "...", "data": {...} }]`.
 */
export const SAMPLES_DIR = join(TEMPLATES_DIR, 'samples');

export function externalTemplateSamples(): CardSample[] {
  if (!existsSync(SAMPLES_DIR)) return [];
  const out: CardSample[] = [];
  for (const file of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const template = file.slice(0, -'.json'.length);
    const parsed = JSON.parse(readFileSync(join(SAMPLES_DIR, file), 'utf8')) as unknown;
    const entries = (Array.isArray(parsed) ? parsed : [parsed]) as { name?: string; data: Record<string, unknown>; required?: string[] }[];
    entries.forEach((entry, i) => {
      const lang: Lang = entry.data.lang === 'ja' ? 'ja' : 'en';
      out.push({ id: `${template}/${entry.name ?? i}`, template, lang, card: renderTemplate(template, entry.data), required: entry.required ?? [] });
    });
  }
  return out;
}
