// Report → the plain text an engineer pastes into a support ticket: the verdict first, then where
// the log came from, what failed and why, every endpoint, proxy per context, TLS 1.2, and each
// finding with its explanation and the log lines it rests on. Columns are aligned for monospace
// fonts, Japanese full-width characters included. No colour, no terminal escapes; text taken from
// the log has its control characters replaced so it cannot move the cursor or clear the screen.
import type { Endpoint, Finding, Report, Severity } from '../analyzer/report';
import type { RegionEntry, RequiredEndpoint } from '../analyzer/region/regions';
import { groupFindings } from '../cards/group-findings';
import { explainFindingGroup, findingTitle } from '../i18n/findings';
import { t, type Lang } from '../i18n/lang';
import {
  checkName,
  contextName,
  dnsStateLabel,
  encodingLabel,
  httpStateLabel,
  logKindLabel,
  overallLabel,
  overallSummary,
  serviceName,
  severityLabel,
  tcpStateLabel,
  tlsStateLabel,
  verdictLabel,
} from '../i18n/terms';
import { alignColumns, displayWidth, padDisplay } from './display-width';
import { CLI_MESSAGES as M } from './messages';

/** The endpoints a vault region needs, as `--region` and `nwcheck region` show them. */
export interface RegionEndpoints {
  region: { id: string; displayName: string; geo: string };
  endpoints: RequiredEndpoint[];
}

export function regionEndpointsFor(region: RegionEntry, endpoints: RequiredEndpoint[]): RegionEndpoints {
  return { region: { id: region.id, displayName: region.displayName, geo: region.geo }, endpoints };
}

const INDENT = '  ';
const MAX_EVIDENCE_LINES = 12;
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Text from the log, made safe for a terminal: C0/C1 controls and DEL become U+FFFD. */
export function clean(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      out += text.slice(from, i) + (c === 0x09 ? ' ' : '\uFFFD');
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

function heading(title: string): string[] {
  return ['', title, '-'.repeat(Math.max(4, displayWidth(title)))];
}

function lineList(lines: readonly number[]): string {
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  const shown = unique.slice(0, MAX_EVIDENCE_LINES).join(', ');
  return unique.length > MAX_EVIDENCE_LINES ? `${shown}, …` : shown;
}

function endpointName(e: { host: string; port: number }): string {
  return `${clean(e.host)}:${e.port}`;
}

function findingsFor(report: Report, e: Endpoint): Finding[] {
  return report.findings.filter((f) => f.endpoint === e.host && (f.port === undefined || f.port === e.port));
}

function sourceLines(report: Report, lang: Lang): string[] {
  const s = report.source;
  const rows: string[][] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') rows.push([t(M[label as keyof typeof M], lang), clean(value)]);
  };
  add('file', s.fileName);
  add('kind', logKindLabel(s.kind, lang));
  add('host', s.host);
  add('os', s.os ?? s.osVersion);
  add('started', s.startedAt);
  add('scriptVersion', s.scriptVersion);
  add('encoding', encodingLabel(s.encoding, lang));
  if (s.archive !== undefined || s.archiveEntry !== undefined) {
    add('archive', [s.archive, s.archiveEntry].filter((v) => v !== undefined && v !== '').join(' › '));
  }
  add('complete', t(s.complete ? M.completeYes : M.completeNo, lang));
  if (report.missingChecks.length > 0) {
    add('missingChecks', report.missingChecks.map((c) => checkName(c, lang)).join(lang === 'ja' ? '、' : ', '));
  }
  return [...heading(t(M.sectionSource, lang)), ...alignColumns(rows, INDENT)];
}

function regionLines(report: Report, lang: Lang): string[] {
  const r = report.region;
  const out = heading(t(M.sectionRegions, lang));
  if (r.geoCodes.length === 0) return [...out, INDENT + t(M.noRegions, lang)];
  const rows = r.geoCodes.map((code, i) => {
    const id = r.regions[i];
    const name = r.displayNames[i];
    return [clean(code), name !== undefined ? `${clean(name)}${id !== undefined ? ` (${clean(id)})` : ''}` : clean(id ?? '')];
  });
  return [...out, ...alignColumns(rows, INDENT)];
}

function causeOf(report: Report, e: Endpoint, lang: Lang): string {
  const errors = findingsFor(report, e).filter((f) => f.severity !== 'info');
  if (errors.length > 0) return errors.map((f) => findingTitle(f, lang)).join(' / ');
  return httpStateLabel(e.http, lang);
}

