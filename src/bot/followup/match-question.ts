// Which part of the last report a free-text question is about. Pure: question + report in,
// match out. Keyword tables in both languages, host names taken from the report itself; no
// regex over the question (plain includes with word boundaries for ASCII keywords).
import type { Finding, FindingCode, Report, Service } from '../../analyzer';

export type QuestionTopic =
  | 'proxy'
  | 'tls'
  | 'dns'
  | 'storage'
  | 'backup-service'
  | 'login'
  | 'firewall'
  | 'private-endpoint'
  | 'incomplete'
  | 'elevation'
  | 'region'
  | 'file-recovery'
  | 'site-recovery';

export type QuestionMatch =
  /** explain these findings (indices into report.findings, most severe first) */
  | { kind: 'findings'; findingIndices: number[]; topics: QuestionTopic[]; host?: string }
  /** the topic asked about has no finding: answer with its state from the report */
  | { kind: 'topic-status'; topic: QuestionTopic; services: Service[] }
  /** a checked endpoint without a finding */
  | { kind: 'endpoint-status'; host: string }
  /** a host name that the log did not check */
  | { kind: 'endpoint-unknown'; host: string }
  | { kind: 'none' };

interface TopicRule {
  topic: QuestionTopic;
  /** lower-case; ASCII words match on word boundaries, others as substrings */
  words: readonly string[];
  codes?: readonly FindingCode[];
  services?: readonly Service[];
}

const TOPICS: readonly TopicRule[] = [
  {
    topic: 'proxy',
    words: ['proxy', 'proxies', 'bypass', 'winhttp', 'wininet', 'プロキシ', 'ﾌﾟﾛｷｼ', 'バイパス', '除外リスト', '除外一覧'],
    codes: ['PROXY_AUTH_REQUIRED', 'TCP_TEST_BYPASSES_PROXY', 'PROXY_PATH_NOT_TESTED', 'PROXY_NOT_SET_FOR_SYSTEM', 'PROXY_BYPASS_AZURE'],
  },
  {
    topic: 'tls',
    words: ['tls', 'ssl', 'certificate', 'certificates', 'cert', 'schannel', 'cipher', '証明書', '暗号'],
    codes: ['TLS_TRUST_FAILED', 'TLS_CHANNEL_FAILED', 'TLS12_DISABLED', 'TLS12_OS_DEFAULT', 'TLS12_NOT_CONFIGURED_LEGACY_OS', 'LEGACY_PROTOCOL_ENABLED'],
  },
  {
    topic: 'dns',
    words: ['dns', 'nslookup', 'name resolution', 'resolve the name', 'resolves', 'resolving', 'hosts file', '名前解決', '名前の解決', 'ｄｎｓ'],
    codes: ['DNS_RESOLUTION_FAILED', 'PRIVATE_ENDPOINT_SUSPECTED'],
  },
  {
    topic: 'private-endpoint',
    words: ['private endpoint', 'private endpoints', 'privatelink', 'private link', 'プライベート エンドポイント', 'プライベートエンドポイント', 'プライベート リンク'],
    codes: ['PRIVATE_ENDPOINT_SUSPECTED'],
  },
  { topic: 'storage', words: ['storage', 'blob', 'ストレージ', 'ブロブ'], services: ['azure-storage'] },
  {
    topic: 'login',
    words: ['login', 'log in', 'sign-in', 'signin', 'sign in', 'entra', 'aad', 'azure ad', 'authentication', '認証', 'ログイン', 'サインイン', 'エントラ'],
    services: ['entra-id'],
  },
  { topic: 'backup-service', words: ['backup service', 'recovery services', 'vault', 'バックアップ サービス', 'バックアップサービス', 'コンテナー'], services: ['azure-backup'] },
  { topic: 'file-recovery', words: ['iscsi', 'file recovery', 'ilr', '3260', 'ファイルの回復', 'ファイル回復'], services: ['file-recovery'] },
  { topic: 'site-recovery', words: ['site recovery', 'asr', 'mobility', 'サイト回復', 'site-recovery'], services: ['site-recovery'] },
  {
    topic: 'firewall',
    words: ['firewall', 'nsg', 'tcp', 'port', 'ports', '443', 'blocked', 'timeout', 'timed out', 'ファイアウォール', 'ポート', 'ブロック', 'タイムアウト', '遮断'],
    codes: ['TCP_CONNECT_FAILED', 'HTTP_CONNECT_FAILED', 'HTTP_TIMEOUT'],
  },
  { topic: 'incomplete', words: ['incomplete', 'interrupted', 'truncated', 'cut off', '途中', '中断', '不完全', '途切れ'], codes: ['LOG_INCOMPLETE'] },
  { topic: 'elevation', words: ['admin', 'administrator', 'elevated', 'run as', '管理者'], codes: ['NOT_ELEVATED'] },
  { topic: 'region', words: ['region', 'regions', 'geo', 'リージョン', '地域'], codes: ['REGION_SPECIFIC_FQDN'] },
];

