// Reads files posted in channels and group chats, which Teams does not hand to bots: an app
// token (client credentials, per tenant, cached), GET the chatMessage, take its `reference`
// attachments, download each through /shares/u!{base64url(url)}/driveItem/content. The bearer
// token only ever goes to GRAPH_BASE_URL's origin (safeDownload drops it on the redirect to
// SharePoint) and the authority host.
import type { BotConfig } from '../../config/load-config';
import type { GraphMessageRef } from '../input/find-inputs';
import { InputProblem } from '../input/input-problem';
import type { DownloadFn } from '../jobs/download-file';

export interface GraphFileReference {
  name: string;
  contentUrl: string;
}

const MAX_JSON_BYTES = 1024 * 1024;
const TOKEN_MARGIN_MS = 60_000;
/** Retry-After up to this is waited once; longer means "try again later" to the user */
const MAX_RETRY_AFTER_MS = 5_000;

interface CachedToken {
  token: string;
  expiresAt: number;
}

export interface GraphClientOptions {
  graph: BotConfig['graph'];
  download: BotConfig['download'];
  maxBytes: number;
  downloadFile: DownloadFn;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** "u!" + unpadded base64url of the sharing URL: Graph's documented encoding for /shares/{id}. */
export function encodeSharingUrl(url: string): string {
  return `u!${Buffer.from(url, 'utf8').toString('base64url')}`;
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function readJson(response: Response): Promise<unknown> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_JSON_BYTES) throw new Error('Graph response too large');
  const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_JSON_BYTES) {
      await reader.cancel();
      throw new Error('Graph response too large');
    }
    chunks.push(value);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class GraphClient {
  private readonly options: GraphClientOptions;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly tokens = new Map<string, CachedToken>();

  constructor(options: GraphClientOptions) {
    this.options = options;
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get configured(): boolean {
    return this.options.graph.credentials !== undefined;
  }

  /** The files attached to a channel or chat message. */
  async listFileReferences(tenantId: string, ref: GraphMessageRef): Promise<GraphFileReference[]> {
    const base = this.options.graph.baseUrl;
    const e = encodeURIComponent;
    const path =
      ref.kind === 'chat'
        ? `/chats/${e(ref.chatId)}/messages/${e(ref.messageId)}`
        : ref.parentId
          ? `/teams/${e(ref.teamId)}/channels/${e(ref.channelId)}/messages/${e(ref.parentId)}/replies/${e(ref.messageId)}`
          : `/teams/${e(ref.teamId)}/channels/${e(ref.channelId)}/messages/${e(ref.messageId)}`;
    const message = await this.getJson(tenantId, `${base}${path}`);
    const attachments = isRecord(message) && Array.isArray(message.attachments) ? message.attachments : [];
    const out: GraphFileReference[] = [];
    for (const a of attachments) {
      if (!isRecord(a) || a.contentType !== 'reference' || typeof a.contentUrl !== 'string') continue;
      const name = typeof a.name === 'string' && a.name !== '' ? a.name.slice(0, 255) : 'attachment';
      out.push({ name, contentUrl: a.contentUrl });
    }
    return out;
  }

  /** Downloads one referenced file, with the same size cap and timeouts as any download. */
  async downloadReference(tenantId: string, contentUrl: string): Promise<{ bytes: Uint8Array; contentType?: string }> {
    const token = await this.token(tenantId);
    const url = `${this.options.graph.baseUrl}/shares/${encodeSharingUrl(contentUrl)}/driveItem/content`;
    const graphHost = new URL(this.options.graph.baseUrl).host;
    const d = this.options.download;
    try {
      const result = await this.options.downloadFile(url, {
        allowedHosts: [...d.allowedHosts, graphHost],
        maxBytes: this.options.maxBytes,
        timeoutMs: d.timeoutMs,
        idleTimeoutMs: d.idleTimeoutMs,
        maxRedirects: d.maxRedirects,
        headers: { Authorization: `Bearer ${token}` },
        insecureLoopbackForTests: d.allowInsecureLoopback,
      });
      const out: { bytes: Uint8Array; contentType?: string } = { bytes: result.bytes };
      if (result.contentType !== undefined) out.contentType = result.contentType;
      return out;
    } catch (err) {
      const reason = (err as { reason?: unknown }).reason;
      const status = (err as { status?: unknown }).status;
      if (reason === 'download-expired' && (status === 401 || status === 403)) {
        throw new InputProblem('graph-consent-missing', `Graph file download HTTP ${status}`, status);
      }
      throw err;
    }
  }

  private async token(tenantId: string): Promise<string> {
    const credentials = this.options.graph.credentials;
    if (!credentials) throw new InputProblem('graph-not-configured', 'Graph credentials are not configured');
    if (!/^[A-Za-z0-9.-]{1,100}$/.test(tenantId)) throw new InputProblem('graph-consent-missing', 'activity has no usable tenant id');
    const cached = this.tokens.get(tenantId);
    if (cached && cached.expiresAt > this.now()) return cached.token;
    const scope = `${new URL(this.options.graph.baseUrl).origin}/.default`;
    const body = new URLSearchParams({
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      scope,
      grant_type: 'client_credentials',
    });
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.options.graph.authorityHost}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.graph.timeoutMs),
      });
    } catch (err) {
      throw new InputProblem('download-failed', `token request failed: ${(err as Error).name}`);
    }
    const json = await readJson(response).catch(() => undefined);
    if (!response.ok || !isRecord(json) || typeof json.access_token !== 'string') {
      // AADSTS codes name the cause (app not in tenant, bad secret) without revealing secrets
      const code = isRecord(json) && Array.isArray(json.error_codes) ? json.error_codes.join(',') : '';
      throw new InputProblem('graph-consent-missing', `token endpoint HTTP ${response.status} ${code}`.trim(), response.status);
    }
    const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : Number(json.expires_in ?? 3600);
    const token = json.access_token;
    this.tokens.set(tenantId, { token, expiresAt: this.now() + Math.max(0, expiresIn * 1000 - TOKEN_MARGIN_MS) });
    return token;
  }

  private async getJson(tenantId: string, url: string): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.token(tenantId);
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          redirect: 'error',
          signal: AbortSignal.timeout(this.options.graph.timeoutMs),
        });
      } catch (err) {
        const name = (err as Error).name;
        throw new InputProblem(name === 'TimeoutError' ? 'download-timeout' : 'download-failed', `Graph request failed: ${name}`);
      }
      if (response.ok) return readJson(response);
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      if (status === 401) this.tokens.delete(tenantId);
      if (status === 401 || status === 403) throw new InputProblem('graph-consent-missing', `Graph HTTP ${status}`, status);
      if (status === 404) throw new InputProblem('download-failed', 'Graph HTTP 404 (message not found)', status);
      if (status === 429 || status === 503) {
        const wait = retryAfterMs(response.headers.get('retry-after')) ?? 1000;
        if (attempt === 1 && wait <= MAX_RETRY_AFTER_MS) {
          await this.sleep(wait);
          continue;
        }
        throw new InputProblem('graph-throttled', `Graph HTTP ${status}, retry after ${wait} ms`, status);
      }
      throw new InputProblem('download-failed', `Graph HTTP ${status}`, status);
    }
  }
}
