// Classifies the error text of a Windows web request (Invoke-WebRequest, .NET WebException) in
// English or Japanese: did the server answer (any HTTP status), did the path fail (and why), or is
// it something nobody knows (inconclusive, never success). Substring checks only.
import type { HttpFailureCause } from '../report';
import { isDigit } from './text';

export type WebOutcome =
  | { state: 'ok'; status?: number; note?: 'ie-engine-unavailable' }
  | { state: 'failed'; cause: HttpFailureCause; status?: number }
  | { state: 'inconclusive' }
  | { state: 'not-tested' };

/** `(404)`-style HTTP status inside a message, 100–599; undefined when none. */
export function statusInParens(msg: string): number | undefined {
  let from = 0;
  for (let guard = 0; guard < 20; guard++) {
    const i = msg.indexOf('(', from);
    if (i === -1 || i + 4 >= msg.length) return undefined;
    if (msg.charCodeAt(i + 4) === 0x29 && isDigit(msg.charCodeAt(i + 1)) && isDigit(msg.charCodeAt(i + 2)) && isDigit(msg.charCodeAt(i + 3))) {
      const n = Number(msg.slice(i + 1, i + 4));
      if (n >= 100 && n <= 599) return n;
    }
    from = i + 1;
  }
  return undefined;
}

// Azure Storage answers with an error code glued to its message; any of them proves the service answered.
const STORAGE_ERROR_CODES = [
  'invalidqueryparametervalue', 'authenticationfailed', 'authorizationfailure', 'authorizationpermissionmismatch',
  'authorizationsourceipmismatch', 'authorizationprotocolmismatch', 'authorizationresourcetypemismatch',
  'resourcenotfound', 'containernotfound', 'blobnotfound', 'invaliduri', 'invalidresourcename', 'accountisdisabled',
  'invalidheadervalue', 'missingrequiredqueryparameter', 'unsupportedhttpverb', 'invalidauthenticationinfo',
  'publicaccessnotpermitted', 'keybasedauthenticationnotpermitted', 'insufficientaccountpermissions',
  'missingrequiredheader', 'unsupportedqueryparameter', 'accountrequireshttps', 'noauthenticationinformation',
];

/**
 * Outcome of one web-request error message (the text after `Invoke-WebRequest :` or inside
 * `PS>TerminatingError(...)`), English or Japanese, with or without quotes.
 */
export function classifyWebError(message: string): WebOutcome {
  const m = message.length > 4096 ? message.slice(0, 4096) : message;
  const l = m.toLowerCase();
  // Not run at all: the cmdlet does not exist (PowerShell 2.0 on old Windows).
  if ((l.includes('invoke-webrequest') || l.includes('invoke-restmethod')) && (l.includes('is not recognized') || m.includes('認識されません'))) {
    return { state: 'not-tested' };
  }
  // The response came back; only parsing it failed (needs -UseBasicParsing).
  if (
    l.includes('internet explorer') ||
    l.includes('iedomnotsupported') ||
    (l.includes('usebasicparsing') && (l.includes('cannot be parsed') || m.includes('解析できません')))
  ) {
    return { state: 'ok', note: 'ie-engine-unavailable' };
  }
  const status = statusInParens(m);
  if (status === 407 || l.includes('proxy authentication required') || m.includes('プロキシ認証が必要')) {
    return { state: 'failed', cause: 'proxy-auth', status: 407 };
  }
  // Certificate trust before the generic "underlying connection was closed" (the trust message starts with it).
  if (
    l.includes('trust relationship') ||
    l.includes('remote certificate is invalid') ||
    l.includes('certificate chain') ||
    m.includes('信頼関係') ||
    m.includes('リモート証明書は無効')
  ) {
    return { state: 'failed', cause: 'tls-trust' };
  }
  if (status !== undefined) return { state: 'ok', status };
  if (
    l.includes('could not create ssl') ||
    l.includes('secure channel') ||
    l.includes('ssl connection could not be established') ||
    l.includes('unexpected error occurred on a send') ||
    l.includes('unexpected error occurred on a receive') ||
    l.includes('remote party has closed the transport stream') ||
    l.includes('handshake') ||
    m.includes('チャネルを作成できません') ||
    (m.includes('予期しないエラー') && (m.includes('送信') || m.includes('受信')))
  ) {
    return { state: 'failed', cause: 'tls-channel' };
  }
  if (l.includes('proxy name could not be resolved') || m.includes('プロキシ名を解決できません')) {
    return { state: 'failed', cause: 'proxy-resolve' };
  }
  if (
    l.includes('remote name could not be resolved') ||
    l.includes('could not be resolved') ||
    l.includes('no such host is known') ||
    l.includes('name or service not known') ||
    m.includes('名を解決できません') ||
    m.includes('そのようなホストは不明')
  ) {
    return { state: 'failed', cause: 'dns' };
  }
  if (l.includes('timed out') || l.includes('timeout') || m.includes('タイムアウト')) {
    return { state: 'failed', cause: 'timeout' };
  }
  if (
    l.includes('unable to connect') ||
    l.includes('no connection could be made') ||
    l.includes('actively refused') ||
    l.includes('connection attempt failed') ||
    l.includes('connection refused') ||
    l.includes('network is unreachable') ||
    l.includes('host is unreachable') ||
    m.includes('に接続できません') ||
    m.includes('接続できませんでした') ||
    m.includes('拒否されたため') ||
    m.includes('接続済みの呼び出し先が一定の時間を過ぎても正しく応答しなかった')
  ) {
    return { state: 'failed', cause: 'connect' };
  }
  // The connection was cut without a clearer reason: in practice TLS being reset by a device.
  if (l.includes('underlying connection was closed') || m.includes('基になる接続が閉じられました') || m.includes('接続が切断されました')) {
    return { state: 'failed', cause: 'tls-channel' };
  }
  for (const code of STORAGE_ERROR_CODES) if (l.includes(code)) return { state: 'ok' };
  // Storage error body without a known code: "<Code>… RequestId:… Time:…"
  if (l.includes('requestid:') && l.includes('time:')) return { state: 'ok' };
  return { state: 'inconclusive' };
}
