// When the Bot Connector fails while the answer is sent proactively, the job is retried (with
// backoff) and the answer arrives once; when it keeps failing the job ends with no hot loop.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeConnector } from '../support/fake-connector';
import { fakeFileHost } from '../support/fake-file-host';
import { fileAttachment, makeBot, messageActivity } from '../support/make-bot';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');

describe('bot e2e: delivering answers when the connector fails', function () {
  this.timeout(30_000);

  it('a 502 on the proactive send is retried and the card arrives', async () => {
    let failures = 0;
    const connector = await fakeConnector((req) => {
      if (req.method === 'POST' && req.body?.type === 'message' && failures < 1) {
        failures++;
        return { status: 502 };
      }
      return undefined;
    });
    const files = await fakeFileHost();
    const bot = await makeBot();
    try {
      const url = files.serve('/personal/u/r.log', { body: readFileSync(join(FIXTURES, 'win-en-2019-healthy.log')) });
      await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('r.log', url)] }));
      await connector.waitFor((rs) => rs.some((r) => r.body?.type === 'message' && r.body.attachments) && failures === 1);
      await bot.app.jobs.whenIdle();
      await connector.waitFor((rs) => rs.filter((r) => r.body?.type === 'message').length >= 2);
      const posts = connector.requests.filter((r) => r.body?.type === 'message');
      assert.equal(failures, 1);
      assert.ok(posts.length >= 2, 'sent again after the failure');
      const row = bot.app.db.prepare("SELECT state FROM jobs").all() as { state: string }[];
      assert.deepEqual(row.map((r) => r.state), ['done']);
    } finally {
      await bot.dispose();
      await connector.close();
      await files.close();
    }
  });

  // 400: botframework-connector 4.23.3 retries 5xx itself (4 POSTs over ~6 s per send), not 4xx
  it('a connector that keeps refusing ends the job after maxAttempts (no hot loop)', async () => {
    const connector = await fakeConnector((req) => (req.method === 'POST' && req.body?.type === 'message' ? { status: 400 } : undefined));
    const files = await fakeFileHost();
    const bot = await makeBot({ jobRunner: { maxAttempts: 2, retryDelayMs: () => 20 } });
    try {
      const url = files.serve('/personal/u/r.log', { body: readFileSync(join(FIXTURES, 'win-en-2019-healthy.log')) });
      await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('r.log', url)] }));
      await connector.waitFor(() => (bot.app.db.prepare("SELECT state FROM jobs").get() as { state: string } | undefined)?.state === 'failed');
      await bot.app.jobs.whenIdle();
      const posts = connector.requests.filter((r) => r.method === 'POST' && r.body?.type === 'message').length;
      assert.equal(posts, 3, 'two attempts + the failure notice');
      const job = bot.app.db.prepare('SELECT state, payload FROM jobs').get() as { state: string; payload: string | null };
      assert.equal(job.state, 'failed');
      assert.equal(job.payload, null, 'the download URL is not kept');
    } finally {
      await bot.dispose();
      await connector.close();
      await files.close();
    }
  });
});
