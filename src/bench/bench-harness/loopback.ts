// The bench's loopback HTTP plumbing: a server on 127.0.0.1:0 that can be closed even with
// keep-alive sockets open, a request body reader, and a free-port finder for child processes.
// Standalone from test/support on purpose: the bench runs from dist/, where test/ is not built.
import * as http from 'node:http';
import * as net from 'node:net';

export interface LoopbackServer {
  port: number;
  origin: string;
  /** TCP connections accepted so far (keep-alive reuse shows as fewer connections than requests) */
  connections(): number;
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: http.RequestListener): Promise<LoopbackServer> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = http.createServer({ keepAliveTimeout: 30_000 }, handler);
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A port nobody listens on right now (the child binds it a moment later; a race we accept). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
