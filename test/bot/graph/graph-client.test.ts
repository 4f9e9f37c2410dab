import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config/load-config';
import { encodeSharingUrl, GraphClient } from '../../../src/bot/graph/graph-client';
import { InputProblem } from '../../../src/bot/input/input-problem';
import { safeDownload } from '../../../src/net/safe-download';
import { chatMessageWithFiles, fakeGraph, type FakeGraph } from '../../support/fake-graph';

describe('GraphClient', () => {
  let graph: FakeGraph;
  before(async () => {
    graph = await fakeGraph();
  });
  after(() => graph.close());

  function client(secret = 's'): GraphClient {
    const config = loadConfig({
      NODE_ENV: 'test',
      DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS: '1',
      DOWNLOAD_ALLOWED_HOSTS: '127.0.0.1',
      GRAPH_BASE_URL: graph.baseUrl,
      GRAPH_AUTHORITY_HOST: graph.authorityHost,
      GRAPH_CLIENT_ID: 'id',
      GRAPH_CLIENT_SECRET: secret,
    });
    return new GraphClient({ graph: config.graph, download: config.download, maxBytes: 1024, downloadFile: safeDownload, sleep: () => Promise.resolve() });
  }

  it('encodes sharing URLs as Graph documents them (u! + unpadded base64url)', () => {
    assert.equal(
      encodeSharingUrl('https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1'),
      'u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx',
    );
  });

  it('gets one token per tenant and reuses it; lists only `reference` attachments', async () => {
    graph.requests.length = 0;
    const message = chatMessageWithFiles('1', [{ name: 'a.log', contentUrl: 'https://contoso.sharepoint.com/a.log' }]) as { attachments: unknown[] };
    message.attachments.push({ id: 'card', contentType: 'application/vnd.microsoft.card.adaptive', content: '{}' });
    graph.setMessage('/chats/c1/messages/1', message);
    const c = client();
    const refs = await c.listFileReferences('tenant-a', { kind: 'chat', chatId: 'c1', messageId: '1' });
    await c.listFileReferences('tenant-a', { kind: 'chat', chatId: 'c1', messageId: '1' });
    assert.deepEqual(refs, [{ name: 'a.log', contentUrl: 'https://contoso.sharepoint.com/a.log' }]);
    assert.equal(graph.tokenRequests().length, 1);
    await c.listFileReferences('tenant-b', { kind: 'chat', chatId: 'c1', messageId: '1' });
    assert.deepEqual(graph.tokenRequests().map((r) => r.path), ['/tenant-a/oauth2/v2.0/token', '/tenant-b/oauth2/v2.0/token']);
  });

  it('maps token and Graph failures to what the user is told', async () => {
    const c = client();
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: unknown) => (e instanceof InputProblem ? e.reason : String(e)),
      );
    graph.fail('/bad-tenant/oauth2', { status: 400, body: { error: 'invalid_request', error_codes: [700016] } });
    assert.equal(await reason(c.listFileReferences('bad-tenant', { kind: 'chat', chatId: 'x', messageId: '1' })), 'graph-consent-missing');
    graph.fail('/v1.0/chats/forbidden', { status: 403 });
    assert.equal(await reason(c.listFileReferences('tenant-a', { kind: 'chat', chatId: 'forbidden', messageId: '1' })), 'graph-consent-missing');
    assert.equal(await reason(c.listFileReferences('tenant-a', { kind: 'chat', chatId: 'missing', messageId: '1' })), 'download-failed');
    graph.fail('/v1.0/chats/busy', { status: 429, headers: { 'retry-after': '3600' } });
    assert.equal(await reason(c.listFileReferences('tenant-a', { kind: 'chat', chatId: 'busy', messageId: '1' })), 'graph-throttled');
    assert.equal(await reason(c.listFileReferences('bad id/../x', { kind: 'chat', chatId: 'x', messageId: '1' })), 'graph-consent-missing');
  });

  it('not configured → graph-not-configured without any request', async () => {
    const config = loadConfig({});
    const c = new GraphClient({ graph: config.graph, download: config.download, maxBytes: 1, downloadFile: safeDownload });
    assert.equal(c.configured, false);
    graph.requests.length = 0;
    await assert.rejects(c.listFileReferences('t', { kind: 'chat', chatId: 'x', messageId: '1' }), (e: unknown) => e instanceof InputProblem && e.reason === 'graph-not-configured');
    assert.equal(graph.requests.length, 0);
  });
});
