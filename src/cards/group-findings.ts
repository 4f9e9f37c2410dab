// Findings as the cards show them: one row per problem (same code, same severity) with every
// endpoint or proxy context it affects. The report has one finding per (code, endpoint), so
// three failing Entra ID hosts are three TCP_CONNECT_FAILED findings; support staff want to see
// that problem once, with its three hosts under it.
import type { Finding, FindingCode, Severity } from '../analyzer/report';
import type { Lang } from '../i18n/lang';
import { contextName, splitIds } from '../i18n/terms';
import { cardLine } from './card-text';
import { endpointTarget } from './describe-endpoint';

export interface FindingGroup {
  code: FindingCode;
  severity: Severity;
  /** indices into report.findings, in report order; an Explain button carries the first */
  indices: number[];
}

function sameGroup(a: Finding | undefined, b: Finding | undefined): boolean {
  return a !== undefined && b !== undefined && a.code === b.code && a.severity === b.severity;
}

/** Groups in the order of their first finding (one pass; fine for a million findings). */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const bySeverity = new Map<string, Map<string, FindingGroup>>();
  const out: FindingGroup[] = [];
  findings.forEach((f, i) => {
    if (!f) return;
    let byCode = bySeverity.get(f.severity);
    if (!byCode) {
      byCode = new Map();
      bySeverity.set(f.severity, byCode);
    }
    const group = byCode.get(f.code);
    if (group) group.indices.push(i);
    else {
      const created: FindingGroup = { code: f.code, severity: f.severity, indices: [i] };
      byCode.set(f.code, created);
      out.push(created);
    }
  });
  return out;
}

/**
 * The group of `findings[index]` as indices: that finding first (it leads the explanation, so a
 * follow-up about one host shows that host first), then the rest of its group in report order.
 * [] when there is no such finding.
 */
export function findingGroupAt(findings: readonly Finding[], index: number): number[] {
  const lead = Number.isInteger(index) ? findings[index] : undefined;
  if (!lead) return [];
  const out = [index];
  findings.forEach((f, i) => {
    if (i !== index && sameGroup(f, lead)) out.push(i);
  });
  return out;
}

/**
 * Keeps the first of `indices` for each group, in order: answers that explain several findings
 * explain each problem once (its card lists every endpoint it affects).
 */
export function firstOfEachGroup(findings: readonly Finding[], indices: readonly number[]): number[] {
  const out: number[] = [];
  for (const i of indices) {
    const f = findings[i];
    if (f && !out.some((j) => sameGroup(findings[j], f))) out.push(i);
  }
  return out;
}

export interface FindingSubject {
  /** what makes two subjects the same (host and port, or a context id) */
  key: string;
  /** "host:port" or the proxy context's name, cut for a card */
  text: string;
  font: 'Default' | 'Monospace';
}

export const MAX_SUBJECT_CHARS = 160;

/** What one finding is about: its endpoint, or the proxy context(s) its params name. */
export function findingSubjects(f: Finding, lang: Lang): FindingSubject[] {
  if (typeof f.endpoint === 'string' && f.endpoint !== '') {
    const port = Number.isInteger(f.port) ? String(f.port) : '';
    return [{ key: `e\u0000${f.endpoint.toLowerCase()}\u0000${port}`, text: endpointTarget({ host: f.endpoint, port: f.port as number }), font: 'Monospace' }];
  }
  const ids = [...splitIds(f.params?.context), ...splitIds(f.params?.contexts)];
  return ids.map((id) => ({ key: `c\u0000${id}`, text: cardLine(contextName(id, lang), MAX_SUBJECT_CHARS), font: 'Default' as const }));
}

/**
 * The distinct subjects of a group's findings: the first `cap` of them, and how many distinct
 * ones there are in all (for "and N more"). Walks every member once, building text only for the
 * ones shown.
 */
export function groupSubjects(
  findings: readonly Finding[],
  indices: readonly number[],
  lang: Lang,
  cap: number,
): { shown: FindingSubject[]; total: number } {
  const seen = new Set<string>();
  const shown: FindingSubject[] = [];
  for (const i of indices) {
    const f = findings[i];
    if (!f) continue;
    for (const subject of findingSubjects(f, lang)) {
      if (seen.has(subject.key)) continue;
      seen.add(subject.key);
      if (shown.length < cap) shown.push(subject);
    }
  }
  return { shown, total: seen.size };
}
