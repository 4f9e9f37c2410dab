// The conformance tool's subset semantics (../shared/tools/conformance), so the suite proves
// conformance on a fresh clone without the CLI: every field the expected file names must be present
// with that value; endpoints matched by host + port, proxy contexts by name; `codes` must appear,
// `absentCodes` must not.
import type { Report } from '../../../src/analyzer/report';

function subsetErrors(expected: unknown, actual: unknown, where: string): string[] {
  if (expected === null || typeof expected !== 'object') {
    return expected === actual ? [] : [`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${where}: expected an array, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => subsetErrors(e, actual[i], `${where}[${i}]`));
  }
  if (actual === null || typeof actual !== 'object') return [`${where}: expected an object, got ${JSON.stringify(actual)}`];
  return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) => subsetErrors(v, (actual as Record<string, unknown>)[k], `${where}.${k}`));
}

interface Expected {
  endpoints?: Array<{ host: string; port?: number }>;
  proxyContexts?: Array<{ context: string }>;
  codes?: string[];
  absentCodes?: string[];
  [k: string]: unknown;
}

export function conformanceErrors(expected: Expected, report: Report): string[] {
  const { endpoints, proxyContexts, codes, absentCodes, ...rest } = expected;
  const errs = subsetErrors(rest, report, 'report');
  for (const e of endpoints ?? []) {
    const match = report.endpoints.find((g) => g.host === e.host && (e.port === undefined || g.port === e.port));
    if (!match) errs.push(`endpoint ${e.host}:${e.port} missing`);
    else errs.push(...subsetErrors(e, match, `endpoint ${e.host}:${e.port}`));
  }
  for (const c of proxyContexts ?? []) {
    const match = report.proxy.contexts.find((g) => g.context === c.context);
    if (!match) errs.push(`proxy context ${c.context} missing`);
    else errs.push(...subsetErrors(c, match, `proxy context ${c.context}`));
  }
  const found = new Set(report.findings.map((f) => f.code));
  for (const c of codes ?? []) if (!found.has(c as never)) errs.push(`finding ${c} missing (got ${[...found].join(', ') || 'none'})`);
  for (const c of absentCodes ?? []) if (found.has(c as never)) errs.push(`finding ${c} must not appear`);
  return errs;
}