function problemEndpointLines(report: Report, lang: Lang): string[] {
  const failed = report.endpoints.filter((e) => e.verdict === 'failed');
  const inconclusive = report.endpoints.filter((e) => e.verdict === 'inconclusive');
  const out = heading(t(M.sectionFailed, lang, { count: failed.length }));
  if (failed.length === 0) out.push(INDENT + t(M.noFailed, lang));
  const describe = (e: Endpoint): string[] => {
    const lines = [`${INDENT}${endpointName(e)}  ${serviceName(e.service, lang)}: ${clean(causeOf(report, e, lang))}`];
    const detail = e.httpDetail !== undefined && e.httpDetail !== '' ? clean(e.httpDetail) : undefined;
    const evidence = e.evidence.map((ev) => ev.line);
    const tail = [detail, evidence.length > 0 ? t(M.evidenceLines, lang, { lines: lineList(evidence) }) : undefined]
      .filter((v) => v !== undefined)
      .join('  ');
    if (tail !== '') lines.push(`${INDENT}${INDENT}${tail}`);
    return lines;
  };
  for (const e of failed) out.push(...describe(e));
  if (inconclusive.length > 0) {
    out.push(...heading(t(M.sectionInconclusive, lang, { count: inconclusive.length })));
    for (const e of inconclusive) out.push(...describe(e));
  }
  return out;
}

function endpointTableLines(report: Report, lang: Lang): string[] {
  const out = heading(t(M.sectionEndpoints, lang, { count: report.endpoints.length }));
  if (report.endpoints.length === 0) return [...out, INDENT + t(M.noEndpoints, lang)];
  const rows = [
    [M.colHost, M.colPort, M.colService, M.colDns, M.colTcp, M.colHttp, M.colVerdict, M.colLine].map((m) => t(m, lang)),
    ...report.endpoints.map((e) => [
      clean(e.host),
      String(e.port),
      serviceName(e.service, lang),
      dnsStateLabel(e.dns, lang),
      tcpStateLabel(e.tcp, lang),
      httpStateLabel(e.http, lang),
      verdictLabel(e.verdict, lang),
      e.evidence[0] !== undefined ? String(e.evidence[0].line) : '',
    ]),
  ];
  return [...out, ...alignColumns(rows, INDENT)];
}

function proxyLines(report: Report, lang: Lang): string[] {
  const out = heading(t(M.sectionProxy, lang));
  if (report.proxy.contexts.length === 0) return [...out, INDENT + t(M.noProxySection, lang)];
  const dash = t(M.none, lang);
  const rows = [
    [M.colContext, M.colInUse, M.colServer, M.colBypass].map((m) => t(m, lang)),
    ...report.proxy.contexts.map((c) => [
      contextName(c.context, lang),
      t(!c.found ? M.notFound : c.enabled ? M.yes : M.no, lang),
      c.server !== null && c.server !== '' ? clean(c.server) : dash,
      c.bypass.length > 0 ? clean(c.bypass.join(';')) : dash,
    ]),
  ];
  return [...out, ...alignColumns(rows, INDENT)];
}

function tlsLines(report: Report, lang: Lang): string[] {
  const out = ['', `${t(M.sectionTls, lang)}: ${tlsStateLabel(report.tls.tls12, lang)}`];
  const unset = '-';
  for (const k of report.tls.keys) {
    out.push(
      INDENT +
        t(M.tlsKey, lang, {
          protocol: clean(k.protocol),
          side: k.side,
          enabled: k.enabled === undefined ? unset : String(k.enabled),
          disabledByDefault: k.disabledByDefault === undefined ? unset : String(k.disabledByDefault),
          line: k.line,
        }),
    );
  }
  return out;
}

/**
 * One entry per problem (same code and severity), as the cards show it: the report has one
 * finding per (code, endpoint), and three failing hosts read better as one problem naming three
 * hosts than as three copies of the same explanation.
 */
