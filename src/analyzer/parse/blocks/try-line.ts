// The scripts echo every command before running it: `#TRY!! Test-NetConnection host -port 443`
// (Windows) and `##TRY!! nc -vz host 3260 ##` (Linux). This reads such a line into a command kind
// and its target, tolerant of spacing, option order, quotes and a missing `https://`.
import { isDigit, tokens, trimLine } from '../text';
import { isIPv4, parseTarget } from '../hosts';

export type CommandKind = 'tnc' | 'web' | 'dns' | 'tcp' | 'curl' | 'wget' | 'other';

export interface TryCommand {
  kind: CommandKind;
  /** the command word as printed (for evidence / unknown commands) */
  command: string;
  host?: string;
  port?: number;
  scheme?: string;
  /** curl -x / --proxy value */
  proxy?: string;
  /** curl --noproxy covering the host */
  noProxy?: boolean;
}

const COMMANDS: Readonly<Record<string, CommandKind>> = {
  'test-netconnection': 'tnc', tnc: 'tnc',
  'invoke-webrequest': 'web', iwr: 'web', 'invoke-restmethod': 'web', irm: 'web',
  nslookup: 'dns', 'resolve-dnsname': 'dns', dig: 'dns', host: 'dns', getent: 'dns',
  nc: 'tcp', ncat: 'tcp', netcat: 'tcp', telnet: 'tcp',
  curl: 'curl', 'curl.exe': 'curl', wget: 'wget',
};

const COMMAND_KINDS: ReadonlyMap<string, CommandKind> = new Map(Object.entries(COMMANDS));

/** Words that may precede the real command. */
const PREFIXES = new Set(['sudo', 'env', 'command', 'time', 'exec']);

/**
 * The text after TRY!! when `t` (a trimmed line) is a TRY line, else undefined. Accepts any number
 * of leading '#', `TRY!!`, `TRY!`, `TRY:` and trailing `##`.
 */
export function tryLineBody(t: string): string | undefined {
  if (t.charCodeAt(0) !== 0x23) return undefined; // '#'
  let i = 0;
  while (i < t.length && t.charCodeAt(i) === 0x23) i++;
  while (i < t.length && (t.charCodeAt(i) === 0x20 || t.charCodeAt(i) === 0x09)) i++;
  if (t.length - i < 4) return undefined;
  // "try" in any case (no other character lower-cases to these three)
  if ((t.charCodeAt(i) | 0x20) !== 0x74 || (t.charCodeAt(i + 1) | 0x20) !== 0x72 || (t.charCodeAt(i + 2) | 0x20) !== 0x79) return undefined;
  let j = i + 3;
  if (j < t.length && t.charCodeAt(j) !== 0x21 && t.charCodeAt(j) !== 0x20 && t.charCodeAt(j) !== 0x3a) return undefined;
  while (j < t.length && (t.charCodeAt(j) === 0x21 || t.charCodeAt(j) === 0x3a)) j++;
  let body = t.slice(j);
  // trailing "##" (Linux)
  let k = body.length;
  while (k > 0 && (body.charCodeAt(k - 1) === 0x23 || body.charCodeAt(k - 1) === 0x20)) k--;
  body = trimLine(body.slice(0, k));
  return body;
}

function isPortToken(s: string): boolean {
  if (s.length === 0 || s.length > 5) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  const n = Number(s);
  return n > 0 && n < 65536;
}

const PROXY_OPTIONS = new Set(['-x', '--proxy', '--preproxy']);
const SKIP_VALUE_OPTIONS = new Set(['-h', '--header', '-e', '--referer', '--resolve', '--connect-to', '-a', '--user-agent', '-o', '--output', '-w', '--write-out', '-s', '--server']);
const PORT_OPTIONS = new Set(['-port', '-p', '--port', '-remoteport']);

/**
 * `PREFIXES.has(tok.toLowerCase())`. A word that lower-cases to an ASCII word has its length, so
 * most tokens (the command itself) are ruled out without a lower-case copy.
 */
function isPrefixWord(tok: string): boolean {
  const n = tok.length;
  return (n === 3 || n === 4 || n === 7) && PREFIXES.has(tok.toLowerCase());
}

