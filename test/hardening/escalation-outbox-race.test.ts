// Scale-out regression (found by hardening/scale-out.e2e under CPU load): an escalation change
// (an engineer takes it) on one instance while another instance's outbox drainer settles the
// same escalation left the change's deliveries without an outbox-index entry, so nobody ever
// sent them (the engineer's and the requester's cards were never updated). The drainer decides
// "nothing pending → drop the entry" on a record it read before the change; the change's own
// index mark found the entry still there and did nothing. Both interleavings are replayed here
// deterministically by pausing one side's storage write.
import { strict as assert } from 'node:assert';
import type { StoreItems } from 'botbuilder';
import type { EscalationRecord, OutboxItem } from '../../src/escalation/escalation';
import type { EscalationLogger } from '../../src/escalation/escalation-logger';
import { EscalationService } from '../../src/escalation/escalation-service';
import { EscalationStore, type ClaimStorage } from '../../src/escalation/escalation-store';
import { OutboxDrainer, type DeliveryExecutor } from '../../src/escalation/outbox-drainer';
import { ENGINEER_A, REQUESTER, TENANT, requesterRef, target } from '../escalation/support/fixtures';
import { MemoryClaimStorage } from '../escalation/support/memory-claim-storage';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const INDEX_KEY = 'escalation/outbox-index';

/** The storage as one instance sees it: can hold its next write of a key until released. */
class PausableStorage implements ClaimStorage {
  private hold: { key: string; reached: () => void; release: Promise<void> } | undefined;
  constructor(private readonly inner: ClaimStorage) {}

  /** The next write of `key` waits; resolves `reached` when it is waiting. */
  pauseNextWrite(key: string): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    this.hold = { key, reached, release: new Promise<void>((r) => (release = r)) };
    return { reached: reachedP, release };
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    const hold = this.hold;
    if (hold && hold.key in changes) {
      this.hold = undefined;
      hold.reached();
      await hold.release;
    }
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
  claim(key: string, value: Record<string, unknown>, options?: { expiresAt?: Date }): Promise<boolean> {
    return this.inner.claim(key, value, options);
  }
}

class Executor implements DeliveryExecutor {
  kinds: string[] = [];
  deliver(_record: EscalationRecord, item: OutboxItem) {
    this.kinds.push(item.kind);
    return Promise.resolve(item.kind === 'post-thread' ? { result: { conversationId: '19:eng@thread.tacv2;messageid=42', activityId: '42' } } : {});
  }
}

const quiet: EscalationLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('hardening/escalation outbox: a change racing a drainer on another instance is still delivered', () => {
  let now: number;
  let shared: MemoryClaimStorage;
  let serviceSide: PausableStorage;
  let drainerSide: PausableStorage;
  let service: EscalationService;
  let drainer: OutboxDrainer;
  let executor: Executor;
  let drainerStore: EscalationStore;

  beforeEach(() => {
    now = T0;
    shared = new MemoryClaimStorage();
    serviceSide = new PausableStorage(shared);
    drainerSide = new PausableStorage(shared);
    let n = 0;
    service = new EscalationService({
      store: new EscalationStore(serviceSide),
      config: { retry: { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 50, retryAfterCapMs: 100 }, drainIntervalMs: 1000, leaseMs: 1000, sendTimeoutMs: 1000 },
      now: () => now,
      newId: () => `ESC-RACE${String(++n).padStart(8, '0')}`,
    });
    executor = new Executor();
    drainerStore = new EscalationStore(drainerSide);
    drainer = new OutboxDrainer(drainerStore, executor, {
      policy: { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 50, retryAfterCapMs: 100 },
      leaseMs: 1000,
      intervalMs: 1000,
      minIntervalMs: 10,
      missingGraceMs: 60_000,
      now: () => now,
      random: () => 0,
      logger: quiet,
    });
  });

  const submit = async () =>
    (
      await service.submit({
        tenantId: TENANT,
        reportId: 'report-000000001',
        lang: 'en',
        requester: REQUESTER,
        requesterRef: requesterRef(),
        notes: { tried: 'restarted', urgency: 'high' },
        target: target(),
        report: { overall: 'action-required' },
      })
    ).record.id;

  /** What the take enqueued is delivered by the next pass (it was left in the index). */
  const assertTakeDelivered = async (id: string) => {
    assert.ok((await drainerStore.readOutboxIndex()).due[id] !== undefined, 'the change has an outbox-index entry');
    executor.kinds = [];
    now += 1;
    await drainer.drainOnce();
    assert.ok(executor.kinds.includes('update-engineer-card'), `delivered: ${executor.kinds.join(', ')}`);
    const record = (await drainerStore.get(id))!;
    assert.ok(record.outbox.every((i) => i.state === 'delivered'), JSON.stringify(record.outbox.map((i) => [i.kind, i.state])));
  };

  it('the drainer drops the index entry after the change marked it (read before, settled after)', async () => {
    const id = await submit();
    const paused = drainerSide.pauseNextWrite(INDEX_KEY); // the drainer's "nothing pending" settle
    const pass = drainer.drainOnce(); // delivers the thread post, then settles on what it read
    await paused.reached;
    now += 1;
    const taken = await service.take(id, ENGINEER_A); // marks (entry still there: no-op), updates
    assert.ok(taken.ok);
    paused.release();
    await pass;
    await assertTakeDelivered(id); // without the drainer's second look, the entry is gone
  });

  it('the drainer settles between the change\'s mark and its update', async () => {
    const id = await submit();
    await drainer.drainOnce(); // thread posted, entry dropped
    now += 1;
    await drainerStore.markDue(id, now); // an entry is there (an earlier change's mark, say)
    const paused = serviceSide.pauseNextWrite(`escalation/record/${id}`); // the take's record update
    now += 1;
    const take = service.take(id, ENGINEER_A); // marks (no-op: entry there), then waits to update
    await paused.reached;
    await drainer.drainOnce(); // sees nothing pending in the old record: drops the entry
    assert.equal((await drainerStore.readOutboxIndex()).due[id], undefined);
    paused.release();
    assert.ok((await take).ok);
    await assertTakeDelivered(id); // without the service's mark after its update, the entry is gone
  });
});
