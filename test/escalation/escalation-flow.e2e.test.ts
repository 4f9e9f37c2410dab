// The whole escalation through real HTTP: the bot (restify + CloudAdapter + SQLite) with the
// escalation feature, a fake Bot Connector capturing every post and update, both languages.
import assert from 'node:assert/strict';
import { cardText, executeActions } from '../support/make-bot';
import { visibleTexts } from './support/card-check';
import type { MentionTarget } from '../../src/escalation/escalation-config';
import {
  ENGINEERS_CHANNEL,
  ENGINEER_1,
  ENGINEER_2,
  REQUESTER_CARD_ID,
  REQUESTER_EN,
  REQUESTER_JA,
  SUPPORT_THREAD,
  channelCommand,
  engineerInvoke,
  invokeCard,
  invokeText,
  requesterInvoke,
  startHarness,
  storeReport,
  waitUntil,
  type Harness,
  type Person,
} from './support/escalation-harness';

interface Case {
  lang: 'ja' | 'en';
  requester: Person;
  engineer: Person;
  hereCommand: string;
  listCommand: string;
  mention: MentionTarget;
  expect: { setup: string; formTitle: string; escalated: string; taken: string; reply: string; resolved: string; listTitle: string; hereConfirm: string; notHere: string };
}

const CASES: Case[] = [
  {
    lang: 'ja',
    requester: REQUESTER_JA,
    engineer: ENGINEER_1,
    hereCommand: 'エスカレーション先 ここ',
    mention: { kind: 'user', id: '29:oncall-user', name: 'オンコール 担当' },
    listCommand: 'エスカレーション一覧',
    expect: {
      setup: 'エスカレーション先が設定されていません',
      formTitle: 'エンジニアへのエスカレーション',
      escalated: 'エンジニアにエスカレーションしました',
      taken: 'Sato Ken さんが担当しています。',
      reply: 'Sato Ken さんからの回答',
      resolved: 'Sato Ken さんが解決済みにしました。',
      listTitle: 'オープン中のエスカレーション (1 件)',
      hereConfirm: 'このチャネルをエスカレーション先に設定しました。',
      notHere: 'エスカレーション先のエンジニア チャネルからのみ',
    },
  },
  {
    lang: 'en',
    requester: REQUESTER_EN,
    engineer: ENGINEER_2,
    hereCommand: 'escalation here',
    mention: { kind: 'tag', id: 'MjQzMmI1N2ItMGFiZC00M2RiLWFhN2ItMmFkNzQwZTY0MmM3IyMxOWM5Y2Y0N2EtN2Y5Ny00YzNjLWJlYjgtYzY5YzJjYzZhYTZi', name: 'Backup On-Call' },
    listCommand: 'escalations',
    expect: {
      setup: 'No escalation channel yet',
      formTitle: 'Escalate to an engineer',
      escalated: 'Escalated to an engineer',
      taken: 'Lee Min is working on it.',
      reply: 'Answer from Lee Min',
      resolved: 'Resolved by Lee Min.',
      listTitle: 'Open escalations (1)',
      hereConfirm: 'This channel is now the escalation target.',
      notHere: 'only be done from the engineers',
    },
  },
];

