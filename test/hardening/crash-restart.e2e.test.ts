// R7: the bot process is SIGKILLed at random moments while messages with logs are arriving and
// being analyzed, then restarted on the same DATA_DIR (8 rounds). Every message the bot accepted
// (HTTP 200) is answered with its analysis in the end; messages whose request died with the
// process are re-sent, as Teams does. Duplicates are allowed (at-least-once), losses are not.
import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { messageActivity } from '../support/make-bot';
import { spawnFixture } from './spawn-fixture';

const FIXTURE = join(__dirname, 'fixtures', 'plain-bot.ts');
const LOG = readFileSync(join(__dirname, '..', 'fixtures', 'logs', 'linux-proxy-failures.log'), 'utf8');
const CARD = 'application/vnd.microsoft.card.adaptive';

function start(dataDir: string): Promise<{ proc: ChildProcess; origin: string }> {
  return spawnFixture(FIXTURE, { DATA_DIR: dataDir }, 'bot');
}

async function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;
}

describe('hardening/crash-restart (R7)', function () {
  this.timeout(120_000);
  let connector: FakeConnector;
  let dataDir: string;
  let current: { proc: ChildProcess; origin: string } | undefined;

  before(async () => {
    connector = await fakeConnector();
    dataDir = mkdtempSync(join(tmpdir(), 'nwcheck-r7-'));
  });
  after(async () => {
    if (current) await kill(current.proc);
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('8 SIGKILLs during ingest, analysis and delivery: no accepted message is lost', async () => {
    const accepted = new Set<string>();
    let pending: Record<string, unknown>[] = [];
    let seq = 0;
    const ROUNDS = 8;
    for (let round = 0; round <= ROUNDS; round++) {
      current = await start(dataDir);
      const batch = [...pending, ...Array.from({ length: 3 }, () => messageActivity({ serviceUrl: connector.serviceUrl, id: `r7-${++seq}`, conversationId: `a:r7-${seq}`, text: LOG }))];
      pending = [];
      const origin = current.origin;
      const posts = batch.map(async (activity) => {
        try {
          const res = await fetch(`${origin}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
          if (res.status === 200) accepted.add(activity.id as string);
          else pending.push(activity);
        } catch {
          pending.push(activity); // the process died under the request: Teams would retry
        }
      });
      if (round < ROUNDS) {
        await sleep(50 + Math.floor(Math.random() * 400));
        await kill(current.proc);
        current = undefined;
      }
      await Promise.all(posts);
    }
    assert.equal(pending.length, 0, 'the last instance accepted everything still pending');
    // one conversation per message: a card in conversation a:r7-N answers message r7-N
    const answered = () => new Set(connector.requests.filter((r) => r.method === 'POST' && r.body?.attachments?.[0]?.contentType === CARD).map((r) => String(r.conversationId).slice(2)));
    const deadline = Date.now() + 30_000;
    while ([...accepted].some((id) => !answered().has(id)) && Date.now() < deadline) await sleep(100);
    const missing = [...accepted].filter((id) => !answered().has(id));
    assert.deepEqual(missing, [], 'every accepted message got its analysis');
    assert.equal(accepted.size, seq);
  });
});
