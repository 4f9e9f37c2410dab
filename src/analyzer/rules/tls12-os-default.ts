// TLS12_OS_DEFAULT (info): no TLS 1.2 key, and Windows Server 2012 R2 or later enables TLS 1.2 by
// default: nothing to do.
import type { Rule } from './rule';

export const tls12OsDefault: Rule = {
  code: 'TLS12_OS_DEFAULT',
  run: (ctx) => {
    if (ctx.report.tls.tls12 !== 'os-default') return [];
    return [
      {
        code: 'TLS12_OS_DEFAULT',
        severity: 'info',
        params: { os: ctx.report.source.os ?? '' },
        evidence: ctx.log.tls.evidence.slice(0, 1),
      },
    ];
  },
};
