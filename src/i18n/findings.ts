// The explanation of every finding code, in Japanese and English: title, what it means in this
// log, why it matters for Azure Backup, what to do next, and where to read more.
//
// How it is organised (see docs/catalogue.md):
// - One defineMessages catalogue per code. Key prefixes say what a text is: `title…`, `meaning…`,
//   `why…`, `step…` (whole sentences), `link…` (link titles), `fragment…` (pieces, not sentences).
// - A FindingSpec arranges those texts into slots. A slot is a list of candidates, most specific
//   first; the first candidate whose `{placeholders}` all have a value is used, and a slot with no
//   usable candidate is left out. That is how an empty `detail` or `failedHosts` gives a different
//   sentence instead of a dangling `{detail}` or an empty quote.
// - Variants replace slots when the severity or a value calls for other wording
//   (PROXY_NOT_SET_FOR_SYSTEM error vs warning, TLS 1.2 on 2008 R2 vs 2012, iSCSI port 3260).
// - explainFinding turns ids in params into names (service, proxy context, check) before filling.
import { FINDING_CODES, type Evidence, type Finding, type FindingCode, type Severity } from '../analyzer/report';
import { defineMessages, formatMessage, type Lang, type LocalizedText, type MessageCatalogue } from './lang';
import { checkName, contextName, formatFirstComplete, joinList, serviceName, splitIds } from './terms';

export interface FindingLink {
  title: LocalizedText;
  url: { ja: string; en: string };
  /** shown only in these languages (a Japanese-only blog page); both when absent */
  langs?: readonly Lang[];
}

export interface FindingTexts {
  title: LocalizedText;
  meaning: LocalizedText;
  why: LocalizedText;
  steps: LocalizedText[];
  links: FindingLink[];
}

export interface FindingExplanation {
  code: FindingCode;
  severity: Severity;
  title: string;
  meaning: string;
  why: string;
  steps: string[];
  links: { title: string; url: string }[];
  endpoint?: string;
  evidence: Evidence[];
}

type Slot = readonly LocalizedText[];

interface TextSpec {
  title: Slot;
  meaning: readonly Slot[];
  why: readonly Slot[];
  steps: readonly Slot[];
  links: readonly FindingLink[];
}

interface VariantContext {
  severity: Severity;
  values: Readonly<Record<string, string>>;
}

interface FindingSpec extends TextSpec {
  /**
   * Wording when several findings of the code are explained together (one problem on several
   * endpoints or proxy settings); replaces the fields it names, after any variant's `texts`.
   */
  group?: Partial<TextSpec>;
  /** the first variant whose `when` holds replaces the fields it names (`group` when grouped) */
  variants?: readonly { when: (c: VariantContext) => boolean; texts: Partial<TextSpec>; group?: Partial<TextSpec> }[];
}

// ---------------------------------------------------------------------------------------------
// Reference pages. learn.microsoft.com keeps the English anchors on localized pages.

const LINK_TITLES = defineMessages({
  linkMarsUrls: {
    ja: 'MARS エージェントのサポート マトリックス: URL と IP アドレスへのアクセス',
    en: 'MARS agent support matrix: URL and IP access',
  },
  linkTlsImpact: {
    ja: 'Azure Backup のトランスポート層セキュリティ: TLS 1.2 を有効にしない場合の影響',
    en: 'Transport Layer Security in Azure Backup: impact of not enabling TLS 1.2',
  },
  linkTlsRegistry: {
    ja: 'Azure Backup のトランスポート層セキュリティ: Windows レジストリの確認',
    en: 'Transport Layer Security in Azure Backup: verify the Windows registry',
  },
  linkDotnetTls: {
    ja: '.NET Framework でのトランスポート層セキュリティ (TLS) のベスト プラクティス',
    en: 'Transport Layer Security (TLS) best practices with the .NET Framework',
  },
  linkTlsCertificateChanges: {
    ja: 'Azure の TLS 証明書の変更',
    en: 'Azure TLS certificate changes',
  },
  linkPrivateEndpointDns: {
    ja: 'Azure Backup のプライベート エンドポイント: 必要な DNS エントリの取得',
    en: 'Private endpoints for Azure Backup: get the required DNS entries',
  },
  linkSqlNetwork: {
    ja: 'Azure VM 内の SQL Server のバックアップ: ネットワーク接続の確立',
    en: 'Back up SQL Server in Azure VMs: establish network connectivity',
  },
  linkFileRecovery: {
    ja: 'Azure 仮想マシンのバックアップからファイルを回復する',
    en: 'Recover files from Azure virtual machine backup',
  },
  linkInvokeWebRequest: {
    ja: 'Invoke-WebRequest (Windows PowerShell 5.1) のリファレンス',
    en: 'Invoke-WebRequest reference (Windows PowerShell 5.1)',
  },
  linkBlogRequest: {
    ja: 'Azure Backup の疎通確認スクリプトの実行方法 (Azure Backup サポート ブログ)',
    en: 'How to run the Azure Backup network-check scripts (Japanese support blog)',
  },
  linkBlogWindows: {
    ja: '疎通確認スクリプトの実行結果について (Windows) (Azure Backup サポート ブログ)',
    en: 'Reading the network-check result on Windows (Japanese support blog)',
  },
  linkBlogLinux: {
    ja: '疎通確認スクリプトの実行結果について (Linux) (Azure Backup サポート ブログ)',
    en: 'Reading the network-check result on Linux (Japanese support blog)',
  },
  linkBlogDotnetTls: {
    ja: '.NET Framework での TLS 1.2 の利用について (サポート ブログ)',
    en: 'TLS 1.2 with the .NET Framework (Japanese support blog)',
  },
});

function learn(path: string, title: LocalizedText): FindingLink {
  return {
    title,
    url: { ja: `https://learn.microsoft.com/ja-jp/${path}`, en: `https://learn.microsoft.com/en-us/${path}` },
  };
}
function blog(url: string, title: LocalizedText, langs: readonly Lang[] = ['ja']): FindingLink {
  return { title, url: { ja: url, en: url }, langs };
}

const LINKS = {
  marsUrls: learn('azure/backup/backup-support-matrix-mars-agent#url-and-ip-access', LINK_TITLES.linkMarsUrls),
  tlsImpact: learn(
    'azure/backup/transport-layer-security#what-is-the-impact-of-not-enabling-tls-12',
    LINK_TITLES.linkTlsImpact,
  ),
  tlsRegistry: learn('azure/backup/transport-layer-security#verify-windows-registry', LINK_TITLES.linkTlsRegistry),
  dotnetTls: learn('dotnet/framework/network-programming/tls', LINK_TITLES.linkDotnetTls),
  tlsCertificateChanges: learn(
    'azure/security/fundamentals/tls-certificate-changes',
    LINK_TITLES.linkTlsCertificateChanges,
  ),
  privateEndpointDns: learn(
    'azure/backup/private-endpoints#step-1-get-required-dns-entries',
    LINK_TITLES.linkPrivateEndpointDns,
  ),
  sqlNetwork: learn(
    'azure/backup/backup-sql-server-database-azure-vms#establish-network-connectivity',
    LINK_TITLES.linkSqlNetwork,
  ),
  fileRecovery: learn('azure/backup/backup-azure-restore-files-from-vm', LINK_TITLES.linkFileRecovery),
  invokeWebRequest: learn(
    'powershell/module/microsoft.powershell.utility/invoke-webrequest?view=powershell-5.1',
    LINK_TITLES.linkInvokeWebRequest,
  ),
  // The script is downloaded from this page, so English readers get it too.
  blogRequest: blog(
    'https://jpabrs-scem.github.io/blog/AzureBackupGeneral/RequestForInvestigatingNW/',
    LINK_TITLES.linkBlogRequest,
    ['ja', 'en'],
  ),
  blogWindows: blog(
    'https://jpabrs-scem.github.io/blog/AzureBackupGeneral/NwCheckScript_Windows/',
    LINK_TITLES.linkBlogWindows,
  ),
  blogLinux: blog('https://jpabrs-scem.github.io/blog/AzureBackupGeneral/NwCheckScript_Linux/', LINK_TITLES.linkBlogLinux),
  blogDotnetTls: blog(
    'https://jpdsi.github.io/blog/internet-explorer-microsoft-edge/dotnet-framework-tls12/',
    LINK_TITLES.linkBlogDotnetTls,
  ),
} as const;

// ---------------------------------------------------------------------------------------------
// Texts shared by several codes.

const COMMON = defineMessages({
  fragmentEndpointWithPort: { ja: '{host} (ポート {port})', en: '{host} (port {port})' },
  meaningDetail: { ja: 'ログには「{detail}」と記録されています。', en: 'The log says: "{detail}".' },
  meaningAddresses: { ja: '名前解決の結果は {addresses} です。', en: 'The name resolved to {addresses}.' },
  meaningTcpIsDirect: {
    ja: 'この TCP 接続テストは、プロキシ サーバーを経由せずに直接接続を試みるものです。',
    en: 'This test tries a direct connection, not one through a proxy server.',
  },
  whyAzureBackup: {
    ja: 'Azure Backup の宛先は、バックアップ エージェントがボールトへの登録やバックアップ ジョブの管理に使用します。',
    en: 'The backup agent uses Azure Backup endpoints to register with the vault and to manage backup jobs.',
  },
  whyAzureStorage: {
    ja: 'Azure Storage の宛先は、バックアップ データの転送に使用します。',
    en: 'Azure Storage endpoints carry the backup data.',
  },
  whyEntraId: {
    ja: 'Microsoft Entra ID の宛先は、Azure Backup の認証に使用します。',
    en: 'Microsoft Entra ID endpoints are used for authentication.',
  },
  whyFileRecovery: {
    ja: 'ファイルの回復 (iSCSI) の宛先は、復旧ポイントをマウントしてファイルを回復する際に使用します。',
    en: 'File recovery endpoints are used to mount a recovery point and copy files from it.',
  },
  whySiteRecovery: {
    ja: 'Azure Site Recovery の宛先は、レプリケーションの管理に使用します。',
    en: 'Azure Site Recovery endpoints are used to manage replication.',
  },
  whyTls12Required: {
    ja: 'Azure Backup は TLS 1.2 で通信します。TLS 1.2 が使用できない場合、バックアップや復元、MARS エージェントの登録が失敗したり、エラー 10054 (既存の接続はリモート ホストに強制的に切断されました) で接続が切断されたりすることがあります。',
    en: 'Azure Backup uses TLS 1.2. Without it, backup, restore and agent registration can fail, or connections drop with error 10054 (an existing connection was forcibly closed by the remote host).',
  },
  stepSchannelTls12: {
    ja: 'レジストリの HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client キーで、Enabled を 1、DisabledByDefault を 0 (いずれも DWORD 値) に設定してください。Server キーが無効化されている場合は、同様に設定してください。',
    en: 'In the registry key HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client, set Enabled to 1 and DisabledByDefault to 0 (both DWORD). Do the same for the Server key if it is disabled.',
  },
  stepDotnetTls12: {
    ja: '.NET Framework が TLS 1.2 を使用するよう、HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 と HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319 に SchUseStrongCrypto と SystemDefaultTlsVersions (いずれも DWORD 値 1) が設定されているかご確認ください。',
    en: 'Make the .NET Framework use TLS 1.2: check that SchUseStrongCrypto and SystemDefaultTlsVersions (both DWORD 1) are set under HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 and HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319.',
  },
  stepRestartAndRerun: {
    ja: 'レジストリを変更した後は OS を再起動し、疎通確認スクリプトを再度実行して結果をご確認ください。',
    en: 'After changing the registry, restart the machine, run the network-check script again and check the result.',
  },
  stepRerun: {
    ja: '設定を変更した後、疎通確認スクリプトを再度実行して結果をご確認ください。',
    en: 'After changing the settings, run the network-check script again and check the result.',
  },
});

const SERVICE_ROLES: Readonly<Record<string, LocalizedText>> = Object.freeze({
  'azure-backup': COMMON.whyAzureBackup,
  'azure-storage': COMMON.whyAzureStorage,
  'entra-id': COMMON.whyEntraId,
  'file-recovery': COMMON.whyFileRecovery,
  'site-recovery': COMMON.whySiteRecovery,
});

// ---------------------------------------------------------------------------------------------
// Per-endpoint codes.

const DNS = defineMessages({
  title: { ja: '名前解決に失敗しています', en: 'Name resolution failed' },
  meaning: { ja: '{host} の名前解決に失敗しました。', en: 'The name {host} could not be resolved.' },
  meaningNoHost: {
    ja: '対象の宛先の名前解決に失敗しました。',
    en: 'The name of the endpoint could not be resolved.',
  },
  why: {
    ja: '名前解決ができないと、この宛先とは一切通信できません。',
    en: 'Without name resolution, nothing can connect to this endpoint.',
  },
  step1: {
    ja: '対象のマシンで nslookup {host} を実行し、名前解決ができるかご確認ください。',
    en: 'On the machine, run nslookup {host} and check that the name resolves.',
  },
  step1NoHost: {
    ja: '対象のマシンで nslookup コマンドを実行し、名前解決ができるかご確認ください。',
    en: 'On the machine, run nslookup for the host and check that the name resolves.',
  },
  step2: {
    ja: 'マシンが使用している DNS サーバー (Windows では ipconfig /all、Linux では /etc/resolv.conf で確認できます) が、インターネット上の名前を解決できるかご確認ください。カスタム DNS サーバーを使用している場合は、フォワーダーの設定もご確認ください。',
    en: 'Check that the DNS servers the machine uses (ipconfig /all on Windows, /etc/resolv.conf on Linux) resolve public names. With a custom DNS server, check its forwarders too.',
  },
  step3: {
    ja: 'プロキシ サーバー経由でのみ外部と通信する環境では、マシン自身は外部の名前を解決できないことがあります。その場合は、バックアップ エージェントがプロキシ サーバーを使用するよう設定されているかご確認ください。',
    en: 'Where only the proxy server talks to the internet, the machine itself may not resolve public names. Then check that the backup agent is set to use the proxy server.',
  },
  step4: {
    ja: 'プライベート エンドポイントを使用している場合は、プライベート DNS ゾーン (または独自の DNS サーバー) に必要なレコードが登録されているかご確認ください。',
    en: 'If the vault uses private endpoints, check that the private DNS zone (or your own DNS server) holds the required records.',
  },
});

