// R11 with Blob storage: the real bot on Azure Blob (Azurite) with the production retry settings
// (createStorage), so dedupe claims, preferences and reports all live in Blob — as with
// STORAGE=azure-blob. While the store is down, a pasted log still gets its analysis card: the
// dedupe fails open, the language preference falls back to the Teams locale, and the report is
// kept on this instance (its buttons work here). Nothing half-written is left in the store, and
// Teams' retry of the same message after recovery is not answered twice.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { createStorage } from '../../src/storage/create-storage';
import type { ClaimableStorage } from '../../src/storage/sqlite-storage';
import { azuriteAvailable, startAzurite, type Azurite } from '../storage/azurite';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { cardText, executeActions, invokeActivity, makeBot, messageActivity, type TestBot } from '../support/make-bot';

const LOG = readFileSync(join(__dirname, '..', 'fixtures', 'logs', 'win-en-dns-failure.log'), 'utf8');
const CARD = 'application/vnd.microsoft.card.adaptive';
const CONV = 'a:personal-r11';

interface Sent {
  text?: unknown;
  attachments?: { contentType?: string; content?: unknown }[];
}

/** The summary card of an analysis (not a notice such as "temporary problem"): it has report buttons. */
function reportIdOf(message: Sent): string | undefined {
  const content = message.attachments?.[0]?.contentType === CARD ? message.attachments[0].content : undefined;
  const button = executeActions(content).find((a) => a.verb === 'showAllEndpoints');
  return button?.data.reportId as string | undefined;
}

describe('hardening/storage faults (R11, Blob)', function () {
  this.timeout(90_000);
  let azurite: Azurite | undefined;
  let connector: FakeConnector;
  let bot: TestBot;
  let storage: ClaimableStorage;
  const container = `faults-${process.pid}`;

  before(async function () {
    if (!azuriteAvailable()) this.skip();
    azurite = await startAzurite();
    connector = await fakeConnector();
    // the store STORAGE=azure-blob makes (same retry settings); makeBot wires the dedupe claim to it
    storage = createStorage({ kind: 'azure-blob', connectionString: azurite.connectionString, container }).storage;
    bot = await makeBot({ storage });
  });
  after(async () => {
    await bot?.dispose();
    await connector?.close();
    await azurite?.stop();
  });

  const post = (text: string, id?: string) =>
    bot.post(messageActivity({ serviceUrl: connector.serviceUrl, conversationId: CONV, locale: 'en-US', text, ...(id ? { id } : {}) }));
  const messagesSince = (from: number) => connector.sent().slice(from) as Sent[];
  const blobNames = async () => {
    const names: string[] = [];
    const client = BlobServiceClient.fromConnectionString(azurite!.connectionString).getContainerClient(container);
    for await (const b of client.listBlobsFlat()) names.push(decodeURIComponent(b.name));
    return names;
  };

  let outageReportId: string;
  let outageActivityId: string;

  it('store up: the analysis is stored in Blob (shared) and the language choice is honoured', async () => {
    let from = connector.sent().length;
    assert.equal((await post('language ja')).status, 200);
    await connector.waitFor(() => messagesSince(from).length >= 1);
    from = connector.sent().length;
    assert.equal((await post(LOG)).status, 200);
    await connector.waitFor(() => messagesSince(from).some((m) => reportIdOf(m) !== undefined), 20_000);
    const card = messagesSince(from).find((m) => reportIdOf(m) !== undefined)!;
    assert.ok(/[ぁ-んァ-ン]/.test(cardText(card.attachments![0]!.content)), 'answered in the chosen language (ja)');
    const names = await blobNames();
    assert.ok(names.includes(`report/${reportIdOf(card)!}`), 'the report is in the shared store');
    assert.ok(names.some((n) => n.startsWith('user-prefs/')), 'the preference is in the shared store');
  });

  it('store down: the pasted log still gets its analysis card (locale language), no 500, exactly one answer', async () => {
    await azurite!.stop({ removeData: false });
    outageActivityId = `msg-outage-${process.pid}`;
    const from = connector.sent().length;
    const res = await post(LOG, outageActivityId);
    assert.equal(res.status, 200);
    await connector.waitFor(() => messagesSince(from).some((m) => m.attachments?.[0]?.contentType === CARD), 30_000);
    await bot.app.jobs.whenIdle();
    const answers = messagesSince(from).filter((m) => m.attachments?.length);
    assert.equal(answers.length, 1, 'exactly one answer while the store is down');
    const id = reportIdOf(answers[0]!);
    assert.ok(id, `the analysis card, not a notice: ${cardText(answers[0]!.attachments?.[0]?.content).slice(0, 200)}`);
    outageReportId = id;
    const text = cardText(answers[0]!.attachments![0]!.content);
    assert.ok(!/[ぁ-んァ-ン]/.test(text), 'the unreadable choice (ja) fell back to the Teams locale (en)');
  });

  it('store down: a button on that card works on this instance (the report was kept here)', async () => {
    const res = await bot.post(
      invokeActivity({ serviceUrl: connector.serviceUrl, conversationId: CONV, verb: 'showAllEndpoints', data: { reportId: outageReportId, lang: 'en' }, replyToId: 'outage-card' }),
    );
    assert.equal(res.body?.type, CARD, JSON.stringify(res.body).slice(0, 200));
  });

  it('after recovery: nothing half-written in the store, the button still works, and Teams\' retry is not answered again', async () => {
    azurite = await startAzurite({ port: azurite!.port, location: azurite!.location });
    const names = await blobNames();
    // every latest-report pointer names a report that exists; the outage report is not in Blob
    for (const pointer of names.filter((n) => n.startsWith('report-latest/'))) {
      const item = (await storage.read([pointer]))[pointer] as { reportId: string };
      assert.ok(names.includes(`report/${item.reportId}`), `${pointer} → missing report ${item.reportId}`);
    }
    assert.ok(!names.includes(`report/${outageReportId}`));

    const click = await bot.post(
      invokeActivity({ serviceUrl: connector.serviceUrl, conversationId: CONV, verb: 'showSummary', data: { reportId: outageReportId, lang: 'en' }, replyToId: 'outage-card' }),
    );
    assert.equal(click.body?.type, CARD, JSON.stringify(click.body).slice(0, 200));

    const from = connector.sent().length;
    assert.equal((await post(LOG, outageActivityId)).status, 200, 'Teams retries the same activity');
    await bot.app.jobs.whenIdle(); // a job would have been queued before the 200
    assert.equal(messagesSince(from).filter((m) => m.attachments?.length).length, 0, 'the message was answered once, during the outage');

    // and a new message is analyzed and stored in Blob again
    const from2 = connector.sent().length;
    assert.equal((await post(LOG)).status, 200);
    await connector.waitFor(() => messagesSince(from2).some((m) => reportIdOf(m) !== undefined), 20_000);
    const fresh = reportIdOf(messagesSince(from2).find((m) => reportIdOf(m) !== undefined)!)!;
    assert.ok((await blobNames()).includes(`report/${fresh}`));
  });
});
