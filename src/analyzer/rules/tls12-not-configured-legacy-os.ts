// TLS12_NOT_CONFIGURED_LEGACY_OS: no TLS 1.2 key on Windows older than 2012 R2, where it is not on
// by default. An error on 2008 R2 and older (tls12 "disabled"), a warning on 2012 ("unknown").
import type { Rule } from './rule';

export const tls12NotConfiguredLegacyOs: Rule = {
  code: 'TLS12_NOT_CONFIGURED_LEGACY_OS',
  run: (ctx) => {
    const { tls } = ctx;
    if (!ctx.log.tls.sectionFound || !tls.absent || tls.cut) return [];
    if (tls.osClass !== 'legacy' && tls.osClass !== 'nt62') return [];
    return [
      {
        code: 'TLS12_NOT_CONFIGURED_LEGACY_OS',
        severity: tls.osClass === 'legacy' ? 'error' : 'warning',
        params: { os: ctx.report.source.os ?? '' },
        evidence: ctx.log.tls.evidence.slice(0, 1),
      },
    ];
  },
};
