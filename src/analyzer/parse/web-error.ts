// Classifies the error text of a Windows web request (Invoke-WebRequest, .NET WebException) in
// English or Japanese: did the server answer (any HTTP status), did the path fail (and why), or is
// it something nobody knows (inconclusive, never success). Substring checks only.
import type { HttpFailureCause } from '../report';
import { PhraseScanner } from './phrase-scanner';
import { flatCopy, isDigit, sameAt } from './text';

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

/** PowerShell 7 prints the status without parentheses: `Response status code does not indicate success: 404 (Not Found).` */
const PWSH_STATUS = /does not indicate success: ?([1-5][0-9]{2})\b/i;

function pwshStatus(msg: string): number | undefined {
  if (!msg.includes('ndicate success')) return undefined; // the rare case; skip the expression on the rest
  const m = PWSH_STATUS.exec(msg);
  return m ? Number(m[1]) : undefined;
}

/** A character from U+3000 up (kana, kanji, full-width forms). */
const JAPANESE_SCRIPT = /[\u3000-\uffff]/;

// Azure Storage answers with an error code glued to its message; any of them proves the service answered.
export const STORAGE_ERROR_CODES: readonly string[] = [
  'invalidqueryparametervalue', 'authenticationfailed', 'authorizationfailure', 'authorizationpermissionmismatch',
  'authorizationsourceipmismatch', 'authorizationprotocolmismatch', 'authorizationresourcetypemismatch',
  'resourcenotfound', 'containernotfound', 'blobnotfound', 'invaliduri', 'invalidresourcename', 'accountisdisabled',
  'invalidheadervalue', 'missingrequiredqueryparameter', 'unsupportedhttpverb', 'invalidauthenticationinfo',
  'publicaccessnotpermitted', 'keybasedauthenticationnotpermitted', 'insufficientaccountpermissions',
  'missingrequiredheader', 'unsupportedqueryparameter', 'accountrequireshttps', 'noauthenticationinformation',
];

// The English phrases, by what they mean. One scan of the message finds which groups occur.
const G_CMDLET = 0; // with NOT_RECOGNIZED: the cmdlet does not exist
const G_NOT_RECOGNIZED = 1;
const G_IE_ENGINE = 2;
const G_BASIC_PARSING = 3;
const G_CANNOT_PARSE = 4;
const G_PROXY_AUTH = 5;
const G_TLS_TRUST = 6;
const G_TLS_CHANNEL = 7;
const G_PROXY_RESOLVE = 8;
const G_DNS = 9;
const G_TIMEOUT = 10;
const G_CONNECT = 11;
const G_CLOSED = 12;
const G_STORAGE_CODE = 13;
const G_REQUEST_ID = 14;
const G_TIME = 15;
/** PowerShell 7's status message: pwshStatus only looks when this group occurs (it is rare) */
const G_PWSH_STATUS = 16;
const PHRASES: readonly (readonly string[])[] = [
  ['invoke-webrequest', 'invoke-restmethod'],
  ['is not recognized'],
  ['internet explorer', 'iedomnotsupported'],
  ['usebasicparsing'],
  ['cannot be parsed'],
  ['proxy authentication required'],
  ['trust relationship', 'remote certificate is invalid', 'certificate chain'],
  [
    'could not create ssl', 'secure channel', 'ssl connection could not be established', 'unexpected error occurred on a send',
    'unexpected error occurred on a receive', 'remote party has closed the transport stream', 'handshake',
  ],
  ['proxy name could not be resolved'],
  ['remote name could not be resolved', 'could not be resolved', 'no such host is known', 'name or service not known'],
  ['timed out', 'timeout'],
  [
    'unable to connect', 'no connection could be made', 'actively refused', 'connection attempt failed', 'connection refused',
    'network is unreachable', 'host is unreachable',
  ],
  ['underlying connection was closed'],
  STORAGE_ERROR_CODES,
  ['requestid:'],
  ['time:'],
  ['ndicate success'],
];
const SCANNER = new PhraseScanner(PHRASES);

/**
 * Storage errors repeat one text up to a unique `RequestId:…` (80 000 times in a big log): the
 * scan of the last such prefix is remembered (a flat copy, the automaton's state and groups
 * there) and a message that starts with it is scanned from there on. Exact: the automaton is
 * deterministic, so the same prefix leaves the same state. Only a cache: the answer never depends
 * on an earlier message.
 */
const prefixMemo = { text: '', state: 0, found: 0 };
const PREFIX_END = 'RequestId:';

/** SCANNER.scan(m); `r` is m.indexOf(PREFIX_END) */
function scanMessage(m: string, r: number): number {
  if (r === -1) return SCANNER.scan(m);
  const p = r + PREFIX_END.length;
  const memo = prefixMemo;
  if (memo.text.length === p && sameAt(m, 0, memo.text)) return memo.found | SCANNER.scanRange(m, p, m.length, memo.state);
  const found = SCANNER.scanRange(m, 0, p, 0);
  memo.text = flatCopy(m.slice(0, p));
  memo.state = SCANNER.state;
  memo.found = found;
  return found | SCANNER.scanRange(m, p, m.length, memo.state);
}