const TCP = defineMessages({
  title: { ja: 'TCP 接続に失敗しています', en: 'TCP connection failed' },
  meaning: { ja: '{endpoint} への TCP 接続テストに失敗しました。', en: 'The TCP connection test to {endpoint} failed.' },
  meaningNoHost: {
    ja: '対象の宛先への TCP 接続テストに失敗しました。',
    en: 'The TCP connection test to the endpoint failed.',
  },
  why: {
    ja: 'TCP 接続ができない場合、ファイアウォール、ネットワーク セキュリティ グループ (NSG)、ルート テーブルなどで通信が遮断されている可能性があります。',
    en: 'A failed TCP connection usually means that a firewall, a network security group (NSG) or a route table blocks the traffic.',
  },
  step1: {
    ja: 'ファイアウォール、NSG、ルート テーブルなどで、{host} へのポート {port} の送信方向の通信が許可されているかご確認ください。',
    en: 'Check that firewalls, NSGs and route tables allow outbound traffic to {host} on port {port}.',
  },
  step1NoPort: {
    ja: 'ファイアウォール、NSG、ルート テーブルなどで、{host} への送信方向の通信が許可されているかご確認ください。',
    en: 'Check that firewalls, NSGs and route tables allow outbound traffic to {host}.',
  },
  step1NoHost: {
    ja: 'ファイアウォール、NSG、ルート テーブルなどで、この宛先への送信方向の通信が許可されているかご確認ください。',
    en: 'Check that firewalls, NSGs and route tables allow outbound traffic to this endpoint.',
  },
  step2: {
    ja: 'IP アドレスで通信を許可している場合は、FQDN またはサービス タグ (AzureBackup、Storage、AzureActiveDirectory) での許可をご検討ください。Azure の IP アドレスは変わることがあります。',
    en: 'If you allow traffic by IP address, consider allowing it by FQDN or service tag (AzureBackup, Storage, AzureActiveDirectory) instead: Azure IP addresses change.',
  },
  step3: {
    ja: 'プロキシ サーバー経由で通信する設計の場合は、バックアップ エージェントにプロキシ サーバーが設定されているかご確認ください。',
    en: 'If traffic is meant to go through a proxy server, check that the backup agent is set to use it.',
  },
  step1Iscsi: {
    ja: 'ファイルの回復で使用する iSCSI (TCP 3260) の通信は、プロキシ サーバーを経由しません。ファイアウォールや NSG で、{host} へのポート 3260 の送信方向の通信を直接許可してください。',
    en: 'iSCSI (TCP 3260) for file recovery never goes through a proxy server. Allow direct outbound traffic to {host} on port 3260 in firewalls and NSGs.',
  },
  step1IscsiNoHost: {
    ja: 'ファイルの回復で使用する iSCSI (TCP 3260) の通信は、プロキシ サーバーを経由しません。ファイアウォールや NSG で、ポート 3260 の送信方向の通信を直接許可してください。',
    en: 'iSCSI (TCP 3260) for file recovery never goes through a proxy server. Allow direct outbound traffic on port 3260 in firewalls and NSGs.',
  },
  step2Iscsi: {
    ja: 'ファイルの回復用スクリプトは download.microsoft.com にも接続するため、こちらへの通信も許可されているかご確認ください。',
    en: 'The file recovery script also connects to download.microsoft.com: check that it is allowed too.',
  },
});

const HTTP_CONNECT = defineMessages({
  title: { ja: 'Web リクエストで接続できません', en: 'Web request could not connect' },
  meaning: {
    ja: '{endpoint} への Web リクエストで、接続に失敗しました。',
    en: 'The web request to {endpoint} could not connect.',
  },
  meaningNoHost: {
    ja: '対象の宛先への Web リクエストで、接続に失敗しました。',
    en: 'The web request to the endpoint could not connect.',
  },
  why: {
    ja: 'Web リクエストで接続できない場合、バックアップ エージェントもこの宛先と通信できない可能性が高いと考えられます。',
    en: 'If the web request cannot connect, the backup agent most likely cannot either.',
  },
  step1: {
    ja: 'プロキシ サーバーを使用している場合は、プロキシ サーバーが稼働しているか、またマシンからプロキシ サーバーに接続できるかご確認ください。',
    en: 'If you use a proxy server, check that it is running and that the machine can reach it.',
  },
  step2: {
    ja: 'プロキシ サーバーやファイアウォールで、{host} への HTTPS の通信が許可されているかご確認ください。',
    en: 'Check that the proxy server and firewalls allow HTTPS to {host}.',
  },
  step2NoHost: {
    ja: 'プロキシ サーバーやファイアウォールで、この宛先への HTTPS の通信が許可されているかご確認ください。',
    en: 'Check that the proxy server and firewalls allow HTTPS to this endpoint.',
  },
  step3: {
    ja: 'Azure Backup の通信要件に記載されている FQDN がすべて許可されているかも、あわせてご確認ください。',
    en: 'Check as well that every FQDN in the Azure Backup network requirements is allowed.',
  },
});

const HTTP_TIMEOUT = defineMessages({
  title: { ja: 'Web リクエストがタイムアウトしています', en: 'Web request timed out' },
  meaning: {
    ja: '{endpoint} への Web リクエストが、応答のないままタイムアウトしました。',
    en: 'The web request to {endpoint} timed out without an answer.',
  },
  meaningNoHost: {
    ja: '対象の宛先への Web リクエストが、応答のないままタイムアウトしました。',
    en: 'The web request to the endpoint timed out without an answer.',
  },
  why: {
    ja: 'タイムアウトは、ファイアウォールが通信を応答なしで破棄している場合や、プロキシ サーバーが応答していない場合によく発生します。この状態では、バックアップ エージェントもこの宛先と通信できません。',
    en: 'A timeout usually means that a firewall drops the traffic silently or that the proxy server does not answer. The backup agent cannot reach this endpoint either.',
  },
  step1: {
    ja: 'ファイアウォールで、{host} への HTTPS の通信が破棄 (ドロップ) されていないかご確認ください。',
    en: 'Check whether a firewall drops HTTPS traffic to {host}.',
  },
  step1NoHost: {
    ja: 'ファイアウォールで、この宛先への HTTPS の通信が破棄 (ドロップ) されていないかご確認ください。',
    en: 'Check whether a firewall drops HTTPS traffic to this endpoint.',
  },
  step2: {
    ja: 'プロキシ サーバーを使用している場合は、プロキシ サーバーのログに {host} への要求が記録されているか、また応答を返しているかご確認ください。',
    en: 'If you use a proxy server, check its logs for requests to {host} and whether it answered them.',
  },
  step2NoHost: {
    ja: 'プロキシ サーバーを使用している場合は、プロキシ サーバーのログにこの宛先への要求が記録されているか、また応答を返しているかご確認ください。',
    en: 'If you use a proxy server, check its logs for requests to this endpoint and whether it answered them.',
  },
  step3: {
    ja: '一時的なネットワークの遅延の可能性もあるため、時間をおいて疎通確認スクリプトを再度実行し、結果をご確認ください。',
    en: 'It may also be a passing network delay: run the network-check script again later and compare.',
  },
});

const PROXY_AUTH = defineMessages({
  title: { ja: 'プロキシ サーバーで認証が要求されています (407)', en: 'Proxy authentication required (407)' },
  meaning: {
    ja: '{endpoint} への Web リクエストに対し、プロキシ サーバーが HTTP 407 (Proxy Authentication Required) を返し、認証を要求しました。',
    en: 'The proxy server asked for authentication (HTTP 407) on the web request to {endpoint}.',
  },
  meaningNoHost: {
    ja: '対象の宛先への Web リクエストに対し、プロキシ サーバーが HTTP 407 (Proxy Authentication Required) を返し、認証を要求しました。',
    en: 'The proxy server asked for authentication (HTTP 407) on the web request to the endpoint.',
  },
  why: {
    ja: 'バックアップ エージェントは SYSTEM などのサービス アカウントで動作するため、ユーザーの資格情報で認証するプロキシ サーバーを通過できないことがあります。認証に失敗すると、バックアップ エージェントはこの宛先と通信できません。なお、Azure VM 内の SQL Server のバックアップでは、認証が必要なプロキシ サーバーはサポートされていません。',
    en: 'The backup agent runs as a service account such as SYSTEM, so it may not get through a proxy that authenticates users. If authentication fails, the agent cannot reach this endpoint. SQL Server in Azure VM backup does not support authenticated proxy servers at all.',
  },
  step1: {
    ja: 'プロキシ サーバーの管理者に、Azure Backup の通信要件に記載されている宛先を認証なしで通過できるよう設定できるか、ご相談ください。',
    en: 'Ask the proxy administrator whether the destinations in the Azure Backup network requirements can pass without authentication.',
  },
  step2: {
    ja: 'MARS エージェントで認証が必要なプロキシ サーバーを使用する場合は、MARS エージェントのプロキシ設定でユーザー名とパスワードを指定してください。',
    en: 'If the MARS agent must use an authenticating proxy, set the user name and password in the MARS agent proxy settings.',
  },
});

const TLS_TRUST = defineMessages({
  title: { ja: 'サーバー証明書を信頼できません', en: 'Server certificate not trusted' },
  meaning: {
    ja: '{endpoint} への Web リクエストで、サーバー証明書を信頼できず、TLS 接続を確立できませんでした。',
    en: 'The web request to {endpoint} failed because the server certificate was not trusted.',
  },
  meaningNoHost: {
    ja: '対象の宛先への Web リクエストで、サーバー証明書を信頼できず、TLS 接続を確立できませんでした。',
    en: 'The web request to the endpoint failed because the server certificate was not trusted.',
  },
  why: {
    ja: 'プロキシ サーバーやファイアウォールが TLS の通信を検査 (TLS インスペクション) して証明書を置き換えている場合や、マシンに必要なルート証明書がない場合に発生します。証明書が置き換えられると、Azure Backup の通信は失敗します。',
    en: 'This happens when a proxy or firewall inspects TLS and replaces the certificate, or when the machine lacks the root certificate. Azure Backup connections fail when the certificate is replaced.',
  },
  step1: {
    ja: 'プロキシ サーバーやファイアウォールで TLS インスペクションを行っている場合は、Azure Backup、Azure Storage、Microsoft Entra ID の宛先を検査の対象から除外してください。',
    en: 'If a proxy or firewall inspects TLS, exclude the Azure Backup, Azure Storage and Microsoft Entra ID destinations from inspection.',
  },
  step2: {
    ja: 'ブラウザーで https://{host} を開き、証明書のパスをご確認ください。社内の証明機関やプロキシ製品の名前が表示される場合は、通信経路で証明書が置き換えられています。',
    en: 'Open https://{host} in a browser and look at the certificate path. An in-house CA or a proxy product’s name means the certificate is replaced on the way.',
  },
  step3: {
    ja: 'Windows Update などで、ルート証明書が最新の状態になっているかご確認ください。',
    en: 'Check that the root certificates are up to date, for example through Windows Update.',
  },
});

const TLS_CHANNEL = defineMessages({
  title: { ja: 'TLS 接続を確立できません', en: 'TLS connection could not be set up' },
  meaning: {
    ja: '{endpoint} への Web リクエストで、TLS による安全な通信路を確立できませんでした。',
    en: 'The web request to {endpoint} could not set up a secure TLS channel.',
  },
  meaningNoHost: {
    ja: '対象の宛先への Web リクエストで、TLS による安全な通信路を確立できませんでした。',
    en: 'The web request to the endpoint could not set up a secure TLS channel.',
  },
  why: {
    ja: 'OS や .NET Framework で TLS 1.2 が有効になっていない場合や、ネットワーク機器が TLS のハンドシェイク中に接続を切断している場合に発生します。Azure Backup は TLS 1.2 で通信するため、このままではバックアップや構成が失敗することがあります。',
    en: 'This happens when TLS 1.2 is not enabled in Windows or the .NET Framework, or when a network device cuts the connection during the handshake. Azure Backup uses TLS 1.2, so backups and configuration can fail.',
  },
  step1: {
    ja: 'このログの TLS 設定の確認結果で、TLS 1.2 が無効化されていないかご確認ください。',
    en: 'Check the TLS section of this log: TLS 1.2 must not be disabled.',
  },
  step3: {
    ja: 'プロキシ サーバーやファイアウォールが、{host} への TLS 接続を切断していないかご確認ください。',
    en: 'Check that no proxy server or firewall cuts TLS connections to {host}.',
  },
  step3NoHost: {
    ja: 'プロキシ サーバーやファイアウォールが、この宛先への TLS 接続を切断していないかご確認ください。',
    en: 'Check that no proxy server or firewall cuts TLS connections to this endpoint.',
  },
});

