import assert from 'node:assert/strict';
import {
  buildEngineerCard,
  buildEngineerPostActivity,
  buildEscalationFormCard,
  buildEscalationListCard,
  buildRequesterReplyActivity,
  buildRequesterStatusCard,
  buildSetupCard,
  formatAge,
  mentionEntity,
  stripExecuteActions,
} from '../../src/escalation/escalation-cards';
import { originalConversationLink, splitThreadId, threadLink } from '../../src/escalation/deep-link';
import { replyToEscalation, resolveEscalation, takeEscalation } from '../../src/escalation/escalation-transitions';
import { ESCALATION_MESSAGES } from '../../src/escalation/messages';
import { parseActionData } from '../../src/cards/actions';
import { CARD_BYTE_BUDGET, cardBytes } from '../../src/cards/card-size';
import type { EscalationRecord } from '../../src/escalation/escalation';
import { assertCatalogueComplete } from '../i18n/catalogue-check';
import { cardProblems, executeActions, nodesOfType, visibleTexts, walk } from './support/card-check';
import { ENGINEER_A, newRecord, requesterRef } from './support/fixtures';
import { hugeReport, sampleReport } from './support/sample-report';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const HOSTILE = '[click](https://evil.example) **x** ${secret} <at>Boss</at> \u202Egnp.exe';

function states(): [string, EscalationRecord][] {
  const open = newRecord(T0);
  const taken = takeEscalation(open, ENGINEER_A, { now: T0 + 60_000, webhook: false });
  assert.ok(taken.ok);
  const replied = replyToEscalation(taken.record, ENGINEER_A, 'プロキシのバイパス リストをご確認ください。', { now: T0 + 120_000, webhook: false });
  assert.ok(replied.ok);
  const resolved = resolveEscalation(replied.record, ENGINEER_A, 'WinHTTP のプロキシ設定で解決しました。', { now: T0 + 180_000, webhook: false });
  assert.ok(resolved.ok);
  return [['open', open], ['taken', taken.record], ['replied', replied.record], ['resolved', resolved.record]];
}

async function assertCleanCard(card: unknown, label: string): Promise<void> {
  assert.deepEqual(await cardProblems(card), [], label);
  // (leftover bindings: renderTemplate itself throws on any; data-borne `${` stays literal text)
  assert.ok(cardBytes(card) <= CARD_BYTE_BUDGET, `${label}: ${cardBytes(card)} bytes`);
  // every button carries data its handler accepts
  for (const action of executeActions(card)) {
    assert.equal(action.data.verb, action.verb, label);
    assert.ok(parseActionData(action.data), `${label}: ${JSON.stringify(action.data)}`);
  }
}