describe('escalation end to end (real HTTP, fake Bot Connector)', function () {
  this.timeout(30_000);
  let h: Harness;

  afterEach(async () => {
    await h?.dispose();
  });

  for (const c of CASES) {
    it(`full flow in ${c.lang}: setup, form, submit, thread with mentions, take, reply, resolve, list`, async () => {
      h = await startHarness({ config: { mention: c.mention } });
      const { bot, connector } = h;
      const reportId = await storeReport(bot);

      // 1. no target yet: "Escalate" says how to set one up
      const setup = invokeCard(await bot.post(requesterInvoke(connector, c.requester, 'escalate', { reportId })));
      assert.match(cardText(setup), new RegExp(c.expect.setup));

      // 2. "escalation here" in the engineers' channel
      assert.equal((await bot.post(channelCommand(connector, c.engineer, c.hereCommand))).status, 200);
      const confirmation = await connector.waitForMessages(1);
      assert.match(String(confirmation.at(-1)?.text), new RegExp(c.expect.hereConfirm));

      // 3. the form, in the requester's language
      const form = invokeCard(await bot.post(requesterInvoke(connector, c.requester, 'escalate', { reportId })));
      assert.match(cardText(form), new RegExp(c.expect.formTitle));
      assert.match(cardText(form), /AzureBackup_Check_NW_APP-WEB03\.log/);
      const submit = executeActions(form).find((a) => a.verb === 'escalationSubmit');
      assert.ok(submit);
      assert.equal(submit.data.lang, c.lang);

      // 4. submit (the inputs come back merged into the data, as Teams sends them)
      const submitted = await bot.post(
        requesterInvoke(connector, c.requester, 'escalationSubmit', {
          ...submit.data,
          tried: 'Restarted the MARS agent; checked the proxy',
          urgency: 'high',
          caseNumber: '2401010010000001',
          contact: 'ops@example.com',
        }),
      );
      const status = invokeCard(submitted);
      assert.match(cardText(status), new RegExp(c.expect.escalated));
      const escalationId = /ESC-[0-9A-Z]{12}/.exec(cardText(status))?.[0];
      assert.ok(escalationId, cardText(status));
      // the requester's card was updated in place for everyone in the thread
      await connector.waitFor((rs) => rs.some((r) => r.method === 'PUT' && r.activityId === REQUESTER_CARD_ID));

      // 5. the engineers' thread: a NEW conversation in the channel, with real mentions
      await waitUntil(() => h.threadPosts().length === 1, 5000, 'thread post');
      const post = h.threadPosts()[0]!.body;
      assert.equal(post.isGroup, true);
      assert.equal(post.channelData.channel.id, ENGINEERS_CHANNEL);
      assert.equal(post.channelData.tenant.id, 'tenant-1');
      const entities = post.activity.entities as { type: string; text: string; mentioned: { id: string; name: string } }[];
      // who asked, and ESCALATION_MENTION (a person, or a team tag with type "tag")
      assert.deepEqual(entities.map((e) => e.mentioned), [
        { id: c.requester.id, name: c.requester.name },
        c.mention.kind === 'tag' ? { id: c.mention.id, name: c.mention.name, type: 'tag' } : { id: c.mention.id, name: c.mention.name },
      ]);
      assert.ok(entities.every((e) => e.type === 'mention' && e.text === `<at>${e.mentioned.name}</at>`));
      for (const e of entities) assert.ok(String(post.activity.text).includes(e.text), `${e.text} in ${post.activity.text}`);
      const engineerCard = post.activity.attachments[0].content;
      const engineerText = cardText(engineerCard);
      for (const expected of [escalationId, c.requester.name, 'AzureBackup_Check_NW_APP-WEB03.log', 'Restarted the MARS agent; checked the proxy', '2401010010000001', 'ops@example.com', 'pod01-manag1.jpe.backup.windowsazure.com']) {
        assert.ok(engineerText.includes(expected), `${expected} missing from the engineers' card`);
      }
      assert.ok(JSON.stringify(engineerCard).includes('https://teams.microsoft.com/l/message/'), 'deep link back');
      assert.deepEqual(executeActions(engineerCard).map((a) => a.verb).sort(), ['escalationReply', 'escalationResolve', 'escalationTake']);
      const threadId = h.threadIds[0]!;

      // 6. "Take it" from the thread: the clicker sees it at once, both cards are updated
      const taken = invokeCard(await bot.post(engineerInvoke(connector, c.engineer, threadId, 'escalationTake', { escalationId })));
      assert.ok(cardText(taken).includes(c.engineer.name));
      const threadActivityId = threadId.slice(threadId.indexOf('=') + 1);
      await connector.waitFor((rs) => rs.some((r) => r.method === 'PUT' && r.activityId === threadActivityId));
      await connector.waitFor((rs) => rs.filter((r) => r.method === 'PUT' && r.activityId === REQUESTER_CARD_ID).some((r) => cardText(r.body).includes(c.expect.taken)));
      const engineerUpdate = connector.requests.filter((r) => r.method === 'PUT' && r.activityId === threadActivityId).at(-1)!;
      assert.equal(engineerUpdate.conversationId, threadId);
      assert.ok(cardText(engineerUpdate.body).includes(c.engineer.name));
      assert.equal(engineerUpdate.body.entities.length, 2, 'the update keeps the @mentions');

      // 7. "Reply to requester": the answer lands in the original thread
      const answer = 'Please add *.blob.core.windows.net to the bypass list — [not a link](https://evil.example)';
      invokeCard(await bot.post(engineerInvoke(connector, c.engineer, threadId, 'escalationReply', { escalationId, replyText: answer })));
      await connector.waitFor((rs) => rs.some((r) => r.method === 'POST' && r.conversationId === SUPPORT_THREAD && cardText(r.body).includes(answer)));
      const replyPost = connector.requests.find((r) => r.method === 'POST' && r.conversationId === SUPPORT_THREAD && cardText(r.body).includes(answer))!;
      assert.ok(cardText(replyPost.body).includes(c.expect.reply));
      assert.equal(replyPost.body.text, undefined, 'the engineer\u2019s words are card text, never message markdown');

      // 8. "escalations" lists it with age and owner (engineers' channel only)
      await bot.post(channelCommand(connector, c.engineer, c.listCommand));
      await connector.waitFor((rs) => rs.some((r) => r.method === 'POST' && cardText(r.body).includes(c.expect.listTitle)));
      const list = connector.requests.find((r) => r.method === 'POST' && cardText(r.body).includes(c.expect.listTitle))!;
      assert.ok(cardText(list.body).includes(escalationId));
      assert.ok(cardText(list.body).includes(c.engineer.name));
      await bot.post(channelCommand(connector, c.requester, c.listCommand, 'support'));
      await connector.waitFor((rs) => rs.some((r) => r.method === 'POST' && r.conversationId?.startsWith('19:support') && /escalation channel|エスカレーション先のチャネル/.test(String(r.body.text))));

      // 9. resolve with a note: shown in both places, the requester told in their thread
      const note = 'WinHTTP proxy fixed with netsh winhttp set proxy';
      invokeCard(await bot.post(engineerInvoke(connector, c.engineer, threadId, 'escalationResolve', { escalationId, resolveNote: note })));
      await connector.waitFor((rs) => rs.some((r) => r.method === 'PUT' && r.activityId === REQUESTER_CARD_ID && cardText(r.body).includes(note) && cardText(r.body).includes(c.expect.resolved)));
      await connector.waitFor((rs) => rs.some((r) => r.method === 'PUT' && r.activityId === threadActivityId && cardText(r.body).includes(note)));
      await connector.waitFor((rs) => rs.some((r) => r.method === 'POST' && r.conversationId === SUPPORT_THREAD && cardText(r.body).includes(note)));
      const finalEngineerCard = connector.requests.filter((r) => r.method === 'PUT' && r.activityId === threadActivityId).at(-1)!.body.attachments[0].content;
      await waitUntil(() => executeActions(connector.requests.filter((r) => r.method === 'PUT' && r.activityId === threadActivityId).at(-1)!.body.attachments[0].content).length === 0, 5000, 'buttons gone');
      assert.ok(cardText(finalEngineerCard).includes(note));

      // every state change is stored with who and when; nothing is left in the outbox
      const record = await h.feature.service!.get(escalationId);
      assert.deepEqual(record?.history.map((e) => [e.action, e.by.id]), [
        ['created', c.requester.id],
        ['taken', c.engineer.id],
        ['replied', c.engineer.id],
        ['resolved', c.engineer.id],
      ]);
      await waitUntil(async () => (await h.feature.service!.get(escalationId))!.outbox.every((i) => i.state === 'delivered'), 5000, 'outbox drained');
      assert.equal(h.threadPosts().length, 1, 'exactly one thread');
      assert.deepEqual(await h.feature.service!.listOpen('tenant-1'), []);
    });
  }

  for (const [who, help, usages] of [
    [ENGINEER_2, 'help', ['escalation here', 'escalations']],
    [ENGINEER_1, 'ヘルプ', ['エスカレーション先 ここ', 'エスカレーション一覧']],
  ] as const) {
    it(`help (${help}) shows what to type for the escalation commands, as for the other commands`, async () => {
      h = await startHarness();
      const { bot, connector } = h;
      await bot.post(channelCommand(connector, who, help));
      const [message] = await connector.waitForMessages(1);
      const texts = visibleTexts(message.attachments[0].content);
      // before: the titles ("Set the escalation channel", "エスカレーション先の設定"), which are not what one types
      for (const usage of usages) assert.ok(texts.includes(usage), `${usage} in ${texts.join(' | ')}`);
      assert.ok(!texts.includes('Set the escalation channel') && !texts.includes('エスカレーション先の設定'));
      // the descriptions read like the others: no full stop at the end
      const sample = texts.indexOf(help === 'help' ? 'sample' : 'サンプル');
      for (const usage of usages) {
        const description = texts[texts.indexOf(usage) + 1] ?? '';
        assert.ok(!/[。.]$/.test(description), description);
      }
      assert.ok(!/[。.]$/.test(texts[sample + 1] ?? ''));
    });
  }

  it('a submit without "what you tried" creates nothing and says what is missing; the filled-in submit then counts', async () => {
    h = await startHarness();
    const { bot, connector } = h;
    const reportId = await storeReport(bot);
    await bot.post(channelCommand(connector, ENGINEER_1, 'escalation here'));
    // a client that skips the required check (or a replayed empty submit): no field, then blanks
    for (const tried of [undefined, '   \n ']) {
      for (const [who, expected] of [[REQUESTER_EN, /Please say what you tried/], [REQUESTER_JA, /試したことをご記入ください/]] as const) {
        const data = { reportId, lang: who === REQUESTER_JA ? 'ja' : 'en', urgency: 'normal', ...(tried === undefined ? {} : { tried }) };
        assert.match(invokeText(await bot.post(requesterInvoke(connector, who, 'escalationSubmit', data))), expected);
      }
    }
    assert.deepEqual(await h.feature.service!.listOpen('tenant-1'), [], 'no escalation from an empty form');
    assert.equal(h.threadPosts().length, 0);
    // the real submit is not swallowed by an earlier empty one: its urgency and text are kept
    const status = invokeCard(await bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { reportId, lang: 'en', tried: 'restarted the agent', urgency: 'high' })));
    const escalationId = /ESC-[0-9A-Z]{12}/.exec(cardText(status))![0];
    const record = await h.feature.service!.get(escalationId);
    assert.equal(record?.notes.urgency, 'high');
    assert.equal(record?.notes.tried, 'restarted the agent');
    // an empty submit after that (a second click) shows the open escalation, not an error
    const again = invokeCard(await bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { reportId, lang: 'en' })));
    assert.ok(cardText(again).includes(escalationId));
  });

  it('A8: with ALLOWED_TENANT_IDS the proactive sends carry the tenant and pass the gate', async () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    h = await startHarness({ env: { ALLOWED_TENANT_IDS: tenant } });
    const { bot, connector } = h;
    const reportId = await storeReport(bot, SUPPORT_THREAD, tenant);
    await bot.post(channelCommand(connector, ENGINEER_1, 'escalation here', 'engineers', tenant));
    const status = invokeCard(await bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { reportId, lang: 'en', tried: 'x', urgency: 'low' }, undefined, tenant)));
    const escalationId = /ESC-[0-9A-Z]{12}/.exec(cardText(status))![0];
    await waitUntil(() => h.threadIds.length === 1, 5000, 'thread');
    assert.equal(h.threadPosts()[0]!.body.channelData.tenant.id, tenant);
    invokeCard(await bot.post(engineerInvoke(connector, ENGINEER_1, h.threadIds[0]!, 'escalationTake', { escalationId }, tenant)));
    await waitUntil(async () => (await h.feature.service!.get(escalationId))!.outbox.every((i) => i.state === 'delivered'), 5000, 'all delivered');
    // another tenant's click never reaches the handler (403 from the gate)
    const foreign = await bot.post(engineerInvoke(connector, ENGINEER_2, h.threadIds[0]!, 'escalationResolve', { escalationId, resolveNote: 'x' }, '00000000-0000-0000-0000-000000000001'));
    assert.equal(foreign.status, 403);
    assert.equal((await h.feature.service!.get(escalationId))?.state, 'taken');
  });

  it('A10: engineer buttons outside the engineers\u2019 channel are refused and change nothing', async () => {
    h = await startHarness();
    const { bot, connector } = h;
    const reportId = await storeReport(bot);
    await bot.post(channelCommand(connector, ENGINEER_1, 'escalation here'));
    const status = invokeCard(await bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { reportId, lang: 'en', tried: 'nothing', urgency: 'low' })));
    const escalationId = /ESC-[0-9A-Z]{12}/.exec(cardText(status))![0];
    const before = await h.feature.service!.get(escalationId);
    // the requester (or anyone) pressing "Take it" from the support thread
    const refused = invokeText(await bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationTake', { escalationId })));
    assert.match(refused, /only be done from the engineers/);
    const refusedResolve = invokeText(await bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationResolve', { escalationId, resolveNote: 'x' })));
    assert.match(refusedResolve, /only be done from the engineers/);
    const after = await h.feature.service!.get(escalationId);
    assert.equal(after?.state, 'open');
    assert.deepEqual(after?.history, before?.history);
    // an unknown id says so without details
    assert.match(invokeText(await bot.post(engineerInvoke(connector, ENGINEER_1, `${ENGINEERS_CHANNEL};messageid=1`, 'escalationTake', { escalationId: 'ESC-AAAAAAAAAAAA' }))), /cannot be found|見つかりません/);
    // A9: submitting for a report of another conversation is refused, nothing is created
    const otherReport = await storeReport(bot, '19:other@thread.tacv2;messageid=5');
    const denied = invokeText(await bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { reportId: otherReport, lang: 'en', tried: 'x', urgency: 'low' })));
    assert.doesNotMatch(denied, /ESC-/);
    assert.equal((await h.feature.service!.listOpen('tenant-1')).length, 1);
  });

  it('concurrent "Take it": exactly one owner, the other engineer is told who has it', async () => {
    h = await startHarness();
    const { bot, connector } = h;
    const reportId = await storeReport(bot);
    await bot.post(channelCommand(connector, ENGINEER_1, 'escalation here'));
    const status = invokeCard(await bot.post(requesterInvoke(connector, REQUESTER_JA, 'escalationSubmit', { reportId, lang: 'ja', tried: 'なし', urgency: 'normal' })));
    const escalationId = /ESC-[0-9A-Z]{12}/.exec(cardText(status))![0];
    await waitUntil(() => h.threadIds.length === 1, 5000, 'thread');
    const threadId = h.threadIds[0]!;
    const [a, b] = await Promise.all([
      bot.post(engineerInvoke(connector, ENGINEER_1, threadId, 'escalationTake', { escalationId })),
      bot.post(engineerInvoke(connector, ENGINEER_2, threadId, 'escalationTake', { escalationId })),
    ]);
    const record = await h.feature.service!.get(escalationId);
    assert.ok(record?.owner);
    assert.equal(record.history.filter((e) => e.action === 'taken').length, 1);
    const winner = record.owner.id === ENGINEER_1.id ? ENGINEER_1 : ENGINEER_2;
    const cards = [invokeCard(a), invokeCard(b)].map(cardText);
    // the loser's card says who has it (engineers' language: ja, set by Sato with the en alias → en)
    assert.ok(cards.some((text) => text.includes(`${winner.name} already has this one.`) || text.includes(`この件はすでに ${winner.name} さんが担当しています。`)), cards.join('\n---\n'));
  });

  it('R5: a double-clicked submit and a redelivered invoke give one escalation and one thread', async () => {
    h = await startHarness();
    const { bot, connector } = h;
    const reportId = await storeReport(bot);
    await bot.post(channelCommand(connector, ENGINEER_1, 'escalation here'));
    const data = { reportId, lang: 'en', tried: 'nothing', urgency: 'high' };
    const redelivered = requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', data, 'invoke-fixed-id');
    const responses = await Promise.all([
      bot.post(redelivered),
      bot.post(redelivered),
      bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', data)),
    ]);
    const ids = new Set(responses.map((r) => /ESC-[0-9A-Z]{12}/.exec(cardText(invokeCard(r)))?.[0]));
    assert.equal(ids.size, 1);
    await waitUntil(() => h.threadPosts().length >= 1, 5000, 'thread');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(h.threadPosts().length, 1);
    // pressing "Escalate" again shows the open escalation instead of a new form
    const again = invokeCard(await bot.post(requesterInvoke(connector, REQUESTER_EN, 'escalate', { reportId })));
    assert.ok(cardText(again).includes([...ids][0]!));
  });
});