const HTTP_INCONCLUSIVE = defineMessages({
  title: { ja: 'Web リクエストの結果から判断できません', en: 'Web request result inconclusive' },
  meaning: {
    ja: '{endpoint} への Web リクエストは、通信できたかどうかを判断できないエラーで終了しました。',
    en: 'The web request to {endpoint} ended with an error that does not show whether the network path works.',
  },
  meaningNoHost: {
    ja: '対象の宛先への Web リクエストは、通信できたかどうかを判断できないエラーで終了しました。',
    en: 'The web request to the endpoint ended with an error that does not show whether the network path works.',
  },
  why: {
    ja: 'このエラーだけでは通信経路に問題があるかどうかを判断できないため、この宛先は判定不可としています。',
    en: 'This error alone cannot tell whether the path works, so the endpoint is marked inconclusive.',
  },
  step1: {
    ja: '対象のマシンの PowerShell で Invoke-WebRequest -Uri https://{host} -UseBasicParsing を実行し、HTTP のステータス コード (200、400、403、404 など) が返るかご確認ください。ステータス コードが返れば、通信はできています。',
    en: 'In PowerShell on the machine, run Invoke-WebRequest -Uri https://{host} -UseBasicParsing and check whether an HTTP status code (200, 400, 403, 404 …) comes back. Any status code means the endpoint is reachable.',
  },
  step1NoHost: {
    ja: '対象のマシンの PowerShell で、この宛先に対して Invoke-WebRequest を -UseBasicParsing 付きで実行し、HTTP のステータス コード (200、400、403、404 など) が返るかご確認ください。ステータス コードが返れば、通信はできています。',
    en: 'In PowerShell on the machine, run Invoke-WebRequest with -UseBasicParsing against this endpoint and check whether an HTTP status code (200, 400, 403, 404 …) comes back. Any status code means the endpoint is reachable.',
  },
  step2: {
    ja: 'Linux の場合は curl -I https://{host} を実行し、HTTP のステータス行が表示されるかご確認ください。',
    en: 'On Linux, run curl -I https://{host} and look for an HTTP status line.',
  },
  step3: {
    ja: '判断が難しい場合は、実行結果を担当のサポート エンジニアにお送りください。',
    en: 'If the result is unclear, send it to your support engineer.',
  },
});

const IE_ENGINE = defineMessages({
  title: { ja: '応答の解析エラー (通信はできています)', en: 'Response parsing error (endpoint reachable)' },
  meaning: {
    ja: '{endpoint} からの応答は受信できていますが、PowerShell が応答の内容を解析する際に Internet Explorer のエンジンを使用できず、エラーになりました。',
    en: '{endpoint} answered, but PowerShell could not parse the answer because the Internet Explorer engine was not available.',
  },
  meaningNoHost: {
    ja: '宛先からの応答は受信できていますが、PowerShell が応答の内容を解析する際に Internet Explorer のエンジンを使用できず、エラーになりました。',
    en: 'The endpoint answered, but PowerShell could not parse the answer because the Internet Explorer engine was not available.',
  },
  why: {
    ja: 'このエラーは応答を受信した後に発生するため、この宛先との通信には問題ありません。Azure Backup への影響もありません。',
    en: 'The error is raised after the answer arrived, so the endpoint is reachable. It does not affect Azure Backup.',
  },
  step1: {
    ja: 'この宛先について、ネットワークの対応は不要です。',
    en: 'No network change is needed for this endpoint.',
  },
  step2: {
    ja: 'スクリプトを再度実行する場合は、スクリプト内の Invoke-WebRequest に -UseBasicParsing を追加すると、このエラーを避けられます。',
    en: 'For a re-run, add -UseBasicParsing to the Invoke-WebRequest call in the script to avoid this error.',
  },
});

const PRIVATE_ENDPOINT = defineMessages({
  title: { ja: 'プライベート エンドポイントを使用している可能性があります', en: 'Private endpoint suspected' },
  meaning: {
    ja: '{host} の名前解決の結果 ({addresses}) に、プライベート IP アドレスまたは privatelink を含む名前が含まれています。',
    en: 'The name resolution of {host} ({addresses}) shows a private IP address or a privatelink name.',
  },
  meaningNoAddresses: {
    ja: '{host} の名前解決の結果に、プライベート IP アドレスまたは privatelink を含む名前が含まれています。',
    en: 'The name resolution of {host} shows a private IP address or a privatelink name.',
  },
  meaningNoHost: {
    ja: '確認した宛先の名前解決の結果に、プライベート IP アドレスまたは privatelink を含む名前が含まれています。',
    en: 'The name resolution of a checked endpoint shows a private IP address or a privatelink name.',
  },
  meaningRealTargets: {
    ja: 'ボールトでプライベート エンドポイントを使用している場合、実際の通信先は <ボールト ID>-ab-pod01-fc1.privatelink.<geo>.backup.windowsazure.com のような名前になり、このスクリプトが確認するパブリックの FQDN の結果は当てはまりません。',
    en: 'With private endpoints, the real targets are names such as <vaultId>-ab-pod01-fc1.privatelink.<geo>.backup.windowsazure.com, and the results for the public FQDNs this script checks do not apply.',
  },
  why: {
    ja: 'プライベート エンドポイントを使用する構成では、ボールト専用の FQDN がプライベート IP アドレスに名前解決され、その IP アドレスに接続できる必要があります。パブリックの宛先の結果だけでは、通信要件を満たしているかどうかを判断できません。',
    en: 'With private endpoints, the vault’s own FQDNs must resolve to the private IP addresses and be reachable there. Results for public endpoints cannot tell whether that works.',
  },
  step1: {
    ja: 'Azure portal で、Recovery Services ボールトにプライベート エンドポイントが構成されているかご確認ください。',
    en: 'In the Azure portal, check whether the Recovery Services vault has private endpoints.',
  },
  step2: {
    ja: 'プライベート エンドポイントの DNS エントリをご確認のうえ、対象のマシンで nslookup を実行し、各 FQDN がプライベート IP アドレスに名前解決されるかご確認ください。',
    en: 'Get the private endpoint’s DNS entries, then run nslookup on the machine and check that each FQDN resolves to its private IP address.',
  },
  step3: {
    ja: 'プライベート DNS ゾーン (privatelink.<geo>.backup.windowsazure.com、privatelink.blob.core.windows.net、privatelink.queue.core.windows.net) の仮想ネットワーク リンク、または独自の DNS サーバーの条件付きフォワーダーの設定をご確認ください。',
    en: 'Check the virtual network links of the private DNS zones (privatelink.<geo>.backup.windowsazure.com, privatelink.blob.core.windows.net, privatelink.queue.core.windows.net), or the conditional forwarders of your own DNS server.',
  },
  step4: {
    ja: 'プライベート エンドポイントを使用する場合も、Microsoft Entra ID への通信は許可されている必要があります。',
    en: 'Even with private endpoints, the machine still needs access to Microsoft Entra ID.',
  },
});

// ---------------------------------------------------------------------------------------------
// Proxy codes.

const TCP_BYPASSES_PROXY = defineMessages({
  title: { ja: 'TCP 接続テストはプロキシを経由していません', en: 'TCP tests bypass the proxy' },
  meaning: {
    ja: '{contexts} で、プロキシ サーバー {server} が使用されています。',
    en: 'A proxy server ({server}) is in use for {contexts}.',
  },
  meaningNoServer: {
    ja: '{contexts} で、プロキシ サーバーが使用されています。',
    en: 'A proxy server is in use for {contexts}.',
  },
  meaningNoContexts: {
    ja: 'プロキシ サーバー {server} が使用されています。',
    en: 'A proxy server ({server}) is in use.',
  },
  meaningNone: { ja: 'プロキシ サーバーが使用されています。', en: 'A proxy server is in use.' },
  meaningTcpDirect: {
    ja: 'TCP 接続テスト (Test-NetConnection や nc) はプロキシ サーバーを経由せずに直接接続するため、その結果は、プロキシ サーバー経由で通信できるかどうかを示していません。',
    en: 'TCP tests (Test-NetConnection, nc) connect directly, not through the proxy server, so their results do not show whether the proxy path works.',
  },
  why: {
    ja: 'プロキシ サーバー経由で通信する環境では、通信できるかどうかは Web リクエストの結果で判断します。TCP 接続テストの失敗は直接の通信が許可されていないことを示すだけで、問題とは限りません。',
    en: 'Behind a proxy, the web request results decide. A failed TCP test only shows that direct traffic is not allowed, which may be intended.',
  },
  step1: {
    ja: '各宛先と通信できるかどうかは、Web リクエストの結果でご確認ください。',
    en: 'Judge each endpoint by its web request result.',
  },
  step2: {
    ja: 'プロキシのバイパス リストに含まれる宛先とは直接通信するため、それらの宛先については TCP 接続テストの結果をご確認ください。',
    en: 'Hosts in the proxy bypass list are reached directly: for those, the TCP test result is the one that counts.',
  },
  step3: {
    ja: 'TCP 接続テストが成功していても、プロキシ サーバー経由で通信できることの確認にはならない点にご注意ください。',
    en: 'A successful TCP test does not prove that the proxy path works.',
  },
});

const PROXY_PATH = defineMessages({
  title: {
    ja: 'バックアップ エージェントのプロキシ経路は確認できていません',
    en: 'The backup agent’s proxy path was not tested',
  },
  meaning: {
    ja: '{context} にはプロキシ サーバー {server} が設定されていますが、Web リクエストを実行した現在のユーザーの設定は {userServer} です。',
    en: '{context} uses the proxy server {server}, but the current user, who ran the web requests, uses {userServer}.',
  },
  meaningUserDirect: {
    ja: '{context} にはプロキシ サーバー {server} が設定されていますが、Web リクエストを実行した現在のユーザーにはプロキシ サーバーが設定されていません。',
    en: '{context} uses the proxy server {server}, but the current user, who ran the web requests, has no proxy server.',
  },
  meaningNoServer: {
    ja: '{context} には、Web リクエストを実行した現在のユーザーとは異なるプロキシ設定が行われています。',
    en: '{context} has other proxy settings than the current user, who ran the web requests.',
  },
  meaningNone: {
    ja: 'バックアップ エージェントが使用するアカウントには、Web リクエストを実行した現在のユーザーとは異なるプロキシ設定が行われています。',
    en: 'The account the backup agent runs as has other proxy settings than the current user, who ran the web requests.',
  },
  meaningBypass: {
    ja: '{context} と、Web リクエストを実行した現在のユーザーは同じプロキシ サーバー {server} を使用していますが、バイパス リスト (ProxyOverride) が異なります。{bypassHosts} への通信は、一方ではプロキシ サーバーを経由し、もう一方では直接行われます。',
    en: '{context} and the current user, who ran the web requests, use the same proxy server {server}, but their bypass lists (ProxyOverride) differ: {bypassHosts} are reached through the proxy by one of them and directly by the other.',
  },
  meaningAgentDirect: {
    ja: '{context} にはプロキシ サーバーが設定されていないため、{context} の通信はプロキシ サーバーを経由せずに直接行われます。一方、Web リクエストを実行した現在のユーザーは、プロキシ サーバー {userServer} を使用しています。',
    en: '{context} has no proxy server, so its traffic goes direct, while the current user, who ran the web requests, uses the proxy server {userServer}.',
  },
  meaningDirectFailed: {
    ja: '{context} は {directFailedHosts} と直接通信しますが、このログの TCP テスト (直接の通信) ではこれらの宛先に接続できていません。このままでは、バックアップ エージェントの通信が失敗する可能性があります。',
    en: '{context} reaches {directFailedHosts} directly, and the direct (TCP) tests to them in this log failed: the backup agent’s traffic to them is likely to fail.',
  },
  step1Bypass: {
    ja: '{context} のバイパス リスト (ProxyOverride) が意図した設定かご確認ください。バイパス リストに含まれる宛先へは、プロキシ サーバーを経由せずに直接通信できる必要があります。該当する宛先については、このログの TCP テスト (直接の通信) の結果をご確認ください。',
    en: 'Check that the bypass list (ProxyOverride) of {context} is intended. Destinations in a bypass list must be reachable directly, without the proxy; for them, look at the TCP test (direct) results in this log.',
  },
  meaningNotTested: {
    ja: 'そのため、このログの Web リクエストの結果は、バックアップ エージェントが実際に使用する経路を確認したものではありません。',
    en: 'So the web requests in this log did not test the path the backup agent will take.',
  },
  why: {
    ja: 'バックアップ エージェントは、スクリプトを実行したユーザーではなく、NT AUTHORITY\\SYSTEM (MARS エージェントなど) や NT SERVICE\\AzureWLBackupPluginSvc (ワークロード バックアップ) のプロキシ設定を使用して通信します。エージェントが使用するプロキシ サーバー経由で通信できるかどうかは、このログからは判断できません。',
    en: 'The backup agent does not use the settings of the user who ran the script: it uses those of NT AUTHORITY\\SYSTEM (MARS agent and others) or NT SERVICE\\AzureWLBackupPluginSvc (workload backup). Whether the agent’s proxy path works cannot be told from this log.',
  },
  step1: {
    ja: '{context} でプロキシ サーバー {server} を使用することが、意図した設定かご確認ください。',
    en: 'Check that {context} is meant to use the proxy server {server}.',
  },
  step1NoServer: {
    ja: '{context} のプロキシ設定が、意図した設定かご確認ください。',
    en: 'Check that the proxy settings of {context} are intended.',
  },
  step1None: {
    ja: 'バックアップ エージェントが使用するプロキシ設定が、意図した設定かご確認ください。',
    en: 'Check that the proxy settings the backup agent uses are intended.',
  },
  step2: {
    ja: 'エージェントと同じ経路を確認するには、対象のマシンの PowerShell で Invoke-WebRequest -Uri https://<確認する FQDN> -Proxy http://<プロキシ サーバー>:<ポート> -UseBasicParsing を実行し、HTTP のステータス コードが返るかご確認ください。',
    en: 'To test the agent’s path, run Invoke-WebRequest -Uri https://<FQDN> -Proxy http://<proxy server>:<port> -UseBasicParsing in PowerShell on the machine and check that an HTTP status code comes back.',
  },
  step3: {
    ja: 'プロキシ サーバー側で、Azure Backup の通信要件に記載されている宛先が許可されているかご確認ください。',
    en: 'Check that the proxy server allows the destinations in the Azure Backup network requirements.',
  },
  step4: {
    ja: '現在のユーザーにも同じプロキシ設定を一時的に行って疎通確認スクリプトを再度実行すると、エージェントと同じ経路で確認できます。',
    en: 'Alternatively, give the current user the same proxy settings for a while and run the network-check script again: it then tests the agent’s path.',
  },
});

