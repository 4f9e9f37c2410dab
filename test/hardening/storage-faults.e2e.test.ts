// R11 with Blob storage: the real bot on BlobStorage (Azurite) with the dedupe middleware. While
// the store is down a message is answered (never silence, never a 500) and nothing is claimed, so
// Teams' retry after the store is back is processed normally.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobStorage } from '../../src/storage/blob-storage';
import { azuriteAvailable, startAzurite, type Azurite } from '../storage/azurite';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { makeBot, messageActivity, type TestBot } from '../support/make-bot';

const LOG = readFileSync(join(__dirname, '..', 'fixtures', 'logs', 'win-en-dns-failure.log'), 'utf8');
const CARD = 'application/vnd.microsoft.card.adaptive';

describe('hardening/storage faults (R11, Blob)', function () {
  this.timeout(60_000);
  let azurite: Azurite | undefined;
  let connector: FakeConnector;
  let bot: TestBot;

  before(async function () {
    if (!azuriteAvailable()) this.skip();
    azurite = await startAzurite();
    connector = await fakeConnector();
    const storage = new BlobStorage({
      service: BlobServiceClient.fromConnectionString(azurite.connectionString, { retryOptions: { maxTries: 1, tryTimeoutInMs: 3000 } }),
      container: `faults-${process.pid}`,
    });
    bot = await makeBot({ storage }); // with the production middleware: the dedupe claim goes to this storage
  });
  after(async () => {
    await bot?.dispose();
    await connector?.close();
    await azurite?.stop();
  });

  interface Sent {
    text?: unknown;
    attachments?: { contentType?: string }[];
  }
  const answersAfter = async (from: number): Promise<Sent[]> => {
    await sleep(1500);
    return connector.sent().slice(from) as Sent[];
  };

  it('store up: the pasted log is analyzed', async () => {
    const from = connector.sent().length;
    assert.equal((await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, text: LOG }))).status, 200);
    await connector.waitFor((rs) => rs.some((r) => r.body?.attachments?.[0]?.contentType === CARD), 15_000);
    assert.ok((await answersAfter(from)).some((a) => a.attachments?.[0]?.contentType === CARD));
  });

  it('store down: the user is answered (analysis or "temporary problem"), no 500, nothing claimed; after recovery the retry is processed', async () => {
    const port = azurite!.port;
    const location = azurite!.location;
    await azurite!.stop({ removeData: false });
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, text: LOG });
    const from = connector.sent().length;
    const res = await bot.post(activity);
    assert.equal(res.status, 200);
    const during = await answersAfter(from);
    assert.equal(during.length, 1, 'exactly one answer while the store is down');
    const a = during[0]!;
    const ok = a.attachments?.[0]?.contentType === CARD || /temporary problem/.test(String(a.text));
    assert.ok(ok, JSON.stringify(a).slice(0, 300));

    azurite = await startAzurite({ port, location });
    const from2 = connector.sent().length;
    assert.equal((await bot.post(activity)).status, 200, 'Teams retries the same activity');
    await connector.waitFor(() => (connector.sent().slice(from2) as Sent[]).some((x) => x.attachments?.[0]?.contentType === CARD), 15_000);
  });
});
