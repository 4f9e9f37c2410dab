// An analysis outcome made ready to answer with: each report serialised (what the store writes)
// under a fresh id, and its summary card built with that id. Pure apart from the random ids, so
// it runs in the analysis worker (src/bot/analysis-worker/worker-entry.ts) and the main thread
// only stores a string and sends a card; without the worker (tests, in-process analysis) the
// same function runs on the main thread.
import type { AnalysisOutcome, Refusal, Report } from '../../analyzer';
import { buildSummaryCard, buildSummaryCardWire } from '../../cards/summary-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import type { Lang } from '../../i18n/lang';
import { newReportId, ReportJson } from '../../storage/report-json';

/** What the answer needs of a report's source (the file label). */
export type ReportSourceLabel = Pick<Report['source'], 'fileName' | 'archive' | 'archiveEntry'>;

export interface PreparedReport {
  report: ReportJson;
  /** the summary card, its buttons carrying report.id */
  card: AdaptiveCardJson;
  source: ReportSourceLabel;
}

export type PreparedOutcome = { kind: 'refused'; refusal: Refusal } | { kind: 'reports'; reports: PreparedReport[] };

/** The same across a worker boundary (structured clone keeps no classes; strings copy cheaply). */
export interface WirePreparedReport {
  id: string;
  json: string;
  cardJson?: string;
  source: ReportSourceLabel;
}

export type WirePreparedOutcome = { kind: 'refused'; refusal: Refusal } | { kind: 'reports'; reports: WirePreparedReport[] };

function labelOf(report: Report): ReportSourceLabel {
  const s = report.source;
  const label: ReportSourceLabel = {};
  if (s.fileName !== undefined) label.fileName = s.fileName;
  if (s.archive !== undefined) label.archive = s.archive;
  if (s.archiveEntry !== undefined) label.archiveEntry = s.archiveEntry;
  return label;
}

/** On the main thread: card errors propagate as they would from buildSummaryCard. */
export function prepareOutcome(outcome: AnalysisOutcome, lang: Lang): PreparedOutcome {
  if (outcome.kind === 'refused') return outcome;
  return {
    kind: 'reports',
    reports: outcome.reports.map((report) => {
      const body = new ReportJson(newReportId(), JSON.stringify(report));
      return { report: body, card: buildSummaryCard(report, { lang, reportId: body.id }), source: labelOf(report) };
    }),
  };
}

/** In the worker: a card that cannot be built is left out (the main thread retries and reports it). */
export function prepareWireOutcome(outcome: AnalysisOutcome, lang: Lang): WirePreparedOutcome {
  if (outcome.kind === 'refused') return outcome;
  return {
    kind: 'reports',
    reports: outcome.reports.map((report) => {
      const wire: WirePreparedReport = { id: newReportId(), json: JSON.stringify(report), source: labelOf(report) };
      try {
        // the JSON the size check made: stringified once
        wire.cardJson = buildSummaryCardWire(report, { lang, reportId: wire.id }).json;
      } catch {
        // left to the main thread, where the error is logged with the job
      }
      return wire;
    }),
  };
}

/** Back on the main thread; a card the worker could not build is built (and fails) here. */
export function fromWire(wire: WirePreparedOutcome, lang: Lang): PreparedOutcome {
  if (wire.kind === 'refused') return wire;
  return {
    kind: 'reports',
    reports: wire.reports.map((w) => {
      const report = new ReportJson(w.id, w.json);
      const card = w.cardJson !== undefined ? (JSON.parse(w.cardJson) as AdaptiveCardJson) : buildSummaryCard(report.report, { lang, reportId: w.id });
      return { report, card, source: w.source };
    }),
  };
}
