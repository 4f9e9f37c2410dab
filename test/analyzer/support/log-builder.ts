// Builders for synthetic logs in the shapes of ../shared/domain/log-formats.md (Windows transcript,
// English or Japanese; Linux bash output). Tests compose them to cover variants the fixtures do not.

export type Lang = 'en' | 'ja';

export interface WinHeaderOptions {
  lang?: Lang;
  host?: string;
  nt?: string;
  start?: string;
  outputFile?: string;
}

export function winHeader(o: WinHeaderOptions = {}): string[] {
  const ja = o.lang === 'ja';
  const host = o.host ?? 'TEST-VM01';
  const out = o.outputFile ?? `C:\\Users\\admin\\Desktop\\AzureBackup_Check_NW_20240101_100000.log`;
  return [
    '**********************',
    ja ? 'Windows PowerShell トランスクリプト開始' : 'Windows PowerShell transcript start',
    `${ja ? '開始時刻' : 'Start time'}: ${o.start ?? '20240101100000'}`,
    `${ja ? 'ユーザー名' : 'Username'}: ${host}\\admin`,
    `${ja ? 'コンピューター' : 'Machine'}: ${host} (Microsoft Windows NT ${o.nt ?? '10.0.17763.0'})`,
    'PSVersion: 5.1.17763.4720',
    '**********************',
    ja ? `トランスクリプトが開始されました。出力ファイル: ${out}` : `Transcript started, output file is ${out}`,
    '-----ScriptStart----- 01/01/2024 10:00:00',
    '',
    '#####getInfo######',
    '###hostname',
    host,
    '###ipconfig',
    '   IPv4 Address. . . . . . . . . . . : 10.0.0.4',
    '----------',
  ];
}

export interface WinInetOptions {
  enable?: string;
  server?: string;
  override?: string;
  /** raw lines after the three values (binary blobs, errors …) */
  extra?: string[];
}

export interface ProxyOptions {
  user?: WinInetOptions;
  system?: WinInetOptions | 'denied';
  plugin?: WinInetOptions | 'notfound';
  winhttp?: string[];
  lang?: Lang;
}

function wininet(o: WinInetOptions | undefined): string[] {
  const v = o ?? {};
  return [`ProxyEnable: ${v.enable ?? '0'}`, `ProxyServer: ${v.server ?? ''}`, `ProxyOverride: ${v.override ?? ''}`, ...(v.extra ?? ['DefaultConnectionSettings: F   ?', 'SavedLegacySettings: F   ?'])];
}

export function winProxy(o: ProxyOptions = {}): string[] {
  const ja = o.lang === 'ja';
  const lines = [
    '======================================================================',
    'Proxy check',
    '======================================================================',
    'Listing all proxy settings',
    '',
    'WinInet settings for current user (used by ILR but not supported ,not used by Azure SQL / MARS Backup)',
    ...wininet(o.user),
    '',
    'WinInet settings for NT Authority\\System (used by Azure SQL / MARS Backup)',
  ];
  if (o.system === 'denied') {
    lines.push(
      "Get-ItemProperty : Requested registry access is not allowed.",
      'ProxyEnable: ',
      'ProxyServer: ',
      'ProxyOverride: ',
    );
  } else lines.push(...wininet(o.system ?? { enable: '', extra: ['DefaultConnectionSettings: not found', 'SavedLegacySettings: not found'] }));
  lines.push('', 'WinInet settings for NT Service\\AzureWLBackupPluginSv (used by Azure Workload Backup Plugin service)');
  if (o.plugin === undefined || o.plugin === 'notfound') lines.push('WinInet Proxy settings not found for NT Service\\AzureWLBackupPluginSvc');
  else lines.push(...wininet(o.plugin));
  lines.push('', '--------------------------------------------', '##Check WinHttpProxy', '');
  lines.push(...(o.winhttp ?? (ja ? ['現在の WinHTTP プロキシ設定:', '', '    直接アクセス (プロキシ サーバーなし)。'] : ['Current WinHTTP proxy settings:', '', '    Direct access (no proxy server).'])));
  lines.push('--------------------------------------------');
  return lines;
}

export function winSection(title: string): string[] {
  return ['===================================================================================', `### Check for ${title} ###`];
}

export interface TncOptions {
  /** null = name did not resolve */
  ip?: string | null;
  ok?: boolean;
  lang?: Lang;
}

export function winTnc(host: string, port: number, o: TncOptions = {}): string[] {
  const warn = o.lang === 'ja' ? '警告: ' : 'WARNING: ';
  const ip = o.ip === undefined ? '20.1.2.3' : o.ip;
  const ok = o.ok ?? ip !== null;
  const lines = ['--------------------------------------------', `#TRY!! Test-NetConnection ${host}  -port ${port} `];
  if (ip === null) {
    lines.push(`${warn}Name resolution of ${host} failed`);
    lines.push(`Result of tnc - ${port} / from  /To URL  ${host} IPaddress  / TcpTestSucceeded: False `);
  } else {
    if (!ok) lines.push(`${warn}TCP connect to (${ip} : ${port}) failed`, `${warn}Ping to ${ip} failed with status: TimedOut`);
    lines.push(`Result of tnc - ${port} / from 10.0.0.4 /To URL  ${host} IPaddress ${ip} / TcpTestSucceeded: ${ok ? 'True' : 'False'} `);
  }
  return lines;
}

export interface IwrOptions {
  /** error message (as PowerShell prints it); undefined = success */
  error?: string;
  status?: string;
  noScheme?: boolean;
  /** quotes around the TerminatingError message */
  quotes?: [string, string];
  lang?: Lang;
  fqid?: string;
}

