// PROXY_NOT_SET_FOR_SYSTEM (error / warning): the current user has a proxy enabled but SYSTEM has
// none, so MARS / Azure SQL backup will go direct. An error when a direct TCP test to an Azure
// Backup, Storage or Entra ID host failed (direct is blocked), else a warning. Not raised when
// SYSTEM's settings could not be read (NOT_ELEVATED explains that). A SYSTEM the log shows as "not
// found" has no settings at all, so no proxy either (report-contract: "not found" and "could not be
// read" are two cases).
import type { Evidence } from '../report';
import { ctxOf, mergeEvidence } from './proxy-context';
import { pairsWhere, type Rule } from './rule';

const DIRECT_SERVICES = new Set(['azure-backup', 'azure-storage', 'entra-id']);

export const proxyNotSetForSystem: Rule = {
  code: 'PROXY_NOT_SET_FOR_SYSTEM',
  run: (ctx) => {
    const user = ctxOf(ctx, 'current-user');
    const system = ctxOf(ctx, 'system');
    if (!user || !system || !user.found || !user.enabled || system.enabled) return [];
    if (ctx.log.deniedContexts.includes('system')) return [];
    if (!system.found && !ctx.log.proxy.some((o) => o.context === 'system' && o.notFound && !o.denied)) return [];
    const failed = pairsWhere(ctx, (ep) => DIRECT_SERVICES.has(ep.service) && ep.tcp === 'failed');
    const hosts: string[] = [];
    for (const p of failed) if (!hosts.includes(p.ep.host)) hosts.push(p.ep.host);
    const tcpLines: Evidence[] = [];
    for (const p of failed.slice(0, 2)) {
      const e = p.obs.evidence.find((_x, i) => p.obs.aspects[i] === 'tcp');
      if (e) tcpLines.push(e);
    }
    return [
      {
        code: 'PROXY_NOT_SET_FOR_SYSTEM',
        severity: failed.length > 0 ? 'error' : 'warning',
        params: { userServer: user.server ?? '', failedHosts: hosts.join(', ') },
        evidence: mergeEvidence([system.evidence.slice(0, 3), user.evidence.slice(0, 3), tcpLines]),
      },
    ];
  },
};
