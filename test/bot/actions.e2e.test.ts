/* eslint-disable @typescript-eslint/no-explicit-any -- activities recorded at the fake connector are untyped JSON */
// Card buttons (Universal Actions `adaptiveCard/action` invokes): explain, show all endpoints,
// back to summary, language switch (re-rendered in place: PUT of the original message + card in
// the invoke response), escalate, and every refusal: report of another conversation (IDOR),
// unknown id, hostile data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionRegistry } from '../../src/bot/action-registry';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { fakeFileHost, type FakeFileHost } from '../support/fake-file-host';
import { cardText, executeActions, fileAttachment, invokeActivity, makeBot, messageActivity, type TestBot } from '../support/make-bot';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');
const CONV = 'a:actions-conv';

describe('bot e2e: card actions', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let files: FakeFileHost;
  let bot: TestBot;
  let summary: any;
  let reportId: string;
  let escalations: string[];

  before(async () => {
    connector = await fakeConnector();
    files = await fakeFileHost();
    bot = await makeBot();
    const url = files.serve('/personal/u/a.log', { body: readFileSync(join(FIXTURES, 'win-ja-user-proxy-only.log')) });
    await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, conversationId: CONV, locale: 'en-US', attachments: [fileAttachment('a.log', url)] }));
    const [msg] = await connector.waitForMessages(1);
    await bot.app.jobs.whenIdle();
    summary = msg.attachments[0].content;
    reportId = executeActions(summary).find((a) => a.verb === 'showAllEndpoints')!.data.reportId as string;
  });
  after(async () => {
    await bot.dispose();
    await connector.close();
    await files.close();
  });
  beforeEach(() => {
    connector.requests.length = 0;
  });

  const click = (verb: string, data: Record<string, unknown>, o: { conversationId?: string; tenantId?: string; replyToId?: string; locale?: string } = {}) =>
    bot.post(invokeActivity({ serviceUrl: connector.serviceUrl, conversationId: o.conversationId ?? CONV, verb, data, replyToId: o.replyToId ?? 'summary-msg-1', ...(o.tenantId ? { tenantId: o.tenantId } : {}), ...(o.locale ? { locale: o.locale } : {}) }));

  it('explain → the explanation card in the invoke response and in place of the message', async () => {
    const button = executeActions(summary).find((a) => a.verb === 'explain')!;
    const res = await click('explain', button.data);
    assert.equal(res.status, 200);
    assert.equal(res.body.statusCode, 200);
    assert.equal(res.body.type, 'application/vnd.microsoft.card.adaptive');
    const card = res.body.value;
    assert.ok(executeActions(card).some((a) => a.verb === 'showSummary'), 'a way back to the summary');
    const puts = connector.updates();
    assert.equal(puts.length, 1);
    assert.equal(puts[0]!.activityId, 'summary-msg-1');
    assert.deepEqual(puts[0]!.body.attachments[0].content, card);
  });

  it('showAllEndpoints lists every endpoint; showSummary goes back', async () => {
    const res = await click('showAllEndpoints', { reportId, lang: 'en' });
    const text = cardText(res.body.value);
    assert.ok(text.includes('pod01-rec2.jpw.backup.windowsazure.com'), 'a failed endpoint is listed');
    const back = await click('showSummary', { reportId, lang: 'en' });
    assert.ok(executeActions(back.body.value).some((a) => a.verb === 'explain'));
  });

  it('setLanguage re-renders the same view in the other language for everyone (PUT to the original message)', async () => {
    const switchButton = executeActions(summary).find((a) => a.verb === 'setLanguage')!;
    assert.equal(switchButton.data.lang, 'ja');
    const res = await click('setLanguage', switchButton.data, { replyToId: 'summary-msg-7' });
    const card = res.body.value;
    assert.ok(/[ぁ-んァ-ン]/.test(cardText(card)), 'Japanese card');
    const puts = connector.updates();
    assert.equal(puts.length, 1);
    assert.equal(puts[0]!.path, `/v3/conversations/${encodeURIComponent(CONV)}/activities/summary-msg-7`);
    assert.equal(connector.sent().length, 0, 'no new message posted');
    const back = executeActions(card).find((a) => a.verb === 'setLanguage')!;
    assert.equal(back.data.lang, 'en');
  });

  it('setLanguage on an explanation keeps the explanation', async () => {
    const res = await click('setLanguage', { reportId, lang: 'ja', view: 'explain', findingIndex: 0 });
    assert.ok(executeActions(res.body.value).some((a) => a.verb === 'showSummary'));
    assert.ok(!executeActions(res.body.value).some((a) => a.verb === 'explain'));
  });

  it('IDOR: a report id from another conversation is refused with a message, nothing updated, no report data', async () => {
    const res = await click('showAllEndpoints', { reportId, lang: 'en' }, { conversationId: 'a:someone-else' });
    assert.equal(res.status, 200);
    assert.equal(res.body.type, 'application/vnd.microsoft.activity.message');
    assert.ok(!JSON.stringify(res.body).includes('windowsazure'), 'no report data leaks');
    assert.equal(connector.updates().length, 0);
    const otherTenant = await click('explain', { reportId, findingIndex: 0, lang: 'en' }, { tenantId: 'tenant-2' });
    assert.equal(otherTenant.body.type, 'application/vnd.microsoft.activity.message');
  });

  it('a channel thread may open a report of the same channel (another thread), not of another channel', async () => {
    // reports are scoped to the channel/chat; threads of one channel share it
    const res = await click('showSummary', { reportId, lang: 'en' }, { conversationId: `${CONV};messageid=999` });
    assert.equal(res.body.type, 'application/vnd.microsoft.card.adaptive');
  });

  it('an unknown or expired report id → "no longer available" message', async () => {
    const res = await click('showSummary', { reportId: 'AAAAAAAAAAAAAAAAAAAAAAAA', lang: 'en' });
    assert.equal(res.body.type, 'application/vnd.microsoft.activity.message');
    assert.match(res.body.value, /30 days/);
  });

  it('the "no longer available" message reads as two sentences in each language (not "title: text")', async () => {
    const ja = await click('explain', { reportId: 'AAAAAAAAAAAAAAAAAAAAAAAA', findingIndex: 0, lang: 'ja' });
    assert.equal(ja.body.value, 'この解析結果は表示できません。解析結果の保存期間 (30 日) が過ぎたか、結果が見つかりませんでした。お手数ですが、ログをもう一度お送りください。');
    const en = await click('explain', { reportId: 'AAAAAAAAAAAAAAAAAAAAAAAA', findingIndex: 0, lang: 'en' });
    assert.match(en.body.value, /^This result is no longer available\. The result was kept for 30 days/);
  });

  it('hostile data (__proto__, wrong types, huge strings, unknown verb) → "cannot be processed", no crash, no pollution', async () => {
    const payloads: [string, unknown][] = [
      ['explain', JSON.parse('{"__proto__":{"polluted":true},"reportId":"' + reportId + '","findingIndex":"0"}')],
      ['explain', { reportId, findingIndex: -1 }],
      ['showSummary', { reportId: 'x'.repeat(1_000_000) }],
      ['doSomethingElse', { reportId }],
      ['showSummary', { reportId: '../../etc/passwd' }],
    ];
    for (const [verb, data] of payloads) {
      const res = await bot.post({
        ...invokeActivity({ serviceUrl: connector.serviceUrl, conversationId: CONV, verb, data: {} }),
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      assert.ok(res.status === 200 || res.status === 413, `status ${res.status} for ${verb}`);
      if (res.status === 200) assert.ok(!JSON.stringify(res.body).includes('windowsazure'));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const notExecute = await bot.post({ ...invokeActivity({ serviceUrl: connector.serviceUrl, verb: 'explain', data: {} }), value: { action: { type: 'Action.Submit' } } });
    assert.equal(notExecute.status, 200);
    const noValue = await bot.post({ ...invokeActivity({ serviceUrl: connector.serviceUrl, verb: 'explain', data: {} }), value: undefined });
    assert.equal(noValue.status, 200);
  });

  it('an explain index past the findings → "cannot be processed"', async () => {
    const res = await click('explain', { reportId, findingIndex: 9999, lang: 'en' });
    assert.equal(connector.updates().length, 0);
    assert.equal(res.status, 200);
    assert.match(cardText(res.body.value), /cannot be processed/);
  });

  it('escalate without an escalation feature → "escalation is not set up" card, localized', async () => {
    const res = await click('escalate', { reportId, lang: 'ja' });
    assert.equal(res.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.ok(cardText(res.body.value).includes('エスカレーション'), cardText(res.body.value));
    assert.equal(connector.updates().length, 0, 'the summary stays for everyone');
  });

  describe('with an escalation plugin registered', () => {
    let withPlugin: TestBot;
    before(async () => {
      escalations = [];
      withPlugin = await makeBot({
        plugins: [
          (registry: ActionRegistry) => {
            registry.registerAction('escalate', (ctx) => {
              escalations.push(`${ctx.data.reportId}@${ctx.scope.conversationId}`);
              return Promise.resolve({ kind: 'message', text: 'escalation form opened' });
            });
          },
        ],
      });
    });
    after(() => withPlugin.dispose());

    it('routes escalate to the registered handler with the turn scope', async () => {
      const res = await withPlugin.post(invokeActivity({ serviceUrl: connector.serviceUrl, conversationId: CONV, verb: 'escalate', data: { reportId, lang: 'en' } }));
      assert.equal(res.body.value, 'escalation form opened');
      assert.deepEqual(escalations, [`${reportId}@${CONV}`]);
    });
  });
});
