// Helpers for the proxy rules: look up a context, compare servers, merge evidence.
import type { Evidence, ProxyContext, ProxyContextName } from '../report';
import type { RuleContext } from './rule';

export function ctxOf(ctx: RuleContext, name: ProxyContextName): ProxyContext | undefined {
  return ctx.report.proxy.contexts.find((c) => c.context === name);
}

/** `http://10.2.0.16:8080/` and `10.2.0.16:8080` are the same proxy. */
export function normalizeServer(server: string | null): string {
  if (server === null) return '';
  let s = server.trim().toLowerCase();
  const i = s.indexOf('://');
  if (i !== -1) s = s.slice(i + 3);
  while (s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** Evidence lines from several sources, ordered by line, without duplicates, at most `max`. */
export function mergeEvidence(lists: ReadonlyArray<readonly Evidence[]>, max = 8): Evidence[] {
  const seen = new Set<number>();
  const all: Evidence[] = [];
  for (const list of lists) {
    for (const e of list) {
      if (seen.has(e.line)) continue;
      seen.add(e.line);
      all.push(e);
    }
  }
  return all.sort((a, b) => a.line - b.line).slice(0, max);
}
