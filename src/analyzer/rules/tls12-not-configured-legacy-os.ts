// TLS12_NOT_CONFIGURED_LEGACY_OS: no TLS 1.2 key on Windows older than 2012 R2, where it is not on
// by default. An error on 2008 R2 and older (tls12 "disabled"), a warning on 2012 ("unknown"). A
// TLS 1.2 key for the Server side only counts as none (the agent is a client): `serverOnly` says so.
import { normalizeProtocol } from '../parse/tls-assessment';
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
        params: {
          os: ctx.report.source.os ?? '',
          ...(ctx.log.tls.keys.some((k) => normalizeProtocol(k.protocol) === 'tls1.2' && k.side === 'Server') ? { serverOnly: 'Server' } : {}),
        },
        evidence: ctx.log.tls.evidence.slice(0, 1),
      },
    ];
  },
};
