// TCP_TEST_BYPASSES_PROXY (info): a proxy is in use, so the direct TCP tests say nothing about
// the proxy path (True does not prove it works, False does not prove it is blocked). Once per log.
import type { Finding, ProxyContextName } from '../report';
import { mergeEvidence } from './proxy-context';
import type { Rule } from './rule';

/** Whose proxy to name first: the one the web requests used, then the backup agent's. */
const PREFERENCE: readonly ProxyContextName[] = ['current-user', 'env-https', 'env-http', 'system', 'workload-plugin', 'asr-config', 'winhttp'];

export const tcpTestBypassesProxy: Rule = {
  code: 'TCP_TEST_BYPASSES_PROXY',
  run: (ctx) => {
    const enabled = ctx.report.proxy.contexts.filter((c) => c.found && c.enabled);
    if (enabled.length === 0) return [];
    if (!ctx.report.endpoints.some((e) => e.tcp !== 'not-tested')) return [];
    const first = [...enabled].sort((a, b) => PREFERENCE.indexOf(a.context) - PREFERENCE.indexOf(b.context))[0];
    const finding: Finding = {
      code: 'TCP_TEST_BYPASSES_PROXY',
      severity: 'info',
      params: { contexts: enabled.map((c) => c.context).join(', '), server: first?.server ?? '' },
      evidence: mergeEvidence(enabled.map((c) => c.evidence.slice(0, 3))),
    };
    return [finding];
  },
};