/** "how do I fix", "what should I do", "対処", "直し方": asks for remedies; alone it means "the problems". */
const FIX_WORDS = ['fix', 'solve', 'resolve', 'remedy', 'what should i do', 'what do i do', 'how do i', 'how can i', 'workaround', '直し方', '直す', '対処', '対応', '解決', 'どうすれば', 'どうしたら', '修正', '手順'];
/** "why", "failed", "error": asks about what went wrong. */
const PROBLEM_WORDS = ['why', 'fail', 'failed', 'failing', 'error', 'errors', 'problem', 'problems', 'issue', 'issues', 'wrong', "can't", 'cannot', 'unable', 'なぜ', 'なんで', 'どうして', '失敗', 'エラー', '問題', 'できない', '繋がらない', 'つながらない', '接続できない', '原因'];

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
export const MAX_EXPLAINED = 3;

function isAsciiWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const n = c.charCodeAt(0);
  return (n >= 0x30 && n <= 0x39) || (n >= 0x61 && n <= 0x7a) || c === '_';
}

/** `word` occurs in `text`; ASCII words must not be glued to other ASCII letters/digits. */
export function containsWord(text: string, word: string): boolean {
  const ascii = isAsciiWordChar(word[0]) || isAsciiWordChar(word[word.length - 1]);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!ascii) return true;
    const before = text[at - 1];
    const after = text[at + word.length];
    const startOk = !isAsciiWordChar(word[0]) || !isAsciiWordChar(before);
    const endOk = !isAsciiWordChar(word[word.length - 1]) || !isAsciiWordChar(after);
    if (startOk && endOk) return true;
  }
  return false;
}

function isHostChar(c: string | undefined): boolean {
  return c !== undefined && (isAsciiWordChar(c) || c === '.' || c === '-');
}

/** `host` appears as a whole host name (not part of a longer one). */
function containsHost(text: string, host: string): boolean {
  for (let at = text.indexOf(host); at >= 0; at = text.indexOf(host, at + 1)) {
    const before = text[at - 1];
    const after = text[at + host.length];
    const afterIsDotEnd = after === '.' && !isHostChar(text[at + host.length + 1]);
    if (!isHostChar(before) && (!isHostChar(after) || afterIsDotEnd)) return true;
  }
  return false;
}

/** Host-like tokens (a.b.c) in the question, lower-case: for hosts the log never checked. */
function hostLikeTokens(text: string): string[] {
  const out: string[] = [];
  let token = '';
  for (const c of `${text} `) {
    if (isHostChar(c)) {
      token += c;
      continue;
    }
    let start = 0;
    let end = token.length;
    while (start < end && (token[start] === '.' || token[start] === '-')) start++;
    while (end > start && (token[end - 1] === '.' || token[end - 1] === '-')) end--;
    const t = token.slice(start, end);
    token = '';
    const dot = t.indexOf('.');
    if (dot > 0 && dot < t.length - 1 && /[a-z]/.test(t) && t.length <= 253 && !/^[0-9.]+$/.test(t)) out.push(t);
  }
  return out;
}

function normalize(question: string): string {
  return question.normalize('NFKC').toLowerCase().slice(0, 2000);
}

/** Services a finding is about: its endpoint's, its `service` param, and those of hosts its params list. */
function findingServices(finding: Finding, report: Report): Service[] {
  const out = new Set<Service>();
  const paramText = Object.values(finding.params ?? {})
    .filter((v): v is string => typeof v === 'string')
    .join(' ')
    .toLowerCase();
  for (const e of report.endpoints) {
    const host = e.host.toLowerCase();
    if ((finding.endpoint && host === finding.endpoint.toLowerCase()) || containsHost(paramText, host)) out.add(e.service);
  }
  const service = finding.params?.service;
  if (service) out.add(service as Service);
  return [...out];
}

