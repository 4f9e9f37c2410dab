/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- recorded JSON payloads are inspected freely by tests */
// A fake Bot Connector (Teams' side of the bot's outbound calls) on 127.0.0.1:0. Records every
// request (POST replies and proactive sends, PUT updates) and answers by script: status,
// Retry-After, delay. Also exports the tiny loopback server helper the other fakes use.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoopbackServer {
  port: number;
  origin: string;
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: http.RequestListener): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = http.createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface ConnectorRequest {
  method: string;
  path: string;
  /** conversation id decoded from the path */
  conversationId?: string;
  /** activity id from the path (reply-to for POST, updated id for PUT) */
  activityId?: string;
  body: any;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

export type ConnectorScript = (req: ConnectorRequest, index: number) => ScriptedResponse | undefined;

export interface FakeConnector extends LoopbackServer {
  /** serviceUrl to put in activities */
  serviceUrl: string;
  requests: ConnectorRequest[];
  /** message activities sent (POST), in order */
  sent(): any[];
  /** PUT updates, in order */
  updates(): ConnectorRequest[];
  /** Adaptive Card contents of every sent message, in order */
  cards(): any[];
  /** waits until `predicate(requests)` holds (polling), or throws after `timeoutMs` */
  waitFor(predicate: (requests: ConnectorRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  /** waits for at least `n` POSTed message activities that carry attachments or text */
  waitForMessages(n: number, timeoutMs?: number): Promise<any[]>;
  script: ConnectorScript | undefined;
}

const PATH_PREFIX = '/v3/conversations/';

export async function fakeConnector(script?: ConnectorScript): Promise<FakeConnector> {
  const requests: ConnectorRequest[] = [];
  let counter = 0;
  const fake = {} as FakeConnector;
  fake.script = script;
  const server = await startLoopbackServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = (req.url ?? '/').split('?')[0]!;
      const record: ConnectorRequest = { method: req.method ?? 'GET', path, body: raw ? JSON.parse(raw) : undefined, headers: req.headers, at: Date.now() };
      if (path.startsWith(PATH_PREFIX)) {
        const rest = path.slice(PATH_PREFIX.length).split('/');
        record.conversationId = decodeURIComponent(rest[0] ?? '');
        if (rest[1] === 'activities' && rest[2]) record.activityId = decodeURIComponent(rest[2]);
      }
      const index = requests.length;
      requests.push(record);
      const scripted = fake.script?.(record, index);
      if (scripted?.delayMs) await new Promise((r) => setTimeout(r, scripted.delayMs));
      const status = scripted?.status ?? 200;
      res.statusCode = status;
      for (const [k, v] of Object.entries(scripted?.headers ?? {})) res.setHeader(k, v);
      res.setHeader('content-type', 'application/json');
      let body: unknown = scripted?.body;
      if (body === undefined) {
        if (path.startsWith('/v3/teams/')) {
          body = { id: decodeURIComponent(path.slice('/v3/teams/'.length)), name: 'Support', aadGroupId: 'team-aad-group-from-connector' };
        } else if (record.method === 'PUT') {
          body = { id: record.activityId };
        } else {
          body = { id: `sent-${++counter}` };
        }
      }
      res.end(JSON.stringify(body));
    })();
  });
  const isMessage = (r: ConnectorRequest) => r.method === 'POST' && r.body?.type === 'message';
  Object.assign(fake, server, {
    serviceUrl: `${server.origin}/`,
    requests,
    sent: () => requests.filter(isMessage).map((r) => r.body),
    updates: () => requests.filter((r) => r.method === 'PUT'),
    cards: () =>
      requests
        .filter(isMessage)
        .flatMap((r) => (r.body.attachments ?? []) as any[])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content),
    async waitFor(predicate: (r: ConnectorRequest[]) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline) throw new Error(`fakeConnector: condition not met in ${timeoutMs} ms; saw ${requests.map((r) => `${r.method} ${r.path} ${r.body?.type ?? ''}`).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async waitForMessages(n: number, timeoutMs = 10_000) {
      await fake.waitFor((rs) => rs.filter(isMessage).length >= n, timeoutMs);
      return fake.sent();
    },
  });
  return fake;
}
