// The only way the bot fetches a file a user pointed at. Everything in an activity is attacker
// controlled, so: https only, host allow-list checked on the first URL and on every redirect,
// no IP literals and no name that resolves to a private/loopback/link-local address (checked
// inside the socket's own DNS lookup, so a rebinding answer cannot slip between check and
// connect), the size cap applied to Content-Length and again while streaming, idle and overall
// timeouts, and credentials never carried to another origin. With `connections` a connection
// whose response was read to the end is reused (download-connections.ts says why that is safe);
// every other outcome destroys it.
import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  explicitPort,
  hostMatches,
  isIpLiteral,
  isLoopbackAddress,
  isNonPublicAddress,
  normalizeHost,
  parseHostPatterns,
  type HostPattern,
} from './address-policy';
import type { DownloadConnections } from './download-connections';

export type DownloadFailureReason =
  | 'host-not-allowed'
  | 'too-large'
  | 'download-timeout'
  | 'download-expired'
  | 'download-failed';

/** Typed failure: `reason` picks the user message, `logMessage` is safe to log (no URL query). */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly reason: DownloadFailureReason,
    readonly logMessage: string,
    readonly status?: number,
  ) {
    super(`download refused: ${reason}`);
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface SafeDownloadOptions {
  /** host patterns: exact (`files.contoso.com`), `*.sharepoint.com`, optionally `:port` */
  allowedHosts: readonly string[];
  maxBytes: number;
  /** overall budget for all hops, headers and body */
  timeoutMs: number;
  /** longest silence (connecting, waiting for headers, between body chunks) */
  idleTimeoutMs: number;
  /** default 3 */
  maxRedirects?: number;
  /** sent to the first host; Authorization/Cookie are dropped when a redirect changes origin */
  headers?: Readonly<Record<string, string>>;
  /** host patterns or IP literals that may resolve to / be non-public addresses */
  allowPrivateHosts?: readonly string[];
  /**
   * Tests only: permits `http:` and loopback addresses for loopback hosts (127.x, ::1,
   * localhost) that are in `allowedHosts` (any port). Never set in production.
   */
  insecureLoopbackForTests?: boolean;
  /** DNS seam (tests map names to 127.0.0.1); defaults to the system resolver */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** extra trusted CA certificates (tests with a self-signed host) */
  ca?: string | Buffer | Array<string | Buffer>;
  /** aborts the download (for example on shutdown) → 'download-failed' */
  signal?: AbortSignal;
  /** keep-alive connections shared by downloads (download-connections.ts); default a fresh socket per request */
  connections?: DownloadConnections;
}

export interface DownloadResult {
  bytes: Uint8Array;
  contentType?: string;
  finalUrl: string;
  status: number;
}

const SENSITIVE_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const EXPIRED_STATUSES = new Set([401, 403, 404, 410]);

/** Scheme + host + port only: URLs from Teams carry tokens in the query string. */
export function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

interface Policy {
  allowed: HostPattern[];
  privateOk: HostPattern[];
  insecureLoopback: boolean;
}

function isLoopbackHost(host: string): boolean {
  const h = normalizeHost(host);
  return h === 'localhost' || isLoopbackAddress(h);
}

/** Throws host-not-allowed unless the URL may be fetched at all (before any network I/O). */
function checkUrl(url: URL, policy: Policy): void {
  const host = normalizeHost(url.hostname);
  const loopbackTest = policy.insecureLoopback && isLoopbackHost(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackTest)) {
    throw new DownloadError('host-not-allowed', `scheme ${url.protocol} refused for ${describeUrl(url)}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new DownloadError('host-not-allowed', `credentials in URL refused for ${describeUrl(url)}`);
  }
  const port = loopbackTest ? undefined : explicitPort(url);
  const patterns = loopbackTest ? policy.allowed.map((p) => ({ ...p, port: undefined })) : policy.allowed;
  if (!hostMatches(host, port, patterns)) {
    throw new DownloadError('host-not-allowed', `host not in allow-list: ${describeUrl(url)}`);
  }
  if (isIpLiteral(host) && !loopbackTest && !hostMatches(host, undefined, policy.privateOk)) {
    throw new DownloadError('host-not-allowed', `IP literal refused: ${describeUrl(url)}`);
  }
  if (isIpLiteral(host) && isNonPublicAddress(host) && !loopbackTest && !hostMatches(host, undefined, policy.privateOk)) {
    throw new DownloadError('host-not-allowed', `non-public address refused: ${describeUrl(url)}`);
  }
}

const systemResolve = async (hostname: string): Promise<ResolvedAddress[]> => {
  const all = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

class AddressRefused extends Error {
  override readonly name = 'AddressRefused';
}

/** A pooled connection the server had already closed: the request never reached it. */
class StaleConnection extends Error {
  override readonly name = 'StaleConnection';
  constructor(readonly cause: unknown) {
    super('reused connection was closed by the server');
  }
}

const STALE_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** A socket lookup that refuses non-public answers unless the host is explicitly allowed. */
function guardedLookup(policy: Policy, resolve: (h: string) => Promise<ResolvedAddress[]>): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (answers) => {
        const wanted = options.family === 4 || options.family === 6 ? answers.filter((a) => a.family === options.family) : answers;
        if (wanted.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`no address for ${hostname}`);
          err.code = 'ENOTFOUND';
          callback(err, '', 0);
          return;
        }
        for (const a of wanted) {
          if (!isNonPublicAddress(a.address)) continue;
          const ok =
            hostMatches(hostname, undefined, policy.privateOk) ||
            (policy.insecureLoopback && isLoopbackAddress(a.address) && isLoopbackHost(hostname));
          if (!ok) {
            callback(new AddressRefused(`${hostname} resolves to a non-public address`), '', 0);
            return;
          }
        }
        if (options.all) {
          (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, wanted);
        } else {
          callback(null, wanted[0]!.address, wanted[0]!.family);
        }
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

interface Hop {
  res: http.IncomingMessage;
  req: http.ClientRequest;
}

export async function safeDownload(url: string, options: SafeDownloadOptions): Promise<DownloadResult> {
  const policy: Policy = {
    allowed: parseHostPatterns(options.allowedHosts),
    privateOk: parseHostPatterns(options.allowPrivateHosts ?? []),
    insecureLoopback: options.insecureLoopbackForTests === true,
  };
  const maxRedirects = options.maxRedirects ?? 3;
  const lookup = guardedLookup(policy, options.resolve ?? systemResolve);
  const connections = options.connections;
  const policyKey = {
    allowedHosts: options.allowedHosts,
    allowPrivateHosts: options.allowPrivateHosts ?? [],
    insecureLoopback: policy.insecureLoopback,
    ...(options.resolve !== undefined ? { resolve: options.resolve } : {}),
  };
  const agentFor = (url: URL): http.Agent | false => connections?.agentFor(url.protocol, policyKey) ?? false;

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new DownloadError('host-not-allowed', 'unparsable download URL');
  }

  // One controller for the whole download: the overall timer, the caller's signal and the
  // idle timer all end it by destroying whatever socket is open.
  const controller = new AbortController();
  let timedOut: 'overall' | 'idle' | undefined;
  const overall = setTimeout(() => {
    timedOut = 'overall';
    controller.abort();
  }, options.timeoutMs);
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      timedOut = 'idle';
      controller.abort();
    }, options.idleTimeoutMs);
  };
  const onCallerAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (options.signal?.aborted) controller.abort();

  const mapError = (err: unknown, where: URL): DownloadError => {
    if (err instanceof DownloadError) return err;
    if (timedOut) return new DownloadError('download-timeout', `${timedOut} timeout from ${describeUrl(where)}`);
    if (err instanceof AddressRefused) return new DownloadError('host-not-allowed', `${err.message} (${describeUrl(where)})`);
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    const name = (err as Error | undefined)?.name ?? 'Error';
    return new DownloadError('download-failed', `${name}${code ? ` ${code}` : ''} from ${describeUrl(where)}`);
  };

  let headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = v;
  headers['accept-encoding'] = 'identity'; // never decompress: a gzip bomb stays 20 MB of bytes

  try {
    for (let hop = 0; ; hop++) {
      checkUrl(current, policy);
      let step: Hop;
      try {
        touch();
        try {
          step = await requestOnce(current, headers, lookup, agentFor(current), options, controller.signal, touch);
        } catch (err) {
          if (!(err instanceof StaleConnection)) throw err;
          // once, on a connection of its own: a second failure is the server's answer
          step = await requestOnce(current, headers, lookup, false, options, controller.signal, touch);
        }
      } catch (err) {
        throw mapError(err instanceof StaleConnection ? err.cause : err, current);
      }
      const { res, req } = step;
      const status = res.statusCode ?? 0;

      if (REDIRECT_STATUSES.has(status)) {
        req.destroy();
        const location = res.headers.location;
        if (!location) throw new DownloadError('download-failed', `redirect without Location from ${describeUrl(current)}`, status);
        if (hop >= maxRedirects) throw new DownloadError('download-failed', `more than ${maxRedirects} redirects`, status);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new DownloadError('download-failed', `unparsable redirect from ${describeUrl(current)}`, status);
        }
        if (next.origin !== current.origin) {
          const kept: Record<string, string> = {};
          for (const [k, v] of Object.entries(headers)) if (!SENSITIVE_HEADERS.includes(k)) kept[k] = v;
          headers = kept;
        }
        current = next;
        continue;
      }
      if (EXPIRED_STATUSES.has(status)) {
        req.destroy();
        throw new DownloadError('download-expired', `HTTP ${status} from ${describeUrl(current)}`, status);
      }
      if (status < 200 || status > 299) {
        req.destroy();
        throw new DownloadError('download-failed', `HTTP ${status} from ${describeUrl(current)}`, status);
      }

      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        req.destroy();
        throw new DownloadError('too-large', `Content-Length ${declared} > ${options.maxBytes} from ${describeUrl(current)}`, status);
      }
      let bytes: Buffer;
      try {
        bytes = await readCapped(res, req, options.maxBytes, touch);
      } catch (err) {
        throw mapError(err, current);
      }
      const contentType = res.headers['content-type'];
      const result: DownloadResult = { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), finalUrl: current.href, status };
      if (contentType) result.contentType = contentType;
      return result;
    }
  } finally {
    clearTimeout(overall);
    if (idle) clearTimeout(idle);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function requestOnce(
  url: URL,
  headers: Record<string, string>,
  lookup: LookupFunction,
  agent: http.Agent | false,
  options: SafeDownloadOptions,
  signal: AbortSignal,
  touch: () => void,
): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const requestOptions: https.RequestOptions = {
      method: 'GET',
      protocol: url.protocol,
      hostname: normalizeHost(url.hostname),
      path: `${url.pathname}${url.search}`,
      headers: { 'user-agent': 'nwcheck-bot', accept: '*/*', ...headers },
      // pooled (download-connections.ts) or a fresh socket; either way a new socket resolves
      // through `lookup`, and destroying one never hurts another request
      agent,
      lookup,
      signal,
    };
    if (url.port !== '') requestOptions.port = Number(url.port);
    if (options.ca !== undefined) requestOptions.ca = options.ca;
    const req = lib.request(requestOptions, (res) => {
      touch();
      resolve({ res, req });
    });
    req.on('socket', () => touch());
    req.on('error', (err: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && !signal.aborted && err.code !== undefined && STALE_CODES.has(err.code);
      reject(stale ? new StaleConnection(err) : err);
    });
    req.end();
  });
}

/** Reads the body, destroying the socket as soon as the cap is passed. */
function readCapped(res: http.IncomingMessage, req: http.ClientRequest, maxBytes: number, touch: () => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      req.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      touch();
      total += chunk.length;
      if (total > maxBytes) {
        fail(new DownloadError('too-large', `body passed ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => {
      if (done) return;
      if (!res.complete) {
        fail(new Error('connection closed before the body was complete'));
        return;
      }
      done = true;
      resolve(Buffer.concat(chunks, total));
    });
    res.on('aborted', () => fail(new Error('response aborted')));
    res.on('error', fail);
    res.on('close', () => {
      if (!done) fail(new Error('response closed before end'));
    });
  });
}
