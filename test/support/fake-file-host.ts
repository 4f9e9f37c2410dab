// A fake SharePoint / OneDrive download host on 127.0.0.1:0: serves bytes (whole or chunked),
// HTML pages, redirects, expired links (403/404), slow drips, and records each request's
// headers (to prove no bearer token reaches it).
import type * as http from 'node:http';
import { startLoopbackServer, type LoopbackServer } from './fake-connector';

export interface FileRoute {
  body?: Uint8Array | string;
  status?: number;
  contentType?: string;
  /** send in chunks of this size without Content-Length */
  chunkSize?: number;
  /** wait before each chunk (slow drip) */
  chunkDelayMs?: number;
  /** wait before headers */
  delayMs?: number;
  /** 302 to this absolute URL */
  redirectTo?: string;
  /** claims this Content-Length (a lie when it differs) */
  contentLength?: number;
}

export interface FileHostRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface FakeFileHost extends LoopbackServer {
  serve(path: string, route: FileRoute): string;
  url(path: string): string;
  requests: FileHostRequest[];
}

export async function fakeFileHost(): Promise<FakeFileHost> {
  const routes = new Map<string, FileRoute>();
  const requests: FileHostRequest[] = [];
  const server = await startLoopbackServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push({ path, headers: req.headers });
      const route = routes.get(path);
      if (!route) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      if (route.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
      if (route.redirectTo) {
        res.statusCode = 302;
        res.setHeader('location', route.redirectTo);
        res.end();
        return;
      }
      res.statusCode = route.status ?? 200;
      res.setHeader('content-type', route.contentType ?? 'application/octet-stream');
      const body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : Buffer.from(route.body ?? new Uint8Array());
      if (route.chunkSize) {
        for (let i = 0; i < body.length; i += route.chunkSize) {
          if (res.destroyed) return;
          if (route.chunkDelayMs) await new Promise((r) => setTimeout(r, route.chunkDelayMs));
          res.write(body.subarray(i, i + route.chunkSize));
        }
        res.end();
        return;
      }
      res.setHeader('content-length', String(route.contentLength ?? body.length));
      res.end(body);
    })();
  });
  return Object.assign(server, {
    requests,
    url: (path: string) => `${server.origin}${path}`,
    serve(path: string, route: FileRoute) {
      routes.set(path, route);
      return `${server.origin}${path}?tempauth=secret-token-in-query`;
    },
  });
}
