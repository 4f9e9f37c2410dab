// A bot process for kill/restart tests: the real bot with the escalation feature on the DATA_DIR
// it is given. Prints "READY <origin> <reportId>" once listening (seeding a report with
// SEED_REPORT=1). The parent kills it with SIGKILL: nothing here gets to clean up.
import { createEscalationFeature } from '../../../src/escalation/escalation-feature';
import { makeBot } from '../../support/make-bot';
import { FAST, SUPPORT_THREAD, TENANT } from './escalation-harness';
import { sampleReport } from './sample-report';

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error('DATA_DIR is required');
  const feature = createEscalationFeature({ config: FAST, missingGraceMs: 60_000 });
  const bot = await makeBot({ plugins: [feature.plugin], dataDir });
  let reportId = '-';
  if (process.env.SEED_REPORT === '1') {
    reportId = (await bot.app.services.reports.save({ scope: { tenantId: TENANT, conversationId: SUPPORT_THREAD }, report: sampleReport(), fileLabel: 'AzureBackup_Check_NW_APP-WEB03.log' })).id;
  }
  feature.start(bot.app.adapter, bot.app.config.appId);
  process.stdout.write(`READY ${bot.origin} ${reportId}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bot-process failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
