/* eslint-disable @typescript-eslint/no-explicit-any -- activities recorded at the fake connector are untyped JSON */
// Channels and group chats: Teams gives the bot no file, so the bot reads the message through
// Microsoft Graph (fake Graph + token endpoint on loopback) and downloads the `reference`
// attachment via /shares/u!…/driveItem/content (302 → fake SharePoint). Consent missing,
// not found, throttling and "Graph not configured" each get a localized card with what to do.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { fakeFileHost, type FakeFileHost } from '../support/fake-file-host';
import { chatMessageWithFiles, fakeGraph, FAKE_GRAPH_TOKEN, type FakeGraph } from '../support/fake-graph';
import { BOT_ID, cardText, executeActions, makeBot, messageActivity, TENANT, type TestBot } from '../support/make-bot';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');
const TEAM_AAD = '0f0e0d0c-aaaa-bbbb-cccc-111122223333';
const CHANNEL = '19:support-channel@thread.tacv2';
const mention = [{ type: 'mention', mentioned: { id: BOT_ID, name: 'nwcheck' }, text: '<at>nwcheck</at>' }];

function channelActivity(connector: FakeConnector, o: { messageId: string; rootId?: string; mentioned?: boolean; locale?: string }) {
  return messageActivity({
    serviceUrl: connector.serviceUrl,
    id: o.messageId,
    conversationId: `${CHANNEL};messageid=${o.rootId ?? o.messageId}`,
    conversationType: 'channel',
    locale: o.locale ?? 'en-US',
    text: o.mentioned === false ? '' : '<at>nwcheck</at> please look',
    attachments: [{ contentType: 'text/html', content: `<p>${o.mentioned === false ? '' : '<at>nwcheck</at> '}please look</p><attachment id="a1"></attachment>` }],
    channelData: { team: { id: '19:team@thread.tacv2', aadGroupId: TEAM_AAD }, channel: { id: CHANNEL } },
    ...(o.mentioned === false ? {} : { entities: mention }),
  });
}

