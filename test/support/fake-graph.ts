// A fake Microsoft Graph + Entra token endpoint on 127.0.0.1:0, serving the shapes the bot
// reads: client-credentials tokens, channel/chat chatMessages with `reference` attachments, and
// /shares/u!{base64url}/driveItem/content answering 302 to a (fake) SharePoint download URL.
// Failures are scripted per path prefix (403 consent missing, 404, 429 with Retry-After).
import type * as http from 'node:http';
import { readBody, startLoopbackServer, type LoopbackServer } from './fake-connector';

export interface GraphRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  form?: URLSearchParams;
}

export interface GraphFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** how many requests fail (default: all) */
  times?: number;
}

export interface FakeGraph extends LoopbackServer {
  /** GRAPH_BASE_URL */
  baseUrl: string;
  /** GRAPH_AUTHORITY_HOST */
  authorityHost: string;
  requests: GraphRequest[];
  /** chatMessage JSON served at a path below /v1.0 (e.g. /chats/x/messages/1) */
  setMessage(path: string, message: unknown): void;
  /** contentUrl (SharePoint URL in the message) → where /shares/…/content redirects */
  setShare(contentUrl: string, redirectTo: string): void;
  /** requests whose path starts with `prefix` fail as scripted */
  fail(prefix: string, failure: GraphFailure): void;
  tokenRequests(): GraphRequest[];
}

export const FAKE_GRAPH_TOKEN = 'fake-graph-access-token';

export async function fakeGraph(): Promise<FakeGraph> {
  const messages = new Map<string, unknown>();
  const shares = new Map<string, string>();
  const failures: { prefix: string; failure: GraphFailure; used: number }[] = [];
  const requests: GraphRequest[] = [];

  const server = await startLoopbackServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      const raw = await readBody(req);
      const record: GraphRequest = { method: req.method ?? 'GET', path, headers: req.headers };
      if (path.endsWith('/oauth2/v2.0/token')) record.form = new URLSearchParams(raw);
      requests.push(record);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        res.end(JSON.stringify(body));
      };
      const failure = failures.find((f) => path.startsWith(f.prefix) && (f.failure.times === undefined || f.used < f.failure.times));
      if (failure) {
        failure.used++;
        json(failure.failure.status, failure.failure.body ?? { error: { code: 'Scripted', message: 'scripted failure' } }, failure.failure.headers);
        return;
      }
      if (record.form) {
        if (record.form.get('grant_type') !== 'client_credentials' || !record.form.get('client_secret')) {
          json(400, { error: 'invalid_request', error_codes: [900144] });
          return;
        }
        json(200, { token_type: 'Bearer', expires_in: 3599, access_token: FAKE_GRAPH_TOKEN });
        return;
      }
      if (req.headers.authorization !== `Bearer ${FAKE_GRAPH_TOKEN}`) {
        json(401, { error: { code: 'InvalidAuthenticationToken' } });
        return;
      }
      if (!path.startsWith('/v1.0/')) {
        json(404, { error: { code: 'NotFound' } });
        return;
      }
      const graphPath = path.slice('/v1.0'.length);
      if (graphPath.startsWith('/shares/') && graphPath.endsWith('/driveItem/content')) {
        const id = graphPath.slice('/shares/'.length, -'/driveItem/content'.length);
        const contentUrl = id.startsWith('u!') ? Buffer.from(id.slice(2), 'base64url').toString('utf8') : '';
        const target = shares.get(contentUrl);
        if (!target) {
          json(404, { error: { code: 'itemNotFound' } });
          return;
        }
        res.statusCode = 302;
        res.setHeader('location', target);
        res.end();
        return;
      }
      if (messages.has(graphPath)) {
        json(200, messages.get(graphPath));
        return;
      }
      json(404, { error: { code: 'NotFound', message: 'Resource not found' } });
    })();
  });
  return Object.assign(server, {
    baseUrl: `${server.origin}/v1.0`,
    authorityHost: server.origin,
    requests,
    setMessage: (path: string, message: unknown) => void messages.set(path, message),
    setShare: (contentUrl: string, redirectTo: string) => void shares.set(contentUrl, redirectTo),
    fail: (prefix: string, failure: GraphFailure) => void failures.push({ prefix, failure, used: 0 }),
    tokenRequests: () => requests.filter((r) => r.form !== undefined),
  });
}

/** A Graph chatMessage with file attachments, as Graph returns it for a file posted in a channel. */
export function chatMessageWithFiles(id: string, files: { name: string; contentUrl: string }[]): unknown {
  return {
    id,
    messageType: 'message',
    createdDateTime: '2024-06-03T00:05:11.000Z',
    from: { user: { id: 'user-aad-1', displayName: 'Support Staff' } },
    body: { contentType: 'html', content: files.map((_, i) => `<attachment id="att-${i}"></attachment>`).join('') },
    attachments: files.map((f, i) => ({
      id: `att-${i}`,
      contentType: 'reference',
      contentUrl: f.contentUrl,
      content: null,
      name: f.name,
      thumbnailUrl: null,
      teamsAppId: null,
    })),
  };
}