function findingLines(report: Report, lang: Lang): string[] {
  const groups = groupFindings(report.findings)
    .map((g, order) => ({ g, order }))
    .sort((a, b) => SEVERITY_ORDER[a.g.severity] - SEVERITY_ORDER[b.g.severity] || a.order - b.order)
    .map(({ g }) => g);
  const out = heading(t(M.sectionFindings, lang, { count: groups.length }));
  if (groups.length === 0) return [...out, INDENT + t(M.noFindings, lang)];
  // continuation lines start under the title, however wide the largest number is
  const pad = INDENT + ' '.repeat(String(groups.length).length + 2);
  groups.forEach((group, index) => {
    const findings = group.indices.map((i) => report.findings[i]).filter((f): f is Finding => f !== undefined);
    const x = explainFindingGroup(findings, lang);
    const number = `${index + 1}.`.padEnd(String(groups.length).length + 1);
    out.push('', `${INDENT}${number} [${severityLabel(group.severity, lang)}] ${clean(x.title)}`);
    if (x.meaning !== '') out.push(pad + clean(x.meaning));
    if (x.why !== '') out.push(`${pad}${t(M.why, lang)} ${clean(x.why)}`);
    if (x.steps.length > 0) {
      out.push(pad + t(M.steps, lang));
      x.steps.forEach((step, n) => out.push(`${pad}  ${n + 1}) ${clean(step)}`));
    }
    if (x.links.length > 0) {
      out.push(pad + t(M.references, lang));
      for (const link of x.links) out.push(`${pad}  - ${clean(link.title)}: ${clean(link.url)}`);
    }
    // every line of every finding in the group, so an engineer can jump to each
    const lines = [...new Set(findings.flatMap((f) => f.evidence.map((e) => e.line)))].sort((a, b) => a - b);
    if (lines.length > 0) out.push(pad + t(M.evidenceLines, lang, { lines: lineList(lines) }));
  });
  return out;
}

function regionDisplay(r: RegionEndpoints['region']): string {
  return `${clean(r.displayName)} (${clean(r.id)})`;
}

/** "Endpoints to test for <region>": the FQDN/port list for a vault region. */
export function formatRegionEndpoints(re: RegionEndpoints, lang: Lang): string {
  const name = regionDisplay(re.region);
  const out = [t(M.sectionRegionEndpoints, lang, { region: name }), '-'.repeat(displayWidth(t(M.sectionRegionEndpoints, lang, { region: name })))];
  out.push(t(M.regionEndpointsIntro, lang, { region: name }));
  const rows = [
    [M.colHost, M.colPort, M.colPurpose].map((m) => t(m, lang)),
    ...re.endpoints.map((e) => [clean(e.host), String(e.port), serviceName(e.purpose, lang)]),
  ];
  out.push(...alignColumns(rows, INDENT));
  const notes = new Set(re.endpoints.map((e) => e.note).filter((n) => n !== undefined));
  if (notes.has('sovereign-cloud')) out.push(t(M.noteSovereign, lang));
  if (notes.has('suffix-unconfirmed')) out.push(t(M.noteUnconfirmed, lang));
  return out.join('\n') + '\n';
}

export interface FormatReportOptions {
  lang: Lang;
  regionEndpoints?: RegionEndpoints;
}

/** One report as ticket-ready text. */
export function formatReportText(report: Report, options: FormatReportOptions): string {
  const { lang } = options;
  const title = t(M.title, lang);
  const name = report.source.archiveEntry ?? report.source.fileName;
  const head = name !== undefined ? `${title}: ${clean(name)}` : title;
  const out = [head, '='.repeat(Math.max(4, displayWidth(head)))];
  const overall = `${t(M.overall, lang)}: ${overallLabel(report.overall, lang)}`;
  out.push(overall, padDisplay('', displayWidth(t(M.overall, lang)) + 2) + overallSummary(report.overall, lang));
  out.push(...sourceLines(report, lang));
  out.push(...regionLines(report, lang));
  out.push(...problemEndpointLines(report, lang));
  out.push(...endpointTableLines(report, lang));
  out.push(...proxyLines(report, lang));
  out.push(...tlsLines(report, lang));
  out.push(...findingLines(report, lang));
  if (options.regionEndpoints) out.push('', ...formatRegionEndpoints(options.regionEndpoints, lang).trimEnd().split('\n'));
  return out.join('\n') + '\n';
}

/** Several reports (a zip of logs): each in full, numbered, separated by a rule. */
export function formatReportsText(reports: readonly Report[], options: FormatReportOptions): string {
  if (reports.length === 1) return formatReportText(reports[0]!, options);
  const parts = reports.map((report, i) => {
    const name = clean(report.source.archiveEntry ?? report.source.fileName ?? '');
    const label = t(M.reportOf, options.lang, { index: i + 1, total: reports.length, name });
    return `${'#'.repeat(Math.max(4, displayWidth(label)))}\n${label}\n\n${formatReportText(report, options)}`;
  });
  return parts.join('\n');
}