const PROXY_NOT_SET = defineMessages({
  title: {
    ja: 'SYSTEM にプロキシが設定されておらず、直接の通信もできません',
    en: 'No proxy for SYSTEM, and direct traffic is blocked',
  },
  titleWarning: { ja: 'SYSTEM にプロキシが設定されていません', en: 'No proxy set for SYSTEM' },
  meaning: {
    ja: '現在のユーザーにはプロキシ サーバー {userServer} が設定されていますが、NT AUTHORITY\\SYSTEM にはプロキシ サーバーが設定されていません。',
    en: 'The current user uses the proxy server {userServer}, but NT AUTHORITY\\SYSTEM has no proxy server.',
  },
  meaningNoServer: {
    ja: '現在のユーザーにはプロキシ サーバーが設定されていますが、NT AUTHORITY\\SYSTEM にはプロキシ サーバーが設定されていません。',
    en: 'The current user uses a proxy server, but NT AUTHORITY\\SYSTEM has none.',
  },
  meaningGoesDirect: {
    ja: 'そのため、MARS エージェントや Azure VM 内の SQL Server のバックアップは、プロキシ サーバーを経由せずに直接通信しようとします。',
    en: 'So the MARS agent and SQL Server in Azure VM backup will try to connect directly, without the proxy server.',
  },
  meaningFailedHosts: {
    ja: 'しかし、{failedHosts} への直接の TCP 接続は失敗しています。',
    en: 'But direct TCP connections to {failedHosts} failed.',
  },
  meaningFailedNoHosts: {
    ja: 'しかし、Azure Backup に必要な宛先への直接の TCP 接続が失敗しています。',
    en: 'But direct TCP connections to hosts that Azure Backup needs failed.',
  },
  meaningDirectWorks: {
    ja: '直接の TCP 接続テストは成功しているため、直接通信できる可能性があります。ただし、このログの Web リクエストは現在のユーザーのプロキシ サーバー経由で行われたため、直接の経路での Web リクエストは確認できていません。',
    en: 'Direct TCP tests succeeded, so direct traffic may work. But the web requests in this log went through the current user’s proxy, so the direct path was not tested with a web request.',
  },
  why: {
    ja: 'このままでは、MARS エージェントや SQL Server のバックアップは Azure と通信できず、バックアップやボールトへの登録が失敗します。',
    en: 'As it stands, the MARS agent and SQL Server backup cannot reach Azure, and backups and vault registration fail.',
  },
  whyWarning: {
    ja: 'プロキシ サーバー経由での通信を想定している場合、バックアップ エージェントは想定と異なる経路で通信することになります。直接の経路が途中で遮断されていると、バックアップが失敗します。',
    en: 'If traffic is meant to go through the proxy, the backup agent takes another path than intended; if the direct path is blocked further along, backups fail.',
  },
  stepDecide: {
    ja: 'バックアップの通信をプロキシ サーバー経由にするか、直接通信するかをご確認ください。',
    en: 'Decide whether backup traffic should go through the proxy server or directly.',
  },
  stepSetProxy: {
    ja: 'プロキシ サーバー経由にする場合は、バックアップ エージェントにプロキシ サーバーを設定してください。MARS エージェントでは、MARS エージェント コンソールの [プロパティの変更] から設定できます。',
    en: 'To use the proxy server, configure it for the backup agent. For the MARS agent, do this from Change Properties in the MARS agent console.',
  },
  stepAllowDirect: {
    ja: '直接通信する場合は、ファイアウォールや NSG で、Azure Backup の通信要件に記載されている宛先への送信方向の通信 (ポート 443) を許可してください。',
    en: 'To go direct, allow outbound traffic on port 443 in firewalls and NSGs to the destinations in the Azure Backup network requirements.',
  },
  stepTestDirect: {
    ja: '直接通信する場合は、現在のユーザーのプロキシ設定を一時的に無効にして疎通確認スクリプトを再度実行し、直接の経路で Web リクエストが成功するかご確認ください。',
    en: 'To go direct, turn the current user’s proxy off for a while and run the network-check script again: its web requests then test the direct path.',
  },
});

const PROXY_BYPASS = defineMessages({
  title: {
    ja: 'Azure の宛先がプロキシのバイパス リストに含まれています',
    en: 'Azure hosts are in the proxy bypass list',
  },
  meaning: {
    ja: '{context} のバイパス リストに {entries} が含まれているため、該当する Azure Backup や Azure Storage の宛先とは、プロキシ サーバーを経由せずに直接通信します。',
    en: 'The bypass list of {context} contains {entries}, so matching Azure Backup and Azure Storage hosts are reached directly, not through the proxy server.',
  },
  meaningNoContext: {
    ja: 'プロキシのバイパス リストに {entries} が含まれているため、該当する Azure Backup や Azure Storage の宛先とは、プロキシ サーバーを経由せずに直接通信します。',
    en: 'The proxy bypass list contains {entries}, so matching Azure Backup and Azure Storage hosts are reached directly, not through the proxy server.',
  },
  meaningNoEntries: {
    ja: '{context} のバイパス リストに Azure Backup や Azure Storage の宛先が含まれているため、これらの宛先とは、プロキシ サーバーを経由せずに直接通信します。',
    en: 'The bypass list of {context} contains Azure Backup or Azure Storage hosts, so they are reached directly, not through the proxy server.',
  },
  meaningNone: {
    ja: 'プロキシのバイパス リストに Azure Backup や Azure Storage の宛先が含まれているため、これらの宛先とは、プロキシ サーバーを経由せずに直接通信します。',
    en: 'The proxy bypass list contains Azure Backup or Azure Storage hosts, so they are reached directly, not through the proxy server.',
  },
  why: {
    ja: 'バイパス リストに含まれる宛先とは直接通信するため、ファイアウォールなどで直接の通信が許可されている必要があります。これらの宛先については、直接の通信を確認している TCP 接続テストの結果が参考になります。',
    en: 'Bypassed hosts are reached directly, so firewalls must allow direct traffic to them. For those hosts, the direct TCP test result is the relevant one.',
  },
  step1: {
    ja: '該当する宛先への TCP 接続テストが成功しているかご確認ください。',
    en: 'Check that the TCP tests to the matching hosts succeeded.',
  },
  step2: {
    ja: '直接の通信が許可されていないネットワークの場合は、バイパス リストから該当するエントリを削除するか、ファイアウォールで直接の通信を許可してください。',
    en: 'If the network does not allow direct traffic, remove the entries from the bypass list or allow direct traffic in the firewall.',
  },
  step3: {
    ja: '直接通信する構成が意図したものであれば、対応は不要です。',
    en: 'If direct traffic is intended, nothing needs to change.',
  },
});

// ---------------------------------------------------------------------------------------------
// Region, TLS, log-level codes.

const REGION = defineMessages({
  title: { ja: '確認した FQDN は特定のリージョンの例です', en: 'The checked FQDNs are examples for one region' },
  meaning: {
    ja: 'このスクリプトが確認した FQDN は、{regions} ({geoCodes}) 向けの例です。',
    en: 'The FQDNs this script checked are examples for {regions} ({geoCodes}).',
  },
  meaningRegionsOnly: {
    ja: 'このスクリプトが確認した FQDN は、{regions} 向けの例です。',
    en: 'The FQDNs this script checked are examples for {regions}.',
  },
  meaningGeoOnly: {
    ja: 'このスクリプトが確認した FQDN は、リージョンの略称 {geoCodes} 向けの例です。',
    en: 'The FQDNs this script checked are examples for the region code {geoCodes}.',
  },
  meaningNone: {
    ja: 'このスクリプトが確認した FQDN は、特定のリージョン向けの例です。',
    en: 'The FQDNs this script checked are examples for one region.',
  },
  meaningVaultDecides: {
    ja: '実際に通信が必要な FQDN は、Recovery Services ボールトのリージョンによって決まります。',
    en: 'The FQDNs the machine really needs depend on the region of the Recovery Services vault.',
  },
  why: {
    ja: 'ボールトのリージョンが異なる場合、このログでは通信できていても、実際の宛先 (例: pod01-manag1.<リージョンの略称>.backup.windowsazure.com) とは通信できない可能性があります。',
    en: 'If the vault is in another region, the real endpoints (such as pod01-manag1.<geo>.backup.windowsazure.com) may be unreachable even when this log looks fine.',
  },
  step1: {
    ja: 'Azure portal で、Recovery Services ボールトのリージョンをご確認ください。',
    en: 'Check the region of the Recovery Services vault in the Azure portal.',
  },
  step2: {
    ja: 'ボールトのリージョンが {regions} と異なる場合は、そのリージョンの FQDN と通信できるかご確認ください。',
    en: 'If it is not {regions}, check that the FQDNs of the vault’s region are reachable.',
  },
  step2NoRegions: {
    ja: 'ボールトのリージョンがログの FQDN のリージョンと異なる場合は、ボールトのリージョンの FQDN と通信できるかご確認ください。',
    en: 'If the vault is in another region than the FQDNs in the log, check that the FQDNs of the vault’s region are reachable.',
  },
  step3: {
    ja: 'ファイアウォールやプロキシ サーバーで FQDN を個別に許可している場合は、ボールトのリージョンの FQDN を許可するか、MARS エージェントの通信要件に記載されているワイルドカード (*.windowsazure.com など) で許可してください。',
    en: 'If firewalls or the proxy allow FQDNs one by one, allow those of the vault’s region, or the wildcards listed in the MARS agent network requirements (such as *.windowsazure.com).',
  },
});

const TLS12_DISABLED = defineMessages({
  title: { ja: 'TLS 1.2 が無効化されています', en: 'TLS 1.2 is disabled' },
  meaning: {
    ja: 'SCHANNEL のレジストリで、TLS 1.2 の {side} キーが無効化されています。',
    en: 'TLS 1.2 is disabled in the SCHANNEL registry ({side} key).',
  },
  meaningNoSide: {
    ja: 'SCHANNEL のレジストリで、TLS 1.2 が無効化されています。',
    en: 'TLS 1.2 is disabled in the SCHANNEL registry.',
  },
  meaningValues: {
    ja: 'ログに記録されている値は {values} です。',
    en: 'The log shows {values}.',
  },
});

const TLS12_OS_DEFAULT = defineMessages({
  title: { ja: 'TLS 1.2 は OS の既定で有効です', en: 'TLS 1.2 is on by OS default' },
  meaning: {
    ja: 'TLS 1.2 のレジストリ キーはありませんが、{os} では TLS 1.2 が既定で有効です。',
    en: 'There is no TLS 1.2 registry key, but TLS 1.2 is on by default in {os}.',
  },
  meaningNoOs: {
    ja: 'TLS 1.2 のレジストリ キーはありませんが、Windows Server 2012 R2 以降では TLS 1.2 が既定で有効です。',
    en: 'There is no TLS 1.2 registry key, but TLS 1.2 is on by default in Windows Server 2012 R2 and later.',
  },
  why: {
    ja: 'Windows Server 2012 R2 以降では、レジストリ キーがない場合は既定値が使用されるため、キーを作成する必要はありません。',
    en: 'On Windows Server 2012 R2 and later, a missing key means the default applies; there is no need to create it.',
  },
  step1: {
    ja: 'SCHANNEL の TLS 1.2 の設定について、対応は不要です。',
    en: 'Nothing to do for TLS 1.2 in SCHANNEL.',
  },
  step2: {
    ja: 'Web リクエストで TLS のエラーが発生している場合は、.NET Framework の設定 (SchUseStrongCrypto、SystemDefaultTlsVersions) をご確認ください。',
    en: 'If web requests show TLS errors, check the .NET Framework settings (SchUseStrongCrypto, SystemDefaultTlsVersions).',
  },
});

