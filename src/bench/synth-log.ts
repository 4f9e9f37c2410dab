// The project's own synthetic log generator: a Windows PowerShell transcript of the Azure Backup
// network-check script (header, getInfo, proxy check, endpoint blocks, TLS check, completion line,
// transcript end) with N endpoint blocks, English or Japanese Windows, deterministic by seed, and
// optional failures. Used by the bench and by tests that need big or odd-sized logs, so neither
// depends on files outside the repository.
//
// The first blocks are the script's usual endpoints (Azure Backup, Storage, Entra ID, file
// recovery incl. iSCSI 3260); further blocks are extra storage accounts with unique names, so
// every block is its own endpoint (host + port).

export interface SynthLogOptions {
  /** number of endpoint blocks (one host + port check each) */
  endpoints: number;
  lang?: 'en' | 'ja';
  /** every k-th block fails (the cause rotates); 0 = none */
  failEvery?: number;
  seed?: number;
}

export type SynthFailure = 'tcp-blocked' | 'dns' | 'timeout' | 'proxy-auth' | 'tls-trust' | 'tls-channel' | 'send-reset';
const FAILURES: readonly SynthFailure[] = ['tcp-blocked', 'dns', 'timeout', 'proxy-auth', 'tls-trust', 'tls-channel', 'send-reset'];

export interface SynthLog {
  /** the transcript text, CRLF line ends, no BOM */
  text: string;
  host: string;
  /** every block's endpoint in order, with the failure it was given */
  endpoints: { host: string; port: number; failure?: SynthFailure }[];
}

