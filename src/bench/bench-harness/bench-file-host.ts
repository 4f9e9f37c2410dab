// Stands in for SharePoint / OneDrive: every GET under /personal/ answers with the same log bytes
// (as Teams' pre-authenticated downloadUrl would), so each activity can carry its own URL.
import { startLoopbackServer, type LoopbackServer } from './loopback';

export interface BenchFileHost extends LoopbackServer {
  /** a download URL for one activity (the query stands in for SharePoint's tempauth token) */
  urlFor(name: string): string;
  /** downloads served so far */
  served(): number;
}

export async function startBenchFileHost(body: Uint8Array): Promise<BenchFileHost> {
  const bytes = Buffer.from(body);
  let served = 0;
  const server = await startLoopbackServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method !== 'GET' || !path.startsWith('/personal/')) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    served++;
    res.statusCode = 200;
    res.setHeader('content-type', 'application/octet-stream');
    res.setHeader('content-length', String(bytes.length));
    res.end(bytes);
  });
  return Object.assign(server, {
    urlFor: (name: string) => `${server.origin}/personal/bench/${encodeURIComponent(name)}?tempauth=bench-token`,
    served: () => served,
  });
}
