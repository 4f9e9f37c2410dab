// Several instances, one activity: each instance that accepted it holds the same job (same id) in
// its own jobs table; the cross-instance claim taken when the job starts lets exactly one answer.
// Covers the crash windows of "write the job first, claim it second": killed after writing but
// before claiming (the other instance answers, the restarted one drops its copy), killed after
// claiming (the restarted one answers, the other drops its copy), and a storage outage (the job
// runs: at-least-once). Two SQLite files stand in for two machines' DATA_DIRs; one SqliteStorage
// stands in for the shared Blob store (same ClaimableStorage contract, storage-contract tests).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity, ConversationReference } from 'botbuilder';
import pino from 'pino';
import type { BotServices } from '../../../src/bot/bot-services';
import type { GraphClient } from '../../../src/bot/graph/graph-client';
import type { JobPayload } from '../../../src/bot/jobs/job-payload';
import { jobClaimKey, jobIdFor, JobRunner } from '../../../src/bot/jobs/job-runner';
import { TurnReply } from '../../../src/bot/jobs/turn-reply';
import { loadConfig } from '../../../src/config/load-config';
import { openDatabase, type SqliteDatabase } from '../../../src/storage/sqlite-database';
import { SqliteJobStore } from '../../../src/storage/sqlite-job-store';
import { SqliteStorage, type ClaimableStorage } from '../../../src/storage/sqlite-storage';

interface Instance {
  name: string;
  db: SqliteDatabase;
  store: SqliteJobStore<JobPayload>;
  runner: JobRunner;
}

