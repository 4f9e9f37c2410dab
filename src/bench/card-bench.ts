// Card bench: what building the summary card costs on its own (no bot, no HTTP), for the largest
// fixture log in test/fixtures/logs: median and p99 of buildSummaryCard in English and Japanese,
// the first build in the process (template read + prepare, cold code), and the split between
// building the data (catalogue texts, zod-checked button data) and expanding the template
// (adaptivecards-templating + the injection shield + the leftover check).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeBytes, type Report } from '../analyzer';
import { buildSummaryCard, cardBytes, renderTemplate, summaryCardData } from '../cards';
import type { Lang } from '../i18n/lang';
import type { BenchFigure, BenchSection } from './bench-section';
import { percentile } from './bench-harness/stats';

export const FIXTURES_DIR = resolve(__dirname, '..', '..', 'test', 'fixtures', 'logs');
/** looks like a stored report id (base64url, 24 chars): buttons carry it */
const REPORT_ID = 'bEnCh-RePoRt-0123456789_';

export interface CardBenchOptions {
  iterations?: number;
  warmup?: number;
  fixturesDir?: string;
}

export interface Timings {
  medianMs: number;
  p99Ms: number;
}

export interface CardBenchResult {
  fixture: string;
  fixtureBytes: number;
  endpoints: number;
  findings: number;
  cardBytes: number;
  iterations: number;
  firstBuildMs: number;
  build: Record<Lang, Timings>;
  dataOnly: Timings;
  expandOnly: Timings;
}

/** The largest log in the folder (by bytes), leaving out the expected-report files. */
export function largestFixture(dir: string): string {
  const logs = readdirSync(dir)
    .filter((f) => !f.endsWith('.json'))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size || a.f.localeCompare(b.f));
  if (!logs[0]) throw new Error(`no fixture logs in ${dir}`);
  return logs[0].f;
}

function time(iterations: number, fn: () => unknown): Timings {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 50), p99Ms: percentile(times, 99) };
}

export async function measureCards(options: CardBenchOptions = {}): Promise<CardBenchResult> {
  const dir = options.fixturesDir ?? FIXTURES_DIR;
  const fixture = largestFixture(dir);
  const bytes = readFileSync(join(dir, fixture));
  const outcome = await analyzeBytes(new Uint8Array(bytes), { fileName: fixture });
  if (outcome.kind !== 'reports' || !outcome.reports[0]) throw new Error(`${fixture} did not analyze to a report`);
  const report: Report = outcome.reports[0];
  const iterations = options.iterations ?? 2000;
  const warmup = options.warmup ?? 200;

  const t0 = performance.now();
  const card = buildSummaryCard(report, { lang: 'en', reportId: REPORT_ID });
  const firstBuildMs = performance.now() - t0;
  for (let i = 0; i < warmup; i++) {
    buildSummaryCard(report, { lang: 'en', reportId: REPORT_ID });
    buildSummaryCard(report, { lang: 'ja', reportId: REPORT_ID });
  }
  const build = {
    en: time(iterations, () => buildSummaryCard(report, { lang: 'en', reportId: REPORT_ID })),
    ja: time(iterations, () => buildSummaryCard(report, { lang: 'ja', reportId: REPORT_ID })),
  };
  const data = summaryCardData(report, { lang: 'en', reportId: REPORT_ID });
  return {
    fixture,
    fixtureBytes: bytes.length,
    endpoints: report.endpoints.length,
    findings: report.findings.length,
    cardBytes: cardBytes(card),
    iterations,
    firstBuildMs,
    build,
    dataOnly: time(iterations, () => summaryCardData(report, { lang: 'en', reportId: REPORT_ID })),
    expandOnly: time(iterations, () => renderTemplate('summary', data)),
  };
}

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function cardFigures(r: CardBenchResult): BenchFigure[] {
  const what = `${r.fixture} (${Math.round(r.fixtureBytes / 1024)} KB, ${r.endpoints} endpoints, ${r.findings} findings)`;
  const n = `of ${r.iterations}`;
  return [
    { id: 'summary-en-median-ms', label: 'summary card, en: median', value: round(r.build.en.medianMs), unit: 'ms', note: `${what}, median ${n}` },
    { id: 'summary-en-p99-ms', label: 'summary card, en: p99', value: round(r.build.en.p99Ms), unit: 'ms', note: `p99 ${n}` },
    { id: 'summary-ja-median-ms', label: 'summary card, ja: median', value: round(r.build.ja.medianMs), unit: 'ms' },
    { id: 'summary-ja-p99-ms', label: 'summary card, ja: p99', value: round(r.build.ja.p99Ms), unit: 'ms' },
    { id: 'summary-first-ms', label: 'summary card, first build in the process', value: round(r.firstBuildMs, 1), unit: 'ms', note: 'template read + prepare, cold code' },
    { id: 'summary-data-median-ms', label: 'of which: card data (texts, button data)', value: round(r.dataOnly.medianMs), unit: 'ms', note: 'summaryCardData, median' },
    { id: 'summary-expand-median-ms', label: 'of which: template expansion', value: round(r.expandOnly.medianMs), unit: 'ms', note: 'renderTemplate, median' },
    { id: 'summary-card-bytes', label: 'summary card size', value: r.cardBytes, unit: 'B', note: 'UTF-8 JSON, en' },
  ];
}

export function makeCardBenchSection(options: CardBenchOptions = {}): BenchSection {
  return { id: 'cards', title: 'Card rendering (summary card, largest fixture)', run: async () => cardFigures(await measureCards(options)) };
}

export const cardBenchSection: BenchSection = makeCardBenchSection();

if (require.main === module) {
  measureCards().then(
    (r) => {
      for (const f of cardFigures(r)) process.stdout.write(`${f.id.padEnd(28)} ${String(f.value).padStart(9)} ${f.unit.padEnd(3)} ${f.note ?? ''}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`card bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
