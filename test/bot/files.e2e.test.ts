/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- activities recorded at the fake connector are untyped JSON */
// A log in, a card out: 1:1 file.download.info attachments of every fixture, pasted logs, zips,
// and every refusal on the way (too large, HTML page, expired link, host not allowed), over
// real HTTP into the real CloudAdapter, answers captured at a fake Bot Connector.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import sinon from 'sinon';
import { ACTION_VERBS } from '../../src/cards/actions';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { fakeFileHost, type FakeFileHost } from '../support/fake-file-host';
import { cardText, executeActions, fileAttachment, invokeActivity, makeBot, messageActivity, type TestBot } from '../support/make-bot';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');
const LOGS = readdirSync(FIXTURES).filter((f) => !f.endsWith('.expected.json'));
const TEAMS_CARD_LIMIT = 28 * 1024;

function assertCleanCard(card: unknown): void {
  const json = JSON.stringify(card);
  assert.ok(!json.includes('${'), 'no unexpanded template binding');
  assert.ok(Buffer.byteLength(json) < TEAMS_CARD_LIMIT, `card under the Teams limit (${Buffer.byteLength(json)} bytes)`);
  for (const action of executeActions(card)) assert.ok((ACTION_VERBS as readonly string[]).includes(action.verb), `known verb ${action.verb}`);
}

