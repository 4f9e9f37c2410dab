// PROXY_PATH_NOT_TESTED (warning): SYSTEM (MARS / Azure SQL) or the workload-backup plugin has a
// proxy enabled that differs from the current user's, so the web requests (run as the user) did not
// test the path the backup agent will take. One finding per such context. The same server with a
// bypass list that routes a checked host the other way (direct for one, through the proxy for the
// other) is a different path too (log-formats.md, rules 3 and 4): `bypassHosts` names those hosts.
import type { Finding, ProxyContext, Report } from '../report';
import { matchesWindowsBypass } from '../parse/hosts';
import { ctxOf, mergeEvidence, normalizeServer } from './proxy-context';
import type { Rule, RuleContext } from './rule';

const MAX_HOSTS = 8;

/**
 * Checked hosts (HTTPS ports: 3260 never uses a proxy) that the user's and the agent's bypass lists
 * route differently, and among them those the agent reaches directly while the log's direct (TCP)
 * test to them failed.
 */
function routedDifferently(report: Pick<Report, 'endpoints'>, user: ProxyContext, agent: ProxyContext): { hosts: string[]; directFailed: string[] } {
  const hosts: string[] = [];
  const directFailed: string[] = [];
  if (user.bypass.length === 0 && agent.bypass.length === 0) return { hosts, directFailed };
  for (const ep of report.endpoints) {
    if (ep.port === 3260 || hosts.includes(ep.host) || hosts.length === MAX_HOSTS) continue;
    const userDirect = user.bypass.some((entry) => matchesWindowsBypass(entry, ep.host));
    const agentDirect = agent.bypass.some((entry) => matchesWindowsBypass(entry, ep.host));
    if (userDirect === agentDirect) continue;
    hosts.push(ep.host);
    if (agentDirect && ep.tcp === 'failed') directFailed.push(ep.host);
  }
  return { hosts, directFailed };
}

const DIRECT_SERVICES = new Set(['azure-backup', 'azure-storage', 'entra-id']);

function agentGoesDirect(ctx: RuleContext, agent: ProxyContext, userServer: string, user: ProxyContext): Finding {
  const failed: string[] = [];
  for (const ep of ctx.report.endpoints) {
    if (DIRECT_SERVICES.has(ep.service) && ep.tcp === 'failed' && !failed.includes(ep.host) && failed.length < MAX_HOSTS) failed.push(ep.host);
  }
  return {
    code: 'PROXY_PATH_NOT_TESTED',
    severity: 'warning',
    params: { context: agent.context, server: '', userServer, ...(failed.length > 0 ? { directFailedHosts: failed.join(', ') } : {}) },
    evidence: mergeEvidence([agent.evidence.slice(0, 4), user.evidence.slice(0, 3)]),
  };
}

export const proxyPathNotTested: Rule = {
  code: 'PROXY_PATH_NOT_TESTED',
  run: (ctx) => {
    const user = ctxOf(ctx, 'current-user');
    if (!user) return [];
    const userServer = user.found && user.enabled ? (user.server ?? '') : '';
    const out: Finding[] = [];
    for (const name of ['system', 'workload-plugin'] as const) {
      const c = ctxOf(ctx, name);
      if (!c || !c.found) continue;
      if (!c.enabled) {
        // the plugin shown with blank settings while the user has a proxy: workload backup goes direct
        // and the web requests did not test that (SYSTEM's case is PROXY_NOT_SET_FOR_SYSTEM)
        if (name === 'workload-plugin' && userServer !== '') out.push(agentGoesDirect(ctx, c, userServer, user));
        continue;
      }
      let bypass: string[] = [];
      let directFailed: string[] = [];
      if (userServer !== '' && normalizeServer(c.server) === normalizeServer(userServer)) {
        ({ hosts: bypass, directFailed } = routedDifferently(ctx.report, user, c));
        if (bypass.length === 0) continue;
      }
      out.push({
        code: 'PROXY_PATH_NOT_TESTED',
        severity: 'warning',
        params: {
          context: name, server: c.server ?? '', userServer,
          ...(bypass.length > 0 ? { bypassHosts: bypass.join(', ') } : {}),
          ...(directFailed.length > 0 ? { directFailedHosts: directFailed.join(', ') } : {}),
        },
        evidence: mergeEvidence([c.evidence.slice(0, 4), user.evidence.slice(0, 3)]),
      });
    }
    return out;
  },
};
