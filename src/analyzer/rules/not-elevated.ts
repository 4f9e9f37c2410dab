// NOT_ELEVATED (warning): access-denied errors show the script did not run as administrator, so
// some settings (typically SYSTEM's proxy) could not be read.
import type { Rule } from './rule';

export const notElevated: Rule = {
  code: 'NOT_ELEVATED',
  run: (ctx) => {
    const denied = ctx.log.accessDenied;
    if (denied.length === 0 || ctx.report.source.kind === 'unknown') return [];
    return [
      {
        code: 'NOT_ELEVATED',
        severity: 'warning',
        params: { contexts: ctx.log.deniedContexts.join(', ') },
        evidence: denied.slice(0, 8),
      },
    ];
  },
};
