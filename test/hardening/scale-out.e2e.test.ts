// Scale-out: two bot processes behind "one Azure Bot", configured with STORAGE=azure-blob on one
// Azurite, with the activities of one conversation spread across them. A log analyzed on one
// instance can be explained, switched to Japanese, asked about and escalated from the other
// (reports are in the shared store); settings written through one are seen by the other, a
// message delivered to both is answered once, a double-delivered escalation click makes one
// escalation, two outbox drainers deliver its thread post once, and two engineers taking it at
// once on different instances end with exactly one owner.
import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BlobServiceClient } from '@azure/storage-blob';
import Database from 'better-sqlite3';
import { EscalationStore } from '../../src/escalation/escalation-store';
import { dedupeKey, DEDUPE_KEY_PREFIX } from '../../src/bot/limits/dedupe-middleware';
import { BlobStorage } from '../../src/storage/blob-storage';
import { DATABASE_FILE } from '../../src/storage/sqlite-database';
import {
  BOT_ID,
  ENGINEER_1,
  ENGINEER_2,
  REQUESTER_EN,
  SUPPORT_CHANNEL,
  SUPPORT_THREAD,
  channelCommand,
  connectorScript,
  engineerInvoke,
  invokeCard,
  requesterInvoke,
  waitUntil,
} from '../escalation/support/escalation-harness';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { cardText, executeActions, messageActivity } from '../support/make-bot';
import { azuriteAvailable, startAzurite, type Azurite } from '../storage/azurite';
import { spawnFixture } from './spawn-fixture';

const FIXTURE = join(__dirname, 'fixtures', 'shared-bot.ts');
const LOG = readFileSync(join(__dirname, '..', 'fixtures', 'logs', 'win-en-dns-failure.log'), 'utf8');
const CARD = 'application/vnd.microsoft.card.adaptive';

/** A message from the requester in the support channel thread (optionally @mentioning the bot). */
function supportMessage(connector: FakeConnector, text: string, mention = false) {
  const activity = messageActivity({
    serviceUrl: connector.serviceUrl,
    conversationId: SUPPORT_THREAD,
    conversationType: 'channel',
    channelData: { team: { id: '19:supportteam@thread.tacv2' }, channel: { id: SUPPORT_CHANNEL } },
    userId: REQUESTER_EN.id,
    aadObjectId: REQUESTER_EN.aadObjectId,
    locale: REQUESTER_EN.locale,
    text: mention ? `<at>nwcheck</at> ${text}` : text,
    ...(mention ? { entities: [{ type: 'mention', text: '<at>nwcheck</at>', mentioned: { id: BOT_ID, name: 'nwcheck' } }] } : {}),
  });
  return activity;
}

