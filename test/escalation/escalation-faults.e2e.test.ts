// Faults on the way out, through real HTTP: 429 and 500 on the channel post and on the webhook,
// the connector down and back, a permanent refusal, and a process killed (SIGKILL) between
// accepting an escalation and delivering it. Retry timings are shortened (FAST) so each fault
// resolves in milliseconds; the counts asserted are exact.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeConnector, readBody, type FakeConnector } from '../support/fake-connector';
import { cardText } from '../support/make-bot';
import { verifyWebhookSignature } from '../../src/escalation/webhook';
import {
  ENGINEER_1,
  REQUESTER_CARD_ID,
  REQUESTER_EN,
  channelCommand,
  connectorScript,
  engineerInvoke,
  invokeCard,
  requesterInvoke,
  startHarness,
  storeReport,
  waitUntil,
  type BotResponse,
  type Harness,
} from './support/escalation-harness';

const ESC_ID = /ESC-[0-9A-Z]{12}/;

interface WebhookBody {
  event: string;
  escalation: { id: string; state: string; notes: { tried: string }; owner: { name: string } | null };
  change: { by: { id: string } } | null;
  report: { source: { host: string } } | null;
}
const isThreadPost = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/v3/conversations';

async function escalate(h: Harness, urgency = 'high'): Promise<string> {
  const reportId = await storeReport(h.bot);
  await h.bot.post(channelCommand(h.connector, ENGINEER_1, 'escalation here'));
  const status = invokeCard(await h.bot.post(requesterInvoke(h.connector, REQUESTER_EN, 'escalationSubmit', { reportId, lang: 'en', tried: 'nothing yet', urgency })));
  return ESC_ID.exec(cardText(status))![0];
}