const TLS12_LEGACY_OS = defineMessages({
  title: { ja: 'TLS 1.2 が有効化されていません', en: 'TLS 1.2 is not enabled' },
  titleWarning: { ja: 'TLS 1.2 の有効化を確認できません', en: 'TLS 1.2 not explicitly enabled' },
  meaning: {
    ja: 'TLS 1.2 のレジストリ キーがありません。{os} では TLS 1.2 が既定で無効のため、TLS 1.2 は使用されていません。',
    en: 'There is no TLS 1.2 registry key. TLS 1.2 is off by default in {os}, so it is not in use.',
  },
  meaningServerOnly: {
    ja: 'TLS 1.2 のレジストリ キーは {serverOnly} 側にしかなく、Client 側にはありません。{os} では TLS 1.2 が既定で無効のため、Azure Backup への接続 (Client 側) では TLS 1.2 は使用されていません。',
    en: 'The TLS 1.2 registry key exists only for the {serverOnly} side, not for Client. TLS 1.2 is off by default in {os}, so connections to Azure Backup (the client side) do not use it.',
  },
  meaningWarningServerOnly: {
    ja: 'TLS 1.2 のレジストリ キーは {serverOnly} 側にしかなく Client 側にはないため、このログからは {os} で Azure Backup への接続 (Client 側) に TLS 1.2 を使用できるかどうかを判断できません。',
    en: 'The TLS 1.2 registry key exists only for the {serverOnly} side, not for Client, so this log cannot show whether connections to Azure Backup (the client side) can use TLS 1.2 on {os}.',
  },
  meaningNoOs: {
    ja: 'TLS 1.2 のレジストリ キーがありません。Windows Server 2008 R2 以前では TLS 1.2 が既定で無効のため、TLS 1.2 は使用されていません。',
    en: 'There is no TLS 1.2 registry key. TLS 1.2 is off by default in Windows Server 2008 R2 and older, so it is not in use.',
  },
  meaningWarning: {
    ja: 'TLS 1.2 のレジストリ キーがないため、このログからは {os} で TLS 1.2 を使用できるかどうかを判断できません。',
    en: 'There is no TLS 1.2 registry key, so this log cannot show whether TLS 1.2 is usable on {os}.',
  },
  meaningWarningNoOs: {
    ja: 'TLS 1.2 のレジストリ キーがないため、このログからは TLS 1.2 を使用できるかどうかを判断できません。',
    en: 'There is no TLS 1.2 registry key, so this log cannot show whether TLS 1.2 is usable.',
  },
  whyWarning: {
    ja: 'Windows Server 2012 R2 より前の OS では、TLS 1.2 を確実に使用するために明示的な設定が必要です。設定されていない場合、Azure Backup の通信が失敗することがあります。',
    en: 'Before Windows Server 2012 R2, TLS 1.2 must be enabled explicitly to be sure it is used. Without that, Azure Backup connections can fail.',
  },
  step1: {
    ja: '更新プログラム KB3140245 がインストールされているかご確認ください。',
    en: 'Check that update KB3140245 is installed.',
  },
});

const LEGACY_PROTOCOL = defineMessages({
  title: { ja: '古いプロトコルが有効化されています', en: 'Legacy protocols are enabled' },
  meaning: {
    ja: 'SCHANNEL のレジストリで、{protocols} が明示的に有効化されています。',
    en: 'The SCHANNEL registry explicitly enables {protocols}.',
  },
  meaningNone: {
    ja: 'SCHANNEL のレジストリで、古いプロトコル (SSL 3.0、TLS 1.0、TLS 1.1 のいずれか) が明示的に有効化されています。',
    en: 'The SCHANNEL registry explicitly enables a legacy protocol (SSL 3.0, TLS 1.0 or TLS 1.1).',
  },
  why: {
    ja: 'Azure Backup は TLS 1.2 で通信するため、この設定がバックアップに直接影響することはありません。ただし、古いプロトコルはセキュリティ上推奨されません。',
    en: 'Azure Backup uses TLS 1.2, so this does not affect backups directly. Legacy protocols are not recommended for security, though.',
  },
  step1: {
    ja: 'これらのプロトコルを必要とするアプリケーションがないかご確認ください。',
    en: 'Check whether any application still needs these protocols.',
  },
  step2: {
    ja: '不要な場合は、社内のセキュリティ ポリシーに従って無効化をご検討ください。',
    en: 'If none does, consider disabling them as your security policy says.',
  },
  step3: {
    ja: 'TLS 1.2 が無効化されていないことも、あわせてご確認ください。',
    en: 'Also make sure TLS 1.2 itself is not disabled.',
  },
});

const LOG_INCOMPLETE = defineMessages({
  title: { ja: 'ログが途中で終了しています', en: 'The log is incomplete' },
  meaning: {
    ja: '疎通確認スクリプトの実行が途中で終了したため、一部の確認結果がログに含まれていません。含まれていない確認項目は「{missing}」です。',
    en: 'The network-check script stopped before it finished, so some checks are missing from the log: {missing}.',
  },
  meaningNoMissing: {
    ja: '疎通確認スクリプトの実行が途中で終了したため、一部の確認結果がログに含まれていません。',
    en: 'The network-check script stopped before it finished, so some checks are missing from the log.',
  },
  meaningLastLine: {
    ja: 'ログの最後の行は「{lastLine}」です。',
    en: 'The last line of the log is "{lastLine}".',
  },
  why: {
    ja: 'ログに含まれていない確認項目については、通信できるかどうかを判断できません。スクリプトは完了までに 20 分程度かかることがあります。',
    en: 'Nothing can be said about the missing checks. The script can take about 20 minutes to finish.',
  },
  step1: {
    ja: '疎通確認スクリプトをもう一度実行し、処理が完了するまでお待ちください。',
    en: 'Run the network-check script again and wait until it finishes.',
  },
  step2: {
    ja: '実行中にウィンドウを閉じたり、Ctrl+C キーを押したりしないでください。',
    en: 'Do not close the window or press Ctrl+C while it runs.',
  },
  step3: {
    ja: '完了後に出力されたログ ファイルを、そのままお送りください。',
    en: 'Send the log file it writes, as it is.',
  },
});

const NOT_ELEVATED = defineMessages({
  title: { ja: 'スクリプトが管理者として実行されていません', en: 'The script did not run as administrator' },
  meaning: {
    ja: 'ログにアクセス拒否のエラーが記録されているため、スクリプトは管理者として実行されていなかったと考えられます。このため、「{contexts}」のプロキシ設定を読み取れていません。',
    en: 'The log shows access-denied errors: the script did not run as administrator, so the proxy settings of {contexts} could not be read.',
  },
  meaningNoContexts: {
    ja: 'ログにアクセス拒否のエラーが記録されているため、スクリプトは管理者として実行されていなかったと考えられます。このため、一部のプロキシ設定を読み取れていません。',
    en: 'The log shows access-denied errors: the script did not run as administrator, so some proxy settings could not be read.',
  },
  why: {
    ja: 'MARS エージェントやワークロード バックアップが使用するプロキシ設定を確認できないため、バックアップ エージェントの通信経路を判断できません。',
    en: 'Without the proxy settings the MARS agent and workload backup use, the backup agent’s path cannot be judged.',
  },
  step1: {
    ja: 'Windows PowerShell のアイコンを右クリックし、[管理者として実行] を選択して起動してください。',
    en: 'Right-click Windows PowerShell and choose Run as administrator.',
  },
  step2: {
    ja: '起動した PowerShell で、疎通確認スクリプトを再度実行してください。',
    en: 'In that PowerShell window, run the network-check script again.',
  },
  step3: {
    ja: '新しく出力されたログ ファイルをお送りください。',
    en: 'Send the new log file.',
  },
});

const UNRECOGNIZED = defineMessages({
  title: { ja: '疎通確認スクリプトのログではありません', en: 'Not a network-check log' },
  meaning: {
    ja: 'このファイルは、Azure Backup または Azure Site Recovery の疎通確認スクリプトが出力したログとして認識できませんでした。',
    en: 'This file is not recognized as a log written by the Azure Backup or Azure Site Recovery network-check scripts.',
  },
  why: {
    ja: 'この解析は、疎通確認スクリプトのログの内容をもとに行います。ログ以外のファイルからは、通信要件を満たしているかどうかを判断できません。',
    en: 'The analysis reads the network-check script’s log; other files say nothing about the network requirements.',
  },
  step1: {
    ja: 'Windows の場合は AzureBackup_Check_NW_yyyymmdd_hhmmss.log、Linux の場合は CheckNWResult_<ホスト名>_<日時>.log という名前のファイルをお送りください。',
    en: 'Send the file named AzureBackup_Check_NW_yyyymmdd_hhmmss.log (Windows) or CheckNWResult_<host>_<date>.log (Linux).',
  },
  step2: {
    ja: 'スクリーンショットや、ログの一部を貼り付けたファイルではなく、出力されたログ ファイルをそのままお送りください。',
    en: 'Send the log file itself, not a screenshot or an excerpt pasted into another file.',
  },
  step3: {
    ja: 'スクリプトをまだ実行していない場合は、参考資料の手順に従って実行してください。',
    en: 'If the script has not been run yet, follow the linked page to run it.',
  },
});

// ---------------------------------------------------------------------------------------------
// One problem on several endpoints or proxy settings, explained once (the card lists each one
// under the explanation): sentences that name them together, and "these endpoints" where the
// single wording says "this endpoint". Shared steps that name no host are reused as they are.