describe('escalation cards', () => {
  it('messages: every key in ja and en with matching placeholders', () => {
    assertCatalogueComplete(ESCALATION_MESSAGES, { allowIdentical: ['statusId'] });
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`form (${lang}): parses, carries the report id, inputs named as the action contract`, async () => {
      const card = buildEscalationFormCard({ lang, reportId: 'report-000000001', fileName: HOSTILE });
      await assertCleanCard(card, 'form');
      const ids = [...nodesOfType(card, 'Input.Text'), ...nodesOfType(card, 'Input.ChoiceSet')].map((n) => n.id);
      assert.deepEqual(ids.sort(), ['caseNumber', 'contact', 'tried', 'urgency']);
      const submit = executeActions(card).find((a) => a.verb === 'escalationSubmit');
      assert.deepEqual(submit?.data, { verb: 'escalationSubmit', reportId: 'report-000000001', lang });
      // a file name is data, never markup
      assert.ok(nodesOfType(card, 'TextBlock').length === 0);
      assert.ok(visibleTexts(card).some((s) => s.includes('[click](https://evil.example)')));
      // the whole submitted form (data + inputs) passes the contract
      assert.ok(parseActionData({ ...submit?.data, tried: 'x'.repeat(4000), urgency: 'high', caseNumber: '1'.repeat(64), contact: 'c'.repeat(256) }));
      const choices = nodesOfType(card, 'Input.ChoiceSet')[0]?.choices as { value: string }[];
      assert.deepEqual(choices.map((c) => c.value), ['low', 'normal', 'high']);
    });
  }

  for (const [name, record] of states()) {
    it(`requester status card (${name}) and engineers' card (${name}) render cleanly in both languages`, async () => {
      for (const lang of ['ja', 'en'] as const) {
        const r = { ...record, lang, target: { ...record.target, lang } };
        await assertCleanCard(buildRequesterStatusCard(r), `status ${name} ${lang}`);
        const eng = buildEngineerCard(r, sampleReport());
        await assertCleanCard(eng, `engineer ${name} ${lang}`);
        const verbs = executeActions(eng).map((a) => a.verb).sort();
        const expected = name === 'open' ? ['escalationReply', 'escalationResolve', 'escalationTake'] : name === 'resolved' ? [] : ['escalationReply', 'escalationResolve'];
        assert.deepEqual(verbs, expected, `${name} ${lang}`);
      }
    });
  }

  it('the urgency shown as a fact reads as a word, not a code ("High", not "high")', () => {
    for (const [urgency, en, ja] of [['low', 'Low', '低'], ['normal', 'Normal', '通常'], ['high', 'High', '高']] as const) {
      const base = newRecord(undefined, false, { notes: { tried: 'x', urgency } });
      for (const [lang, expected] of [['en', en], ['ja', ja]] as const) {
        const r = { ...base, lang, target: { ...base.target, lang } };
        for (const card of [buildRequesterStatusCard(r), buildEngineerCard(r, sampleReport())]) {
          const texts = visibleTexts(card);
          const label = texts.indexOf(lang === 'en' ? 'Urgency' : '緊急度');
          assert.ok(label >= 0, texts.join(' | '));
          assert.equal(texts[label + 1], expected, `${urgency} ${lang}: ${texts.join(' | ')}`);
        }
      }
    }
  });

  it('engineers\u2019 card: facts, notes, history, link back, the summary without its buttons', () => {
    const [, taken] = states()[1] as [string, EscalationRecord];
    const card = buildEngineerCard(taken, sampleReport(), { notice: 'Sato Ken がすでに担当しています。' });
    const texts = visibleTexts(card);
    for (const expected of ['山田 花子', 'AzureBackup_Check_NW_host.log', '2401010010000001', 'hanako@example.com', 'プロキシを確認しました', 'Sato Ken', '2026-01-05 09:00', 'Sato Ken がすでに担当しています。']) {
      assert.ok(texts.some((s) => s.includes(expected)), expected);
    }
    // the summary renderer's content is there (its header label) but none of its report buttons
    assert.ok(texts.some((s) => s.includes('pod01-manag1.jpe.backup.windowsazure.com')));
    assert.deepEqual(executeActions(card).map((a) => a.verb).sort(), ['escalationReply', 'escalationResolve']);
    const link = nodesOfType(card, 'Action.OpenUrl')[0]?.url as string;
    assert.match(link, /^https:\/\/teams\.microsoft\.com\/l\/message\/19%3Asupport%40thread\.tacv2\/1700000000001\?tenantId=tenant-1&parentMessageId=1700000000000$/);
  });

  it('engineers\u2019 card stays under the Teams budget with a huge hostile report', async () => {
    const card = buildEngineerCard(newRecord(T0), hugeReport());
    await assertCleanCard(card, 'huge');
    const strings = JSON.stringify(card);
    assert.ok(!strings.includes('${secret}') || visibleTexts(card).every((t) => !t.startsWith('${')));
    for (const block of nodesOfType(card, 'TextBlock')) assert.ok(!String(block.text).includes(']('));
  });

  it('hostile notes stay literal text in TextRuns, with no bidi override', async () => {
    const record = newRecord(T0, false, { notes: { tried: HOSTILE, urgency: 'low', contact: HOSTILE, caseNumber: '${x}' }, fileName: HOSTILE });
    for (const card of [buildEngineerCard(record, sampleReport()), buildRequesterStatusCard(record)]) {
      await assertCleanCard(card, 'hostile');
      assert.equal(nodesOfType(card, 'TextBlock').length, 0);
      const texts = visibleTexts(card).join('\n');
      assert.ok(texts.includes('[click](https://evil.example)'));
      assert.ok(!texts.includes('\u202E'));
    }
  });

  it('the engineers\u2019 post @mentions the requester and the on-call tag with matching entities', () => {
    const record = newRecord(T0, false, { requester: { id: '29:r', name: 'A&B <Ops>' } });
    const activity = buildEngineerPostActivity(record, sampleReport(), { kind: 'tag', id: 'tag-123', name: 'Backup On-Call' });
    assert.equal(activity.entities?.length, 2);
    for (const entity of activity.entities ?? []) {
      assert.equal(entity.type, 'mention');
      assert.ok(activity.text?.includes(String(entity.text)), `${String(entity.text)} in ${activity.text}`);
    }
    assert.deepEqual(activity.entities?.[0], { type: 'mention', text: '<at>A&amp;B &lt;Ops&gt;</at>', mentioned: { id: '29:r', name: 'A&B <Ops>' } });
    assert.deepEqual(activity.entities?.[1], { type: 'mention', text: '<at>Backup On-Call</at>', mentioned: { id: 'tag-123', name: 'Backup On-Call', type: 'tag' } });
    assert.deepEqual(mentionEntity({ kind: 'user', id: '29:x', name: 'X' }), { type: 'mention', text: '<at>X</at>', mentioned: { id: '29:x', name: 'X' } });
    assert.equal(activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
  });

  it('replies in the requester\u2019s thread carry the engineer\u2019s words as card text only', async () => {
    const [, resolved] = states()[3] as [string, EscalationRecord];
    const reply = buildRequesterReplyActivity(resolved, { ...resolved.history[2]!, note: HOSTILE });
    assert.equal(reply.text, undefined);
    await assertCleanCard(reply.attachments?.[0]?.content, 'reply');
    assert.ok(visibleTexts(reply.attachments?.[0]?.content).some((s) => s.includes('[click](https://evil.example)')));
    const done = buildRequesterReplyActivity(resolved, resolved.history[3]!);
    assert.match(String(done.summary), /解決済み/);
  });

  it('the list shows id, state, age and owner; empty list says so', async () => {
    const [, open] = states()[0] as [string, EscalationRecord];
    const [, taken] = states()[1] as [string, EscalationRecord];
    const withThread = { ...taken, engineerThread: { conversationId: '19:engineers@thread.tacv2;messageid=55', activityId: '55' } };
    const card = buildEscalationListCard([open, withThread], 'en', T0 + 3 * 3600_000);
    await assertCleanCard(card, 'list');
    const texts = visibleTexts(card);
    assert.ok(texts.includes('ESC-TEST0000001 · Open (high) · 3 h ago · owner: (nobody yet)'), texts.join('\n'));
    assert.ok(texts.includes('ESC-TEST0000001 · In progress (high) · 3 h ago · owner: Sato Ken'));
    assert.equal(nodesOfType(card, 'Action.OpenUrl').length, 1);
    const empty = buildEscalationListCard([], 'ja', T0);
    await assertCleanCard(empty, 'empty list');
    assert.ok(visibleTexts(empty).includes('オープン中のエスカレーションはありません。'));
    await assertCleanCard(buildSetupCard('ja'), 'setup');
  });

  it('ages read naturally', () => {
    assert.equal(formatAge(new Date(T0).toISOString(), T0 + 5 * 60_000, 'ja'), '5 分前');
    assert.equal(formatAge(new Date(T0).toISOString(), T0 + 30 * 3600_000, 'en'), '30 h ago');
    assert.equal(formatAge(new Date(T0).toISOString(), T0 + 80 * 3600_000, 'ja'), '3 日前');
  });

  it('deep links: channel thread, chat, and the engineers\u2019 thread', () => {
    assert.deepEqual(splitThreadId('19:a@thread.tacv2;messageid=9'), { channelId: '19:a@thread.tacv2', rootId: '9' });
    assert.deepEqual(splitThreadId('a:1Xyz'), { channelId: 'a:1Xyz' });
    const chat = newRecord(T0, false, { requesterRef: requesterRef({ conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', tenantId: 't' } }) });
    assert.equal(originalConversationLink(chat), 'https://teams.microsoft.com/l/message/19%3Achat%40thread.v2/1700000000001?context=%7B%22contextType%22%3A%22chat%22%7D');
    assert.equal(threadLink(newRecord(T0)), undefined);
    const personal = newRecord(T0, false, { requesterRef: requesterRef({ conversation: { id: 'a:1personal', conversationType: 'personal', tenantId: 't' } }) });
    assert.equal(originalConversationLink(personal), undefined);
  });

  it('stripping the summary\u2019s buttons keeps everything else', () => {
    const body = [
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: 'explain' }] },
      { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', targetElements: ['x'] }, { type: 'Action.Submit' }] },
      { type: 'Container', selectAction: { type: 'Action.Execute' }, items: [{ type: 'TextRun', text: 'keep' }] },
    ];
    assert.deepEqual(stripExecuteActions(body), [
      { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', targetElements: ['x'] }] },
      { type: 'Container', items: [{ type: 'TextRun', text: 'keep' }] },
    ]);
    // in the embedded summary (the container holding the summary parts) no button is left
    let executes = 0;
    const card = buildEngineerCard(newRecord(T0), sampleReport());
    const summarySection = (card.body as { type: string; separator?: boolean; items?: unknown[] }[]).find((b) => b.type === 'Container' && b.separator === true);
    assert.ok(summarySection);
    walk(summarySection, (n) => {
      if (n.type === 'Action.Execute') executes++;
    });
    assert.equal(executes, 0);
  });
});