export function winIwr(host: string, o: IwrOptions = {}): string[] {
  const target = o.noScheme ? host : `https://${host}`;
  const lines = ['--------------------------------------------', `#TRY!! Invoke-webRequest ${target}  `];
  if (o.error === undefined) {
    lines.push(`Result of Invoke-webRequest  / StatusCode: ${o.status ?? '200'}/ StatusDescription: OK`);
    return lines;
  }
  const [q1, q2] = o.quotes ?? ['"', '"'];
  const at = o.lang === 'ja' ? '発生場所 C:\\work\\Check_Backup_NW_ver1.6.ps1:96 文字:15' : 'At C:\\work\\Check_Backup_NW_ver1.6.ps1:96 char:15';
  lines.push(
    `PS>TerminatingError(Invoke-WebRequest): ${q1}${o.error}${q2}`,
    `Invoke-webRequest : ${o.error}`,
    at,
    '+     $Invoke = Invoke-webRequest $Test_URLs',
    '+               ~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
    '    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException',
    `    + FullyQualifiedErrorId : ${o.fqid ?? 'WebCmdletWebResponseException'},Microsoft.PowerShell.Commands.InvokeWebRequestCommand`,
    'Result of Invoke-webRequest  / StatusCode: / StatusDescription: ',
  );
  return lines;
}

export type TlsValue = [protocol: string, side: 'Client' | 'Server', name: 'Enabled' | 'DisabledByDefault', value: number];

/** TLS CHECK block: `three-line` = Property column + tab/name/value; `property` = Property column only. */
export function winTls(values: TlsValue[], form: 'three-line' | 'property' = 'three-line'): string[] {
  const hive = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
  const lines = ['===================================================================================', '========== TLS CHECK ==========', `Registry::${hive}`, '===================================================================================', ''];
  const protocols = [...new Set(values.map((v) => v[0]))];
  if (protocols.length === 0) protocols.push('SSL 2.0');
  for (const p of protocols) {
    lines.push('', `    Hive: ${hive}`, '', 'Name                           Property', '----                           --------', p, '-ForegroundColor', 'Yellow');
    const sides = [...new Set(values.filter((v) => v[0] === p).map((v) => v[1]))];
    if (sides.length === 0) continue;
    lines.push('', `    Hive: ${hive}\\${p}`, '', 'Name                           Property', '----                           --------');
    for (const side of sides) {
      const vs = values.filter((v) => v[0] === p && v[1] === side);
      vs.forEach((v, i) => lines.push(`${i === 0 ? side.padEnd(31) : ' '.repeat(31)}${v[2].padEnd(17)} : ${v[3]}`));
      if (form === 'three-line') {
        lines.push('-ForegroundColor', 'Yellow');
        for (const v of vs) lines.push('\t', v[2], String(v[3]));
      }
      lines.push('', '');
    }
  }
  return lines;
}

export function winEnd(lang: Lang = 'en'): string[] {
  return [
    '-----Script Completed----- 01/01/2024 10:05:00',
    '**********************',
    lang === 'ja' ? 'Windows PowerShell トランスクリプト終了' : 'Windows PowerShell transcript end',
    `${lang === 'ja' ? '終了時刻' : 'End time'}: 20240101100500`,
    '**********************',
  ];
}

export function join(lines: string[], eol = '\r\n'): string {
  return lines.join(eol) + eol;
}

// ---- Linux ---------------------------------------------------------------------------------------

export interface LinuxHeaderOptions {
  host?: string;
  date?: string;
  os?: string;
  httpProxy?: string;
  httpsProxy?: string;
}

export function linuxHeader(o: LinuxHeaderOptions = {}): string[] {
  return [
    '#### 環境情報確認 ####',
    `## 実行しているマシンのホスト名は${o.host ?? 'vm-linux01'}です。`,
    `## 実行日次は${o.date ?? 'Thu Aug 20 18:45:01 JST 2022'}です。`,
    '',
    '## hostnamectl コマンドの結果は以下です',
    `   Static hostname: ${o.host ?? 'vm-linux01'}`,
    `  Operating System: ${o.os ?? 'Ubuntu 22.04.3 LTS'}`,
    '            Kernel: Linux 6.2.0-1014-azure',
    '',
    '##プロキシ設定状態(空白場合は場合は結果無し)',
    'http_proxy コマンドの結果',
    o.httpProxy ?? '',
    'https_proxy コマンドの結果',
    o.httpsProxy ?? '',
    '#### 環境情報確認終了 ####',
    '',
  ];
}

export function linuxNslookup(host: string, ips: string[] | 'nxdomain' | 'timeout', cnames: string[] = []): string[] {
  const lines = ['================================================', `##TRY!! nslookup  ${host} ##`, 'Server:\t\t168.63.129.16', 'Address:\t168.63.129.16#53', ''];
  if (ips === 'nxdomain') return [...lines, `** server can't find ${host}: NXDOMAIN`, ''];
  if (ips === 'timeout') return [';; connection timed out; no servers could be reached', ''];
  lines.push('Non-authoritative answer:');
  let prev = host;
  for (const c of cnames) {
    lines.push(`${prev}\tcanonical name = ${c}.`);
    prev = c;
  }
  for (const ip of ips) lines.push(`Name:\t${prev}`, `Address: ${ip}`);
  lines.push('', '');
  return lines;
}

export function linuxTry(command: string, output: string[]): string[] {
  return [`##TRY!! ${command} ##`, '================================================', ...output, ''];
}