const GROUP = defineMessages({
  fragmentAndMore: { ja: '{list} ほか {count} 件', en: '{list} and {count} more' },
  meaningDetail: {
    ja: 'ログには、いずれの宛先についても「{detail}」と記録されています。',
    en: 'The log says the same for each of them: "{detail}".',
  },
  meaningTcpIsDirect: {
    ja: 'TCP 接続テストは、プロキシ サーバーを経由せずに直接接続を試みるものです。',
    en: 'These tests try direct connections, not connections through a proxy server.',
  },
  meaningDns: {
    ja: '{count} 件の FQDN ({hosts}) の名前解決に失敗しました。',
    en: '{count} FQDNs could not be resolved: {hosts}.',
  },
  whyDns: {
    ja: '名前解決ができないと、これらの宛先とは一切通信できません。',
    en: 'Without name resolution, nothing can connect to these endpoints.',
  },
  stepDns1: {
    ja: '対象のマシンで、各宛先について nslookup を実行し (例: nslookup {host})、名前解決ができるかご確認ください。',
    en: 'On the machine, run nslookup for each endpoint (for example nslookup {host}) and check that the names resolve.',
  },
  meaningTcp: {
    ja: '{count} 件の宛先 ({hosts}) へのポート {port} の TCP 接続テストに失敗しました。',
    en: 'TCP connection tests on port {port} failed for {count} endpoints: {hosts}.',
  },
  meaningTcpNoPort: {
    ja: '{count} 件の宛先 ({hosts}) への TCP 接続テストに失敗しました。',
    en: 'TCP connection tests failed for {count} endpoints: {hosts}.',
  },
  stepTcp1: {
    ja: 'ファイアウォール、NSG、ルート テーブルなどで、これらの宛先へのポート {port} の送信方向の通信が許可されているかご確認ください。',
    en: 'Check that firewalls, NSGs and route tables allow outbound traffic to these endpoints on port {port}.',
  },
  stepTcp1NoPort: {
    ja: 'ファイアウォール、NSG、ルート テーブルなどで、これらの宛先への送信方向の通信が許可されているかご確認ください。',
    en: 'Check that firewalls, NSGs and route tables allow outbound traffic to these endpoints.',
  },
  stepTcp1Iscsi: {
    ja: 'ファイルの回復で使用する iSCSI (TCP 3260) の通信は、プロキシ サーバーを経由しません。ファイアウォールや NSG で、これらの宛先へのポート 3260 の送信方向の通信を直接許可してください。',
    en: 'iSCSI (TCP 3260) for file recovery never goes through a proxy server. Allow direct outbound traffic to these endpoints on port 3260 in firewalls and NSGs.',
  },
  meaningHttpConnect: {
    ja: '{count} 件の宛先 ({hosts}) への Web リクエストで、接続に失敗しました。',
    en: 'The web requests to {count} endpoints could not connect: {hosts}.',
  },
  whyHttpConnect: {
    ja: 'Web リクエストで接続できない場合、バックアップ エージェントもこれらの宛先と通信できない可能性が高いと考えられます。',
    en: 'If the web requests cannot connect, the backup agent most likely cannot either.',
  },
  stepHttpConnect2: {
    ja: 'プロキシ サーバーやファイアウォールで、これらの宛先への HTTPS の通信が許可されているかご確認ください。',
    en: 'Check that the proxy server and firewalls allow HTTPS to these endpoints.',
  },
  meaningHttpTimeout: {
    ja: '{count} 件の宛先 ({hosts}) への Web リクエストが、応答のないままタイムアウトしました。',
    en: 'The web requests to {count} endpoints timed out without an answer: {hosts}.',
  },
  whyHttpTimeout: {
    ja: 'タイムアウトは、ファイアウォールが通信を応答なしで破棄している場合や、プロキシ サーバーが応答していない場合によく発生します。この状態では、バックアップ エージェントもこれらの宛先と通信できません。',
    en: 'A timeout usually means that a firewall drops the traffic silently or that the proxy server does not answer. The backup agent cannot reach these endpoints either.',
  },
  stepHttpTimeout1: {
    ja: 'ファイアウォールで、これらの宛先への HTTPS の通信が破棄 (ドロップ) されていないかご確認ください。',
    en: 'Check whether a firewall drops HTTPS traffic to these endpoints.',
  },
  stepHttpTimeout2: {
    ja: 'プロキシ サーバーを使用している場合は、プロキシ サーバーのログにこれらの宛先への要求が記録されているか、また応答を返しているかご確認ください。',
    en: 'If you use a proxy server, check its logs for requests to these endpoints and whether it answered them.',
  },
  meaningProxyAuth: {
    ja: '{count} 件の宛先 ({hosts}) への Web リクエストに対し、プロキシ サーバーが HTTP 407 (Proxy Authentication Required) を返し、認証を要求しました。',
    en: 'The proxy server asked for authentication (HTTP 407) on the web requests to {count} endpoints: {hosts}.',
  },
  whyProxyAuth: {
    ja: 'バックアップ エージェントは SYSTEM などのサービス アカウントで動作するため、ユーザーの資格情報で認証するプロキシ サーバーを通過できないことがあります。認証に失敗すると、バックアップ エージェントはこれらの宛先と通信できません。なお、Azure VM 内の SQL Server のバックアップでは、認証が必要なプロキシ サーバーはサポートされていません。',
    en: 'The backup agent runs as a service account such as SYSTEM, so it may not get through a proxy that authenticates users. If authentication fails, the agent cannot reach these endpoints. SQL Server in Azure VM backup does not support authenticated proxy servers at all.',
  },
  meaningTlsTrust: {
    ja: '{count} 件の宛先 ({hosts}) への Web リクエストで、サーバー証明書を信頼できず、TLS 接続を確立できませんでした。',
    en: 'The web requests to {count} endpoints failed because the server certificate was not trusted: {hosts}.',
  },
  stepTlsTrust2: {
    ja: 'ブラウザーで各宛先 (例: https://{host}) を開き、証明書のパスをご確認ください。社内の証明機関やプロキシ製品の名前が表示される場合は、通信経路で証明書が置き換えられています。',
    en: 'Open each endpoint in a browser (for example https://{host}) and look at the certificate path. An in-house CA or a proxy product’s name means the certificate is replaced on the way.',
  },
  meaningTlsChannel: {
    ja: '{count} 件の宛先 ({hosts}) への Web リクエストで、TLS による安全な通信路を確立できませんでした。',
    en: 'The web requests to {count} endpoints could not set up a secure TLS channel: {hosts}.',
  },
  stepTlsChannel3: {
    ja: 'プロキシ サーバーやファイアウォールが、これらの宛先への TLS 接続を切断していないかご確認ください。',
    en: 'Check that no proxy server or firewall cuts TLS connections to these endpoints.',
  },
  meaningHttpInconclusive: {
    ja: '{count} 件の宛先 ({hosts}) への Web リクエストは、通信できたかどうかを判断できないエラーで終了しました。',
    en: 'The web requests to {count} endpoints ended with errors that do not show whether the network path works: {hosts}.',
  },
  whyHttpInconclusive: {
    ja: 'このエラーだけでは通信経路に問題があるかどうかを判断できないため、これらの宛先は判定不可としています。',
    en: 'These errors alone cannot tell whether the path works, so the endpoints are marked inconclusive.',
  },
  stepHttpInconclusive1: {
    ja: '対象のマシンの PowerShell で、各宛先に対して Invoke-WebRequest を -UseBasicParsing 付きで実行し (例: Invoke-WebRequest -Uri https://{host} -UseBasicParsing)、HTTP のステータス コード (200、400、403、404 など) が返るかご確認ください。ステータス コードが返れば、通信はできています。',
    en: 'In PowerShell on the machine, run Invoke-WebRequest with -UseBasicParsing against each endpoint (for example Invoke-WebRequest -Uri https://{host} -UseBasicParsing) and check whether an HTTP status code (200, 400, 403, 404 …) comes back. An endpoint that returns any status code is reachable.',
  },
  stepHttpInconclusive2: {
    ja: 'Linux の場合は、各宛先に対して curl -I を実行し (例: curl -I https://{host})、HTTP のステータス行が表示されるかご確認ください。',
    en: 'On Linux, run curl -I against each endpoint (for example curl -I https://{host}) and look for an HTTP status line.',
  },
  meaningIeEngine: {
    ja: '{count} 件の宛先 ({hosts}) からの応答は受信できていますが、PowerShell が応答の内容を解析する際に Internet Explorer のエンジンを使用できず、エラーになりました。',
    en: '{count} endpoints answered ({hosts}), but PowerShell could not parse the answers because the Internet Explorer engine was not available.',
  },
  whyIeEngine: {
    ja: 'このエラーは応答を受信した後に発生するため、これらの宛先との通信には問題ありません。Azure Backup への影響もありません。',
    en: 'The error is raised after the answers arrived, so these endpoints are reachable. It does not affect Azure Backup.',
  },
  stepIeEngine1: {
    ja: 'これらの宛先について、ネットワークの対応は不要です。',
    en: 'No network change is needed for these endpoints.',
  },
  meaningPrivateEndpoint: {
    ja: '{count} 件の FQDN ({hosts}) の名前解決の結果に、プライベート IP アドレスまたは privatelink を含む名前が含まれています。',
    en: 'The name resolution of {count} FQDNs shows private IP addresses or privatelink names: {hosts}.',
  },
  meaningProxyPath: {
    ja: '{context} には、いずれもプロキシ サーバー {server} が設定されていますが、Web リクエストを実行した現在のユーザーの設定は {userServer} です。',
    en: 'The proxy server {server} is set for {context}, but the current user, who ran the web requests, uses {userServer}.',
  },
  meaningProxyPathUserDirect: {
    ja: '{context} には、いずれもプロキシ サーバー {server} が設定されていますが、Web リクエストを実行した現在のユーザーにはプロキシ サーバーが設定されていません。',
    en: 'The proxy server {server} is set for {context}, but the current user, who ran the web requests, has no proxy server.',
  },
  meaningProxyPathNoServer: {
    ja: '{context} には、いずれも Web リクエストを実行した現在のユーザーとは異なるプロキシ設定が行われています。',
    en: 'The proxy settings of {context} differ from those of the current user, who ran the web requests.',
  },
  stepProxyPath1: {
    ja: '{context} でプロキシ サーバー {server} を使用することが、いずれも意図した設定かご確認ください。',
    en: 'Check that {context} are all meant to use the proxy server {server}.',
  },
  meaningProxyBypass: {
    ja: '{context} のバイパス リストには、いずれも {entries} が含まれているため、該当する Azure Backup や Azure Storage の宛先とは、プロキシ サーバーを経由せずに直接通信します。',
    en: 'The bypass lists of {context} all contain {entries}, so matching Azure Backup and Azure Storage hosts are reached directly, not through the proxy server.',
  },
  meaningProxyBypassNoEntries: {
    ja: '{context} のバイパス リストには、いずれも Azure Backup や Azure Storage の宛先が含まれているため、これらの宛先とは、プロキシ サーバーを経由せずに直接通信します。',
    en: 'The bypass lists of {context} contain Azure Backup or Azure Storage hosts, so they are reached directly, not through the proxy server.',
  },
});

/** Every catalogue behind the finding texts, for the completeness and style tests. */
export const FINDING_CATALOGUES: Readonly<Record<string, MessageCatalogue>> = Object.freeze({
  LINK_TITLES,
  COMMON,
  DNS,
  TCP,
  HTTP_CONNECT,
  HTTP_TIMEOUT,
  PROXY_AUTH,
  TLS_TRUST,
  TLS_CHANNEL,
  HTTP_INCONCLUSIVE,
  IE_ENGINE,
  PRIVATE_ENDPOINT,
  TCP_BYPASSES_PROXY,
  PROXY_PATH,
  PROXY_NOT_SET,
  PROXY_BYPASS,
  REGION,
  TLS12_DISABLED,
  TLS12_OS_DEFAULT,
  TLS12_LEGACY_OS,
  LEGACY_PROTOCOL,
  LOG_INCOMPLETE,
  NOT_ELEVATED,
  UNRECOGNIZED,
  GROUP,
});

// ---------------------------------------------------------------------------------------------
// Arrangement of the texts per code.

/**
 * The params the analyzer fills per code (the contract with the rules that raise them). Texts may
 * also use `endpoint`, which explainFinding builds from host and port.
 */
const ENDPOINT_PARAMS = ['host', 'port', 'service', 'detail', 'addresses'] as const;
export const FINDING_PARAMS: Readonly<Record<FindingCode, readonly string[]>> = Object.freeze({
  DNS_RESOLUTION_FAILED: ENDPOINT_PARAMS,
  TCP_CONNECT_FAILED: ENDPOINT_PARAMS,
  HTTP_CONNECT_FAILED: ENDPOINT_PARAMS,
  HTTP_TIMEOUT: ENDPOINT_PARAMS,
  PROXY_AUTH_REQUIRED: ENDPOINT_PARAMS,
  TLS_TRUST_FAILED: ENDPOINT_PARAMS,
  TLS_CHANNEL_FAILED: ENDPOINT_PARAMS,
  HTTP_INCONCLUSIVE: ENDPOINT_PARAMS,
  HTTP_IE_ENGINE_UNAVAILABLE: ENDPOINT_PARAMS,
  PRIVATE_ENDPOINT_SUSPECTED: ENDPOINT_PARAMS,
  TCP_TEST_BYPASSES_PROXY: ['contexts', 'server'],
  PROXY_PATH_NOT_TESTED: ['context', 'server', 'userServer', 'bypassHosts', 'directFailedHosts'],
  PROXY_NOT_SET_FOR_SYSTEM: ['userServer', 'failedHosts'],
  PROXY_BYPASS_AZURE: ['context', 'entries'],
  REGION_SPECIFIC_FQDN: ['geoCodes', 'regions'],
  TLS12_DISABLED: ['side', 'values'],
  TLS12_OS_DEFAULT: ['os'],
  TLS12_NOT_CONFIGURED_LEGACY_OS: ['os', 'serverOnly'],
  LEGACY_PROTOCOL_ENABLED: ['protocols'],
  LOG_INCOMPLETE: ['missing', 'lastLine'],
  NOT_ELEVATED: ['contexts'],
  UNRECOGNIZED_LOG: [],
});

/** Codes about one endpoint: they get the detail / addresses sentences and the service's role. */
const ENDPOINT_CODES: ReadonlySet<FindingCode> = new Set(
  FINDING_CODES.filter((code) => FINDING_PARAMS[code] === ENDPOINT_PARAMS),
);

const detail: Slot = [COMMON.meaningDetail];
const groupDetail: Slot = [GROUP.meaningDetail];
const addresses: Slot = [COMMON.meaningAddresses];
const isWarning = (c: VariantContext): boolean => c.severity !== 'error';