describe('bot e2e: getting the log (1:1 files, pasted text, zip) and refusals', function () {
  this.timeout(60_000);
  let connector: FakeConnector;
  let files: FakeFileHost;
  let bot: TestBot;

  before(async () => {
    connector = await fakeConnector();
    files = await fakeFileHost();
    // a wait no fixture outlasts, so where the answer goes out (in the turn) never depends on machine speed
    bot = await makeBot({ env: { MAX_UPLOAD_BYTES: String(256 * 1024) }, replyTiming: { replyInTurnMs: 30_000, typingDelayMs: 30_000 } });
  });
  after(async () => {
    await bot.dispose();
    await connector.close();
    await files.close();
  });
  let proactiveSends: sinon.SinonSpy;
  beforeEach(() => {
    connector.requests.length = 0;
    files.requests.length = 0;
    proactiveSends = sinon.spy(bot.app.services.sender, 'send');
  });
  afterEach(() => proactiveSends.restore());

  async function sendAndWait(activity: Record<string, unknown>, messages = 1): Promise<any[]> {
    const res = await bot.post(activity);
    assert.equal(res.status, 200);
    await connector.waitForMessages(messages);
    await bot.app.jobs.whenIdle();
    return connector.sent();
  }

  for (const name of LOGS) {
    it(`answers ${name} sent as a 1:1 file with a summary card inside the turn (no typing for a fast answer)`, async () => {
      const url = files.serve(`/personal/u/${name}`, { body: readFileSync(join(FIXTURES, name)), contentType: 'application/octet-stream' });
      const res = await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment(name, url)] }));
      assert.equal(res.status, 200);
      // the card is the turn's own reply: at the connector before the HTTP answer came back, not sent proactively
      assert.equal(connector.sent().length, 1, 'card sent before the turn was acknowledged');
      assert.equal(proactiveSends.callCount, 0, 'no proactive send');
      assert.equal(connector.requests.filter((r) => r.body?.type === 'typing').length, 0, 'no typing indicator for a fast answer');
      await bot.app.jobs.whenIdle();
      const sent = connector.sent();
      assert.equal(sent.length, 1);
      const card = sent[0].attachments[0].content;
      assert.equal(sent[0].attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
      assert.equal(card.type, 'AdaptiveCard');
      assertCleanCard(card);
      const verbs = executeActions(card).map((a) => a.verb);
      const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as { source: { host?: string; kind?: string } };
      // a file that is not a log has no endpoints to list
      const listsEndpoints = expected.source.kind !== 'unknown';
      assert.ok(verbs.includes('showAllEndpoints') === listsEndpoints && verbs.includes('setLanguage') && verbs.includes('escalate'), verbs.join());
      if (expected.source.host) assert.ok(cardText(card).includes(expected.source.host), `card names the machine ${expected.source.host}`);
      // the download carried no bearer token and the URL's query (a token) never shows in the card
      assert.equal(files.requests[0]?.headers.authorization, undefined);
      assert.ok(!JSON.stringify(card).includes('secret-token-in-query'));
    });
  }

  it('every report button carries a report id the bot can open (explain works for each finding)', async () => {
    const name = 'win-ja-2022-storage-blocked.log';
    const url = files.serve('/personal/u/explain.log', { body: readFileSync(join(FIXTURES, name)) });
    const [msg] = await sendAndWait(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment(name, url)] }));
    const explains = executeActions(msg.attachments[0].content).filter((a) => a.verb === 'explain');
    assert.ok(explains.length >= 2);
    for (const button of explains) {
      const res = await bot.post(invokeActivity({ serviceUrl: connector.serviceUrl, verb: 'explain', data: button.data }));
      assert.equal(res.status, 200);
      assert.equal(res.body.type, 'application/vnd.microsoft.card.adaptive');
      assertCleanCard(res.body.value);
    }
  });

  it('analyzes a pasted log (HTML body, @mention removed) through the same pipeline', async () => {
    const log = readFileSync(join(FIXTURES, 'win-en-dns-failure.log'), 'utf8');
    const html = `<p><at>nwcheck</at>&nbsp;please check</p><pre>${log.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`;
    const activity = messageActivity({
      serviceUrl: connector.serviceUrl,
      text: `<at>nwcheck</at> please check ${log.slice(0, 100)}`,
      attachments: [{ contentType: 'text/html', content: html }],
    });
    const sent = await sendAndWait(activity);
    const card = sent[0].attachments[0].content;
    assertCleanCard(card);
    assert.ok(cardText(card).includes('pod01-manag1.jpe.backup.windowsazure.com'), 'the failed endpoint is on the card');
  });

  it('answers each log of a zip with its own card, saying which file', async () => {
    const zip = zipSync({
      'logs/AzureBackup_Check_NW_a.log': new Uint8Array(readFileSync(join(FIXTURES, 'win-en-2019-healthy.log'))),
      'logs/CheckNWResult_b.log': new Uint8Array(readFileSync(join(FIXTURES, 'linux-proxy-failures.log'))),
    });
    const url = files.serve('/personal/u/logs.zip', { body: zip, contentType: 'application/zip' });
    const sent = await sendAndWait(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('logs.zip', url)] }), 2);
    assert.equal(sent.length, 2);
    const texts = sent.map((m) => String(m.text));
    assert.ok(texts.some((x) => x.includes('AzureBackup_Check_NW_a.log')), texts.join(' | '));
    assert.ok(texts.some((x) => x.includes('CheckNWResult_b.log')), texts.join(' | '));
    for (const m of sent) assertCleanCard(m.attachments[0].content);
    const ids = sent.map((m) => executeActions(m.attachments[0].content).find((a) => a.verb === 'showAllEndpoints')!.data.reportId);
    assert.notEqual(ids[0], ids[1], 'each report has its own id');
  });

  it('answers two files in one message with one card each, labelled', async () => {
    const a = files.serve('/personal/u/one.log', { body: readFileSync(join(FIXTURES, 'win-en-2019-healthy.log')) });
    const b = files.serve('/personal/u/two.log', { body: readFileSync(join(FIXTURES, 'linux-healthy.log')) });
    const sent = await sendAndWait(
      messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('one.log', a), fileAttachment('two.log', b)] }),
      2,
    );
    assert.deepEqual(sent.map((m) => m.text), ['one.log', 'two.log']);
  });

  it('refuses a file over MAX_UPLOAD_BYTES (chunked, no Content-Length) with a card saying the limit', async () => {
    const big = Buffer.alloc(400 * 1024, 'A');
    const url = files.serve('/personal/u/big.log', { body: big, chunkSize: 16 * 1024 });
    const sent = await sendAndWait(messageActivity({ serviceUrl: connector.serviceUrl, locale: 'ja-JP', attachments: [fileAttachment('big.log', url)] }));
    const text = cardText(sent[0].attachments[0].content);
    assert.ok(text.includes('256 KB'), text);
    assert.ok(text.includes('big.log'), text);
    assert.ok(/[ぁ-ん]/.test(text), 'Japanese for a ja-JP user');
  });

  it('refuses an HTML sharing page instead of a file', async () => {
    const url = files.serve('/personal/u/page.log', { body: '<!DOCTYPE html><html><body>Sign in to view this file</body></html>', contentType: 'text/html; charset=utf-8' });
    const sent = await sendAndWait(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('page.log', url)] }));
    const card = sent[0].attachments[0].content;
    assert.ok(!executeActions(card).some((a) => a.verb === 'explain'), 'a refusal, not a report');
    assert.ok(cardText(card).includes('page.log'));
  });

  for (const status of [403, 404]) {
    it(`refuses an expired download link (HTTP ${status}) with a card saying to send it again`, async () => {
      const url = files.serve(`/personal/u/expired-${status}.log`, { status, body: 'expired' });
      const sent = await sendAndWait(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('old.log', url)] }));
      const card = sent[0].attachments[0].content;
      assertCleanCard(card);
      assert.ok(!executeActions(card).some((a) => a.verb === 'explain'));
    });
  }

  it('never fetches from a host outside DOWNLOAD_ALLOWED_HOSTS (and says so)', async () => {
    const sent = await sendAndWait(
      messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('x.log', 'https://evil.example.com/x.log')] }),
    );
    assert.equal(files.requests.length, 0);
    assert.ok(!executeActions(sent[0].attachments[0].content).some((a) => a.verb === 'explain'));
  });

  it('follows a redirect on the allowed host and drops nothing else', async () => {
    const target = files.serve('/personal/u/real.log', { body: readFileSync(join(FIXTURES, 'win-en-2019-healthy.log')) });
    const url = files.serve('/personal/u/redirect.log', { redirectTo: target });
    const sent = await sendAndWait(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('redirect.log', url)] }));
    assert.ok(executeActions(sent[0].attachments[0].content).some((a) => a.verb === 'showAllEndpoints'));
  });

  it('a message Teams delivers twice (slow turn retry) gives one answer', async () => {
    const url = files.serve('/personal/u/twice.log', { body: readFileSync(join(FIXTURES, 'win-en-2019-healthy.log')) });
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, id: 'same-activity-id', attachments: [fileAttachment('twice.log', url)] });
    const [r1, r2] = await Promise.all([bot.post(activity), bot.post(activity)]);
    assert.equal(r1.status, 200);
    assert.equal(r2.status, 200);
    const r3 = await bot.post(activity);
    assert.equal(r3.status, 200);
    await connector.waitForMessages(1);
    await bot.app.jobs.whenIdle();
    assert.equal(connector.sent().length, 1);
    assert.equal(files.requests.length, 1, 'downloaded once');
  });

  it('a slow answer: typing indicator, the HTTP turn acknowledged before the download finishes, then the card proactively (R6)', async () => {
    // production timing (REPLY_IN_TURN_MS 1000, TYPING_DELAY_MS 500): the turn waits 1 s at most
    const slowBot = await makeBot({ env: { MAX_UPLOAD_BYTES: String(256 * 1024) } });
    try {
      const url = files.serve('/personal/u/slow.log', { body: readFileSync(join(FIXTURES, 'win-en-2019-healthy.log')), delayMs: 1500 });
      const started = Date.now();
      const res = await slowBot.post(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('slow.log', url)] }));
      const acknowledgedMs = Date.now() - started;
      assert.equal(res.status, 200);
      assert.equal(connector.sent().length, 0, 'no card yet when the turn is acknowledged');
      assert.deepEqual(
        connector.requests.map((r) => r.body?.type),
        ['typing'],
        'the slow answer got a typing indicator inside the turn',
      );
      const proactive = sinon.spy(slowBot.app.services.sender, 'send');
      await connector.waitForMessages(1);
      await slowBot.app.jobs.whenIdle();
      assert.equal(proactive.callCount, 1, 'the card went out proactively');
      assert.ok(Date.now() - started >= 1500 && acknowledgedMs < 1500, `ack ${acknowledgedMs} ms, card after the download`);
      assert.deepEqual(
        connector.requests.map((r) => r.body?.type),
        ['typing', 'message'],
        'one typing indicator, then the card',
      );
      assert.ok(executeActions(connector.sent()[0].attachments[0].content).some((a) => a.verb === 'showAllEndpoints'), 'the summary card');
    } finally {
      await slowBot.dispose();
    }
  });

  it('REPLY_IN_TURN_MS=0: typing at once, every answer proactive after the acknowledgement', async () => {
    const proactiveBot = await makeBot({ env: { MAX_UPLOAD_BYTES: String(256 * 1024), REPLY_IN_TURN_MS: '0' } });
    try {
      // held long enough that the answer cannot beat the HTTP acknowledgement
      const url = files.serve('/personal/u/proactive.log', { body: readFileSync(join(FIXTURES, 'win-en-2019-healthy.log')), delayMs: 1000 });
      const res = await proactiveBot.post(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('proactive.log', url)] }));
      assert.equal(res.status, 200);
      assert.deepEqual(connector.requests.map((r) => r.body?.type), ['typing'], 'only the typing indicator inside the turn');
      await connector.waitForMessages(1);
      await proactiveBot.app.jobs.whenIdle();
      assert.deepEqual(connector.requests.map((r) => r.body?.type), ['typing', 'message']);
    } finally {
      await proactiveBot.dispose();
    }
  });

  it('answers chatter without a report with a short "send me a log" card', async () => {
    const sent = await sendAndWait(messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'a:fresh-conv', text: 'hello' }));
    const card = sent[0].attachments[0].content;
    assertCleanCard(card);
    assert.ok(cardText(card).includes('AzureBackup_Check_NW'), cardText(card));
  });
});

describe('bot e2e: ingress limits', function () {
  this.timeout(20_000);
  it('bad JSON → 400 and an over-256 KB body → 413, both with generic bodies; /healthz and /readyz answer', async () => {
    const bot = await makeBot();
    try {
      const bad = await fetch(`${bot.origin}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' });
      assert.equal(bad.status, 400);
      assert.deepEqual(await bad.json(), { error: 'bad request' });
      const big = await fetch(`${bot.origin}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }) });
      assert.equal(big.status, 413);
      assert.deepEqual(await big.json(), { error: 'payload too large' });
      const health = await fetch(`${bot.origin}/healthz`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { mode: string }).mode, 'local-anonymous');
      assert.equal((await fetch(`${bot.origin}/readyz`)).status, 200);
    } finally {
      await bot.dispose();
    }
  });
});