describe('bot e2e: files in channels and group chats through Microsoft Graph', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let files: FakeFileHost;
  let graph: FakeGraph;
  let bot: TestBot;

  before(async () => {
    connector = await fakeConnector();
    files = await fakeFileHost();
    graph = await fakeGraph();
    bot = await makeBot({
      env: {
        GRAPH_BASE_URL: graph.baseUrl,
        GRAPH_AUTHORITY_HOST: graph.authorityHost,
        GRAPH_CLIENT_ID: 'graph-client-id',
        GRAPH_CLIENT_SECRET: 'graph-client-secret',
      },
    });
  });
  after(async () => {
    await bot.dispose();
    await Promise.all([connector.close(), files.close(), graph.close()]);
  });
  beforeEach(() => {
    connector.requests.length = 0;
    files.requests.length = 0;
    graph.requests.length = 0;
  });

  async function run(activity: Record<string, unknown>, messages = 1): Promise<any[]> {
    const res = await bot.post(activity);
    assert.equal(res.status, 200);
    await connector.waitForMessages(messages);
    await bot.app.jobs.whenIdle();
    return connector.sent();
  }

  function shareFile(name: string, fixture: string): string {
    const contentUrl = `https://contoso.sharepoint.com/sites/Support/Shared%20Documents/General/${encodeURIComponent(name)}`;
    graph.setShare(contentUrl, files.serve(`/download/${name}`, { body: readFileSync(join(FIXTURES, fixture)) }));
    return contentUrl;
  }

  it('reads a file posted in a channel (root message) and answers in the thread', async () => {
    const contentUrl = shareFile('AzureBackup_Check_NW_ch.log', 'win-ja-2022-storage-blocked.log');
    graph.setMessage(`/teams/${TEAM_AAD}/channels/${CHANNEL}/messages/1001`, chatMessageWithFiles('1001', [{ name: 'AzureBackup_Check_NW_ch.log', contentUrl }]));
    const sent = await run(channelActivity(connector, { messageId: '1001' }));
    const card = sent[0].attachments[0].content;
    assert.ok(executeActions(card).some((a) => a.verb === 'showAllEndpoints'));
    assert.ok(cardText(card).includes('jpewatcab01.blob.core.windows.net'));
    const post = connector.requests.find((r) => r.body?.type === 'message')!;
    assert.equal(post.conversationId, `${CHANNEL};messageid=1001`, 'answered in the thread');
    // client credentials for the activity's tenant, Graph scope, token only to Graph
    const token = graph.tokenRequests()[0];
    assert.ok(token, 'a token was requested (first Graph call of the run)');
    assert.equal(token.path, `/${TENANT}/oauth2/v2.0/token`);
    assert.equal(token.form!.get('client_id'), 'graph-client-id');
    assert.equal(token.form!.get('scope'), `${graph.origin}/.default`);
    assert.equal(files.requests.length, 1);
    assert.equal(files.requests[0]!.headers.authorization, undefined, 'the bearer token never reaches SharePoint');
    assert.ok(graph.requests.filter((r) => r.path.startsWith('/v1.0/')).every((r) => r.headers.authorization === `Bearer ${FAKE_GRAPH_TOKEN}`));
  });

  it('reads a reply in a channel thread through /messages/{root}/replies/{id}', async () => {
    const contentUrl = shareFile('reply.log', 'win-en-dns-failure.log');
    graph.setMessage(`/teams/${TEAM_AAD}/channels/${CHANNEL}/messages/2000/replies/2002`, chatMessageWithFiles('2002', [{ name: 'reply.log', contentUrl }]));
    const sent = await run(channelActivity(connector, { messageId: '2002', rootId: '2000' }));
    assert.ok(cardText(sent[0].attachments[0].content).includes('pod01-manag1.jpe.backup.windowsazure.com'));
  });

  it('reads a file posted in a group chat through /chats/{id}/messages/{id}', async () => {
    const contentUrl = shareFile('group.log', 'linux-proxy-failures.log');
    graph.setMessage('/chats/19:group-chat-1@thread.v2/messages/3003', chatMessageWithFiles('3003', [{ name: 'group.log', contentUrl }]));
    const sent = await run(
      messageActivity({
        serviceUrl: connector.serviceUrl,
        id: '3003',
        conversationId: '19:group-chat-1@thread.v2',
        conversationType: 'groupChat',
        text: '<at>nwcheck</at>',
        attachments: [{ contentType: 'text/html', content: '<p><at>nwcheck</at></p><attachment id="x"></attachment>' }],
        entities: mention,
      }),
    );
    assert.ok(executeActions(sent[0].attachments[0].content).some((a) => a.verb === 'showAllEndpoints'));
  });

  it('missing resource-specific consent (Graph 403) → a card saying how to send the log instead', async () => {
    graph.fail(`/v1.0/teams/${TEAM_AAD}/channels/${CHANNEL}/messages/4004`, { status: 403, times: 1 });
    const sent = await run(channelActivity(connector, { messageId: '4004', locale: 'ja-JP' }));
    const card = sent[0].attachments[0].content;
    assert.ok(!executeActions(card).some((a) => a.verb === 'explain'));
    assert.ok(/1 対 1|貼り付け/.test(cardText(card)), cardText(card));
  });

  it('message not found (Graph 404) → a refusal card', async () => {
    const sent = await run(channelActivity(connector, { messageId: '5005' }));
    assert.equal(sent.length, 1);
    assert.ok(!executeActions(sent[0].attachments[0].content).some((a) => a.verb === 'explain'));
  });

  it('Graph 429 with a short Retry-After is retried once and succeeds', async () => {
    const contentUrl = shareFile('throttled.log', 'win-en-2019-healthy.log');
    const path = `/teams/${TEAM_AAD}/channels/${CHANNEL}/messages/6006`;
    graph.setMessage(path, chatMessageWithFiles('6006', [{ name: 'throttled.log', contentUrl }]));
    graph.fail(`/v1.0${path}`, { status: 429, headers: { 'retry-after': '0' }, times: 1 });
    const sent = await run(channelActivity(connector, { messageId: '6006' }));
    assert.ok(executeActions(sent[0].attachments[0].content).some((a) => a.verb === 'showAllEndpoints'));
    assert.equal(graph.requests.filter((r) => r.path === `/v1.0${path}`).length, 2);
  });

  it('Graph 429 with a long Retry-After → "busy, try again later" card, no hot loop', async () => {
    const path = `/teams/${TEAM_AAD}/channels/${CHANNEL}/messages/7007`;
    graph.fail(`/v1.0${path}`, { status: 429, headers: { 'retry-after': '120' } });
    const sent = await run(channelActivity(connector, { messageId: '7007' }));
    assert.ok(!executeActions(sent[0].attachments[0].content).some((a) => a.verb === 'explain'));
    assert.equal(graph.requests.filter((r) => r.path === `/v1.0${path}`).length, 1);
  });

  it('a message with no file reference → "no file found" card', async () => {
    graph.setMessage(`/teams/${TEAM_AAD}/channels/${CHANNEL}/messages/8008`, chatMessageWithFiles('8008', []));
    const sent = await run(channelActivity(connector, { messageId: '8008' }));
    assert.ok(cardText(sent[0].attachments[0].content).length > 0);
  });

  it('stays quiet about unaddressed channel posts whose files are not logs', async () => {
    const contentUrl = 'https://contoso.sharepoint.com/sites/Support/Shared%20Documents/General/budget.xlsx';
    graph.setMessage(`/teams/${TEAM_AAD}/channels/${CHANNEL}/messages/9009`, chatMessageWithFiles('9009', [{ name: 'budget.xlsx', contentUrl }]));
    const res = await bot.post(channelActivity(connector, { messageId: '9009', mentioned: false }));
    assert.equal(res.status, 200);
    await bot.app.jobs.whenIdle();
    assert.equal(connector.sent().length, 0);
    assert.equal(files.requests.length, 0);
  });
});

describe('bot e2e: channel files without Graph configured', function () {
  this.timeout(20_000);
  it('replies with guidance (send it in a 1:1 chat, or paste it) in the user language, fetching nothing', async () => {
    const connector = await fakeConnector();
    const bot = await makeBot();
    try {
      const res = await bot.post(channelActivity(connector, { messageId: '1', locale: 'ja-JP' }));
      assert.equal(res.status, 200);
      const [msg] = await connector.waitForMessages(1);
      const text = cardText(msg.attachments[0].content);
      assert.ok(/1 対 1|貼り付け/.test(text), text);
      assert.equal(connector.requests.filter((r) => r.body?.type === 'typing').length, 0);
    } finally {
      await bot.dispose();
      await connector.close();
    }
  });
});
