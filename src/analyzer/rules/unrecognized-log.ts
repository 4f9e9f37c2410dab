// UNRECOGNIZED_LOG (error): the file is not one of the supported network-check logs. The overall
// verdict stays "inconclusive" (we cannot say anything about the network).
import type { Rule } from './rule';

export const unrecognizedLog: Rule = {
  code: 'UNRECOGNIZED_LOG',
  run: (ctx) => {
    if (ctx.report.source.kind !== 'unknown') return [];
    const first = ctx.log.firstLine;
    return [{ code: 'UNRECOGNIZED_LOG', severity: 'error', params: {}, evidence: first ? [first] : [] }];
  },
};