const SPECS: Readonly<Record<FindingCode, FindingSpec>> = {
  DNS_RESOLUTION_FAILED: {
    title: [DNS.title],
    meaning: [[DNS.meaning, DNS.meaningNoHost], detail],
    why: [[DNS.why]],
    steps: [[DNS.step1, DNS.step1NoHost], [DNS.step2], [DNS.step3], [DNS.step4]],
    links: [LINKS.marsUrls, LINKS.privateEndpointDns, LINKS.blogWindows, LINKS.blogLinux],
    group: {
      meaning: [[GROUP.meaningDns, DNS.meaningNoHost], groupDetail],
      why: [[GROUP.whyDns]],
      steps: [[GROUP.stepDns1, DNS.step1NoHost], [DNS.step2], [DNS.step3], [DNS.step4]],
    },
  },
  TCP_CONNECT_FAILED: {
    title: [TCP.title],
    meaning: [[TCP.meaning, TCP.meaningNoHost], [COMMON.meaningTcpIsDirect], addresses, detail],
    why: [[TCP.why]],
    steps: [
      [TCP.step1, TCP.step1NoPort, TCP.step1NoHost],
      [TCP.step2],
      [TCP.step3],
      [COMMON.stepRerun],
    ],
    links: [LINKS.marsUrls, LINKS.blogWindows, LINKS.blogLinux],
    group: {
      meaning: [[GROUP.meaningTcp, GROUP.meaningTcpNoPort, TCP.meaningNoHost], [GROUP.meaningTcpIsDirect], groupDetail],
      steps: [[GROUP.stepTcp1, GROUP.stepTcp1NoPort], [TCP.step2], [TCP.step3], [COMMON.stepRerun]],
    },
    variants: [
      {
        // iSCSI for file recovery: never through a proxy, and the script also needs the download site.
        when: (c) => c.values.port === '3260',
        texts: {
          steps: [[TCP.step1Iscsi, TCP.step1IscsiNoHost], [TCP.step2Iscsi], [COMMON.stepRerun]],
          links: [LINKS.fileRecovery, LINKS.blogWindows, LINKS.blogLinux],
        },
        group: { steps: [[GROUP.stepTcp1Iscsi], [TCP.step2Iscsi], [COMMON.stepRerun]] },
      },
    ],
  },
  HTTP_CONNECT_FAILED: {
    title: [HTTP_CONNECT.title],
    meaning: [[HTTP_CONNECT.meaning, HTTP_CONNECT.meaningNoHost], addresses, detail],
    why: [[HTTP_CONNECT.why]],
    steps: [
      [HTTP_CONNECT.step1],
      [HTTP_CONNECT.step2, HTTP_CONNECT.step2NoHost],
      [HTTP_CONNECT.step3],
      [COMMON.stepRerun],
    ],
    links: [LINKS.marsUrls, LINKS.blogWindows, LINKS.blogLinux],
    group: {
      meaning: [[GROUP.meaningHttpConnect, HTTP_CONNECT.meaningNoHost], groupDetail],
      why: [[GROUP.whyHttpConnect]],
      steps: [[HTTP_CONNECT.step1], [GROUP.stepHttpConnect2], [HTTP_CONNECT.step3], [COMMON.stepRerun]],
    },
  },
  HTTP_TIMEOUT: {
    title: [HTTP_TIMEOUT.title],
    meaning: [[HTTP_TIMEOUT.meaning, HTTP_TIMEOUT.meaningNoHost], addresses, detail],
    why: [[HTTP_TIMEOUT.why]],
    steps: [
      [HTTP_TIMEOUT.step1, HTTP_TIMEOUT.step1NoHost],
      [HTTP_TIMEOUT.step2, HTTP_TIMEOUT.step2NoHost],
      [HTTP_TIMEOUT.step3],
    ],
    links: [LINKS.marsUrls, LINKS.blogWindows, LINKS.blogLinux],
    group: {
      meaning: [[GROUP.meaningHttpTimeout, HTTP_TIMEOUT.meaningNoHost], groupDetail],
      why: [[GROUP.whyHttpTimeout]],
      steps: [[GROUP.stepHttpTimeout1], [GROUP.stepHttpTimeout2], [HTTP_TIMEOUT.step3]],
    },
  },
  PROXY_AUTH_REQUIRED: {
    title: [PROXY_AUTH.title],
    meaning: [[PROXY_AUTH.meaning, PROXY_AUTH.meaningNoHost], detail],
    why: [[PROXY_AUTH.why]],
    steps: [[PROXY_AUTH.step1], [PROXY_AUTH.step2], [COMMON.stepRerun]],
    links: [LINKS.marsUrls, LINKS.sqlNetwork, LINKS.blogWindows],
    group: {
      meaning: [[GROUP.meaningProxyAuth, PROXY_AUTH.meaningNoHost], groupDetail],
      why: [[GROUP.whyProxyAuth]],
    },
  },
  TLS_TRUST_FAILED: {
    title: [TLS_TRUST.title],
    meaning: [[TLS_TRUST.meaning, TLS_TRUST.meaningNoHost], detail],
    why: [[TLS_TRUST.why]],
    steps: [[TLS_TRUST.step1], [TLS_TRUST.step2], [TLS_TRUST.step3], [COMMON.stepRerun]],
    links: [LINKS.tlsCertificateChanges, LINKS.marsUrls, LINKS.blogWindows],
    group: {
      meaning: [[GROUP.meaningTlsTrust, TLS_TRUST.meaningNoHost], groupDetail],
      steps: [[TLS_TRUST.step1], [GROUP.stepTlsTrust2], [TLS_TRUST.step3], [COMMON.stepRerun]],
    },
  },
  TLS_CHANNEL_FAILED: {
    title: [TLS_CHANNEL.title],
    meaning: [[TLS_CHANNEL.meaning, TLS_CHANNEL.meaningNoHost], detail],
    why: [[TLS_CHANNEL.why]],
    steps: [
      [TLS_CHANNEL.step1],
      [COMMON.stepDotnetTls12],
      [TLS_CHANNEL.step3, TLS_CHANNEL.step3NoHost],
      [COMMON.stepRestartAndRerun],
    ],
    links: [LINKS.tlsImpact, LINKS.tlsRegistry, LINKS.dotnetTls, LINKS.blogDotnetTls],
    group: {
      meaning: [[GROUP.meaningTlsChannel, TLS_CHANNEL.meaningNoHost], groupDetail],
      steps: [[TLS_CHANNEL.step1], [COMMON.stepDotnetTls12], [GROUP.stepTlsChannel3], [COMMON.stepRestartAndRerun]],
    },
  },
  HTTP_INCONCLUSIVE: {
    title: [HTTP_INCONCLUSIVE.title],
    meaning: [[HTTP_INCONCLUSIVE.meaning, HTTP_INCONCLUSIVE.meaningNoHost], detail],
    why: [[HTTP_INCONCLUSIVE.why]],
    steps: [
      [HTTP_INCONCLUSIVE.step1, HTTP_INCONCLUSIVE.step1NoHost],
      [HTTP_INCONCLUSIVE.step2],
      [HTTP_INCONCLUSIVE.step3],
    ],
    links: [LINKS.invokeWebRequest, LINKS.blogWindows, LINKS.blogLinux],
    group: {
      meaning: [[GROUP.meaningHttpInconclusive, HTTP_INCONCLUSIVE.meaningNoHost], groupDetail],
      why: [[GROUP.whyHttpInconclusive]],
      steps: [[GROUP.stepHttpInconclusive1, HTTP_INCONCLUSIVE.step1NoHost], [GROUP.stepHttpInconclusive2], [HTTP_INCONCLUSIVE.step3]],
    },
  },
  HTTP_IE_ENGINE_UNAVAILABLE: {
    title: [IE_ENGINE.title],
    meaning: [[IE_ENGINE.meaning, IE_ENGINE.meaningNoHost], detail],
    why: [[IE_ENGINE.why]],
    steps: [[IE_ENGINE.step1], [IE_ENGINE.step2]],
    links: [LINKS.invokeWebRequest, LINKS.blogWindows],
    group: {
      meaning: [[GROUP.meaningIeEngine, IE_ENGINE.meaningNoHost], groupDetail],
      why: [[GROUP.whyIeEngine]],
      steps: [[GROUP.stepIeEngine1], [IE_ENGINE.step2]],
    },
  },
  PRIVATE_ENDPOINT_SUSPECTED: {
    title: [PRIVATE_ENDPOINT.title],
    meaning: [
      [PRIVATE_ENDPOINT.meaning, PRIVATE_ENDPOINT.meaningNoAddresses, PRIVATE_ENDPOINT.meaningNoHost],
      [PRIVATE_ENDPOINT.meaningRealTargets],
    ],
    why: [[PRIVATE_ENDPOINT.why]],
    steps: [[PRIVATE_ENDPOINT.step1], [PRIVATE_ENDPOINT.step2], [PRIVATE_ENDPOINT.step3], [PRIVATE_ENDPOINT.step4]],
    links: [LINKS.privateEndpointDns, LINKS.marsUrls],
    group: {
      meaning: [[GROUP.meaningPrivateEndpoint, PRIVATE_ENDPOINT.meaningNoHost], [PRIVATE_ENDPOINT.meaningRealTargets]],
    },
  },
  TCP_TEST_BYPASSES_PROXY: {
    title: [TCP_BYPASSES_PROXY.title],
    meaning: [
      [
        TCP_BYPASSES_PROXY.meaning,
        TCP_BYPASSES_PROXY.meaningNoServer,
        TCP_BYPASSES_PROXY.meaningNoContexts,
        TCP_BYPASSES_PROXY.meaningNone,
      ],
      [TCP_BYPASSES_PROXY.meaningTcpDirect],
    ],
    why: [[TCP_BYPASSES_PROXY.why]],
    steps: [[TCP_BYPASSES_PROXY.step1], [TCP_BYPASSES_PROXY.step2], [TCP_BYPASSES_PROXY.step3]],
    links: [LINKS.marsUrls, LINKS.blogWindows, LINKS.blogLinux],
  },
  PROXY_PATH_NOT_TESTED: {
    title: [PROXY_PATH.title],
    meaning: [
      [PROXY_PATH.meaningBypass, PROXY_PATH.meaning, PROXY_PATH.meaningUserDirect, PROXY_PATH.meaningAgentDirect, PROXY_PATH.meaningNoServer, PROXY_PATH.meaningNone],
      [PROXY_PATH.meaningDirectFailed],
      [PROXY_PATH.meaningNotTested],
    ],
    why: [[PROXY_PATH.why]],
    steps: [
      [PROXY_PATH.step1Bypass, PROXY_PATH.step1, PROXY_PATH.step1NoServer, PROXY_PATH.step1None],
      [PROXY_PATH.step2],
      [PROXY_PATH.step3],
      [PROXY_PATH.step4],
    ],
    links: [LINKS.marsUrls, LINKS.sqlNetwork, LINKS.blogWindows],
    group: {
      meaning: [
        [PROXY_PATH.meaningBypass, GROUP.meaningProxyPath, GROUP.meaningProxyPathUserDirect, PROXY_PATH.meaningAgentDirect, GROUP.meaningProxyPathNoServer, PROXY_PATH.meaningNone],
        [PROXY_PATH.meaningDirectFailed],
        [PROXY_PATH.meaningNotTested],
      ],
      steps: [
        [PROXY_PATH.step1Bypass, GROUP.stepProxyPath1, PROXY_PATH.step1NoServer, PROXY_PATH.step1None],
        [PROXY_PATH.step2],
        [PROXY_PATH.step3],
        [PROXY_PATH.step4],
      ],
    },
  },
  PROXY_NOT_SET_FOR_SYSTEM: {
    title: [PROXY_NOT_SET.title],
    meaning: [
      [PROXY_NOT_SET.meaning, PROXY_NOT_SET.meaningNoServer],
      [PROXY_NOT_SET.meaningGoesDirect],
      [PROXY_NOT_SET.meaningFailedHosts, PROXY_NOT_SET.meaningFailedNoHosts],
    ],
    why: [[PROXY_NOT_SET.why]],
    steps: [[PROXY_NOT_SET.stepSetProxy], [PROXY_NOT_SET.stepAllowDirect], [COMMON.stepRerun]],
    links: [LINKS.marsUrls, LINKS.sqlNetwork, LINKS.blogWindows],
    variants: [
      {
        // warning: SYSTEM goes direct and the direct TCP tests passed; only the intent is in doubt.
        when: isWarning,
        texts: {
          title: [PROXY_NOT_SET.titleWarning],
          meaning: [
            [PROXY_NOT_SET.meaning, PROXY_NOT_SET.meaningNoServer],
            [PROXY_NOT_SET.meaningGoesDirect],
            [PROXY_NOT_SET.meaningDirectWorks],
          ],
          why: [[PROXY_NOT_SET.whyWarning]],
          steps: [[PROXY_NOT_SET.stepDecide], [PROXY_NOT_SET.stepSetProxy], [PROXY_NOT_SET.stepTestDirect]],
        },
      },
    ],
  },
  PROXY_BYPASS_AZURE: {
    title: [PROXY_BYPASS.title],
    meaning: [
      [PROXY_BYPASS.meaning, PROXY_BYPASS.meaningNoContext, PROXY_BYPASS.meaningNoEntries, PROXY_BYPASS.meaningNone],
    ],
    why: [[PROXY_BYPASS.why]],
    steps: [[PROXY_BYPASS.step1], [PROXY_BYPASS.step2], [PROXY_BYPASS.step3]],
    links: [LINKS.marsUrls, LINKS.blogWindows],
    group: {
      meaning: [
        [GROUP.meaningProxyBypass, GROUP.meaningProxyBypassNoEntries, PROXY_BYPASS.meaningNoContext, PROXY_BYPASS.meaningNone],
      ],
    },
  },
  REGION_SPECIFIC_FQDN: {
    title: [REGION.title],
    meaning: [
      [REGION.meaning, REGION.meaningRegionsOnly, REGION.meaningGeoOnly, REGION.meaningNone],
      [REGION.meaningVaultDecides],
    ],
    why: [[REGION.why]],
    steps: [[REGION.step1], [REGION.step2, REGION.step2NoRegions], [REGION.step3]],
    links: [LINKS.marsUrls, LINKS.blogWindows, LINKS.blogLinux],
  },
  TLS12_DISABLED: {
    title: [TLS12_DISABLED.title],
    meaning: [[TLS12_DISABLED.meaning, TLS12_DISABLED.meaningNoSide], [TLS12_DISABLED.meaningValues]],
    why: [[COMMON.whyTls12Required]],
    steps: [[COMMON.stepSchannelTls12], [COMMON.stepDotnetTls12], [COMMON.stepRestartAndRerun]],
    links: [LINKS.tlsImpact, LINKS.tlsRegistry, LINKS.dotnetTls, LINKS.blogDotnetTls],
  },
  TLS12_OS_DEFAULT: {
    title: [TLS12_OS_DEFAULT.title],
    meaning: [[TLS12_OS_DEFAULT.meaning, TLS12_OS_DEFAULT.meaningNoOs]],
    why: [[TLS12_OS_DEFAULT.why]],
    steps: [[TLS12_OS_DEFAULT.step1], [TLS12_OS_DEFAULT.step2]],
    links: [LINKS.tlsRegistry, LINKS.dotnetTls],
  },
  TLS12_NOT_CONFIGURED_LEGACY_OS: {
    title: [TLS12_LEGACY_OS.title],
    meaning: [[TLS12_LEGACY_OS.meaningServerOnly, TLS12_LEGACY_OS.meaning, TLS12_LEGACY_OS.meaningNoOs]],
    why: [[COMMON.whyTls12Required]],
    steps: [
      [TLS12_LEGACY_OS.step1],
      [COMMON.stepSchannelTls12],
      [COMMON.stepDotnetTls12],
      [COMMON.stepRestartAndRerun],
    ],
    links: [LINKS.tlsImpact, LINKS.tlsRegistry, LINKS.dotnetTls, LINKS.blogDotnetTls],
    variants: [
      {
        // warning = Windows Server 2012: TLS 1.2 may work, but nothing in the log proves it.
        when: isWarning,
        texts: {
          title: [TLS12_LEGACY_OS.titleWarning],
          meaning: [[TLS12_LEGACY_OS.meaningWarningServerOnly, TLS12_LEGACY_OS.meaningWarning, TLS12_LEGACY_OS.meaningWarningNoOs]],
          why: [[TLS12_LEGACY_OS.whyWarning]],
        },
      },
    ],
  },
  LEGACY_PROTOCOL_ENABLED: {
    title: [LEGACY_PROTOCOL.title],
    meaning: [[LEGACY_PROTOCOL.meaning, LEGACY_PROTOCOL.meaningNone]],
    why: [[LEGACY_PROTOCOL.why]],
    steps: [[LEGACY_PROTOCOL.step1], [LEGACY_PROTOCOL.step2], [LEGACY_PROTOCOL.step3]],
    links: [LINKS.tlsRegistry],
  },
  LOG_INCOMPLETE: {
    title: [LOG_INCOMPLETE.title],
    meaning: [[LOG_INCOMPLETE.meaning, LOG_INCOMPLETE.meaningNoMissing], [LOG_INCOMPLETE.meaningLastLine]],
    why: [[LOG_INCOMPLETE.why]],
    steps: [[LOG_INCOMPLETE.step1], [LOG_INCOMPLETE.step2], [LOG_INCOMPLETE.step3]],
    links: [LINKS.blogRequest],
  },
  NOT_ELEVATED: {
    title: [NOT_ELEVATED.title],
    meaning: [[NOT_ELEVATED.meaning, NOT_ELEVATED.meaningNoContexts]],
    why: [[NOT_ELEVATED.why]],
    steps: [[NOT_ELEVATED.step1], [NOT_ELEVATED.step2], [NOT_ELEVATED.step3]],
    links: [LINKS.blogRequest, LINKS.blogWindows],
  },
  UNRECOGNIZED_LOG: {
    title: [UNRECOGNIZED.title],
    meaning: [[UNRECOGNIZED.meaning]],
    why: [[UNRECOGNIZED.why]],
    steps: [[UNRECOGNIZED.step1], [UNRECOGNIZED.step2], [UNRECOGNIZED.step3]],
    links: [LINKS.blogRequest],
  },
};

