// analyzeText: decoded log text → the complete Report (report-contract.md). Three stages:
// parse (parse/**: one streaming pass, observations with line evidence), build the report parts
// (endpoint verdicts, proxy contexts, TLS state, region, missing checks), run the rules (rules/**),
// then decide the overall verdict. Pure and deterministic; never throws on any string.
import type { CheckId, ParsedLog, ProxyObservation } from './parse/model';
import { endpointBuilder } from './parse/endpoint-report';
import { parseLog } from './parse/parse-log';
import { isAsrMarker } from './parse/script-info';
import { assessTls } from './parse/tls-assessment';
import { byLine } from './parse/text';
import { regionForGeoCode } from './region/regions';
import type { Endpoint, LogKind, Overall, ProxyContext, RegionInfo, Report, SourceInfo, TextEncoding } from './report';
import { SCHEMA_VERSION } from './report';
import { runRules } from './rules';
import { ruleContext, type ReportDraft } from './rules/rule';

export interface TextMeta {
  encoding: TextEncoding;
  fileName?: string;
  archive?: string;
  archiveEntry?: string;
}

/** Checks a complete run of each script performs, in the order the script runs them. */
const EXPECTED_CHECKS: Readonly<Record<LogKind, readonly CheckId[]>> = {
  'windows-backup': ['proxy', 'azure-backup', 'azure-storage', 'entra-id', 'file-recovery', 'tls'],
  'linux-backup': ['proxy', 'file-recovery', 'azure-backup', 'azure-storage', 'entra-id'],
  'windows-asr': ['proxy', 'site-recovery', 'azure-storage', 'entra-id', 'tls'],
  'linux-asr': ['proxy', 'site-recovery', 'azure-storage', 'entra-id'],
  unknown: [],
};

function toProxyContext(p: ProxyObservation): ProxyContext {
  const found = p.found && !p.denied;
  return {
    context: p.context,
    found,
    enabled: found && p.enabled,
    server: found && p.server !== null ? p.server : null,
    bypass: found ? p.bypass.slice() : [],
    evidence: byLine(p.evidence),
  };
}

function regionOf(endpoints: readonly Endpoint[]): RegionInfo {
  const region: RegionInfo = { geoCodes: [], regions: [], displayNames: [] };
  for (const ep of endpoints) {
    if (ep.geo === undefined || region.geoCodes.includes(ep.geo)) continue;
    const r = regionForGeoCode(ep.geo);
    if (!r) continue;
    region.geoCodes.push(ep.geo);
    region.regions.push(r.id);
    region.displayNames.push(r.displayName);
  }
  return region;
}

function missingChecksOf(log: ParsedLog): string[] {
  if (log.complete || log.kind === 'unknown') return [];
  return EXPECTED_CHECKS[log.kind].filter((c) => !log.checksSeen.includes(c) || c === log.checkInProgress);
}

function sourceOf(log: ParsedLog, meta: TextMeta): SourceInfo {
  const source: SourceInfo = { kind: log.kind, complete: log.kind === 'unknown' ? false : log.complete, encoding: meta.encoding, lineCount: log.lineCount };
  if (meta.fileName !== undefined) source.fileName = meta.fileName;
  if (log.host !== undefined) source.host = log.host;
  if (log.os !== undefined) source.os = log.os;
  if (log.osVersion !== undefined) source.osVersion = log.osVersion;
  if (log.startedAt !== undefined) source.startedAt = log.startedAt;
  if (log.scriptVersion !== undefined) source.scriptVersion = log.scriptVersion;
  if (meta.archive !== undefined) source.archive = meta.archive;
  if (meta.archiveEntry !== undefined) source.archiveEntry = meta.archiveEntry;
  return source;
}

/** report-contract.md "Overall". An unrecognised file is inconclusive, whatever its findings. */
export function decideOverall(report: Omit<Report, 'overall'>): Overall {
  if (report.source.kind === 'unknown') return 'inconclusive';
  if (report.endpoints.some((e) => e.verdict === 'failed') || report.tls.tls12 === 'disabled' || report.findings.some((f) => f.severity === 'error')) {
    return 'action-required';
  }
  if (!report.source.complete || report.endpoints.some((e) => e.verdict === 'inconclusive')) return 'inconclusive';
  return 'ok';
}

/** The Site Recovery script names its log `ASR_Check_NW_*.log`: the file name settles Backup vs ASR. */
function kindWithFileName(log: ParsedLog, meta: TextMeta): void {
  const names = `${meta.fileName ?? ''} ${meta.archiveEntry ?? ''}`.toLowerCase();
  if (!isAsrMarker(names)) return;
  if (log.kind === 'windows-backup') log.kind = 'windows-asr';
  else if (log.kind === 'linux-backup') log.kind = 'linux-asr';
}

export function analyzeText(text: string, meta: TextMeta): Report {
  const input = typeof text === 'string' ? text : '';
  const log = parseLog(input);
  kindWithFileName(log, meta);
  const windows = log.kind === 'windows-backup' || log.kind === 'windows-asr';
  const endpoints = log.endpoints.map(endpointBuilder(log.kind, log.proxy));
  const contexts = log.proxy.map(toProxyContext);
  const tls = assessTls(log.tls, log.osVersion, windows, log.complete);
  const draft: ReportDraft = {
    schemaVersion: SCHEMA_VERSION,
    source: sourceOf(log, meta),
    endpoints,
    proxy: { configured: contexts.some((c) => c.enabled), contexts },
    tls: { tls12: tls.tls12, keys: log.tls.keys.map((k) => ({ ...k })), sectionFound: log.tls.sectionFound },
    region: regionOf(endpoints),
    missingChecks: missingChecksOf(log),
  };
  const findings = runRules(ruleContext(draft, log, tls));
  const withFindings = { ...draft, findings };
  const overall = decideOverall(withFindings);
  return {
    schemaVersion: draft.schemaVersion,
    source: draft.source,
    overall,
    endpoints: draft.endpoints,
    proxy: draft.proxy,
    tls: draft.tls,
    findings,
    region: draft.region,
    missingChecks: draft.missingChecks,
  };
}