/** mulberry32: small, fast, and the same sequence on every platform. */
function makeRandom(seed: number): () => number {
  let state = (Math.imul(seed, 0x9e3779b1) + 0x6d2b79f5) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Geo {
  code: string;
  prefix: string; // first two octets of its public addresses
}
const GEOS: readonly Geo[] = [
  { code: 'jpe', prefix: '20.191' },
  { code: 'jpw', prefix: '104.215' },
];

const TEXT = {
  en: {
    start: 'Windows PowerShell transcript start',
    startTime: 'Start time',
    user: 'Username',
    runAs: 'RunAs User',
    config: 'Configuration Name',
    machine: 'Machine',
    hostApp: 'Host Application',
    pid: 'Process ID',
    started: 'Transcript started, output file is',
    end: 'Windows PowerShell transcript end',
    endTime: 'End time',
    ipconfig: ['Windows IP Configuration', '', '', 'Ethernet adapter Ethernet:', ''],
    ipv4: '   IPv4 Address. . . . . . . . . . . : ',
    mask: '   Subnet Mask . . . . . . . . . . . : 255.255.255.0',
    winhttpTitle: 'Current WinHTTP proxy settings:',
    direct: '    Direct access (no proxy server).',
    warning: 'WARNING',
    nameFailed: (h: string) => `Name resolution of ${h} failed`,
    http404: 'The remote server returned an error: (404) Not Found.',
    connect: 'Unable to connect to the remote server',
    resolve: (h: string) => `The remote name could not be resolved: '${h}'`,
    timeout: 'The operation has timed out.',
    proxyAuth: 'The remote server returned an error: (407) Proxy Authentication Required.',
    tlsTrust: 'The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.',
    tlsChannel: 'The request was aborted: Could not create SSL/TLS secure channel.',
    sendReset: 'The underlying connection was closed: An unexpected error occurred on a send.',
  },
  ja: {
    start: 'Windows PowerShell トランスクリプト開始',
    startTime: '開始時刻',
    user: 'ユーザー名',
    runAs: 'RunAs ユーザー',
    config: '構成名',
    machine: 'コンピューター',
    hostApp: 'ホスト アプリケーション',
    pid: 'プロセス ID',
    started: 'トランスクリプトが開始されました。出力ファイル:',
    end: 'Windows PowerShell トランスクリプト終了',
    endTime: '終了時刻',
    ipconfig: ['Windows IP 構成', '', '', 'イーサネット アダプター イーサネット:', ''],
    ipv4: '   IPv4 アドレス . . . . . . . . . . . .: ',
    mask: '   サブネット マスク . . . . . . . . . .: 255.255.255.0',
    winhttpTitle: '現在の WinHTTP プロキシ設定:',
    direct: '    直接アクセス (プロキシ サーバーなし)。',
    warning: '警告',
    nameFailed: (h: string) => `Name resolution of ${h} failed`,
    http404: 'リモート サーバーがエラーを返しました: (404) 見つかりません',
    connect: 'リモート サーバーに接続できません。',
    resolve: (h: string) => `リモート名を解決できませんでした。: '${h}'`,
    timeout: '操作はタイムアウトしました。',
    proxyAuth: 'リモート サーバーがエラーを返しました: (407) プロキシ認証が必要です',
    tlsTrust: '基になる接続が閉じられました: SSL/TLS のセキュリティで保護されているチャネルに対する信頼関係を確立できませんでした。',
    tlsChannel: '要求は中止されました: SSL/TLS のセキュリティで保護されているチャネルを作成できませんでした',
    sendReset: '基になる接続が閉じられました: 送信時に、予期しないエラーが発生しました。',
  },
} as const;

type Texts = (typeof TEXT)['en'] | (typeof TEXT)['ja'];

const SEP = '--------------------------------------------';
const SECTION = '===================================================================================';

interface Block {
  host: string;
  port: number;
  section: string;
  web: 'ok-200' | 'http-404' | 'storage-400' | 'none';
}

function standardBlocks(): Block[] {
  const blocks: Block[] = [];
  const backup = '### Check for Azure Backup (*.backup.windowsazure.com) ###';
  const storage = '### Check for Azure Storage (*.blob.core.windows.net / *.blob.storage.azure.net) ###';
  const entra = '### Check for Microsoft Entra ID (login.microsoft.com / login.microsoftonline.com / login.windows.net) ###';
  const rec = '### Check for File Recovery (*.backup.windowsazure.com : 443 / 3260) ###';
  for (const g of GEOS) {
    blocks.push({ host: `pod01-manag1.${g.code}.backup.windowsazure.com`, port: 443, section: backup, web: 'http-404' });
    blocks.push({ host: `pod01-prot1.${g.code}.backup.windowsazure.com`, port: 443, section: backup, web: 'http-404' });
  }
  for (const g of GEOS) blocks.push({ host: `${g.code}watcab01.blob.core.windows.net`, port: 443, section: storage, web: 'storage-400' });
  for (const h of ['login.microsoft.com', 'login.microsoftonline.com', 'login.windows.net']) {
    blocks.push({ host: h, port: 443, section: entra, web: 'ok-200' });
  }
  for (const g of GEOS) {
    blocks.push({ host: `pod01-rec2.${g.code}.backup.windowsazure.com`, port: 443, section: rec, web: 'http-404' });
    blocks.push({ host: `pod01-rec2.${g.code}.backup.windowsazure.com`, port: 3260, section: rec, web: 'none' });
  }
  return blocks;
}

function blockAt(i: number, standard: readonly Block[]): Block {
  const s = standard[i];
  if (s) return s;
  const g = GEOS[i % GEOS.length]!;
  return {
    host: `${g.code}watcab${String(i).padStart(6, '0')}.blob.core.windows.net`,
    port: 443,
    section: '### Check for Azure Storage (*.blob.core.windows.net / *.blob.storage.azure.net) ###',
    web: 'storage-400',
  };
}

function geoOf(host: string): Geo {
  return GEOS.find((g) => host.includes(`.${g.code}.`) || host.startsWith(g.code)) ?? GEOS[0]!;
}

function iwrError(lines: string[], message: string, user: string, category: string, id: string): void {
  lines.push(`PS>TerminatingError(Invoke-WebRequest): "${message}"`);
  lines.push(`Invoke-webRequest : ${message}`);
  lines.push(`At C:\\Users\\${user}\\Desktop\\powershell\\Check_Backup_NW_ver1.7.ps1:96 char:15`);
  lines.push('+     $Invoke = Invoke-webRequest $Test_URLs');
  lines.push('+               ~~~~~~~~~~~~~~~~~~~~~~~~~~~~');
  lines.push(`    + CategoryInfo          : ${category}`);
  lines.push(`    + FullyQualifiedErrorId : ${id}`);
  lines.push('Result of Invoke-webRequest  / StatusCode: / StatusDescription: ');
}

export function synthLog(options: SynthLogOptions): SynthLog {
  const lang = options.lang ?? 'en';
  const t: Texts = TEXT[lang];
  const random = makeRandom(options.seed ?? 1);
  const int = (n: number): number => Math.floor(random() * n);
  const alnum = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += 'abcdefghijklmnopqrstuvwxyz0123456789'[int(36)];
    return s;
  };
  const pad2 = (n: number): string => String(n).padStart(2, '0');

  const host = `${lang === 'ja' ? 'JPE' : 'AZBK'}-VM${pad2(1 + int(98))}`;
  const user = 'azureuser';
  const ip = `10.${int(250)}.${int(250)}.${4 + int(200)}`;
  const d = { y: 2023 + int(2), mo: 1 + int(12), d: 1 + int(28), h: int(24), mi: int(60), s: int(60) };
  const stamp = `${d.y}${pad2(d.mo)}${pad2(d.d)}${pad2(d.h)}${pad2(d.mi)}${pad2(d.s)}`;
  const usDate = `${pad2(d.mo)}/${pad2(d.d)}/${d.y} ${pad2(d.h)}:${pad2(d.mi)}:${pad2(d.s)}`;

  const lines: string[] = [];
  lines.push('**********************', t.start, `${t.startTime}: ${stamp}`, `${t.user}: ${host}\\${user}`, `${t.runAs}: ${host}\\${user}`);
  lines.push(`${t.config}: `, `${t.machine}: ${host} (Microsoft Windows NT 10.0.20348.0)`);
  lines.push(`${t.hostApp}: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`, `${t.pid}: ${1000 + int(9000)}`);
  lines.push('PSVersion: 5.1.20348.2227', 'PSEdition: Desktop', 'BuildVersion: 10.0.20348.2227', 'CLRVersion: 4.0.30319.42000');
  lines.push('**********************');
  lines.push(`${t.started} C:\\Users\\${user}\\Desktop\\powershell\\AzureBackup_Check_NW_${stamp.slice(0, 8)}_${stamp.slice(8)}.log`);
  lines.push(`-----ScriptStart----- ${usDate}`, '', '#####getInfo######', '###hostname', host, '###ipconfig', '');
  lines.push(...t.ipconfig, `${t.ipv4}${ip}`, t.mask, `   Default Gateway . . . . . . . . . : ${ip.slice(0, ip.lastIndexOf('.'))}.1`, '----------', '');

  lines.push('======================================================================', 'Proxy check');
  lines.push('======================================================================', 'Listing all proxy settings', '');
  lines.push('ProxySettingsPerUser Setting', 'ProxySettingsPerUser: ', '');
  lines.push('WinInet settings for current user (used by ILR but not supported ,not used by Azure SQL / MARS Backup)');
  lines.push('ProxyEnable: 0', 'ProxyServer: ', 'ProxyOverride: ', 'DefaultConnectionSettings: F   ?', 'SavedLegacySettings: F   ?', '');
  lines.push('WinInet settings for NT Authority\\System (used by Azure SQL / MARS Backup)');
  lines.push('ProxyEnable: ', 'ProxyServer: ', 'ProxyOverride: ', 'DefaultConnectionSettings: not found', 'SavedLegacySettings: not found', '');
  lines.push('WinInet settings for NT Service\\AzureWLBackupPluginSv (used by Azure Workload Backup Plugin service)');
  lines.push('WinInet Proxy settings not found for NT Service\\AzureWLBackupPluginSvc', '');
  lines.push(SEP, '##Check WinHttpProxy', '', t.winhttpTitle, '', t.direct, SEP);
  lines.push('======================================================================', 'Connection check Azure Backup URLs');
  lines.push('=======================================================================');

  const standard = standardBlocks();
  const endpoints: SynthLog['endpoints'] = [];
  const failEvery = options.failEvery ?? 0;
  let failures = 0;
  let section = '';
  for (let i = 0; i < options.endpoints; i++) {
    const b = blockAt(i, standard);
    const failure = failEvery > 0 && (i + 1) % failEvery === 0 ? FAILURES[failures++ % FAILURES.length] : undefined;
    endpoints.push(failure === undefined ? { host: b.host, port: b.port } : { host: b.host, port: b.port, failure });
    if (b.section !== section) {
      section = b.section;
      lines.push(SECTION, section);
    }
    const g = geoOf(b.host);
    const addr = `${g.prefix}.${int(256)}.${1 + int(254)}`;
    const tcpFails = failure === 'tcp-blocked' || failure === 'timeout' || (failure !== undefined && b.web === 'none');
    lines.push(SEP, `#TRY!! Test-NetConnection ${b.host}  -port ${b.port} `);
    if (failure === 'dns') {
      lines.push(`${t.warning}: ${t.nameFailed(b.host)}`);
      lines.push(`Result of tnc - ${b.port} / from ${ip} /To URL  ${b.host} IPaddress  / TcpTestSucceeded: False `);
    } else if (tcpFails) {
      lines.push(`${t.warning}: TCP connect to (${addr} : ${b.port}) failed`, `${t.warning}: Ping to ${addr} failed with status: TimedOut`);
      lines.push(`Result of tnc - ${b.port} / from ${ip} /To URL  ${b.host} IPaddress ${addr} / TcpTestSucceeded: False `);
    } else {
      lines.push(`Result of tnc - ${b.port} / from ${ip} /To URL  ${b.host} IPaddress ${addr} / TcpTestSucceeded: True `);
    }
    if (b.web === 'none') continue;
    lines.push(SEP, `#TRY!! Invoke-webRequest https://${b.host}  `);
    const webEx = 'InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException';
    const webId = 'WebCmdletWebExceptionCommand,Microsoft.PowerShell.Commands.InvokeWebRequestCommand';
    switch (failure) {
      case 'dns':
        iwrError(lines, t.resolve(b.host), user, webEx, webId);
        break;
      case 'tcp-blocked':
        iwrError(lines, t.connect, user, webEx, webId);
        break;
      case 'timeout':
        iwrError(lines, t.timeout, user, webEx, webId);
        break;
      case 'proxy-auth':
        iwrError(lines, t.proxyAuth, user, webEx, webId);
        break;
      case 'tls-trust':
        iwrError(lines, t.tlsTrust, user, webEx, webId);
        break;
      case 'tls-channel':
        iwrError(lines, t.tlsChannel, user, webEx, webId);
        break;
      case 'send-reset':
        iwrError(lines, t.sendReset, user, webEx, webId);
        break;
      default:
        if (b.web === 'ok-200') lines.push('Result of Invoke-webRequest  / StatusCode: 200/ StatusDescription: OK');
        else if (b.web === 'http-404') iwrError(lines, t.http404, user, webEx, 'WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand');
        else {
          const body = `InvalidQueryParameterValueValue for one of the query parameters specified in the request URI is invalid. RequestId:${alnum(8)}-${alnum(4)}-${alnum(4)}-${alnum(4)}-${alnum(12)} Time:${d.y}-${pad2(d.mo)}-${pad2(d.d)}T0${int(10)}:${pad2(int(60))}:${pad2(int(60))}.${alnum(7)}Zcomp`;
          iwrError(lines, body, user, webEx, 'WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand');
        }
    }
  }

  lines.push(SECTION, '========== TLS CHECK ==========');
  lines.push('Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols', SECTION, '', '', '');
  lines.push('    Hive: HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols', '', '');
  lines.push('Name                           Property', '----                           --------', 'SSL 2.0', '-ForegroundColor', 'Yellow', '', '', '');
  lines.push('    Hive: HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 2.0', '', '');
  lines.push('Name                           Property', '----                           --------');
  lines.push('Client                         DisabledByDefault : 1', '-ForegroundColor', 'Yellow', '\t', 'DisabledByDefault', '1');
  const endStamp = `${stamp.slice(0, 12)}${pad2((d.s + 30) % 60)}`;
  lines.push(`-----Script Completed----- ${usDate}`, '**********************', t.end, `${t.endTime}: ${endStamp}`, '**********************');
  return { text: lines.join('\r\n') + '\r\n', host, endpoints };
}

/** As Windows PowerShell 5.1 writes it: UTF-8 with BOM. */
export function synthLogBytes(options: SynthLogOptions): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(synthLog(options).text, 'utf8')]);
}

/** A log of about `bytes` bytes (at least one block), within a few hundred bytes. */
export function synthLogOfSize(bytes: number, options: Omit<SynthLogOptions, 'endpoints'> = {}): Buffer {
  const empty = synthLogBytes({ ...options, endpoints: 0 }).length;
  let blocks = 200;
  let out = synthLogBytes({ ...options, endpoints: blocks });
  // blocks differ in size (the first ones are the script's usual endpoints): refine twice
  for (let round = 0; round < 3 && Math.abs(out.length - bytes) > 600; round++) {
    const perBlock = (out.length - empty) / blocks;
    blocks = Math.max(1, Math.round((bytes - empty) / perBlock));
    out = synthLogBytes({ ...options, endpoints: blocks });
  }
  return out;
}
