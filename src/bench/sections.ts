// The bench sections `npm run bench` runs, in order. To add one (the bot end to end, say), write a
// module exporting a BenchSection and append it here; run-bench prints and records it, and fails
// the run when one of its figures misses a target by 2× or more.
import { analyzerBenchSection } from './analyzer-bench';
import type { BenchSection } from './bench-section';
import { botBenchSection } from './bot-bench';
import { cardBenchSection } from './card-bench';

export const BENCH_SECTIONS: BenchSection[] = [analyzerBenchSection, cardBenchSection, botBenchSection];
