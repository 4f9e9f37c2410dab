// The Teams transport against a fake Bot Connector with a real CloudAdapter (anonymous mode):
// one call = one HTTP request (the SDK's own retries are off), raw JSON (tag mentions keep
// `type: "tag"`), Retry-After surfaced, and the service-URL allow-list refusing before any I/O.
import assert from 'node:assert/strict';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { PolicyEnforcingBotFrameworkAuthentication, ServiceUrlPolicy } from '../../src/bot/security/service-url-policy';
import { createTeamsTransport } from '../../src/escalation/teams-transport';
import { DeliveryFailure, classifyDeliveryError } from '../../src/escalation/delivery-failure';
import { mentionEntity } from '../../src/escalation/escalation-cards';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { target } from './support/fixtures';

describe('Teams transport (botframework-connector 4.23.3)', () => {
  let connector: FakeConnector;
  let adapter: CloudAdapter;

  beforeEach(async () => {
    connector = await fakeConnector();
    adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  });
  afterEach(() => connector.close());

  const activity = {
    type: 'message' as const,
    text: '<at>Backup On-Call</at> please take a look.',
    entities: [mentionEntity({ kind: 'tag', id: 'tag-1', name: 'Backup On-Call' })],
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [] } }],
  };

  it('posts a new channel thread as raw JSON (the tag mention keeps type "tag") and returns its ids', async () => {
    connector.script = (req) => (req.path === '/v3/conversations' ? { status: 201, body: { id: '19:eng@thread.tacv2;messageid=9', activityId: '9' } } : undefined);
    const transport = createTeamsTransport({ adapter, appId: '', timeoutMs: 2000 });
    const result = await transport.createThread(target({ serviceUrl: connector.serviceUrl }), activity);
    assert.deepEqual(result, { conversationId: '19:eng@thread.tacv2;messageid=9', activityId: '9' });
    assert.equal(connector.requests.length, 1);
    const body = connector.requests[0]!.body;
    assert.equal(body.isGroup, true);
    assert.deepEqual(body.channelData, { channel: { id: '19:engineers@thread.tacv2' }, tenant: { id: 'tenant-1' } });
    assert.deepEqual(body.activity.entities[0].mentioned, { id: 'tag-1', name: 'Backup On-Call', type: 'tag' });
  });

  it('updates and sends in a thread (ids encoded in the path), each call in its conversation’s send lane', async () => {
    const lanes: string[] = [];
    const transport = createTeamsTransport({
      adapter,
      appId: '',
      timeoutMs: 2000,
      pace: (id, call) => {
        lanes.push(id);
        return call();
      },
    });
    const ref = { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: '19:a@thread.tacv2;messageid=5', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true } };
    await transport.update(ref, '77', activity);
    const sent = await transport.send(ref, activity);
    const [put, post] = connector.requests;
    assert.equal(put?.method, 'PUT');
    assert.equal(put?.conversationId, '19:a@thread.tacv2;messageid=5');
    assert.equal(put?.activityId, '77');
    assert.equal(put?.body.id, '77');
    assert.equal(post?.method, 'POST');
    assert.equal(post?.path, '/v3/conversations/19%3Aa%40thread.tacv2%3Bmessageid%3D5/activities');
    assert.deepEqual(sent, { activityId: 'sent-1' });
    assert.deepEqual(lanes, ['19:a@thread.tacv2;messageid=5', '19:a@thread.tacv2;messageid=5']);
  });

  it('R1/R3: a 429 or a 500 is exactly one request, surfaced with its Retry-After', async () => {
    connector.script = (_req, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '7' } } : { status: 500 });
    const transport = createTeamsTransport({ adapter, appId: '', timeoutMs: 2000 });
    const t = target({ serviceUrl: connector.serviceUrl });
    await assert.rejects(transport.createThread(t, activity), (err: unknown) => {
      assert.ok(err instanceof DeliveryFailure);
      assert.equal(err.status, 429);
      assert.equal(err.retryAfterMs, 7000);
      assert.equal(err.retryable, true);
      return true;
    });
    await assert.rejects(transport.createThread(t, activity), (err: DeliveryFailure) => err.status === 500 && err.retryable);
    assert.equal(connector.requests.length, 2);
  });

  it('pins why: the stock 4.23.3 ConnectorClient sends one 429 four times', async () => {
    connector.script = () => ({ status: 429, headers: { 'retry-after': '0' } });
    await adapter.continueConversationAsync('', { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: 'c', isGroup: true, conversationType: 'channel', name: '' } }, async (context: TurnContext) => {
      const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
      await assert.rejects(client.conversations.sendToConversation('c', { type: 'message', text: 'x' }));
    });
    assert.equal(connector.requests.length, 4);
  });

  it('A12: a service URL outside the allow-list is refused before any request, and never retried', async () => {
    const guarded = new CloudAdapter(new PolicyEnforcingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}), new ServiceUrlPolicy()));
    const transport = createTeamsTransport({ adapter: guarded, appId: '', timeoutMs: 2000 });
    for (const serviceUrl of [connector.serviceUrl, 'https://evil-trafficmanager.net/', 'https://smba.trafficmanager.net:444/']) {
      const err: unknown = await transport.createThread(target({ serviceUrl }), activity).then(() => undefined, (e: unknown) => e);
      assert.equal((err as Error).name, 'ServiceUrlRefusedError');
      assert.equal(classifyDeliveryError(err, Date.now(), 'post-thread').retryable, false);
    }
    assert.equal(connector.requests.length, 0);
  });
});
