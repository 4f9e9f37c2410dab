// The analysis report: the one contract every surface (CLI, cards, escalations) renders.
// Field names and meanings follow ../shared/domain/report-contract.md; fields may be added,
// never renamed. Everything here is plain JSON data (no classes, no Dates) so a report can be
// stored, sent to a worker thread or posted to a webhook as it is.

export const SCHEMA_VERSION = 1 as const;

export type LogKind = 'windows-backup' | 'linux-backup' | 'windows-asr' | 'linux-asr' | 'unknown';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis';
export type Verdict = 'ok' | 'failed' | 'inconclusive';
export type Overall = 'ok' | 'action-required' | 'inconclusive';
export type Service =
  | 'azure-backup'
  | 'azure-storage'
  | 'entra-id'
  | 'file-recovery'
  | 'site-recovery'
  | 'other';
export type DnsState = 'resolved' | 'failed' | 'unknown';
export type TcpState = 'ok' | 'failed' | 'not-tested';
export type HttpState = 'ok' | 'failed' | 'inconclusive' | 'not-tested';
export type Severity = 'error' | 'warning' | 'info';
export type ProxyContextName =
  | 'current-user'
  | 'system'
  | 'workload-plugin'
  | 'winhttp'
  | 'env-http'
  | 'env-https'
  | 'asr-config';
export type Tls12State = 'enabled' | 'disabled' | 'os-default' | 'unknown';

/** Why a web request failed, when it did: the cause behind the finding code. */
export type HttpFailureCause =
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'proxy-auth'
  | 'proxy-resolve'
  | 'tls-trust'
  | 'tls-channel'
  | 'unknown';

/** A 1-based line of the decoded log and its text (trimmed, control characters made visible). */
export interface Evidence {
  line: number;
  text: string;
}

export interface SourceInfo {
  kind: LogKind;
  /** false when the run was interrupted (no completion line, or the file ends inside a check). */
  complete: boolean;
  encoding: TextEncoding;
  /** file name as uploaded, when known */
  fileName?: string;
  host?: string;
  os?: string;
  /** Windows NT version as printed, e.g. "10.0.17763" */
  osVersion?: string;
  /** local time as printed, ISO-like without zone: 2023-11-04T15:52:10 */
  startedAt?: string;
  /** script version when the log names it, e.g. "1.7" */
  scriptVersion?: string;
  /** the zip the log came out of */
  archive?: string;
  /** the entry name inside the archive */
  archiveEntry?: string;
  lineCount: number;
}

export interface Endpoint {
  host: string;
  port: number;
  service: Service;
  dns: DnsState;
  addresses: string[];
  tcp: TcpState;
  http: HttpState;
  /** the status or error as the log printed it */
  httpDetail?: string;
  /** set when http is failed or inconclusive */
  httpCause?: HttpFailureCause;
  /** HTTP status code when one was seen */
  httpStatus?: number;
  /** a remark on an otherwise answered web request: the IE engine error (re-run with -UseBasicParsing) */
  httpNote?: 'ie-engine-unavailable';
  /** true when the web request went through a proxy (current user's WinInet proxy, or env proxy) */
  viaProxy?: boolean;
  /** true when the name resolved through a privatelink alias or to a private address */
  privateEndpoint?: boolean;
  /** CNAME chain seen (Linux nslookup) */
  aliases?: string[];
  /** geo code read from the FQDN, e.g. "jpe" */
  geo?: string;
  verdict: Verdict;
  evidence: Evidence[];
}

export interface ProxyContext {
  context: ProxyContextName;
  /** the log had settings for this context */
  found: boolean;
  enabled: boolean;
  /** as printed (10.2.0.16:8080 or http://10.2.0.16:8080); null when none */
  server: string | null;
  bypass: string[];
  evidence: Evidence[];
}

export interface ProxyReport {
  /** any context has a proxy in use */
  configured: boolean;
  contexts: ProxyContext[];
}

export interface TlsKey {
  protocol: string;
  side: 'Client' | 'Server';
  enabled?: number;
  disabledByDefault?: number;
  line: number;
}

export interface TlsReport {
  tls12: Tls12State;
  keys: TlsKey[];
  /** false when the log has no TLS section at all */
  sectionFound: boolean;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** host when it is about one endpoint */
  endpoint?: string;
  port?: number;
  /** values the explanation text is filled with (hosts, regions, missing checks …); plain strings */
  params?: Record<string, string>;
  evidence: Evidence[];
}

export interface RegionInfo {
  /** geo codes read from the checked FQDNs, in order of first appearance */
  geoCodes: string[];
  /** ARM region ids for those codes */
  regions: string[];
  /** display names */
  displayNames: string[];
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  source: SourceInfo;
  overall: Overall;
  endpoints: Endpoint[];
  proxy: ProxyReport;
  tls: TlsReport;
  findings: Finding[];
  region: RegionInfo;
  /** checks the log should have had but did not (interrupted runs) */
  missingChecks: string[];
}

export const FINDING_CODES = [
  'DNS_RESOLUTION_FAILED',
  'TCP_CONNECT_FAILED',
  'HTTP_CONNECT_FAILED',
  'HTTP_TIMEOUT',
  'PROXY_AUTH_REQUIRED',
  'TLS_TRUST_FAILED',
  'TLS_CHANNEL_FAILED',
  'HTTP_INCONCLUSIVE',
  'HTTP_IE_ENGINE_UNAVAILABLE',
  'TCP_TEST_BYPASSES_PROXY',
  'PROXY_PATH_NOT_TESTED',
  'PROXY_NOT_SET_FOR_SYSTEM',
  'PROXY_BYPASS_AZURE',
  'PRIVATE_ENDPOINT_SUSPECTED',
  'REGION_SPECIFIC_FQDN',
  'TLS12_DISABLED',
  'TLS12_OS_DEFAULT',
  'TLS12_NOT_CONFIGURED_LEGACY_OS',
  'LEGACY_PROTOCOL_ENABLED',
  'LOG_INCOMPLETE',
  'NOT_ELEVATED',
  'UNRECOGNIZED_LOG',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Why an input could not be analyzed at all (before any parsing). */
export type RefusalReason =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'zip-encrypted'
  | 'zip-bomb'
  | 'zip-too-many-entries'
  | 'zip-nested'
  | 'zip-corrupt'
  | 'zip-no-logs'
  | 'html-page';

export interface Refusal {
  refused: true;
  reason: RefusalReason;
  /** values for the message catalogue (limit sizes, entry names) */
  params?: Record<string, string>;
  fileName?: string;
}

/** One uploaded file gives one report, several (a zip), or a refusal. */
export type AnalysisOutcome =
  | { kind: 'reports'; reports: Report[] }
  | { kind: 'refused'; refusal: Refusal };
