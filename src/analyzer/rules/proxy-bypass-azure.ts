// PROXY_BYPASS_AZURE (info): a context with a proxy in use lists Azure Backup / Storage hosts in its
// bypass list (ProxyOverride, WinHTTP bypass, no_proxy), so those hosts go direct for it: the
// direct (TCP) result is the relevant one for them. One finding per context.
import type { Finding } from '../report';
import { matchesNoProxy, matchesWindowsBypass } from '../parse/hosts';
import { mergeEvidence } from './proxy-context';
import type { Rule } from './rule';

/** Representative names of the hosts the backup agent talks to. */
const SAMPLE_HOSTS = [
  'pod01-manag1.jpe.backup.windowsazure.com',
  'pod01-rec2.jpe.backup.windowsazure.com',
  'jpewatcab01.blob.core.windows.net',
  'jpewatcab01.queue.core.windows.net',
  'md-c0kzrtq5wb3x.z33.blob.storage.azure.net',
];
const AZURE_SERVICES = new Set(['azure-backup', 'azure-storage', 'file-recovery']);

export const proxyBypassAzure: Rule = {
  code: 'PROXY_BYPASS_AZURE',
  run: (ctx) => {
    const candidates = ctx.report.proxy.contexts.filter((c) => c.found && c.enabled && c.bypass.length > 0);
    if (candidates.length === 0) return [];
    const hosts = [...SAMPLE_HOSTS];
    for (const ep of ctx.report.endpoints) {
      if (hosts.length >= 64) break;
      if (AZURE_SERVICES.has(ep.service) && !hosts.includes(ep.host)) hosts.push(ep.host);
    }
    const out: Finding[] = [];
    for (const c of candidates) {
      const env = c.context === 'env-http' || c.context === 'env-https';
      const match = env ? matchesNoProxy : matchesWindowsBypass;
      const entries = c.bypass.filter((b) => hosts.some((h) => match(b, h)));
      if (entries.length === 0) continue;
      const bypassLines = c.evidence.filter((e) => {
        const l = e.text.toLowerCase();
        return l.includes('override') || l.includes('bypass') || l.includes('no_proxy') || l.includes('バイパス');
      });
      out.push({
        code: 'PROXY_BYPASS_AZURE',
        severity: 'info',
        params: { context: c.context, entries: entries.join(', ') },
        evidence: mergeEvidence([bypassLines.length > 0 ? bypassLines : c.evidence.slice(0, 3)]),
      });
    }
    return out;
  },
};
