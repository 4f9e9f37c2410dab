// A minimal Bot Connector on 127.0.0.1:0 for the security tests: answers every POST/PUT with
// 200 {id} and records method, path, Authorization header and body.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** Date.now() when the request arrived */
  at: number;
  /** decoded conversation id from /v3/conversations/{id}/… */
  conversationId?: string;
}

export interface MiniConnector {
  /** serviceUrl to put in activities (ends with '/') */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** texts of the message activities received, in order */
  texts(): string[];
  close(): Promise<void>;
}

export async function startMiniConnector(): Promise<MiniConnector> {
  const calls: ConnectorCall[] = [];
  const sockets = new Set<Socket>();
  let n = 0;
  const server = http.createServer((req, res) => {
    const at = Date.now();
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        /* recorded as {} */
      }
      const m = /^\/v3\/conversations\/([^/]+)/.exec(req.url ?? '');
      const conversationId = m?.[1] !== undefined ? decodeURIComponent(m[1]) : undefined;
      calls.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body, at, conversationId });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${++n}` }));
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    texts: () => calls.filter((c) => c.body.type === 'message').map((c) => (typeof c.body.text === 'string' ? c.body.text : '')),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
