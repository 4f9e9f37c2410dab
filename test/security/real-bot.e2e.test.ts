// The security layer on the real bot (makeBot → createBotApp) in credentialed mode, through the
// seams production uses (wrapAuth, createProcessRequest, middleware): tokens from fakeJwks,
// replies at the fake connector carrying the bot's token, files from the fake file host never
// carrying it, and a foreign tenant's upload neither downloaded nor answered beyond one refusal.
import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import pino from 'pino';
import { createSecurityLayer } from '../../src/bot/security/create-security-layer';
import { muteLibraryAuthNoise } from '../../src/bot/security/auth-guard';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { fakeFileHost, type FakeFileHost } from '../support/fake-file-host';
import { startFakeJwks, fakeOutboundCredentials, type FakeJwks } from '../support/fake-jwks';
import { fileAttachment, makeBot, messageActivity, type TestBot } from '../support/make-bot';
import { APP_ID, post } from './support/guarded-server';

describe('security on the real bot (credentialed mode)', function () {
  this.timeout(30_000);
  let jwks: FakeJwks;
  let connector: FakeConnector;
  let files: FakeFileHost;
  let bot: TestBot;
  let unmute: () => void;

  before(async () => {
    jwks = await startFakeJwks();
    connector = await fakeConnector();
    files = await fakeFileHost();
    const log = pino({ level: 'silent' });
    unmute = muteLibraryAuthNoise(log);
    const settings = jwks.authSettings(APP_ID);
    const security = createSecurityLayer({ log, anonymous: false, isTest: true, allowedTenantIds: ['tenant-1'] });
    bot = await makeBot({
      security: false, // composed here instead: the outbound token must be the fake one
      env: { ...settings, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused', GRAPH_CLIENT_ID: '', GRAPH_CLIENT_SECRET: '' },
      // real inbound validation against fakeJwks; outbound token faked (MSAL needs AAD on the network)
      wrapAuth: () => security.wrapAuth(new ConfigurationBotFrameworkAuthentication(settings, fakeOutboundCredentials(APP_ID))),
      createProcessRequest: security.createProcessRequest,
      middleware: security.middleware,
    });
  });
  after(async () => {
    unmute();
    await bot?.dispose();
    await files?.close();
    await connector?.close();
    await jwks?.close();
  });

  const url = () => `${bot.origin}/api/messages`;
  const token = () => `Bearer ${jwks.channelToken(APP_ID, connector.serviceUrl)}`;
  const LOG = 'Test-NetConnection pod01-manag1.jpe.backup.windowsazure.com -Port 443\n';

  it('a valid token: the bot answers, its replies carry the bot token, the file host never sees it (B2)', async () => {
    const link = files.serve('/doc/a.log', { body: LOG, contentType: 'text/plain' });
    const res = await post(url(), messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('AzureBackup_Check_NW_a.log', link)] }), token());
    assert.equal(res.status, 200, res.text);
    await connector.waitForMessages(1, 15_000);
    assert.ok(connector.requests.length >= 1);
    assert.ok(connector.requests.every((r) => r.headers?.authorization === 'Bearer fake-outbound-token'), 'every connector call carries the bot token');
    assert.ok(files.requests.length >= 1);
    for (const r of files.requests) assert.equal(r.headers.authorization, undefined);
  });

  it('A1/A2: missing and forged tokens → 401, nothing sent', async () => {
    const before = connector.requests.length;
    const rogue = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = jwks.sign({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: connector.serviceUrl }, { key: rogue });
    for (const auth of [undefined, `Bearer ${forged}`]) {
      const res = await post(url(), messageActivity({ serviceUrl: connector.serviceUrl, text: 'help' }), auth);
      assert.equal(res.status, 401);
      assert.doesNotMatch(res.text, /signature|jwt|Unauthorized\./i);
    }
    await sleep(200);
    assert.equal(connector.requests.length, before);
  });

  it('A8: a foreign tenant’s upload is not downloaded; one short refusal', async () => {
    const beforeFiles = files.requests.length;
    const beforeSent = connector.sent().length;
    const link = files.serve('/doc/foreign.log', { body: LOG, contentType: 'text/plain' });
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, tenantId: 'tenant-evil', conversationId: 'a:foreign', attachments: [fileAttachment('AzureBackup_Check_NW_x.log', link)] });
    assert.equal((await post(url(), activity, token())).status, 200);
    await connector.waitForMessages(beforeSent + 1);
    await sleep(300);
    assert.equal(files.requests.length, beforeFiles, 'nothing downloaded');
    const sent = connector.sent().slice(beforeSent);
    assert.equal(sent.length, 1);
    assert.match(String(sent[0].text), /isn't available for your organization/);
  });
});
