// Exit codes of `nwcheck`, stable for scripts:
//   0  OK              every report's overall is "ok"
//   1  ACTION_REQUIRED at least one report is "action-required"
//   2  INCONCLUSIVE    otherwise, at least one report is "inconclusive"
//   3  UNREADABLE      the input could not be read, or was refused (empty, binary, zip bomb …)
//   64 USAGE           bad command line (as EX_USAGE in sysexits.h)
//   70 INTERNAL        a bug in nwcheck itself (as EX_SOFTWARE); the stack goes to stderr
import type { AnalysisOutcome, Overall } from '../analyzer/report';

export const ExitCode = {
  OK: 0,
  ACTION_REQUIRED: 1,
  INCONCLUSIVE: 2,
  UNREADABLE: 3,
  USAGE: 64,
  INTERNAL: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const FOR_OVERALL: Readonly<Record<Overall, ExitCode>> = {
  ok: ExitCode.OK,
  'action-required': ExitCode.ACTION_REQUIRED,
  inconclusive: ExitCode.INCONCLUSIVE,
};
const RANK: Readonly<Record<Overall, number>> = { ok: 0, inconclusive: 1, 'action-required': 2 };

/** The worst overall across reports decides (action-required > inconclusive > ok). */
export function exitCodeForOutcome(outcome: AnalysisOutcome): ExitCode {
  if (outcome.kind === 'refused') return ExitCode.UNREADABLE;
  let worst: Overall = 'ok';
  for (const r of outcome.reports) if (RANK[r.overall] > RANK[worst]) worst = r.overall;
  return FOR_OVERALL[worst];
}
