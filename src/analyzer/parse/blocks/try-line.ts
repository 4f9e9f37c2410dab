// The scripts echo every command before running it: `#TRY!! Test-NetConnection host -port 443`
// (Windows) and `##TRY!! nc -vz host 3260 ##` (Linux). This reads such a line into a command kind
// and its target, tolerant of spacing, option order, quotes and a missing `https://`.
import { isDigit, tokens, trimLine } from '../text';
import { parseTarget } from '../hosts';

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

/** Reads the body of a TRY line (see tryLineBody). */
export function parseTryCommand(body: string): TryCommand {
  const toks = tokens(body, 40);
  let idx = 0;
  while (idx < toks.length && PREFIXES.has((toks[idx] as string).toLowerCase())) idx++;
  // `timeout 5 nc …`
  if (idx < toks.length && (toks[idx] as string).toLowerCase() === 'timeout') {
    idx++;
    while (idx < toks.length && ((toks[idx] as string).startsWith('-') || isDigit((toks[idx] as string).charCodeAt(0)))) idx++;
  }
  const rawCmd = idx < toks.length ? (toks[idx] as string) : '';
  const slash = Math.max(rawCmd.lastIndexOf('/'), rawCmd.lastIndexOf('\\'));
  const cmdWord = (slash === -1 ? rawCmd : rawCmd.slice(slash + 1)).toLowerCase();
  const kind: CommandKind = COMMANDS[cmdWord] ?? 'other';
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
