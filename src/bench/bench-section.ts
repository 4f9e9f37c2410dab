// What a bench section returns, and how a figure is judged against its target. A section is one
// self-contained measurement (the analyzer today; the bot end to end can be added as another).

export interface BenchTarget {
  /** "<=": the value should be at most `value`; ">=": at least */
  op: '<=' | '>=';
  value: number;
}

export interface BenchFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  target?: BenchTarget;
  /** how the figure was obtained (sizes, iterations), shown in the table */
  note?: string;
}

export interface BenchSection {
  id: string;
  title: string;
  run(): Promise<BenchFigure[]>;
}

export type BenchStatus = 'ok' | 'missed' | 'failed' | 'info';

/** ok: target met; missed: off by less than 2×; failed: off by 2× or more; info: no target. */
export function judgeFigure(figure: BenchFigure): BenchStatus {
  const t = figure.target;
  if (!t) return 'info';
  if (t.op === '<=') {
    if (figure.value <= t.value) return 'ok';
    return figure.value > t.value * 2 ? 'failed' : 'missed';
  }
  if (figure.value >= t.value) return 'ok';
  return figure.value < t.value / 2 ? 'failed' : 'missed';
}
