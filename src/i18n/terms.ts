// Localized labels for the ids the report uses (services, proxy contexts, check ids, states),
// plus the two formatting helpers the catalogues share (list joining, variant picking).
// Unknown ids are returned as they are: a newer analyzer may emit an id this file does not know
// yet, and showing the raw id beats showing nothing.
import type {
  DnsState,
  HttpState,
  LogKind,
  Overall,
  ProxyContextName,
  Service,
  Severity,
  TcpState,
  TextEncoding,
  Tls12State,
  Verdict,
} from '../analyzer/report';
import { defineMessages, formatMessage, placeholderNames, type Lang, type LocalizedText, type MessageCatalogue } from './lang';

/** Check ids used in LOG_INCOMPLETE's `missing` param and in `Report.missingChecks`. */
export const CHECK_IDS = [
  'machine-info',
  'proxy',
  'azure-backup',
  'azure-storage',
  'entra-id',
  'file-recovery',
  'site-recovery',
  'tls',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const SERVICE_NAMES: MessageCatalogue<Service> = defineMessages({
  'azure-backup': { ja: 'Azure Backup', en: 'Azure Backup' },
  'azure-storage': { ja: 'Azure Storage', en: 'Azure Storage' },
  'entra-id': { ja: 'Microsoft Entra ID', en: 'Microsoft Entra ID' },
  'file-recovery': { ja: 'ファイルの回復 (iSCSI)', en: 'File recovery (iSCSI)' },
  'site-recovery': { ja: 'Azure Site Recovery', en: 'Azure Site Recovery' },
  other: { ja: 'その他', en: 'Other' },
});

export const CONTEXT_NAMES: MessageCatalogue<ProxyContextName> = defineMessages({
  'current-user': { ja: '現在のユーザー (WinInet)', en: 'Current user (WinInet)' },
  system: { ja: 'NT AUTHORITY\\SYSTEM (WinInet)', en: 'NT AUTHORITY\\SYSTEM (WinInet)' },
  'workload-plugin': {
    ja: 'NT SERVICE\\AzureWLBackupPluginSvc (WinInet)',
    en: 'NT SERVICE\\AzureWLBackupPluginSvc (WinInet)',
  },
  winhttp: { ja: 'WinHTTP (netsh winhttp)', en: 'WinHTTP (netsh winhttp)' },
  'env-http': { ja: '環境変数 http_proxy', en: 'http_proxy environment variable' },
  'env-https': { ja: '環境変数 https_proxy', en: 'https_proxy environment variable' },
  'asr-config': {
    ja: 'Azure Site Recovery のプロキシ設定 (ProxyInfo.conf)',
    en: 'Azure Site Recovery proxy settings (ProxyInfo.conf)',
  },
});

/** Who uses each proxy context: shown beside the name so the reader knows why it matters. */
export const CONTEXT_USAGE: MessageCatalogue<ProxyContextName> = defineMessages({
  'current-user': {
    ja: 'スクリプトを実行したユーザーの設定です。疎通確認スクリプトの Web リクエストとファイルの回復で使用されます。',
    en: 'Settings of the user who ran the script. Used by the script’s web requests and by file recovery.',
  },
  system: {
    ja: 'MARS エージェントと Azure VM 内の SQL Server のバックアップで使用されます。',
    en: 'Used by the MARS agent and by SQL Server in Azure VM backup.',
  },
  'workload-plugin': {
    ja: 'Azure VM 内の SQL Server や SAP HANA のバックアップ (ワークロード バックアップ) で使用されます。',
    en: 'Used by SQL Server and SAP HANA in Azure VM backup (workload backup).',
  },
  winhttp: {
    ja: 'WinHTTP を使用するサービスで使用されます。',
    en: 'Used by services that use WinHTTP.',
  },
  'env-http': {
    ja: 'curl などのコマンドが HTTP の通信で使用します。',
    en: 'Used by commands such as curl for HTTP.',
  },
  'env-https': {
    ja: 'curl などのコマンドが HTTPS の通信で使用します。',
    en: 'Used by commands such as curl for HTTPS.',
  },
  'asr-config': {
    ja: 'Azure Site Recovery のモビリティ サービスが使用します。',
    en: 'Used by the Azure Site Recovery Mobility service.',
  },
});

export const CHECK_NAMES: MessageCatalogue<CheckId> = defineMessages({
  'machine-info': { ja: 'マシン情報の取得', en: 'Machine information' },
  proxy: { ja: 'プロキシ設定の確認', en: 'Proxy settings check' },
  'azure-backup': { ja: 'Azure Backup への疎通確認', en: 'Azure Backup connectivity check' },
  'azure-storage': { ja: 'Azure Storage への疎通確認', en: 'Azure Storage connectivity check' },
  'entra-id': { ja: 'Microsoft Entra ID への疎通確認', en: 'Microsoft Entra ID connectivity check' },
  'file-recovery': { ja: 'ファイルの回復 (iSCSI) の疎通確認', en: 'File recovery (iSCSI) connectivity check' },
  'site-recovery': { ja: 'Azure Site Recovery への疎通確認', en: 'Azure Site Recovery connectivity check' },
  tls: { ja: 'TLS 設定の確認', en: 'TLS settings check' },
});

export const VERDICT_LABELS: MessageCatalogue<Verdict> = defineMessages({
  ok: { ja: '通信可能', en: 'Reachable' },
  failed: { ja: '通信不可', en: 'Not reachable' },
  inconclusive: { ja: '判定不可', en: 'Inconclusive' },
});

export const OVERALL_LABELS: MessageCatalogue<Overall> = defineMessages({
  ok: { ja: '問題は見つかりませんでした', en: 'No problems found' },
  'action-required': { ja: '対応が必要です', en: 'Action required' },
  inconclusive: { ja: '判定できません', en: 'Inconclusive' },
});

export const OVERALL_SUMMARIES: MessageCatalogue<Overall> = defineMessages({
  ok: {
    ja: 'ログで確認できた範囲では、すべての宛先と通信でき、Azure Backup の通信要件を満たしていない点は見つかりませんでした。',
    en: 'As far as this log shows, every endpoint is reachable and nothing breaks the Azure Backup network requirements.',
  },
  'action-required': {
    ja: 'Azure Backup の通信要件を満たしていない点が見つかりました。以下の項目をご確認ください。',
    en: 'Something breaks the Azure Backup network requirements. Check the items below.',
  },
  inconclusive: {
    ja: 'このログだけでは、Azure Backup の通信要件を満たしているかどうかを判断できません。以下の項目をご確認ください。',
    en: 'This log alone cannot show whether the Azure Backup network requirements are met. Check the items below.',
  },
});

export const TLS_STATE_LABELS: MessageCatalogue<Tls12State> = defineMessages({
  enabled: { ja: '有効', en: 'Enabled' },
  disabled: { ja: '無効', en: 'Disabled' },
  'os-default': { ja: 'OS の既定で有効', en: 'Enabled by OS default' },
  unknown: { ja: '不明', en: 'Unknown' },
});

export const SEVERITY_LABELS: MessageCatalogue<Severity> = defineMessages({
  error: { ja: 'エラー', en: 'Error' },
  warning: { ja: '警告', en: 'Warning' },
  info: { ja: '情報', en: 'Info' },
});

export const DNS_STATE_LABELS: MessageCatalogue<DnsState> = defineMessages({
  resolved: { ja: '成功', en: 'Resolved' },
  failed: { ja: '失敗', en: 'Failed' },
  unknown: { ja: '不明', en: 'Unknown' },
});

export const TCP_STATE_LABELS: MessageCatalogue<TcpState> = defineMessages({
  ok: { ja: '成功', en: 'Connected' },
  failed: { ja: '失敗', en: 'Failed' },
  'not-tested': { ja: '未実施', en: 'Not tested' },
});

export const HTTP_STATE_LABELS: MessageCatalogue<HttpState> = defineMessages({
  ok: { ja: '応答あり', en: 'Answered' },
  failed: { ja: '失敗', en: 'Failed' },
  inconclusive: { ja: '判定不可', en: 'Inconclusive' },
  'not-tested': { ja: '未実施', en: 'Not tested' },
});

export const LOG_KIND_LABELS: MessageCatalogue<LogKind> = defineMessages({
  'windows-backup': {
    ja: 'Azure Backup 疎通確認スクリプトのログ (Windows)',
    en: 'Azure Backup network-check log (Windows)',
  },
  'linux-backup': {
    ja: 'Azure Backup 疎通確認スクリプトのログ (Linux)',
    en: 'Azure Backup network-check log (Linux)',
  },
  'windows-asr': {
    ja: 'Azure Site Recovery 疎通確認スクリプトのログ (Windows)',
    en: 'Azure Site Recovery network-check log (Windows)',
  },
  'linux-asr': {
    ja: 'Azure Site Recovery 疎通確認スクリプトのログ (Linux)',
    en: 'Azure Site Recovery network-check log (Linux)',
  },
  unknown: { ja: '対応していないファイル', en: 'Unsupported file' },
});

export const ENCODING_LABELS: MessageCatalogue<TextEncoding> = defineMessages({
  'utf-8': { ja: 'UTF-8', en: 'UTF-8' },
  'utf-8-bom': { ja: 'UTF-8 (BOM 付き)', en: 'UTF-8 with BOM' },
  'utf-16le': { ja: 'UTF-16 LE', en: 'UTF-16 LE' },
  'utf-16be': { ja: 'UTF-16 BE', en: 'UTF-16 BE' },
  shift_jis: { ja: 'Shift_JIS (CP932)', en: 'Shift_JIS (CP932)' },
});

/** Every catalogue in this file, for the completeness test. */
export const TERM_CATALOGUES: Readonly<Record<string, MessageCatalogue>> = Object.freeze({
  SERVICE_NAMES,
  CONTEXT_NAMES,
  CONTEXT_USAGE,
  CHECK_NAMES,
  VERDICT_LABELS,
  OVERALL_LABELS,
  OVERALL_SUMMARIES,
  TLS_STATE_LABELS,
  SEVERITY_LABELS,
  DNS_STATE_LABELS,
  TCP_STATE_LABELS,
  HTTP_STATE_LABELS,
  LOG_KIND_LABELS,
  ENCODING_LABELS,
});

function lookup(catalogue: MessageCatalogue, id: string, lang: Lang): string {
  // hasOwnProperty, not `in`: an id such as "constructor" or "__proto__" from a log must not
  // reach Object.prototype.
  if (Object.prototype.hasOwnProperty.call(catalogue, id)) {
    const message = catalogue[id];
    if (message) return message[lang];
  }
  return id;
}

/** A Service id's display name; an unknown id is returned as it is. */
export function serviceName(id: string, lang: Lang): string {
  return lookup(SERVICE_NAMES, id, lang);
}
/** A ProxyContextName's display name; an unknown id is returned as it is. */
export function contextName(id: string, lang: Lang): string {
  return lookup(CONTEXT_NAMES, id, lang);
}
/** One sentence saying who uses the context; '' for an unknown id. */
export function contextUsage(id: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(CONTEXT_USAGE, id) ? lookup(CONTEXT_USAGE, id, lang) : '';
}
/** A CheckId's display name; an unknown id is returned as it is. */
export function checkName(id: string, lang: Lang): string {
  return lookup(CHECK_NAMES, id, lang);
}
export function verdictLabel(verdict: Verdict, lang: Lang): string {
  return lookup(VERDICT_LABELS, verdict, lang);
}
export function overallLabel(overall: Overall, lang: Lang): string {
  return lookup(OVERALL_LABELS, overall, lang);
}
export function overallSummary(overall: Overall, lang: Lang): string {
  return lookup(OVERALL_SUMMARIES, overall, lang);
}
export function tlsStateLabel(state: Tls12State, lang: Lang): string {
  return lookup(TLS_STATE_LABELS, state, lang);
}
export function severityLabel(severity: Severity, lang: Lang): string {
  return lookup(SEVERITY_LABELS, severity, lang);
}
export function dnsStateLabel(state: DnsState, lang: Lang): string {
  return lookup(DNS_STATE_LABELS, state, lang);
}
export function tcpStateLabel(state: TcpState, lang: Lang): string {
  return lookup(TCP_STATE_LABELS, state, lang);
}
export function httpStateLabel(state: HttpState, lang: Lang): string {
  return lookup(HTTP_STATE_LABELS, state, lang);
}
export function logKindLabel(kind: LogKind, lang: Lang): string {
  return lookup(LOG_KIND_LABELS, kind, lang);
}
export function encodingLabel(encoding: TextEncoding, lang: Lang): string {
  return lookup(ENCODING_LABELS, encoding, lang);
}

/** "a、b、c" in Japanese, "a, b, c" in English. */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'ja' ? '、' : ', ');
}

/** Splits a comma-joined id list from finding params ("system, workload-plugin"), dropping blanks. */
export function splitIds(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Formats the first candidate whose placeholders all have a non-blank value, or returns
 * undefined when none has. Candidates go from most specific to most general, so a message is
 * written once per situation ("… failed for these hosts: {failedHosts}." / "… failed.") instead of
 * leaving a `{failedHosts}` or an empty quote in front of the customer.
 */
export function formatFirstComplete(
  candidates: readonly LocalizedText[],
  lang: Lang,
  values: Readonly<Record<string, string>>,
): string | undefined {
  for (const candidate of candidates) {
    const names = placeholderNames(candidate.ja).concat(placeholderNames(candidate.en));
    const complete = names.every(
      (n) => Object.prototype.hasOwnProperty.call(values, n) && (values[n] ?? '').trim() !== '',
    );
    if (complete) return formatMessage(candidate[lang], values);
  }
  return undefined;
}
