// B1–B5 of the reliability matrix against real sockets on 127.0.0.1: a plain HTTP host (with the
// test-only loopback switch) and an HTTPS host with a throwaway certificate, reached through
// public-looking names mapped to 127.0.0.1 by the resolver seam (so the production checks run).
import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import { DownloadConnections } from '../../src/net/download-connections';
import { DownloadError, safeDownload, type ResolvedAddress, type SafeDownloadOptions } from '../../src/net/safe-download';
import { startLoopbackHost, type LoopbackHost } from './support/loopback-host';
import { makeTestCert, type TestCert } from './support/test-cert';

const MB = 1024 * 1024;

async function expectReason(p: Promise<unknown>, reason: DownloadError['reason']): Promise<DownloadError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof DownloadError, `expected DownloadError, got ${String(err)}`);
    assert.equal(err.reason, reason, err.logMessage);
    assert.ok(!err.logMessage.includes('?'), 'log message must not carry the query string');
    return err;
  }
  assert.fail(`expected ${reason}, but the download succeeded`);
}

describe('net/safe-download', function () {
  this.timeout(10_000);

  describe('plain HTTP on loopback (insecureLoopbackForTests)', () => {
    let host: LoopbackHost;
    let other: LoopbackHost;
    const opts = (over: Partial<SafeDownloadOptions> = {}): SafeDownloadOptions => ({
      allowedHosts: ['127.0.0.1'],
      maxBytes: MB,
      timeoutMs: 3000,
      idleTimeoutMs: 1000,
      insecureLoopbackForTests: true,
      ...over,
    });

    beforeEach(async () => {
      host = await startLoopbackHost();
      other = await startLoopbackHost();
    });
    afterEach(async () => {
      await host.close();
      await other.close();
    });

    it('downloads a file and reports its type, status and final URL', async () => {
      host.route('/f.log', (_req, res) => {
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('ネットワーク チェック');
      });
      const r = await safeDownload(`${host.origin}/f.log?tempauth=secret`, opts());
      assert.equal(Buffer.from(r.bytes).toString('utf8'), 'ネットワーク チェック');
      assert.equal(r.contentType, 'text/plain; charset=utf-8');
      assert.equal(r.status, 200);
      assert.equal(r.finalUrl, `${host.origin}/f.log?tempauth=secret`);
      assert.equal(host.requests[0]?.headers['accept-encoding'], 'identity');
    });

    it('B5: an HTML page comes back with its content type, for the caller to refuse', async () => {
      host.route('/share', (_req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end('<!doctype html><html><body>Sign in</body></html>');
      });
      const r = await safeDownload(`${host.origin}/share`, opts());
      assert.equal(r.contentType, 'text/html');
    });

    it('B1: a host outside the allow-list is refused before connecting', async () => {
      await expectReason(safeDownload(`${host.origin}/x`, opts({ allowedHosts: ['*.sharepoint.com'] })), 'host-not-allowed');
      assert.equal(host.connections, 0);
    });

    it('B1: without the test switch, http: and loopback IP literals are refused before connecting', async () => {
      await expectReason(safeDownload(`${host.origin}/x`, opts({ insecureLoopbackForTests: false })), 'host-not-allowed');
      await expectReason(
        safeDownload(`https://127.0.0.1:${host.port}/x`, opts({ insecureLoopbackForTests: false, allowedHosts: [`127.0.0.1:${host.port}`] })),
        'host-not-allowed',
      );
      assert.equal(host.connections, 0);
    });

    it('B1: URLs with credentials, other schemes and garbage are refused', async () => {
      for (const url of [`http://user:pw@127.0.0.1:${host.port}/x`, 'file:///etc/passwd', 'ftp://127.0.0.1/x', 'not a url', '']) {
        await expectReason(safeDownload(url, opts()), 'host-not-allowed');
      }
      assert.equal(host.connections, 0);
    });

    it('B1: a redirect is followed only to allowed hosts, re-checked at each hop', async () => {
      host.route('/a', (_req, res) => {
        res.writeHead(302, { location: '/b' });
        res.end();
      });
      host.route('/b', (_req, res) => {
        res.writeHead(307, { location: `http://localhost:${other.port}/c` });
        res.end();
      });
      other.route('/c', (_req, res) => res.end('ok'));
      await expectReason(safeDownload(`${host.origin}/a`, opts()), 'host-not-allowed');
      assert.equal(other.connections, 0, 'the disallowed redirect target was never contacted');
      const r = await safeDownload(`${host.origin}/a`, opts({ allowedHosts: ['127.0.0.1', 'localhost'] }));
      assert.equal(Buffer.from(r.bytes).toString(), 'ok');
      assert.equal(r.finalUrl, `http://localhost:${other.port}/c`);
    });

    it('B1: more than maxRedirects redirects fail; exactly maxRedirects succeed', async () => {
      for (let i = 0; i < 5; i++) {
        host.route(`/r${i}`, (_req, res) => {
          res.writeHead(302, { location: `/r${i + 1}` });
          res.end();
        });
      }
      host.route('/r5', (_req, res) => res.end('end'));
      await expectReason(safeDownload(`${host.origin}/r1`, opts()), 'download-failed'); // 4 redirects
      const r = await safeDownload(`${host.origin}/r2`, opts()); // 3 redirects
      assert.equal(Buffer.from(r.bytes).toString(), 'end');
      await expectReason(safeDownload(`${host.origin}/r4`, opts({ maxRedirects: 0 })), 'download-failed');
    });

    it('B2: Authorization and Cookie go to the first origin only, never across a redirect to another host', async () => {
      host.route('/same', (_req, res) => {
        res.writeHead(302, { location: '/next' });
        res.end();
      });
      host.route('/next', (_req, res) => {
        res.writeHead(302, { location: `http://localhost:${other.port}/final` });
        res.end();
      });
      other.route('/final', (_req, res) => res.end('done'));
      await safeDownload(`${host.origin}/same`, opts({
        allowedHosts: ['127.0.0.1', 'localhost'],
        headers: { Authorization: 'Bearer graph-token', Cookie: 'a=b', 'X-Trace': 't' },
      }));
      assert.equal(host.requests.length, 2);
      for (const r of host.requests) assert.equal(r.headers.authorization, 'Bearer graph-token');
      const final = other.requests[0]!;
      assert.equal(final.headers.authorization, undefined);
      assert.equal(final.headers.cookie, undefined);
      assert.equal(final.headers['x-trace'], 't');
    });

    it('download-expired for 401/403/404/410, download-failed for 5xx', async () => {
      for (const status of [401, 403, 404, 410, 500, 503]) {
        host.route(`/s${status}`, (_req, res) => {
          res.statusCode = status;
          res.end('error page');
        });
        const err = await expectReason(safeDownload(`${host.origin}/s${status}`, opts()), status < 500 ? 'download-expired' : 'download-failed');
        assert.equal(err.status, status);
      }
    });

    it('B3: Content-Length over the cap is refused before reading the body', async () => {
      let closed = false;
      host.route('/huge', (_req, res) => {
        res.writeHead(200, { 'content-length': String(10 * 1024 * MB) });
        res.write(Buffer.alloc(1024));
        res.on('close', () => (closed = true));
      });
      await expectReason(safeDownload(`${host.origin}/huge`, opts()), 'too-large');
      await waitFor(() => closed);
    });

    it('B3: a chunked body that never ends is cut at the cap and the socket closed', async () => {
      let written = 0;
      let closed = false;
      host.route('/endless', (_req, res) => {
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        const pump = () => {
          while (!closed && res.write(chunk)) written += chunk.length;
          if (!closed) res.once('drain', pump);
        };
        res.on('close', () => (closed = true));
        pump();
      });
      const started = Date.now();
      await expectReason(safeDownload(`${host.origin}/endless`, opts({ maxBytes: 2 * MB })), 'too-large');
      await waitFor(() => closed);
      assert.ok(Date.now() - started < 3000);
      // the server could only push what the client read plus socket buffers, not an endless stream
      assert.ok(written < 2 * MB + 8 * MB, `server wrote ${written} bytes`);
    });

    it('B3: a body exactly at the cap is accepted; one byte more is not', async () => {
      host.route('/at', (_req, res) => res.end(Buffer.alloc(1000, 0x41)));
      const r = await safeDownload(`${host.origin}/at`, opts({ maxBytes: 1000 }));
      assert.equal(r.bytes.byteLength, 1000);
      await expectReason(safeDownload(`${host.origin}/at`, opts({ maxBytes: 999 })), 'too-large');
    });

    it('B3: a lying Content-Length never yields more than it declared, and a short body is a failure', async () => {
      host.route('/lie-long', (req, res) => {
        // declares 10 bytes, sends 1 MB raw on the socket
        req.socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\n');
        req.socket.end(Buffer.alloc(MB, 0x42));
        void res;
      });
      const r = await safeDownload(`${host.origin}/lie-long`, opts());
      assert.equal(r.bytes.byteLength, 10);
      host.route('/lie-short', (req, res) => {
        req.socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nConnection: close\r\n\r\nonly this');
        void res;
      });
      await expectReason(safeDownload(`${host.origin}/lie-short`, opts()), 'download-failed');
    });

    it('B4: slow drip is stopped by the overall timeout, stalled headers by the idle timeout', async () => {
      host.route('/drip', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('x'), 50);
        res.on('close', () => clearInterval(timer));
      });
      host.route('/stall', () => {
        /* never answers */
      });
      let t0 = Date.now();
      await expectReason(safeDownload(`${host.origin}/drip`, opts({ timeoutMs: 600, idleTimeoutMs: 300 })), 'download-timeout');
      assert.ok(Date.now() - t0 < 2000);
      t0 = Date.now();
      const err = await expectReason(safeDownload(`${host.origin}/stall`, opts({ timeoutMs: 5000, idleTimeoutMs: 300 })), 'download-timeout');
      assert.match(err.logMessage, /idle/);
      assert.ok(Date.now() - t0 < 2000);
    });

    describe('keep-alive connections (DownloadConnections)', () => {
      let connections: DownloadConnections;
      beforeEach(() => {
        connections = new DownloadConnections();
      });
      afterEach(() => connections.close());

      it('a second download from the same host reuses the connection', async () => {
        host.route('/f.log', (_req, res) => res.end('log'));
        for (let i = 0; i < 3; i++) {
          const r = await safeDownload(`${host.origin}/f.log`, opts({ connections }));
          assert.equal(Buffer.from(r.bytes).toString(), 'log');
        }
        assert.equal(host.requests.length, 3);
        assert.equal(host.connections, 1);
        assert.equal(connections.idleSockets(), 1);
      });

      it('a refused, failed or cut-off download never leaves its connection in the pool', async () => {
        host.route('/big', (_req, res) => res.end(Buffer.alloc(2000, 0x41)));
        host.route('/gone', (_req, res) => {
          res.statusCode = 404;
          res.end('gone');
        });
        host.route('/move', (_req, res) => {
          res.writeHead(302, { location: `${other.origin}/x` });
          res.end();
        });
        await expectReason(safeDownload(`${host.origin}/big`, opts({ connections, maxBytes: 1500 })), 'too-large');
        await expectReason(safeDownload(`${host.origin}/gone`, opts({ connections })), 'download-expired');
        other.route('/x', (_req, res) => res.end('moved'));
        const r = await safeDownload(`${host.origin}/move`, opts({ connections }));
        assert.equal(Buffer.from(r.bytes).toString(), 'moved');
        // three connections to the first host (each destroyed), the redirect target's kept
        assert.equal(host.connections, 3);
        assert.equal(connections.idleSockets(), 1);
      });

      it('a pooled connection the server dropped is retried once on a fresh connection', async () => {
        const seen = new Set<unknown>();
        host.route('/f.log', (req, res) => {
          if (seen.has(req.socket)) {
            req.socket.destroy(); // the server closed it just as the request arrived
            return;
          }
          seen.add(req.socket);
          res.end('log');
        });
        await safeDownload(`${host.origin}/f.log`, opts({ connections }));
        const r = await safeDownload(`${host.origin}/f.log`, opts({ connections }));
        assert.equal(Buffer.from(r.bytes).toString(), 'log');
        assert.equal(host.requests.length, 3);
        assert.equal(host.connections, 2);
      });

      it('a reset on a fresh connection is the answer: download-failed, no retry', async () => {
        host.route('/reset', (req) => req.socket.destroy());
        await expectReason(safeDownload(`${host.origin}/reset`, opts({ connections })), 'download-failed');
        assert.equal(host.requests.length, 1);
      });

      it('after close() every download gets a fresh socket again', async () => {
        host.route('/f.log', (_req, res) => res.end('log'));
        connections.close();
        await safeDownload(`${host.origin}/f.log`, opts({ connections }));
        await safeDownload(`${host.origin}/f.log`, opts({ connections }));
        assert.equal(host.connections, 2);
        assert.equal(connections.idleSockets(), 0);
      });
    });

    it("the caller's abort signal ends the download", async () => {
      host.route('/stall', () => {
        /* never answers */
      });
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 100);
      await expectReason(safeDownload(`${host.origin}/stall`, opts({ signal: ac.signal })), 'download-failed');
    });
  });

  describe('HTTPS with public-looking names (production checks active)', () => {
    let cert: TestCert | undefined;
    let files: LoopbackHost;
    let otherFiles: LoopbackHost;
    const NAME = 'contoso.sharepoint.com';
    const OTHER = 'fabrikam.sharepoint.com';

    before(function () {
      cert = makeTestCert([NAME, OTHER, 'evil.sharepoint.com']);
      if (!cert) this.skip(); // openssl not installed: the plain-HTTP suite above still covers the logic
    });
    beforeEach(async () => {
      files = await startLoopbackHost(cert);
      otherFiles = await startLoopbackHost(cert);
    });
    afterEach(async () => {
      await files.close();
      await otherFiles.close();
    });

    function dnsMap(map: Record<string, string>): (h: string) => Promise<ResolvedAddress[]> {
      return (h) => {
        const a = map[h];
        return a ? Promise.resolve([{ address: a, family: a.includes(':') ? 6 : 4 }]) : Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
      };
    }
    const opts = (over: Partial<SafeDownloadOptions> = {}): SafeDownloadOptions => ({
      allowedHosts: [`${NAME}:${files.port}`, `*.sharepoint.com:${otherFiles.port}`],
      allowPrivateHosts: [NAME],
      maxBytes: MB,
      timeoutMs: 3000,
      idleTimeoutMs: 1000,
      resolve: dnsMap({ [NAME]: '127.0.0.1', [OTHER]: '127.0.0.1', 'evil.sharepoint.com': '10.1.2.3' }),
      ca: cert!.cert,
      ...over,
    });

    it('downloads over TLS from an allowed name', async () => {
      files.route('/doc', (_req, res) => res.end('log bytes'));
      const r = await safeDownload(`https://${NAME}:${files.port}/doc`, opts());
      assert.equal(Buffer.from(r.bytes).toString(), 'log bytes');
    });

    it('B1: an allowed name resolving to loopback or a private address is refused unless listed', async () => {
      files.route('/doc', (_req, res) => res.end('x'));
      await expectReason(safeDownload(`https://${NAME}:${files.port}/doc`, opts({ allowPrivateHosts: [] })), 'host-not-allowed');
      assert.equal(files.connections, 0, 'refused inside DNS lookup, before connecting');
    });

    it('B1: a redirect to 127.0.0.1, to a name resolving to 10.x, to the metadata IP, or to http: is refused', async () => {
      const cases: [string, RegExp][] = [
        [`https://127.0.0.1:${otherFiles.port}/x`, /IP literal/],
        [`https://${OTHER}:${otherFiles.port}/x`, /non-public/], // resolves to 127.0.0.1, not in allowPrivateHosts
        [`https://evil.sharepoint.com:${otherFiles.port}/x`, /non-public/], // resolves to 10.1.2.3
        ['https://169.254.169.254/metadata/identity', /IP literal/],
        [`http://${OTHER}:${otherFiles.port}/x`, /scheme http/],
        ['https://[::1]/x', /IP literal/],
      ];
      const targets = cases.map(([t]) => t);
      targets.forEach((t, i) =>
        files.route(`/go${i}`, (_req, res) => {
          res.writeHead(302, { location: t });
          res.end();
        }),
      );
      for (let i = 0; i < targets.length; i++) {
        const err = await expectReason(
          safeDownload(`https://${NAME}:${files.port}/go${i}`, opts({ allowedHosts: [...opts().allowedHosts, `127.0.0.1:${otherFiles.port}`, '169.254.169.254', '::1'] })),
          'host-not-allowed',
        );
        assert.match(err.logMessage, cases[i]![1]);
      }
      assert.equal(otherFiles.connections, 0);
    });

    it('B2: a redirect to another allowed host carries no Authorization header', async () => {
      files.route('/doc', (_req, res) => {
        res.writeHead(302, { location: `https://${OTHER}:${otherFiles.port}/doc` });
        res.end();
      });
      otherFiles.route('/doc', (_req, res) => res.end('moved'));
      const r = await safeDownload(`https://${NAME}:${files.port}/doc`, opts({
        allowPrivateHosts: [NAME, OTHER],
        headers: { authorization: 'Bearer t' },
      }));
      assert.equal(Buffer.from(r.bytes).toString(), 'moved');
      assert.equal(files.requests[0]?.headers.authorization, 'Bearer t');
      assert.equal(otherFiles.requests[0]?.headers.authorization, undefined);
    });

    it('keep-alive: a connection opened where a private address was allowed is not reused where it is not', async () => {
      files.route('/doc', (_req, res) => res.end('log bytes'));
      const connections = new DownloadConnections();
      const resolve = opts().resolve!; // the same resolver: a different one is a different policy
      try {
        const r = await safeDownload(`https://${NAME}:${files.port}/doc`, opts({ connections, resolve }));
        assert.equal(Buffer.from(r.bytes).toString(), 'log bytes');
        await safeDownload(`https://${NAME}:${files.port}/doc`, opts({ connections, resolve }));
        assert.equal(files.connections, 1, 'same policy: the TLS connection is reused');
        // a stricter policy gets its own connections, so the address check runs (and refuses)
        await expectReason(safeDownload(`https://${NAME}:${files.port}/doc`, opts({ connections, resolve, allowPrivateHosts: [] })), 'host-not-allowed');
        assert.equal(files.connections, 1);
      } finally {
        connections.close();
      }
    });

    it('an untrusted certificate fails the download', async () => {
      files.route('/doc', (_req, res) => res.end('x'));
      const { ca: _ca, ...noCa } = opts();
      await expectReason(safeDownload(`https://${NAME}:${files.port}/doc`, noCa), 'download-failed');
    });
  });
});

async function waitFor(cond: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) assert.fail('condition not met in time');
    await sleep(20);
  }
}
