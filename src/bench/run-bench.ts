// `npm run bench` (dist/bench/run-bench.js): runs every section in BENCH_SECTIONS, prints a table,
// writes bench-results/latest.json, and exits 1 when a figure misses its target by 2× or more
// (a figure missed by less is reported but does not fail the run: benches are noisy).
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { type BenchFigure, type BenchSection, type BenchStatus, judgeFigure } from './bench-section';
import { BENCH_SECTIONS } from './sections';

export interface BenchRecord {
  date: string;
  node: string;
  platform: string;
  cpu: string;
  cpus: number;
  ok: boolean;
  sections: { id: string; title: string; figures: (BenchFigure & { status: BenchStatus })[] }[];
}

function formatTarget(f: BenchFigure): string {
  return f.target ? `${f.target.op} ${f.target.value}` : '';
}

export function formatBenchTable(record: BenchRecord): string {
  const rows: string[][] = [['section', 'figure', 'value', 'unit', 'target', 'status', 'note']];
  for (const s of record.sections) {
    for (const f of s.figures) rows.push([s.id, f.label, String(f.value), f.unit, formatTarget(f), f.status, f.note ?? '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

export async function runBench(sections: readonly BenchSection[], now: Date = new Date()): Promise<BenchRecord> {
  const record: BenchRecord = {
    date: now.toISOString(),
    node: process.version,
    platform: `${platform()}-${arch()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    ok: true,
    sections: [],
  };
  for (const section of sections) {
    const figures = (await section.run()).map((f) => ({ ...f, status: judgeFigure(f) }));
    if (figures.some((f) => f.status === 'failed')) record.ok = false;
    record.sections.push({ id: section.id, title: section.title, figures });
  }
  return record;
}

async function main(): Promise<void> {
  const record = await runBench(BENCH_SECTIONS);
  process.stdout.write(`${formatBenchTable(record)}\n`);
  const dir = resolve(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`\nwritten: ${file}\n${record.ok ? 'all targets met (or missed by less than 2×)' : 'FAILED: a target was missed by 2× or more'}\n`);
  process.exitCode = record.ok ? 0 : 1;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