/**
 * Answers for messages seen before: a log repeats a handful of messages (`(404) Not Found` for
 * every endpoint that answers), and a lookup costs a hash of the text where a classification
 * costs a scan of it. Bounded (emptied when full); storage errors, unique by their RequestId, are
 * not kept. Only a cache: the answer is the same either way, and the outcomes are frozen.
 */
const outcomeMemo = new Map<string, WebOutcome>();
const OUTCOME_MEMO_MAX = 256;

/**
 * Outcome of one web-request error message (the text after `Invoke-WebRequest :` or inside
 * `PS>TerminatingError(...)`), English or Japanese, with or without quotes. The object is shared
 * between calls with the same message: never change it.
 */
export function classifyWebError(message: string): Readonly<WebOutcome> {
  if (message.length > 1024) return classifyUncached(message);
  const r = message.indexOf(PREFIX_END);
  if (r !== -1) return classifyUncached(message, r);
  const known = outcomeMemo.get(message);
  if (known !== undefined) return known;
  const outcome = Object.freeze(classifyUncached(message, -1));
  {
    if (outcomeMemo.size >= OUTCOME_MEMO_MAX) outcomeMemo.clear();
    // a flat copy: a slice would keep the whole log text alive as long as the memo
    outcomeMemo.set(flatCopy(message), outcome);
  }
  return outcome;
}

/** `r`: message.indexOf(PREFIX_END), when known */
function classifyUncached(message: string, r?: number): WebOutcome {
  const m = message.length > 4096 ? message.slice(0, 4096) : message;
  const found = scanMessage(m, r ?? m.indexOf(PREFIX_END)); // as if lower-cased
  const has = (group: number): boolean => (found & (1 << group)) !== 0;
  // every Japanese phrase below starts with a kana or kanji: without any, none of them can match
  const ja = JAPANESE_SCRIPT.test(m);
  // Not run at all: the cmdlet does not exist (PowerShell 2.0 on old Windows).
  if (has(G_CMDLET) && (has(G_NOT_RECOGNIZED) || (ja && m.includes('認識されません')))) {
    return { state: 'not-tested' };
  }
  // The response came back; only parsing it failed (needs -UseBasicParsing).
  if (has(G_IE_ENGINE) || (has(G_BASIC_PARSING) && (has(G_CANNOT_PARSE) || (ja && m.includes('解析できません'))))) {
    return { state: 'ok', note: 'ie-engine-unavailable' };
  }
  const status = statusInParens(m) ?? (has(G_PWSH_STATUS) ? pwshStatus(m) : undefined);
  if (status === 407 || has(G_PROXY_AUTH) || (ja && m.includes('プロキシ認証が必要'))) {
    return { state: 'failed', cause: 'proxy-auth', status: 407 };
  }
  // Certificate trust before the generic "underlying connection was closed" (the trust message starts with it).
  if (has(G_TLS_TRUST) || (ja && (m.includes('信頼関係') || m.includes('リモート証明書は無効')))) {
    return { state: 'failed', cause: 'tls-trust' };
  }
  if (status !== undefined) return { state: 'ok', status };
  if (
    has(G_TLS_CHANNEL) ||
    (ja && (m.includes('チャネルを作成できません') || (m.includes('予期しないエラー') && (m.includes('送信') || m.includes('受信')))))
  ) {
    return { state: 'failed', cause: 'tls-channel' };
  }
  if (has(G_PROXY_RESOLVE) || (ja && m.includes('プロキシ名を解決できません'))) {
    return { state: 'failed', cause: 'proxy-resolve' };
  }
  if (has(G_DNS) || (ja && (m.includes('名を解決できません') || m.includes('そのようなホストは不明')))) {
    return { state: 'failed', cause: 'dns' };
  }
  if (has(G_TIMEOUT) || (ja && m.includes('タイムアウト'))) {
    return { state: 'failed', cause: 'timeout' };
  }
  if (
    has(G_CONNECT) ||
    (ja &&
      (m.includes('に接続できません') ||
        m.includes('接続できませんでした') ||
        m.includes('拒否されたため') ||
        m.includes('接続済みの呼び出し先が一定の時間を過ぎても正しく応答しなかった')))
  ) {
    return { state: 'failed', cause: 'connect' };
  }
  // The connection was cut without a clearer reason: in practice TLS being reset by a device.
  if (has(G_CLOSED) || (ja && (m.includes('基になる接続が閉じられました') || m.includes('接続が切断されました')))) {
    return { state: 'failed', cause: 'tls-channel' };
  }
  if (has(G_STORAGE_CODE)) return { state: 'ok' };
  // Storage error body without a known code: "<Code>… RequestId:… Time:…"
  if (has(G_REQUEST_ID) && has(G_TIME)) return { state: 'ok' };
  return { state: 'inconclusive' };
}

/**
 * Azure Storage prints its error code glued to the message ("AuthenticationFailedServer failed to
 * authenticate…"): the code and the message apart, for people to read, or undefined when the text
 * does not start with a known code followed by the message's capital letter.
 */
export function storageErrorParts(detail: string): { code: string; message: string } | undefined {
  for (const code of STORAGE_ERROR_CODES) {
    const next = detail.charCodeAt(code.length);
    if (next >= 0x41 && next <= 0x5a && detail.slice(0, code.length).toLowerCase() === code) {
      return { code: detail.slice(0, code.length), message: detail.slice(code.length) };
    }
  }
  return undefined;
}