interface Instance {
  proc: ChildProcess;
  origin: string;
  dataDir: string;
  post(activity: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- bot JSON
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nwcheck-scale-'));
  const { proc, origin } = await spawnFixture(FIXTURE, { DATA_DIR: dataDir, ...env }, 'instance');
  return {
    proc,
    origin,
    dataDir,
    async post(activity) {
      const res = await fetch(`${origin}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

async function stopInstance(i: Instance): Promise<void> {
  if (i.proc.exitCode === null) {
    const exited = new Promise((r) => i.proc.once('exit', r));
    i.proc.kill('SIGTERM');
    const t = setTimeout(() => i.proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }
  rmSync(i.dataDir, { recursive: true, force: true });
}

describe('hardening/scale-out: two bot processes sharing Azurite', function () {
  this.timeout(90_000);
  let azurite: Azurite | undefined;
  let connector: FakeConnector;
  const threadIds: string[] = [];
  let a: Instance;
  let b: Instance;
  const container = `scale-${process.pid}`;

  before(async function () {
    if (!azuriteAvailable()) this.skip();
    azurite = await startAzurite();
    connector = await fakeConnector();
    connector.script = connectorScript({}, threadIds);
    const env = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: container };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  });
  after(async () => {
    await Promise.all([a, b].filter(Boolean).map(stopInstance));
    await connector?.close();
    await azurite?.stop();
  });

  let reportId: string;

  it('a log analyzed on A: its card\'s buttons and follow-up questions work on B (shared reports)', async () => {
    const from = connector.sent().length;
    assert.equal((await a.post(supportMessage(connector, LOG))).status, 200);
    const isSummary = (m: { attachments?: { contentType?: string; content?: unknown }[] }) =>
      m.attachments?.[0]?.contentType === CARD && executeActions(m.attachments[0].content).some((x) => x.verb === 'showAllEndpoints');
    await connector.waitFor(() => connector.sent().slice(from).some(isSummary), 30_000);
    const summary = connector.sent().slice(from).find(isSummary).attachments[0].content;
    const buttons = executeActions(summary);
    reportId = buttons.find((x) => x.verb === 'showAllEndpoints')!.data.reportId as string;

    // explain on B: the explanation card (not "This result is no longer available")
    const explain = buttons.find((x) => x.verb === 'explain')!;
    const explained = invokeCard(await b.post(requesterInvoke(connector, REQUESTER_EN, 'explain', explain.data)));
    assert.ok(executeActions(explained).some((x) => x.verb === 'showSummary'), cardText(explained).slice(0, 200));

    // the language switch on B re-renders the report in Japanese
    const toJa = buttons.find((x) => x.verb === 'setLanguage')!;
    assert.equal(toJa.data.lang, 'ja');
    const ja = invokeCard(await b.post(requesterInvoke(connector, REQUESTER_EN, 'setLanguage', toJa.data)));
    assert.ok(/[ぁ-んァ-ン]/.test(cardText(ja)), 'Japanese card');
    assert.ok(executeActions(ja).some((x) => x.verb === 'showAllEndpoints' && x.data.reportId === reportId));

    // a follow-up question on B finds the latest report of the thread (the shared pointer)
    const before = connector.sent().length;
    assert.equal((await b.post(supportMessage(connector, 'why does name resolution fail?', true))).status, 200);
    const [answer] = (await connector.waitForMessages(before + 1)).slice(before);
    assert.equal(answer.attachments?.[0]?.contentType, CARD);
    assert.doesNotMatch(cardText(answer.attachments[0].content), /Send me a log/i);
  });

  it('a log delivered to both instances is analyzed once; a log whose first holder crashed before accepting it is still analyzed', async () => {
    const summaries = (from: number) =>
      connector
        .sent()
        .slice(from)
        .filter((m: { attachments?: { contentType?: string; content?: unknown }[] }) =>
          m.attachments?.[0]?.contentType === CARD && executeActions(m.attachments[0].content).some((x) => x.verb === 'showAllEndpoints'),
        ).length;
    const shared = new BlobStorage({ service: BlobServiceClient.fromConnectionString(azurite!.connectionString), container });
    const jobsIdle = () => {
      // no job left pending on either instance (each instance's jobs table)
      return [a, b].every((i) => {
        const db = new Database(join(i.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE state = 'pending'").get() as { n: number }).n === 0;
        } finally {
          db.close();
        }
      });
    };

    // the same message delivered to A, B and A at once: both instances may accept it, one answers
    let from = connector.sent().length;
    const twice = supportMessage(connector, LOG);
    const statuses = await Promise.all([a.post(twice), b.post(twice), a.post(twice)]);
    assert.deepEqual(statuses.map((r) => r.status), [200, 200, 200]);
    await connector.waitFor(() => summaries(from) >= 1, 30_000);
    await waitUntil(jobsIdle, 30_000, 'jobs finished on both instances');
    assert.equal(summaries(from), 1, 'exactly one analysis');

    // an instance took the delivery claim and died before writing the job: Teams' retry lands on B
    // within the 20 s lease and must still be analyzed (it used to be dropped as "in progress")
    from = connector.sent().length;
    const orphan = supportMessage(connector, LOG);
    const hash = dedupeKey(orphan)!.slice(`${DEDUPE_KEY_PREFIX}d/`.length);
    assert.equal(await shared.claim(`${DEDUPE_KEY_PREFIX}p/${hash}`, { at: new Date().toISOString() }, { expiresAt: new Date(Date.now() + 20_000) }), true);
    assert.equal((await b.post(orphan)).status, 200);
    await connector.waitFor(() => summaries(from) >= 1, 30_000);
    await waitUntil(jobsIdle, 30_000, 'jobs finished');
    assert.equal(summaries(from), 1);
  });

  it('one conversation spread over both instances: shared state, one answer, one escalation, one delivery, one owner', async () => {
    // settings written through A are seen by B (escalation target in Blob storage)
    const setupFrom = connector.sent().length;
    assert.equal((await a.post(channelCommand(connector, ENGINEER_1, 'escalation here'))).status, 200);
    await connector.waitForMessages(setupFrom + 1);
    const form = invokeCard(await b.post(requesterInvoke(connector, REQUESTER_EN, 'escalate', { reportId })));
    assert.match(cardText(form), /Escalate to an engineer/);
    const submit = executeActions(form).find((x) => x.verb === 'escalationSubmit')!;

    // a message delivered to both instances (Teams retry landing elsewhere) is answered once
    const before = connector.sent().length;
    const help = messageActivity({ serviceUrl: connector.serviceUrl, text: 'help', conversationId: 'a:personal-shared' });
    const answers = await Promise.all([a.post(help), b.post(help), a.post(help)]);
    assert.deepEqual(answers.map((r) => r.status), [200, 200, 200]);
    await connector.waitForMessages(before + 1);
    await sleep(500);
    assert.equal(connector.sent().length, before + 1, 'exactly one help answer');

    // the same click delivered to A, B and A again: one escalation, the same id everywhere
    const click = requesterInvoke(connector, REQUESTER_EN, 'escalationSubmit', { ...submit.data, tried: 'restarted the agent', urgency: 'high' }, 'invoke-double-click');
    const statuses = await Promise.all([a.post(click), b.post(click), a.post(click)]);
    const ids = statuses.map((r) => /ESC-[0-9A-Z]{12}/.exec(cardText(invokeCard(r)))?.[0]);
    assert.ok(ids[0]);
    assert.deepEqual(ids, [ids[0], ids[0], ids[0]]);
    const escalationId = ids[0];

    // both instances run an outbox drainer: the engineers' thread is posted exactly once
    await waitUntil(() => threadIds.length >= 1, 10_000, 'thread post');
    await sleep(1000); // several drain passes on both instances
    assert.equal(connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations').length, 1);

    // two engineers take it at the same moment on different instances: exactly one owner
    const threadId = threadIds[0]!;
    const takes = await Promise.all([
      a.post(engineerInvoke(connector, ENGINEER_1, threadId, 'escalationTake', { escalationId })),
      b.post(engineerInvoke(connector, ENGINEER_2, threadId, 'escalationTake', { escalationId })),
    ]);
    assert.deepEqual(takes.map((r) => r.status), [200, 200]);
    const store = new EscalationStore(new BlobStorage({ service: BlobServiceClient.fromConnectionString(azurite!.connectionString), container }));
    const record = (await store.get(escalationId))!;
    const taken = record.history.filter((h) => h.action === 'taken');
    assert.equal(taken.length, 1, 'one owner, no lost update');
    assert.deepEqual(record.history.map((h) => h.action), ['created', 'taken']);
    let outbox: unknown[] = [];
    await waitUntil(
      async () => {
        const items = (await store.get(escalationId))!.outbox;
        outbox = items;
        return items.every((i) => i.state === 'delivered');
      },
      30_000,
      'outbox drained',
    ).catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(outbox)}`);
    });
    assert.equal(connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations').length, 1, 'still one thread');
  });
});
