// A scriptable HTTP(S) server on 127.0.0.1:0 for the download tests: each route is a small
// handler, and every request is recorded (path, headers) so tests can assert what reached it.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface LoopbackHost {
  port: number;
  /** http://127.0.0.1:port (or https://) */
  origin: string;
  requests: RecordedRequest[];
  /** sockets accepted, including ones that never sent a request */
  connections: number;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startLoopbackHost(tls?: { key: string; cert: string }): Promise<LoopbackHost> {
  const routes = new Map<string, Route>();
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (route) route(req, res);
    else {
      res.statusCode = 404;
      res.end('no route');
    }
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
  const host: LoopbackHost = {
    port: 0,
    origin: '',
    requests,
    connections: 0,
    route: (path, h) => routes.set(path, h),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  // Raw TCP accepts (before any TLS handshake): "refused before connecting" means this stays 0.
  server.on('connection', (socket: Socket) => {
    host.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host.port = (server.address() as AddressInfo).port;
  host.origin = `${tls ? 'https' : 'http'}://127.0.0.1:${host.port}`;
  return host;
}
