import assert from 'node:assert/strict';
import {
  createEscalation,
  enqueueDeliveries,
  replyToEscalation,
  resolveEscalation,
  takeEscalation,
} from '../../src/escalation/escalation-transitions';
import { nextDueAt, newEscalationId } from '../../src/escalation/escalation';
import { ENGINEER_A, ENGINEER_B, newInput, newRecord } from './support/fixtures';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const opts = (now = T0 + 60_000, webhook = false) => ({ now, webhook });

describe('escalation state machine', () => {
  it('creates an open escalation whose first delivery is the engineers\u2019 thread', () => {
    const record = createEscalation(newInput(), { now: T0, webhook: false });
    assert.equal(record.state, 'open');
    assert.equal(record.owner, undefined);
    assert.deepEqual(record.history.map((h) => h.action), ['created']);
    assert.deepEqual(record.outbox.map((i) => i.id), ['0-post-thread']);
    assert.equal(record.outbox[0]?.nextAttemptAt, T0);
    assert.equal(nextDueAt(record), T0);
  });

  it('adds a webhook delivery for every change when a webhook is configured', () => {
    let record = createEscalation(newInput(), { now: T0, webhook: true });
    assert.deepEqual(record.outbox.map((i) => i.kind), ['post-thread', 'webhook']);
    const taken = takeEscalation(record, ENGINEER_A, opts(T0 + 1, true));
    assert.ok(taken.ok);
    record = taken.record;
    assert.deepEqual(record.outbox.filter((i) => i.kind === 'webhook').map((i) => i.id), ['0-webhook', '1-webhook']);
  });

  it('take: first wins, the loser is told who has it, the owner may press again harmlessly', () => {
    const record = newRecord(T0);
    const first = takeEscalation(record, ENGINEER_A, opts());
    assert.ok(first.ok && first.changed);
    assert.equal(first.record.state, 'taken');
    assert.deepEqual(first.record.owner, ENGINEER_A);
    assert.deepEqual(first.record.history.map((h) => [h.action, h.by.id]), [['created', '29:requester'], ['taken', ENGINEER_A.id]]);
    assert.deepEqual(
      first.record.outbox.map((i) => i.id),
      ['0-post-thread', '1-update-engineer-card', '1-update-requester-card'],
    );

    const loser = takeEscalation(first.record, ENGINEER_B, opts());
    assert.deepEqual(loser, { ok: false, code: 'already-taken', owner: ENGINEER_A });

    const again = takeEscalation(first.record, ENGINEER_A, opts());
    assert.ok(again.ok);
    assert.equal(again.changed, false);
    assert.equal(again.record, first.record);
  });

  it('reply: needs text, makes the replier owner of an unowned escalation, keeps an existing owner', () => {
    const record = newRecord(T0);
    assert.deepEqual(replyToEscalation(record, ENGINEER_A, '   ', opts()), { ok: false, code: 'empty-text' });
    const replied = replyToEscalation(record, ENGINEER_B, '  プロキシの除外設定を確認してください  ', opts());
    assert.ok(replied.ok);
    assert.equal(replied.record.state, 'taken');
    assert.deepEqual(replied.record.owner, ENGINEER_B);
    assert.equal(replied.record.history.at(-1)?.note, 'プロキシの除外設定を確認してください');
    assert.ok(replied.record.outbox.some((i) => i.id === '1-reply-requester'));

    const taken = takeEscalation(record, ENGINEER_A, opts());
    assert.ok(taken.ok);
    const colleague = replyToEscalation(taken.record, ENGINEER_B, 'hint', opts());
    assert.ok(colleague.ok);
    assert.deepEqual(colleague.record.owner, ENGINEER_A);
  });

  it('resolve: needs a note, closes, and refuses every later change', () => {
    const record = newRecord(T0);
    assert.deepEqual(resolveEscalation(record, ENGINEER_A, '', opts()), { ok: false, code: 'empty-text' });
    const resolved = resolveEscalation(record, ENGINEER_A, 'WinHTTP のプロキシ設定で解決', opts());
    assert.ok(resolved.ok);
    assert.equal(resolved.record.state, 'resolved');
    assert.deepEqual(resolved.record.owner, ENGINEER_A);
    for (const result of [
      takeEscalation(resolved.record, ENGINEER_B, opts()),
      replyToEscalation(resolved.record, ENGINEER_B, 'late', opts()),
      resolveEscalation(resolved.record, ENGINEER_B, 'again', opts()),
    ]) {
      assert.deepEqual(result, { ok: false, code: 'already-resolved', by: ENGINEER_A });
    }
  });

  it('never mutates the record it was given', () => {
    const record = newRecord(T0);
    const frozen = JSON.stringify(record);
    takeEscalation(record, ENGINEER_A, opts());
    replyToEscalation(record, ENGINEER_A, 'x', opts());
    resolveEscalation(record, ENGINEER_A, 'x', opts());
    assert.equal(JSON.stringify(record), frozen);
  });

  it('enqueue is idempotent and coalesces pending card updates', () => {
    const record = newRecord(T0);
    const once = enqueueDeliveries(record, 1, ['update-requester-card', 'reply-requester'], T0);
    const twice = enqueueDeliveries(once, 1, ['update-requester-card', 'reply-requester'], T0);
    assert.deepEqual(twice.outbox.map((i) => i.id), once.outbox.map((i) => i.id));
    const later = enqueueDeliveries(twice, 2, ['update-requester-card'], T0 + 5);
    assert.equal(later.outbox.filter((i) => i.kind === 'update-requester-card').length, 1);
    assert.equal(later.outbox.find((i) => i.kind === 'update-requester-card')?.seq, 2);
    // a card update already being sent (leased) is not reused: its render may be stale
    const leased = {
      ...later,
      outbox: later.outbox.map((i) => (i.kind === 'update-requester-card' ? { ...i, leaseUntil: T0 + 60_000 } : i)),
    };
    const after = enqueueDeliveries(leased, 3, ['update-requester-card'], T0 + 10);
    assert.equal(after.outbox.filter((i) => i.kind === 'update-requester-card').length, 2);
  });

  it('makes short unguessable ids in the action-data alphabet', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newEscalationId()));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, /^ESC-[0-9A-HJKMNP-TV-Z]{12}$/);
  });
});