function joinTemplates(parts: readonly LocalizedText[]): LocalizedText {
  return { ja: parts.map((p) => p.ja).join(''), en: parts.map((p) => p.en).join(' ') };
}
function firstOf(slot: Slot): LocalizedText {
  const first = slot[0];
  if (!first) throw new Error('findings catalogue: empty slot');
  return first;
}

/**
 * The texts of each code as templates: the wording used when every param is present and the
 * severity is the code's main one. explainFinding picks other wording when needed.
 */
export const FINDING_TEXTS: Readonly<Record<FindingCode, FindingTexts>> = Object.freeze(
  Object.fromEntries(
    FINDING_CODES.map((code) => {
      const spec = SPECS[code];
      const texts: FindingTexts = {
        title: firstOf(spec.title),
        meaning: joinTemplates(spec.meaning.map(firstOf)),
        why: joinTemplates(spec.why.map(firstOf)),
        steps: spec.steps.map(firstOf),
        links: [...spec.links],
      };
      return [code, texts];
    }),
  ) as Record<FindingCode, FindingTexts>,
);

// ---------------------------------------------------------------------------------------------
// Filling.

const LIST_PARAMS = ['addresses', 'failedHosts', 'entries', 'geoCodes', 'regions', 'protocols', 'bypassHosts', 'directFailedHosts'] as const;

/** Params trimmed, ids turned into names, and `endpoint` built from host and port. */
function buildValues(finding: Finding, lang: Lang): Record<string, string> {
  // No prototype: a param named "constructor" or "__proto__" stays plain data.
  const values = Object.create(null) as Record<string, string>;
  const params = finding.params ?? {};
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (typeof value === 'string') values[key] = value.trim();
  }
  const host = values.host || (finding.endpoint ?? '').trim();
  const port = values.port || (finding.port !== undefined ? String(finding.port) : '');
  values.host = host;
  values.port = port;
  values.endpoint = host && port ? formatMessage(COMMON.fragmentEndpointWithPort[lang], { host, port }) : host;
  if (values.service) values.service = serviceName(values.service, lang);
  if (values.context) values.context = contextName(values.context, lang);
  values.contexts = joinList(
    splitIds(values.contexts).map((id) => contextName(id, lang)),
    lang,
  );
  // Lists the analyzer joined with commas: items kept verbatim, separator in the reader's language.
  for (const key of LIST_PARAMS) {
    if (values[key]) values[key] = joinList(splitIds(values[key]), lang);
  }
  values.missing = joinList(
    splitIds(values.missing).map((id) => checkName(id, lang)),
    lang,
  );
  return values;
}

function resolveSpec(spec: FindingSpec, context: VariantContext): TextSpec {
  const variant = spec.variants?.find((v) => v.when(context));
  return variant ? { ...spec, ...variant.texts } : spec;
}

/** The spec with a variant's texts, then the group wording (the code's, then the variant's). */
function resolveGroupSpec(spec: FindingSpec, context: VariantContext): TextSpec {
  const variant = spec.variants?.find((v) => v.when(context));
  return { ...spec, ...variant?.texts, ...spec.group, ...variant?.group };
}

function fillSlots(slots: readonly Slot[], lang: Lang, values: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const slot of slots) {
    const text = formatFirstComplete(slot, lang, values);
    if (text !== undefined) out.push(text);
  }
  return out;
}

function joinSentences(sentences: readonly string[], lang: Lang): string {
  return sentences.join(lang === 'ja' ? '' : ' ');
}

function specFor(code: FindingCode): FindingSpec {
  // A code from a newer analyzer than this catalogue still gets an explanation, not a crash.
  return Object.prototype.hasOwnProperty.call(SPECS, code) ? SPECS[code] : SPECS.UNRECOGNIZED_LOG;
}

/** Fills the texts; `services` are the service ids of the endpoints concerned (their roles end `why`). */
function explainWith(
  finding: Finding,
  texts: TextSpec,
  values: Readonly<Record<string, string>>,
  lang: Lang,
  services: readonly string[],
  evidence: Evidence[],
): FindingExplanation {
  const why = fillSlots(texts.why, lang, values);
  // The endpoint's role says what breaks; not needed when the endpoint answered (IE engine error).
  if (ENDPOINT_CODES.has(finding.code) && finding.code !== 'HTTP_IE_ENGINE_UNAVAILABLE') {
    for (const serviceId of services) {
      const role = Object.prototype.hasOwnProperty.call(SERVICE_ROLES, serviceId) ? SERVICE_ROLES[serviceId] : undefined;
      if (role) why.push(role[lang]);
    }
  }
  const explanation: FindingExplanation = {
    code: finding.code,
    severity: finding.severity,
    title: formatFirstComplete(texts.title, lang, values) ?? firstOf(texts.title)[lang],
    meaning: joinSentences(fillSlots(texts.meaning, lang, values), lang),
    why: joinSentences(why, lang),
    steps: fillSlots(texts.steps, lang, values),
    links: texts.links
      .filter((link) => !link.langs || link.langs.includes(lang))
      .map((link) => ({ title: link.title[lang], url: link.url[lang] })),
    evidence,
  };
  if (finding.endpoint !== undefined) explanation.endpoint = finding.endpoint;
  return explanation;
}

export function explainFinding(finding: Finding, lang: Lang): FindingExplanation {
  const values = buildValues(finding, lang);
  const texts = resolveSpec(specFor(finding.code), { severity: finding.severity, values });
  const serviceId = (finding.params?.service ?? '').trim();
  return explainWith(finding, texts, values, lang, serviceId ? [serviceId] : [], Array.isArray(finding.evidence) ? finding.evidence : []);
}

// ---------------------------------------------------------------------------------------------
// Several findings of one code explained together.

/** Hosts or proxy contexts named in a group sentence before "and N more". */
export const GROUP_NAMED_MAX = 3;
/** Codes about a name, not a connection: a group counts and names each FQDN once, without ports. */
const HOST_ONLY_CODES: ReadonlySet<FindingCode> = new Set(['DNS_RESOLUTION_FAILED', 'PRIVATE_ENDPOINT_SUSPECTED']);
/** Evidence lines a group explanation carries (its members' lines, in order). */
const GROUP_EVIDENCE_MAX = 100;

function paramOf(finding: Finding, key: string): string {
  const value = finding.params?.[key];
  return typeof value === 'string' ? value.trim() : '';
}

/** "a、b、c ほか 2 件" / "a, b, c and 2 more" */
function namedList(names: readonly string[], lang: Lang): string {
  const shown = joinList(names.slice(0, GROUP_NAMED_MAX), lang);
  if (names.length <= GROUP_NAMED_MAX) return shown;
  return formatMessage(GROUP.fragmentAndMore[lang], { list: shown, count: String(names.length - GROUP_NAMED_MAX) });
}

/** The one value every finding has for `read`, or '' when they differ (compared by `key`). */
function commonValue(findings: readonly Finding[], read: (f: Finding) => string, key: (v: string) => string = (v) => v): string {
  const first = findings[0] ? read(findings[0]) : '';
  const firstKey = key(first);
  for (const f of findings) if (key(read(f)) !== firstKey) return '';
  return first;
}

/** "http://10.2.0.16:8080/" and "10.2.0.16:8080" are the same proxy server. */
function serverKey(server: string): string {
  let s = server.toLowerCase();
  if (s.startsWith('http://')) s = s.slice('http://'.length);
  else if (s.startsWith('https://')) s = s.slice('https://'.length);
  while (s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/**
 * Values that name the group instead of one finding: `hosts` (or `context`) as a short list,
 * `count`, and `port` / `detail` / `server` / `userServer` / `entries` only when every finding
 * has the same one. Undefined when the findings are about fewer than two endpoints or contexts
 * (then the single wording reads right).
 */
function groupValues(findings: readonly Finding[], lang: Lang): Record<string, string> | undefined {
  const hosts: { host: string; port: string }[] = [];
  const seenHosts = new Set<string>();
  const contexts: string[] = [];
  const seenContexts = new Set<string>();
  for (const f of findings) {
    const host = paramOf(f, 'host') || (typeof f.endpoint === 'string' ? f.endpoint.trim() : '');
    const port = paramOf(f, 'port') || (Number.isInteger(f.port) ? String(f.port) : '');
    const hostKey = `${host.toLowerCase()}\u0000${port}`;
    if (host && !seenHosts.has(hostKey)) {
      seenHosts.add(hostKey);
      hosts.push({ host, port });
    }
    const context = paramOf(f, 'context');
    if (context && !seenContexts.has(context)) {
      seenContexts.add(context);
      contexts.push(context);
    }
  }
  const values = Object.create(null) as Record<string, string>;
  if (hosts.length >= 2) {
    const first = hosts[0] as { host: string; port: string };
    const port = first.port && hosts.every((h) => h.port === first.port) ? first.port : '';
    // A name resolves (or not) whatever the port: name each host once.
    const names = HOST_ONLY_CODES.has(findings[0]?.code as FindingCode)
      ? [...new Set(hosts.map((h) => h.host))]
      : hosts.map((h) => (port || !h.port ? h.host : `${h.host}:${h.port}`));
    if (names.length < 2) return undefined;
    values.hosts = namedList(names, lang);
    values.count = String(names.length);
    values.port = port;
    // One endpoint's text has no place in a sentence about several; the card lists each one.
    values.endpoint = '';
    values.addresses = '';
    values.detail = commonValue(findings, (f) => paramOf(f, 'detail'));
    return values;
  }
  if (contexts.length >= 2) {
    values.context = namedList(contexts.map((c) => contextName(c, lang)), lang);
    values.count = String(contexts.length);
    values.server = commonValue(findings, (f) => paramOf(f, 'server'), serverKey);
    values.userServer = commonValue(findings, (f) => paramOf(f, 'userServer'), serverKey);
    const entries = commonValue(findings, (f) => joinList(splitIds(paramOf(f, 'entries')), 'en'));
    values.entries = entries ? joinList(splitIds(entries), lang) : '';
    return values;
  }
  return undefined;
}

/**
 * Explains several findings of one code (same severity) at once: the same problem on several
 * endpoints or proxy settings. The first finding leads (its endpoint is `endpoint`, its host is
 * the example in steps such as "nslookup <host>"); sentences name the others as a group. With
 * one finding, or findings that are all about the same endpoint or context, this is
 * explainFinding of the first one.
 */
export function explainFindingGroup(findings: readonly Finding[], lang: Lang): FindingExplanation {
  const lead = findings[0];
  if (!lead) throw new RangeError('explainFindingGroup: no findings');
  const group = findings.length > 1 ? groupValues(findings, lang) : undefined;
  if (!group) return explainFinding(lead, lang);
  const values = Object.assign(buildValues(lead, lang), group);
  const texts = resolveGroupSpec(specFor(lead.code), { severity: lead.severity, values });
  const services: string[] = [];
  const evidence: Evidence[] = [];
  for (const f of findings) {
    const service = paramOf(f, 'service');
    if (service && !services.includes(service)) services.push(service);
    if (evidence.length < GROUP_EVIDENCE_MAX && Array.isArray(f.evidence)) {
      evidence.push(...f.evidence.slice(0, GROUP_EVIDENCE_MAX - evidence.length));
    }
  }
  return explainWith(lead, texts, values, lang, services, evidence);
}

export function findingTitle(finding: Finding, lang: Lang): string {
  const values = buildValues(finding, lang);
  const texts = resolveSpec(specFor(finding.code), { severity: finding.severity, values });
  return formatFirstComplete(texts.title, lang, values) ?? firstOf(texts.title)[lang];
}
