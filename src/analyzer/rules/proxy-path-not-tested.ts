// PROXY_PATH_NOT_TESTED (warning): SYSTEM (MARS / Azure SQL) or the workload-backup plugin has a
// proxy enabled that differs from the current user's, so the web requests (run as the user) did not
// test the path the backup agent will take. One finding per such context.
import type { Finding } from '../report';
import { ctxOf, mergeEvidence, normalizeServer } from './proxy-context';
import type { Rule } from './rule';

export const proxyPathNotTested: Rule = {
  code: 'PROXY_PATH_NOT_TESTED',
  run: (ctx) => {
    const user = ctxOf(ctx, 'current-user');
    if (!user) return [];
    const userServer = user.found && user.enabled ? (user.server ?? '') : '';
    const out: Finding[] = [];
    for (const name of ['system', 'workload-plugin'] as const) {
      const c = ctxOf(ctx, name);
      if (!c || !c.found || !c.enabled) continue;
      if (userServer !== '' && normalizeServer(c.server) === normalizeServer(userServer)) continue;
      out.push({
        code: 'PROXY_PATH_NOT_TESTED',
        severity: 'warning',
        params: { context: name, server: c.server ?? '', userServer },
        evidence: mergeEvidence([c.evidence.slice(0, 4), user.evidence.slice(0, 3)]),
      });
    }
    return out;
  },
};
