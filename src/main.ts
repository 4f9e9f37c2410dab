// Process entry: .env → config → the bot app → listen. Config errors and refused startups print
// what to fix and exit 1; SIGTERM/SIGINT stop listening, let running jobs finish and exit 0.
import 'dotenv/config';
import { ConfigError, loadConfig } from './config/load-config';
import { createBotApp, createLogger } from './bot/create-bot-app';
import { createSecurityLayer } from './bot/security/create-security-layer';
import { checkStartup, StartupRefusedError } from './bot/security/startup-check';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
    checkStartup({ nodeEnv: process.env.NODE_ENV, appId: config.appId, host: config.host });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof StartupRefusedError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config);
  // tenant/channel gate, auth guard in front of the adapter, serviceUrl policy on every send
  const security = createSecurityLayer({
    log,
    anonymous: config.anonymous,
    isTest: config.isTest,
    allowedTenantIds: config.security.allowedTenantIds,
    serviceUrlAllowedHosts: config.security.serviceUrlAllowedHosts,
  });
  const app = createBotApp({
    env: process.env,
    config,
    logger: log,
    middleware: security.middleware,
    wrapAuth: security.wrapAuth,
    createProcessRequest: security.createProcessRequest,
  });
  await app.start();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'shutdown', signal }, 'stopping');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ event: 'shutdown-failed', errName: (err as Error).name }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`nwcheck-bot failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