describe('escalation faults end to end', function () {
  this.timeout(30_000);
  let h: Harness | undefined;
  /** servers a test opened: closed even when the test fails, so mocha can exit */
  let cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await h?.dispose();
    h = undefined;
    for (const c of cleanups.reverse()) await c();
    cleanups = [];
  });

  it('R1: 429 on the channel post waits min(Retry-After, cap) and posts exactly once more', async () => {
    const script: { current?: Parameters<typeof connectorScript>[0]['current'] } = {};
    let throttled = 0;
    script.current = (req) => (isThreadPost(req) && throttled++ === 0 ? { status: 429, headers: { 'retry-after': '120' }, body: { error: { code: 'Throttled', message: 'slow down' } } } : undefined);
    h = await startHarness({ script });
    const id = await escalate(h);
    await waitUntil(() => h!.threadPosts().length === 2, 5000, 'second post');
    await waitUntil(async () => (await h!.feature.service!.get(id))?.engineerThread !== undefined, 5000, 'thread recorded');
    const [first, second] = h.threadPosts();
    const gap = second!.at - first!.at;
    // Retry-After 120 s is capped at 200 ms here: waited the cap, not 120 s, and not a hot loop
    assert.ok(gap >= 190 && gap < 2000, `gap ${gap} ms`);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(h.threadPosts().length, 2, 'one throttled + one delivered: no SDK-internal retries');
  });

  it('R2/R3: a 500 on the channel post is retried once, a 502 on the card update too: exact request counts', async () => {
    const script: { current?: Parameters<typeof connectorScript>[0]['current'] } = {};
    let failedPost = 0;
    let failedPut = 0;
    script.current = (req) => {
      if (isThreadPost(req) && failedPost++ === 0) return { status: 500, body: { error: { code: 'ServiceError', message: 'boom' } } };
      if (req.method === 'PUT' && req.activityId === REQUESTER_CARD_ID && req.body?.attachments && cardText(req.body).includes('working on it') && failedPut++ === 0) return { status: 502 };
      return undefined;
    };
    h = await startHarness({ script });
    const id = await escalate(h);
    await waitUntil(() => h!.threadPosts().length === 2 && h!.threadIds.length === 1, 5000, 'post after 500');
    const take = await h.bot.post(engineerInvoke(h.connector, ENGINEER_1, h.threadIds[0]!, 'escalationTake', { escalationId: id }));
    invokeCard(take);
    await waitUntil(async () => (await h!.feature.service!.get(id))!.outbox.every((i) => i.state === 'delivered'), 5000, 'all delivered');
    const requesterPuts = h.connector.requests.filter((r) => r.method === 'PUT' && r.activityId === REQUESTER_CARD_ID && cardText(r.body).includes('working on it'));
    assert.equal(requesterPuts.length, 2, '502 then success');
    assert.equal(h.threadPosts().length, 2, '500 then success');
  });

  it('R4: connector down (connections reset), then up: the escalation stays pending and is delivered', async () => {
    const upstream = await fakeConnector();
    let up = false;
    const open = new Set<net.Socket>();
    // a switchable front: resets connections while "down", forwards to the fake when "up"
    const front = net.createServer((socket) => {
      if (!up) {
        socket.destroy();
        return;
      }
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      const target = net.connect(upstream.port, '127.0.0.1');
      socket.pipe(target).pipe(socket);
      socket.on('error', () => target.destroy());
      target.on('error', () => socket.destroy());
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    cleanups.push(() => upstream.close(), () => new Promise<void>((r) => front.close(() => r())));
    const port = (front.address() as net.AddressInfo).port;
    const connector: FakeConnector = Object.assign(upstream, { serviceUrl: `http://127.0.0.1:${port}/` });
    // generous attempts: the bot's own in-turn update of the requester's card (SDK retries, not
    // ours) keeps the submit invoke busy for ~7 s while the connector is down
    h = await startHarness({ connector, config: { retry: { maxAttempts: 500, baseDelayMs: 50, maxDelayMs: 100, retryAfterCapMs: 200 } } });
    up = true;
    const reportId = await storeReport(h.bot);
    await h.bot.post(channelCommand(connector, ENGINEER_1, 'escalation here'));
    await connector.waitForMessages(1);
    // down: also cut the kept-alive connections, or the client would reuse one
    up = false;
    for (const socket of open) socket.destroy();
    const status = invokeCard(await h.bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { reportId, lang: 'en', tried: 'x', urgency: 'high' })));
    const id = ESC_ID.exec(cardText(status))![0];
    await waitUntil(async () => ((await h!.feature.service!.get(id))?.outbox[0]?.attempts ?? 0) >= 3, 5000, 'failed attempts');
    const pending = await h.feature.service!.get(id);
    assert.equal(pending?.outbox[0]?.state, 'pending', JSON.stringify(pending?.outbox));
    assert.match(pending?.outbox[0]?.lastError ?? '', /network/);
    up = true;
    await waitUntil(async () => (await h!.feature.service!.get(id))?.engineerThread !== undefined, 5000, 'delivered after recovery');
    assert.equal(h.threadPosts().length, 1);
  });

  it('A12/permanent: a refused post is dead-lettered at once and the requester\u2019s card says so', async () => {
    const script: { current?: Parameters<typeof connectorScript>[0]['current'] } = {};
    script.current = (req) => (isThreadPost(req) ? { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'not a member' } } } : undefined);
    h = await startHarness({ script });
    const id = await escalate(h);
    await waitUntil(async () => (await h!.feature.service!.get(id))?.outbox[0]?.state === 'dead', 5000, 'dead letter');
    assert.equal(h.threadPosts().length, 1);
    await h.connector.waitFor((rs) => rs.some((r) => r.method === 'PUT' && r.activityId === REQUESTER_CARD_ID && cardText(r.body).includes(id) && /could not be delivered/.test(cardText(r.body))));
    const dead = await h.feature.service!.store.listDeadLetters();
    assert.deepEqual(dead.map((d) => [d.escalationId, d.kind, d.reason]), [[id, 'post-thread', 'post-thread: HTTP 403']]);
  });

  it('webhook: signed JSON for each change; 429 and 500 are retried through the outbox', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string; at: number }[] = [];
    const answers = [429, 500];
    const hook = http.createServer((req, res) => {
      void readBody(req).then((body) => {
        received.push({ headers: req.headers, body, at: Date.now() });
        const status = answers.shift() ?? 204;
        res.writeHead(status, status === 429 ? { 'retry-after': '1' } : {});
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => hook.close(() => r())));
    const url = `http://127.0.0.1:${(hook.address() as net.AddressInfo).port}/hook`;
    h = await startHarness({ config: { webhook: { url, secret: 's3cret', timeoutMs: 2000 } } });
    const id = await escalate(h);
    await waitUntil(() => received.length === 3, 5000, 'three webhook attempts');
    const deliveries = received.map((r) => r.headers['x-escalation-delivery']);
    assert.deepEqual(deliveries, [`${id}/0-webhook`, `${id}/0-webhook`, `${id}/0-webhook`]);
    assert.ok(received[1]!.at - received[0]!.at >= 190, 'Retry-After honoured (capped at 200 ms)');
    for (const r of received) assert.ok(verifyWebhookSignature(r.body, 's3cret', r.headers['x-signature-256'] as string));
    const created = JSON.parse(received[2]!.body) as WebhookBody;
    assert.equal(created.event, 'escalation.created');
    assert.equal(created.escalation.id, id);
    assert.equal(created.escalation.state, 'open');
    assert.equal(created.escalation.notes.tried, 'nothing yet');
    assert.equal(created.report?.source.host, 'APP-WEB03');
    assert.ok(/^\d+$/.test(String(received[2]!.headers['x-signature-timestamp'])));
    // a state change is POSTed too
    await waitUntil(() => h!.threadIds.length === 1, 5000, 'thread');
    invokeCard(await h.bot.post(engineerInvoke(h.connector, ENGINEER_1, h.threadIds[0]!, 'escalationTake', { escalationId: id })));
    await waitUntil(() => received.length === 4, 5000, 'taken webhook');
    const taken = JSON.parse(received[3]!.body) as WebhookBody;
    assert.equal(taken.event, 'escalation.taken');
    assert.equal(taken.change?.by.id, ENGINEER_1.id);
    assert.equal(taken.escalation.owner?.name, ENGINEER_1.name);
  });

  describe('R7: a process killed between accepting and delivering', () => {
    let dataDir: string;
    let children: ChildProcess[] = [];
    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'nwcheck-escalation-kill-'));
      children = [];
    });
    afterEach(() => {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    function startChild(seed: boolean): Promise<{ child: ChildProcess; origin: string; reportId: string }> {
      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'bot-process.ts')], {
        env: { ...process.env, DATA_DIR: dataDir, SEED_REPORT: seed ? '1' : '0', TEST_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      return new Promise((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const line = /READY (\S+) (\S+)/.exec(out);
          if (line) resolve({ child, origin: line[1]!, reportId: line[2]! });
        });
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => reject(new Error(`child exited ${code}: ${err.slice(0, 2000)}`)));
      });
    }

    async function post(origin: string, activity: unknown): Promise<BotResponse> {
      const res = await fetch(`${origin}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    }

    async function kill(child: ChildProcess): Promise<void> {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }

    it('SIGKILL with the post failing: after restart it is delivered exactly once', async () => {
      const connector = await fakeConnector();
      const threadIds: string[] = [];
      const script: { current?: Parameters<typeof connectorScript>[0]['current'] } = {};
      let down = true;
      script.current = (req) => (isThreadPost(req) && down ? { status: 503 } : undefined);
      connector.script = connectorScript(script, threadIds);
      try {
        const first = await startChild(true);
        await post(first.origin, channelCommand(connector, ENGINEER_1, 'escalation here'));
        const accepted = invokeCard(await post(first.origin, requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { reportId: first.reportId, lang: 'en', tried: 'x', urgency: 'high' })));
        const id = ESC_ID.exec(cardText(accepted))![0];
        await connector.waitFor((rs) => rs.filter(isThreadPost).length >= 1);
        await kill(first.child);
        const failedBefore = connector.requests.filter(isThreadPost).length;
        down = false;
        await startChild(false);
        await connector.waitFor((rs) => rs.filter(isThreadPost).length > failedBefore);
        await new Promise((r) => setTimeout(r, 400));
        const delivered = connector.requests.filter(isThreadPost).slice(failedBefore);
        assert.equal(delivered.length, 1, 'delivered once after the restart');
        assert.ok(JSON.stringify(delivered[0]!.body).includes(id));
        assert.equal(threadIds.length, 1);
      } finally {
        await connector.close();
      }
    });

    it('SIGKILL while the post is in flight: at-least-once, any repeat carries the same escalation id', async () => {
      const connector = await fakeConnector();
      const threadIds: string[] = [];
      const script: { current?: Parameters<typeof connectorScript>[0]['current'] } = {};
      let slow = true;
      script.current = (req) => (isThreadPost(req) && slow ? { delayMs: 4000, status: 201, body: { id: 'late;messageid=1', activityId: '1' } } : undefined);
      connector.script = connectorScript(script, threadIds);
      try {
        const first = await startChild(true);
        await post(first.origin, channelCommand(connector, ENGINEER_1, 'escalation here'));
        const accepted = invokeCard(await post(first.origin, requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { reportId: first.reportId, lang: 'en', tried: 'x', urgency: 'high' })));
        const id = ESC_ID.exec(cardText(accepted))![0];
        await connector.waitFor((rs) => rs.filter(isThreadPost).length === 1);
        await kill(first.child);
        slow = false;
        await startChild(false);
        // the dead worker's lease (3 s here) runs out, then the post is repeated
        await connector.waitFor((rs) => rs.filter(isThreadPost).length === 2, 10_000);
        const posts = connector.requests.filter(isThreadPost);
        for (const p of posts) assert.ok(JSON.stringify(p.body).includes(id));
        await new Promise((r) => setTimeout(r, 400));
        assert.equal(connector.requests.filter(isThreadPost).length, 2);
      } finally {
        await connector.close();
      }
    });
  });
});
