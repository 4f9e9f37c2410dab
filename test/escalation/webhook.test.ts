import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  postWebhook,
  signWebhookBody,
  verifyWebhookSignature,
} from '../../src/escalation/webhook';
import { DeliveryFailure } from '../../src/escalation/delivery-failure';

const SECRET = 'top-secret';

describe('webhook signing', () => {
  it('is sha256=<hex HMAC of the raw body>', () => {
    const body = '{"a":"エスカレーション"}';
    const expected = createHmac('sha256', SECRET).update(Buffer.from(body, 'utf8')).digest('hex');
    assert.equal(signWebhookBody(body, SECRET), `sha256=${expected}`);
    assert.match(signWebhookBody(body, SECRET), /^sha256=[0-9a-f]{64}$/);
  });

  it('verifies only the exact body with the right secret', () => {
    const body = '{"x":1}';
    const sig = signWebhookBody(body, SECRET);
    assert.equal(verifyWebhookSignature(body, SECRET, sig), true);
    assert.equal(verifyWebhookSignature('{"x":2}', SECRET, sig), false);
    assert.equal(verifyWebhookSignature(body, 'other', sig), false);
    assert.equal(verifyWebhookSignature(body, SECRET, undefined), false);
    assert.equal(verifyWebhookSignature(body, SECRET, 'sha256=00'), false);
  });
});

describe('postWebhook over HTTP', () => {
  let server: http.Server;
  let url: string;
  let status = 200;
  let headersOut: Record<string, string> = {};
  let received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(status, headersOut);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    status = 200;
    headersOut = {};
    received = [];
  });

  const delivery = { deliveryId: 'ESC-1/0-webhook', event: 'escalation.created', sentAt: Date.UTC(2026, 0, 5), payload: { escalation: { id: 'ESC-1' } } };
  const deps = { fetch, now: () => Date.UTC(2026, 0, 5) };

  it('POSTs JSON whose signature a receiver can verify, with timestamp and delivery id', async () => {
    const result = await postWebhook({ url, secret: SECRET, timeoutMs: 2000 }, delivery, deps);
    assert.equal(result.status, 200);
    assert.equal(received.length, 1);
    const [req] = received;
    assert.ok(req);
    assert.equal(verifyWebhookSignature(req.body, SECRET, req.headers[SIGNATURE_HEADER.toLowerCase()] as string), true);
    assert.equal(req.headers[TIMESTAMP_HEADER.toLowerCase()], String(Date.UTC(2026, 0, 5) / 1000));
    assert.equal(req.headers[DELIVERY_HEADER.toLowerCase()], 'ESC-1/0-webhook');
    assert.match(String(req.headers['content-type']), /application\/json/);
    const body = JSON.parse(req.body) as Record<string, unknown>;
    assert.equal(body.event, 'escalation.created');
    assert.equal(body.sentAt, '2026-01-05T00:00:00.000Z');
    assert.deepEqual(body.escalation, { id: 'ESC-1' });
  });

  it('turns 429 with Retry-After into a retryable failure carrying the wait', async () => {
    status = 429;
    headersOut = { 'retry-after': '3' };
    await assert.rejects(postWebhook({ url, secret: SECRET, timeoutMs: 2000 }, delivery, deps), (err: unknown) => {
      assert.ok(err instanceof DeliveryFailure);
      assert.equal(err.retryable, true);
      assert.equal(err.status, 429);
      assert.equal(err.retryAfterMs, 3000);
      return true;
    });
  });

  it('does not retry 400 or follow redirects', async () => {
    status = 400;
    await assert.rejects(postWebhook({ url, secret: SECRET, timeoutMs: 2000 }, delivery, deps), (err: DeliveryFailure) => !err.retryable);
    status = 302;
    headersOut = { location: 'http://127.0.0.1:1/elsewhere' };
    await assert.rejects(postWebhook({ url, secret: SECRET, timeoutMs: 2000 }, delivery, deps), (err: DeliveryFailure) => !err.retryable && /redirect/.test(err.reason));
    assert.equal(received.length, 2);
  });

  it('reports a refused connection as retryable', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await assert.rejects(
      postWebhook({ url: `http://127.0.0.1:${port}/`, secret: SECRET, timeoutMs: 2000 }, delivery, deps),
      (err: DeliveryFailure) => err.retryable && /network/.test(err.reason),
    );
  });
});
