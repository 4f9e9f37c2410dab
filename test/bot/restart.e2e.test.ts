// Nothing is lost across a restart: an activity accepted (HTTP 200) whose job had not run yet
// is answered by the next process started on the same DATA_DIR. Reports, user settings and the
// dedupe record survive too.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fakeConnector } from '../support/fake-connector';
import { fakeFileHost } from '../support/fake-file-host';
import { executeActions, fileAttachment, invokeActivity, makeBot, messageActivity } from '../support/make-bot';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');

describe('bot e2e: restart', function () {
  this.timeout(30_000);

  it('a job accepted before a stop is run by the next start on the same DATA_DIR', async () => {
    const connector = await fakeConnector();
    const files = await fakeFileHost();
    // first process: accepts turns but runs no job (as if it died right after the 200)
    const first = await makeBot({ jobRunner: { concurrency: 0 } });
    const dataDir = first.dataDir;
    try {
      const url = files.serve('/personal/u/restart.log', { body: readFileSync(join(FIXTURES, 'win-en-dns-failure.log')) });
      const activity = messageActivity({ serviceUrl: connector.serviceUrl, id: 'restart-activity', attachments: [fileAttachment('restart.log', url)] });
      const res = await first.post(activity);
      assert.equal(res.status, 200);
      await first.post(messageActivity({ serviceUrl: connector.serviceUrl, text: 'language ja' }));
      await first.stop();
      assert.equal(connector.sent().filter((m) => m.attachments?.length).length, 0, 'no card before the restart');
      assert.equal(files.requests.length, 0);

      const second = await makeBot({ dataDir });
      try {
        const [card] = await connector.waitForMessages(2); // "language set" text + the card
        await second.app.jobs.whenIdle();
        const cards = connector.cards();
        assert.equal(cards.length, 1, `one card: ${JSON.stringify(card).slice(0, 100)}`);
        const reportId = executeActions(cards[0]).find((a) => a.verb === 'showAllEndpoints')!.data.reportId as string;

        // Teams redelivering the same activity to the new process: no second job
        await second.post(activity);
        await second.app.jobs.whenIdle();
        assert.equal(connector.cards().length, 1);

        // the report and the user's language survived: a button works, in Japanese
        const third = await makeBot({ dataDir });
        await second.stop();
        try {
          const click = await third.post(invokeActivity({ serviceUrl: connector.serviceUrl, verb: 'showSummary', data: { reportId } }));
          assert.equal(click.body.type, 'application/vnd.microsoft.card.adaptive');
          assert.ok(/[ぁ-ん]/.test(JSON.stringify(click.body.value)), 'user language kept');
        } finally {
          await third.stop();
        }
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      await connector.close();
      await files.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('purges reports older than REPORT_RETENTION_DAYS at start', async () => {
    const connector = await fakeConnector();
    const files = await fakeFileHost();
    let now = new Date('2024-06-01T00:00:00Z');
    const clock = { now: () => now };
    const bot = await makeBot({ clock, env: { REPORT_RETENTION_DAYS: '7' } });
    const dataDir = bot.dataDir;
    try {
      const url = files.serve('/personal/u/old.log', { body: readFileSync(join(FIXTURES, 'win-en-2019-healthy.log')) });
      await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, attachments: [fileAttachment('old.log', url)] }));
      await connector.waitForMessages(1);
      await bot.app.jobs.whenIdle();
      const reportId = executeActions(connector.cards()[0]).find((a) => a.verb === 'showAllEndpoints')!.data.reportId as string;
      await bot.stop();

      now = new Date('2024-06-09T00:00:00Z');
      const later = await makeBot({ dataDir, clock, env: { REPORT_RETENTION_DAYS: '7' } });
      try {
        const click = await later.post(invokeActivity({ serviceUrl: connector.serviceUrl, verb: 'showSummary', data: { reportId, lang: 'en' } }));
        assert.equal(click.body.type, 'application/vnd.microsoft.activity.message');
        assert.match(click.body.value, /7 days/);
      } finally {
        await later.stop();
      }
    } finally {
      await bot.stop();
      await connector.close();
      await files.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
