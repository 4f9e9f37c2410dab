// Is a pasted message a network-check log (analyze it) or a question / chat (answer it)?
// A log carries several of the script's own markers; a question rarely carries two.
const MARKERS = [
  'scriptstart',
  'proxy check',
  '疎通確認',
  'windowsazure.com',
  '.blob.core.windows.net',
  'blob.storage.azure.net',
  'login.microsoftonline.com',
  'tcptestsucceeded',
  'test-netconnection',
  'invoke-webrequest',
  'proxyserver',
  'proxyenable',
  'nslookup',
  'remoteaddress',
  'winhttp',
  'azurebackup_check_nw',
  'checknwresult',
  'http_proxy',
  'https_proxy',
  'statuscode',
  '#####getinfo',
  '======',
];

export function countLogMarkers(text: string): number {
  const lower = text.slice(0, 200_000).toLowerCase();
  let n = 0;
  for (const m of MARKERS) if (lower.includes(m)) n++;
  return n;
}

/** At least three lines and two distinct markers, or one marker in a long multi-line text. */
export function looksLikeLog(text: string): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines < 3; i = text.indexOf('\n', i + 1)) lines++;
  if (lines < 3) return false;
  const markers = countLogMarkers(text);
  return markers >= 2 || (markers >= 1 && text.length >= 1500);
}