function findingMentionsHost(finding: Finding, host: string): boolean {
  if (finding.endpoint?.toLowerCase() === host) return true;
  for (const value of Object.values(finding.params ?? {})) {
    if (typeof value === 'string' && containsHost(value.toLowerCase(), host)) return true;
  }
  return false;
}

/**
 * Most useful first: by severity; among equals, a code that occurs once (a cause such as
 * TLS12_DISABLED) before one repeated per endpoint (its symptoms); one finding per code before
 * the second of any code, so three answers are three different explanations when possible.
 */
function bySeverity(report: Report, indices: Iterable<number>): number[] {
  const unique = [...new Set(indices)];
  const count = new Map<FindingCode, number>();
  for (const i of unique) count.set(report.findings[i]!.code, (count.get(report.findings[i]!.code) ?? 0) + 1);
  const sorted = unique.sort((a, b) => {
    const fa = report.findings[a]!;
    const fb = report.findings[b]!;
    return SEVERITY_RANK[fa.severity] - SEVERITY_RANK[fb.severity] || count.get(fa.code)! - count.get(fb.code)! || a - b;
  });
  const seen = new Set<FindingCode>();
  const firsts: number[] = [];
  const rest: number[] = [];
  for (const i of sorted) {
    const code = report.findings[i]!.code;
    (seen.has(code) ? rest : firsts).push(i);
    seen.add(code);
  }
  return [...firsts, ...rest];
}

export function matchQuestion(question: string, report: Report): QuestionMatch {
  const q = normalize(question);
  if (q.trim() === '') return { kind: 'none' };

  // 1. a host the report knows (endpoint or finding), longest first so a.b.c wins over b.c
  const knownHosts = new Set<string>();
  for (const e of report.endpoints) knownHosts.add(e.host.toLowerCase());
  for (const f of report.findings) if (f.endpoint) knownHosts.add(f.endpoint.toLowerCase());
  const host = [...knownHosts].sort((a, b) => b.length - a.length).find((h) => containsHost(q, h));

  // topic words inside a host name ("login" in login.microsoft.com) are not topics
  let withoutHosts = q;
  for (const h of [...(host ? [host] : []), ...hostLikeTokens(q)]) withoutHosts = withoutHosts.split(h).join(' ');
  const topics = TOPICS.filter((rule) => rule.words.some((w) => containsWord(withoutHosts, w)));

  if (host) {
    const matching = report.findings.flatMap((f, i) => (findingMentionsHost(f, host) ? [i] : []));
    // narrow by topic when the question names one ("the proxy for login.microsoft.com")
    const narrowed = topics.length > 0 ? matching.filter((i) => topics.some((r) => r.codes?.includes(report.findings[i]!.code))) : [];
    const chosen = narrowed.length > 0 ? narrowed : matching;
    if (chosen.length > 0) {
      return { kind: 'findings', findingIndices: bySeverity(report, chosen).slice(0, MAX_EXPLAINED), topics: topics.map((r) => r.topic), host };
    }
    if (topics.length === 0) return { kind: 'endpoint-status', host };
  } else if (topics.length === 0) {
    const unknown = hostLikeTokens(q)[0];
    if (unknown) return { kind: 'endpoint-unknown', host: unknown };
  }

  // 2. topics → findings by code or by the service of the endpoint they are about
  if (topics.length > 0) {
    const matched: number[] = [];
    report.findings.forEach((f, i) => {
      for (const rule of topics) {
        if (rule.codes?.includes(f.code)) matched.push(i);
        else if (rule.services && findingServices(f, report).some((s) => rule.services!.includes(s))) matched.push(i);
      }
    });
    if (matched.length > 0) {
      return { kind: 'findings', findingIndices: bySeverity(report, matched).slice(0, MAX_EXPLAINED), topics: topics.map((r) => r.topic) };
    }
    return { kind: 'topic-status', topic: topics[0]!.topic, services: [...(topics[0]!.services ?? [])] };
  }

  // 3. "how do I fix it?" / "why does it fail?" → the most severe findings
  const asksFix = FIX_WORDS.some((w) => containsWord(q, w));
  const asksProblem = PROBLEM_WORDS.some((w) => containsWord(q, w));
  if ((asksFix || asksProblem) && report.findings.length > 0) {
    const actionable = report.findings.flatMap((f, i) => (f.severity !== 'info' ? [i] : []));
    const pool = actionable.length > 0 ? actionable : report.findings.map((_, i) => i);
    return { kind: 'findings', findingIndices: bySeverity(report, pool).slice(0, MAX_EXPLAINED), topics: [] };
  }
  return { kind: 'none' };
}