describe('bot/jobs: one activity accepted by several instances is answered once', () => {
  let root: string;
  let sharedDb: SqliteDatabase;
  let shared: ClaimableStorage;
  let sent: { by: string }[];
  let open: SqliteDatabase[];
  const jobId = jobIdFor('a:conv', 'activity-1', 'text');

  const payload = (requestId: string): JobPayload => ({
    v: 1,
    requestId,
    reference: { conversation: { id: 'a:conv' } } as Partial<ConversationReference>,
    scope: { tenantId: 't', conversationId: 'a:conv' },
    lang: 'en',
    userId: 'u',
    source: { kind: 'text', text: 'pasted log' },
  });

  /** An instance with its own DATA_DIR (`instance('a')` again = A restarted on the same DATA_DIR). */
  const instance = (name: string, storage: ClaimableStorage = shared): Instance => {
    const db = openDatabase(join(root, name));
    open.push(db);
    const store = new SqliteJobStore<JobPayload>(db);
    const services = {
      config: loadConfig({ DATA_DIR: join(root, name) }),
      storage,
      log: pino({ level: 'silent' }),
      clock: { now: () => new Date() },
      // the analysis itself is not the point here: a refusal card is one message per job
      analyze: () => Promise.resolve({ kind: 'refused', refusal: { refused: true, reason: 'empty' } }),
      sender: {
        send: (_ref: Partial<ConversationReference>, _activities: Partial<Activity>[]) => {
          sent.push({ by: name });
          return Promise.resolve([]);
        },
        update: () => Promise.resolve(),
      },
    } as unknown as BotServices;
    const runner = new JobRunner(store, { services, graph: {} as GraphClient, downloadFile: () => Promise.reject(new Error('unused')), samplesDir: root }, {
      concurrency: 1,
      maxAttempts: 3,
      retryDelayMs: () => 10,
    });
    return { name, db, store, runner };
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nwcheck-job-claim-'));
    open = [];
    sent = [];
    sharedDb = openDatabase(join(root, 'shared'));
    open.push(sharedDb);
    shared = new SqliteStorage(sharedDb);
  });
  afterEach(() => {
    for (const db of open) if (db.open) db.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('accepted on two instances at once: one answer; the other job ends without a word', async () => {
    const a = instance('a');
    const b = instance('b');
    assert.equal(a.runner.submit(jobId, payload('req-a')), true);
    assert.equal(b.runner.submit(jobId, payload('req-b')), true);
    await Promise.all([a.runner.whenIdle(), b.runner.whenIdle()]);
    assert.equal(sent.length, 1);
    const states = [a.store.get(jobId)!, b.store.get(jobId)!].map((j) => [j.state, j.error ?? '']);
    assert.deepEqual(states.map(([s]) => s).sort(), ['done', 'done']);
    assert.ok(states.some(([, e]) => e === 'accepted by another instance'));
  });

  it('killed after writing the job, before claiming it: the other instance answers, the restarted one drops its copy', async () => {
    const a = instance('a');
    a.store.enqueue(jobId, payload('req-a')); // written, never run: the process died here
    const b = instance('b');
    b.runner.submit(jobId, payload('req-b')); // Teams' retry lands on B
    await b.runner.whenIdle();
    assert.deepEqual(sent.map((s) => s.by), ['b']);
    const restarted = instance('a');
    assert.equal(restarted.runner.resumePending(), 1);
    await restarted.runner.whenIdle();
    assert.deepEqual(sent.map((s) => s.by), ['b'], 'still one answer');
    assert.equal(a.store.get(jobId)!.state, 'done');
  });

  it('killed after claiming: the other instance drops its copy, the restarted one answers', async () => {
    const a = instance('a');
    a.store.enqueue(jobId, payload('req-a'));
    assert.equal(await shared.claim(jobClaimKey(jobId), { owner: 'req-a' }), true); // claimed, then died
    const b = instance('b');
    b.runner.submit(jobId, payload('req-b'));
    await b.runner.whenIdle();
    assert.equal(sent.length, 0, 'B drops its copy: A owns the job');
    assert.equal(b.store.get(jobId)!.error, 'accepted by another instance');
    a.runner.resumePending();
    await a.runner.whenIdle();
    assert.deepEqual(sent.map((s) => s.by), ['a'], 'the restarted owner answers');
  });

  /** The accepting HTTP turn while it waits (REPLY_IN_TURN_MS): records what went out through it. */
  const waitingTurn = (name: string) =>
    new TurnReply({
      sendActivities: (activities: Partial<Activity>[]) => {
        for (const _ of activities) sent.push({ by: `${name} (in the turn)` });
        return Promise.resolve([]);
      },
    });

  it('answered through the waiting turn when it is open: once, and not proactively as well', async () => {
    const a = instance('a');
    const turn = waitingTurn('a');
    assert.equal(a.runner.submit(jobId, payload('req-a'), turn), true);
    await a.runner.whenSettled(jobId);
    a.runner.detachTurn(jobId);
    await turn.close();
    await a.runner.whenIdle();
    assert.deepEqual(sent.map((s) => s.by), ['a (in the turn)']);
    assert.equal(a.store.get(jobId)!.state, 'done');
  });

  it('a turn that stopped waiting is not used: the answer goes out proactively', async () => {
    const a = instance('a');
    const turn = waitingTurn('a');
    await turn.close(); // the wait ended before the job sent anything
    a.runner.submit(jobId, payload('req-a'), turn);
    await a.runner.whenIdle();
    assert.deepEqual(sent.map((s) => s.by), ['a']);
  });

  it('two instances, each with its turn waiting: one answer in total, through the winner only', async () => {
    const a = instance('a');
    const b = instance('b');
    a.runner.submit(jobId, payload('req-a'), waitingTurn('a'));
    b.runner.submit(jobId, payload('req-b'), waitingTurn('b'));
    await Promise.all([a.runner.whenIdle(), b.runner.whenIdle()]);
    assert.equal(sent.length, 1, sent.map((x) => x.by).join());
    assert.match(sent[0]!.by, /^[ab] \(in the turn\)$/);
  });

  it('the shared store is down: the job runs anyway (at-least-once, never lost)', async () => {
    const down: ClaimableStorage = {
      read: () => Promise.reject(new Error('ECONNREFUSED')),
      write: () => Promise.reject(new Error('ECONNREFUSED')),
      delete: () => Promise.reject(new Error('ECONNREFUSED')),
      claim: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const a = instance('a', down);
    a.runner.submit(jobId, payload('req-a'));
    await a.runner.whenIdle();
    assert.deepEqual(sent.map((s) => s.by), ['a']);
  });
});