/** Reads the body of a TRY line (see tryLineBody). */
export function parseTryCommand(body: string): TryCommand {
  const toks = tokens(body, 40);
  let idx = 0;
  while (idx < toks.length && isPrefixWord(toks[idx] as string)) idx++;
  // `timeout 5 nc …`
  if (idx < toks.length && (toks[idx] as string).length === 7 && (toks[idx] as string).toLowerCase() === 'timeout') {
    idx++;
    while (idx < toks.length && ((toks[idx] as string).startsWith('-') || isDigit((toks[idx] as string).charCodeAt(0)))) idx++;
  }
  const rawCmd = idx < toks.length ? (toks[idx] as string) : '';
  const slash = Math.max(rawCmd.lastIndexOf('/'), rawCmd.lastIndexOf('\\'));
  const cmdWord = (slash === -1 ? rawCmd : rawCmd.slice(slash + 1)).toLowerCase();
  // a Map answers a fresh string quickly; the object keeps its exact answer for anything else
  const kind: CommandKind = COMMAND_KINDS.get(cmdWord) ?? COMMANDS[cmdWord] ?? 'other';
  const out: TryCommand = { kind, command: rawCmd };
  let hostIdx = -1;
  for (let i = idx + 1; i < toks.length; i++) {
    const tok = toks[i] as string;
    if (tok.charCodeAt(0) === 0x2d) {
      const low = tok.toLowerCase();
      const next = toks[i + 1];
      const eq = low.indexOf('=');
      const opt = eq === -1 ? low : low.slice(0, eq);
      const inline = eq === -1 ? undefined : tok.slice(eq + 1);
      if (PROXY_OPTIONS.has(opt)) {
        const v = inline ?? next;
        if (v !== undefined) out.proxy = v;
        if (inline === undefined) i++;
      } else if (opt === '--noproxy') {
        const v = inline ?? next ?? '';
        if (v.includes('*')) out.noProxy = true;
        if (inline === undefined) i++;
      } else if (PORT_OPTIONS.has(opt) && (kind === 'tnc' || kind === 'web')) {
        const v = inline ?? next;
        if (v !== undefined && isPortToken(v)) out.port = Number(v);
        if (inline === undefined) i++;
      } else if (SKIP_VALUE_OPTIONS.has(opt) && inline === undefined && kind !== 'tnc') {
        i++;
      }
      continue;
    }
    if (hostIdx === -1) {
      const target = parseTarget(tok);
      if (target) {
        hostIdx = i;
        out.host = target.host;
        if (target.port !== undefined) out.port = target.port;
        if (target.scheme !== undefined) out.scheme = target.scheme;
      }
      continue;
    }
    if (out.port === undefined && (kind === 'tcp' || kind === 'tnc') && isPortToken(tok)) out.port = Number(tok);
  }
  return out;
}

/**
 * The two TRY lines the Windows script prints for every endpoint, `#TRY!! Test-NetConnection <host>
 * -port <n>` and `#TRY!! Invoke-webRequest https://<host>` (any case, spaces between words), in one
 * regular expression: a big log has one pair per endpoint.
 */
const SCRIPT_TRY_LINE =
  /^#+[ \t]*try[!:]* +(?:(test-netconnection) +([a-z0-9][a-z0-9.-]*) +-port +([0-9]{1,5})|(invoke-webrequest) +(https?):\/\/([a-z0-9][a-z0-9.-]*))[ #]*$/i;

/** isHostname for a name matched above ([a-z0-9][a-z0-9.-]*): 3–253 long, a dot, a letter. */
const SCRIPT_HOST = /^(?=[^.]*\.)(?=[^a-z]*[a-z])[a-z0-9.-]{3,253}$/;

/**
 * `parseTryCommand(tryLineBody(t))` for a trimmed line of one of the two shapes above; undefined
 * for any other line (the general reader then decides). Exact by construction: every part it
 * accepts is read by the general reader the same way (see the test).
 */
export function readScriptTryLine(t: string): TryCommand | undefined {
  if (t.length > 300) return undefined;
  const m = SCRIPT_TRY_LINE.exec(t);
  if (m === null) return undefined;
  const tnc = m[1] !== undefined;
  const raw = (tnc ? m[2] : m[6]) as string;
  // what parseTarget would refuse or change (a trailing dot) is left to it
  if (raw.charCodeAt(raw.length - 1) === 0x2e) return undefined;
  const host = raw.toLowerCase();
  if (!SCRIPT_HOST.test(host) && !isIPv4(host)) return undefined;
  if (tnc) {
    const digits = m[3] as string;
    if (!isPortToken(digits)) return undefined;
    return { kind: 'tnc', command: m[1] as string, host, port: Number(digits) };
  }
  return { kind: 'web', command: m[4] as string, host, scheme: (m[5] as string).toLowerCase() };
}
