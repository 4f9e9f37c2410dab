// A1–A6, A8, A12 and R12 of the reliability matrix over real HTTP: restify + CloudAdapter +
// ConfigurationBotFrameworkAuthentication validating tokens signed by fakeJwks, replies going to
// a loopback connector. Every refusal: the right status, a generic body, the turn not run, and
// no connector call.
import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { muteLibraryAuthNoise } from '../../src/bot/security/auth-guard';
import { ServiceUrlRefusedError } from '../../src/bot/security/service-url-policy';
import { AAD_ISSUER, startFakeJwks, type FakeJwks } from '../support/fake-jwks';
import { APP_ID, captureLogger, post, startGuardedServer, teamsMessage, type GuardedServer } from './support/guarded-server';
import { startMiniConnector, type MiniConnector } from './support/mini-connector';

const LIBRARY_WORDS = [/jwt/i, /signature/i, /token/i, /Unauthorized\./, /signing/i, /endorse/i, /audience/i, /issuer/i, /stack/i, /at \w+ \(/];

function assertGeneric(res: { status: number; text: string }, status: number): void {
  assert.equal(res.status, status, res.text);
  const body = JSON.parse(res.text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ['correlationId', 'error']);
  for (const w of LIBRARY_WORDS) assert.doesNotMatch(res.text, w);
}

describe('security/auth e2e (A1–A6, A8, A12, R12)', function () {
  this.timeout(20_000);
  let jwks: FakeJwks;
  let connector: MiniConnector;
  let bot: GuardedServer;
  let unmute: () => void;
  const noise = captureLogger();

  before(async () => {
    unmute = muteLibraryAuthNoise(noise.log, 0);
    jwks = await startFakeJwks();
    connector = await startMiniConnector();
    bot = await startGuardedServer({ jwks });
  });
  after(async () => {
    unmute();
    await bot.close();
    await connector.close();
    await jwks.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
    bot.turns.length = 0;
  });

  const bearer = (token: string) => `Bearer ${token}`;
  const goodToken = () => jwks.channelToken(APP_ID, connector.serviceUrl);

  async function expectRefused(body: Record<string, unknown>, authorization: string | undefined, status = 401): Promise<void> {
    const res = await post(bot.url, body, authorization);
    assertGeneric(res, status);
    assert.equal(bot.turns.length, 0, 'the turn must not run');
    assert.equal(connector.calls.length, 0, 'the connector must not be called');
  }

  it('control: a valid Teams token runs the turn and the reply carries the bot token', async () => {
    const res = await post(bot.url, teamsMessage(connector.serviceUrl), bearer(goodToken()));
    assert.equal(res.status, 200, res.text);
    assert.equal(bot.turns.length, 1);
    assert.deepEqual(connector.texts(), ['echo: hello']);
    assert.equal(connector.calls[0]!.authorization, 'Bearer fake-outbound-token');
  });

  it('A1: no, garbage, Basic and empty Bearer Authorization → 401', async () => {
    for (const h of [undefined, '', 'garbage', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer a.b.c', 'Bearer x y']) {
      await expectRefused(teamsMessage(connector.serviceUrl), h);
    }
  });

  it('A2: rogue key with the real kid, alg:none, HS256 keyed with the public key → 401 (botbuilder alone answers 500)', async () => {
    const rogue = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const claims = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: connector.serviceUrl };
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(jwks.sign(claims, { key: rogue })));
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(jwks.sign(claims, { algorithm: 'none' })));
    const hs = jwks.sign(claims, { algorithm: 'HS256', key: jwks.publicKeyPem });
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(hs));
    // an unknown kid
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(jwks.sign(claims, { kid: 'no-such-kid' })));
  });

  it('premise: botbuilder 4.23.3 adapter.process alone answers a rogue-key token with 500 and library text', async () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(jwks.authSettings(APP_ID)));
    const server = restify.createServer();
    server.use(restify.plugins.jsonBodyParser({ maxBodySize: 256 * 1024 } as restify.plugins.JsonBodyParserOptions));
    server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
      await adapter.process(req, res, () => Promise.resolve());
    });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve());
    });
    try {
      const address: AddressInfo = server.address();
      const url = `http://127.0.0.1:${address.port}/api/messages`;
      const rogue = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const token = jwks.sign({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: connector.serviceUrl }, { key: rogue });
      const res = await post(url, teamsMessage(connector.serviceUrl), bearer(token));
      assert.equal(res.status, 500);
      assert.match(res.text, /invalid signature/);
    } finally {
      server.close();
    }
  });

  it('library console noise for rejected tokens is suppressed and counted', () => {
    const reports = noise.lines.filter((l) => l.event === 'auth-noise-suppressed');
    assert.ok(reports.length > 0, 'suppressed lines were reported through the logger');
  });

  it('A3: wrong aud, wrong iss, expired beyond the 5 min tolerance, nbf in the future → 401', async () => {
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(jwks.channelToken('11111111-1111-4111-8111-111111111111', connector.serviceUrl)));
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(jwks.channelToken(APP_ID, connector.serviceUrl, { iss: 'https://evil.example.com' })));
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(goodTokenWith({ expiresInSec: -600 })));
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(goodTokenWith({ notBeforeSec: 600 })));
  });
  function goodTokenWith(o: { expiresInSec?: number; notBeforeSec?: number }): string {
    return jwks.channelToken(APP_ID, connector.serviceUrl, {}, o);
  }

  it('A4: a token for one serviceUrl replayed with another → 401, neither connector called', async () => {
    const other = await startMiniConnector();
    try {
      const token = jwks.channelToken(APP_ID, other.serviceUrl);
      await expectRefused(teamsMessage(connector.serviceUrl), bearer(token));
      assert.equal(other.calls.length, 0);
    } finally {
      await other.close();
    }
  });

  it('A5: channelId webchat / "" / missing with a valid msteams-endorsed token → 401, no reply', async () => {
    await expectRefused(teamsMessage(connector.serviceUrl, { channelId: 'webchat' }), bearer(goodToken()));
    await expectRefused(teamsMessage(connector.serviceUrl, { channelId: '' }), bearer(goodToken()));
    const missing = teamsMessage(connector.serviceUrl);
    delete missing.channelId;
    await expectRefused(missing, bearer(goodToken()));
  });

  it("A5: even when the guard lets 'webchat' through, botbuilder's endorsement check refuses a msteams-only key", async () => {
    const lenient = await startGuardedServer({ jwks, allowedChannelIds: ['msteams', 'webchat'] });
    try {
      const res = await post(lenient.url, teamsMessage(connector.serviceUrl, { channelId: 'webchat' }), bearer(goodToken()));
      assertGeneric(res, 401);
      assert.equal(lenient.turns.length, 0);
      assert.equal(connector.calls.length, 0);
    } finally {
      await lenient.close();
    }
  });

  it('A6: a skill-shaped token (ver, aud = us, appid = another app) → 401', async () => {
    const token = jwks.sign({ iss: AAD_ISSUER, ver: '1.0', aud: APP_ID, appid: '22222222-2222-4222-8222-222222222222' });
    await expectRefused(teamsMessage(connector.serviceUrl), bearer(token));
    const line = bot.logLines.find((l) => l.event === 'auth-failed');
    assert.ok(line, 'an auth-failed log line');
  });

  it('malformed bodies → 400 without running anything', async () => {
    for (const body of ['[]', '"x"', '{}', JSON.stringify({ type: '' }), JSON.stringify({ ...teamsMessage(connector.serviceUrl), serviceUrl: '' })]) {
      const res = await post(bot.url, body, bearer(goodToken()));
      assert.equal(res.status, 400, body);
      assert.equal(bot.turns.length, 0);
    }
    const notJson = await post(bot.url, '{"type":', bearer(goodToken()));
    assert.equal(notJson.status, 400);
    assert.equal(connector.calls.length, 0);
  });

  it('A12 inbound: a Microsoft-signed activity whose serviceUrl is not a Teams host → 403, no outbound call', async () => {
    const strict = await startGuardedServer({ jwks, allowLoopbackServiceUrls: false });
    try {
      const res = await post(strict.url, teamsMessage(connector.serviceUrl), bearer(goodToken()));
      assertGeneric(res, 403);
      assert.equal(strict.turns.length, 0);
      assert.equal(connector.calls.length, 0);
    } finally {
      await strict.close();
    }
  });

  it('A12 proactive: continueConversationAsync to a non-allow-listed serviceUrl is refused before any I/O', async () => {
    const strict = await startGuardedServer({ jwks, allowLoopbackServiceUrls: false });
    try {
      for (const serviceUrl of [connector.serviceUrl, 'https://evil-trafficmanager.net/', 'http://smba.trafficmanager.net/amer/', 'https://smba.trafficmanager.net:444/amer/', 'https://52.112.0.1/']) {
        let ran = false;
        await assert.rejects(
          strict.adapter.continueConversationAsync(APP_ID, { serviceUrl, channelId: 'msteams', conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'b', name: 'b' } }, async (ctx) => {
            ran = true;
            await ctx.sendActivity('leak');
          }),
          (err: unknown) => err instanceof ServiceUrlRefusedError,
          serviceUrl,
        );
        assert.equal(ran, false);
      }
      assert.equal(connector.calls.length, 0);
    } finally {
      await strict.close();
    }
  });

  describe('A8: tenant allow-list', () => {
    let gated: GuardedServer;
    before(async () => {
      gated = await startGuardedServer({ jwks, allowedTenantIds: ['tenant-a'] });
    });
    after(async () => {
      await gated.close();
    });
    beforeEach(() => {
      gated.turns.length = 0;
      gated.logLines.length = 0;
    });

    const foreign = (over: Record<string, unknown> = {}) =>
      teamsMessage(connector.serviceUrl, {
        conversation: { id: 'a:foreign', conversationType: 'personal', tenantId: 'tenant-b' },
        channelData: { tenant: { id: 'tenant-b' } },
        ...over,
      });

    it('an allowed tenant passes', async () => {
      const res = await post(gated.url, teamsMessage(connector.serviceUrl), bearer(goodToken()));
      assert.equal(res.status, 200);
      assert.equal(gated.turns.length, 1);
    });

    it('another tenant gets one short refusal, nothing reaches the bot, and an audit line', async () => {
      const r1 = await post(gated.url, foreign({ locale: 'ja-JP' }), bearer(goodToken()));
      const r2 = await post(gated.url, foreign(), bearer(goodToken()));
      assert.equal(r1.status, 200);
      assert.equal(r2.status, 200);
      assert.equal(gated.turns.length, 0);
      assert.equal(connector.texts().length, 1, 'one refusal per conversation');
      assert.match(connector.texts()[0]!, /ご利用いただけません/);
      const audit = gated.logLines.filter((l) => l.event === 'activity-refused');
      assert.equal(audit.length, 2);
      assert.equal(audit[0]!.reason, 'tenant-not-allowed');
      assert.equal(audit[0]!.tenantId, 'tenant-b');
    });

    it('an invoke from another tenant → 403, no reply', async () => {
      const res = await post(gated.url, foreign({ type: 'invoke', name: 'adaptiveCard/action', value: {} }), bearer(goodToken()));
      assert.equal(res.status, 403);
      assert.equal(gated.turns.length, 0);
      assert.equal(connector.calls.length, 0);
    });

    it('proactive sends (continuation turns) pass the gate even without tenant fields', async () => {
      let ran = false;
      await gated.adapter.continueConversationAsync(APP_ID, { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: 'a:1on1-conversation', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'b', name: 'b' } }, async (ctx) => {
        ran = true;
        await ctx.sendActivity('proactive');
      });
      assert.equal(ran, true);
      assert.deepEqual(connector.texts(), ['proactive']);
    });

    it('a continuation event posted over HTTP is refused (400) even with a valid token', async () => {
      const res = await post(gated.url, teamsMessage(connector.serviceUrl, { type: 'event', name: 'ContinueConversation', conversation: { id: 'a:x' }, channelData: {} }), bearer(goodToken()));
      assert.equal(res.status, 400);
      assert.equal(gated.turns.length, 0);
      assert.equal(connector.calls.length, 0);
    });

    it('tenant fields that disagree, or no tenant at all → silence (no reply, turn not run)', async () => {
      const mismatch = teamsMessage(connector.serviceUrl, { channelData: { tenant: { id: 'tenant-b' } } });
      const missing = teamsMessage(connector.serviceUrl, { conversation: { id: 'a:x', conversationType: 'personal' }, channelData: {} });
      for (const body of [mismatch, missing]) {
        const res = await post(gated.url, body, bearer(goodToken()));
        assert.equal(res.status, 200);
      }
      assert.equal(gated.turns.length, 0);
      assert.equal(connector.calls.length, 0);
      assert.deepEqual(gated.logLines.filter((l) => l.event === 'activity-refused').map((l) => l.reason), ['tenant-conflict', 'tenant-missing']);
    });
  });

  describe('R12: OpenID metadata endpoint down, slow or garbled → 503 + Retry-After, fast', () => {
    for (const fault of ['status-500', 'keys-500', 'garbage', 'hang'] as const) {
      it(`fault ${fault}`, async () => {
        const broken = await startFakeJwks();
        broken.setFault(fault);
        const server = await startGuardedServer({ jwks: broken, authTimeoutMs: 1000 });
        try {
          const res = await post(server.url, teamsMessage(connector.serviceUrl), bearer(broken.channelToken(APP_ID, connector.serviceUrl)));
          assertGeneric(res, 503);
          assert.equal(res.headers.get('retry-after'), '7');
          assert.ok(res.ms < 5000, `answered in ${res.ms} ms`);
          assert.equal(server.turns.length, 0);
          assert.equal(connector.calls.length, 0);
        } finally {
          await server.close();
          await broken.close();
        }
      });
    }

    it('metadata host refusing connections', async () => {
      const gone = await startFakeJwks();
      const server = await startGuardedServer({ jwks: gone, authTimeoutMs: 1000 });
      const token = gone.channelToken(APP_ID, connector.serviceUrl);
      await gone.close();
      try {
        const res = await post(server.url, teamsMessage(connector.serviceUrl), bearer(token));
        assertGeneric(res, 503);
      } finally {
        await server.close();
      }
    });
  });
});
