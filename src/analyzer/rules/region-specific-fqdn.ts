// REGION_SPECIFIC_FQDN (info): the script's Azure Backup FQDNs are one region's examples
// (`pod01-manag1.jpe.backup.windowsazure.com`); the vault's region decides the real ones. Raised on
// every Azure Backup log, naming the region(s) seen; on Site Recovery logs when a geo code was seen.
import type { Evidence } from '../report';
import type { Rule } from './rule';

export const regionSpecificFqdn: Rule = {
  code: 'REGION_SPECIFIC_FQDN',
  run: (ctx) => {
    const { kind } = ctx.report.source;
    const backup = kind === 'windows-backup' || kind === 'linux-backup';
    const { geoCodes, displayNames } = ctx.report.region;
    if (!backup && geoCodes.length === 0) return [];
    if (kind === 'unknown') return [];
    const evidence: Evidence[] = [];
    for (const geo of geoCodes) {
      const ep = ctx.report.endpoints.find((e) => e.geo === geo && e.evidence.length > 0);
      const e = ep?.evidence[0];
      if (e && evidence.length < 8) evidence.push(e);
    }
    return [
      {
        code: 'REGION_SPECIFIC_FQDN',
        severity: 'info',
        params: { geoCodes: geoCodes.join(', '), regions: displayNames.join(', ') },
        evidence: evidence.sort((a, b) => a.line - b.line),
      },
    ];
  },
};
