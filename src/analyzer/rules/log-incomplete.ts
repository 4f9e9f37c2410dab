// LOG_INCOMPLETE (warning): the run was interrupted (no completion line on Windows; the file ends
// inside a check on Linux). Lists the checks that are missing and the last line the log has.
import type { Rule } from './rule';

export const logIncomplete: Rule = {
  code: 'LOG_INCOMPLETE',
  run: (ctx) => {
    const { source } = ctx.report;
    if (source.kind === 'unknown' || source.complete) return [];
    const last = ctx.log.lastLine;
    return [
      {
        code: 'LOG_INCOMPLETE',
        severity: 'warning',
        params: { missing: ctx.report.missingChecks.join(','), lastLine: last?.text ?? '' },
        evidence: last ? [last] : [],
      },
    ];
  },
};
