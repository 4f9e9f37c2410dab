// Process entry: .env → config → the bot app with every production layer → listen.
//   ingress:  auth guard (replaces adapter.process) → tenant/channel gate → dedupe claim →
//             rate limit → the bot;
//   egress:   serviceUrl policy + per-conversation pacing on every Bot Connector call;
//   work:     downloads through a bulkhead, analysis in a worker thread with a time budget;
//   features: escalation (buttons, commands, outbox drainer on the same send lanes);
//   readiness: /readyz 503 while draining or when an escalation delivery waits > 5 min;
//   shutdown: SIGTERM drains (/readyz 503), finishes in-flight work, exits 0.
// Config errors and refused startups print what to fix and exit 1.
import 'dotenv/config';
import { ConfigError, loadConfig, type BotConfig } from './config/load-config';
import { createBotApp, createLogger } from './bot/create-bot-app';
import { AnalysisPool } from './bot/analysis-worker/analysis-pool';
import { fromWire } from './bot/jobs/prepare-outcome';
import { Bulkhead, limitConcurrency } from './bot/limits/bulkhead';
import { DedupeMiddleware } from './bot/limits/dedupe-middleware';
import { RateLimiter } from './bot/limits/rate-limiter';
import { RateLimitMiddleware } from './bot/limits/rate-limit-middleware';
import { paceConnectorClient, SendPacer } from './bot/limits/send-pacer';
import { muteLibraryAuthNoise } from './bot/security/auth-guard';
import { createSecurityLayer } from './bot/security/create-security-layer';
import { checkStartup, StartupRefusedError } from './bot/security/startup-check';
import { loadEscalationConfig, type EscalationConfig } from './escalation/escalation-config';
import { createEscalationFeature } from './escalation/escalation-feature';
import { GracefulShutdown } from './lifecycle/graceful-shutdown';
import { createReadiness } from './lifecycle/readiness';
import { DownloadConnections } from './net/download-connections';
import { safeDownload } from './net/safe-download';

function readConfig(): { config: BotConfig; escalation: EscalationConfig } {
  try {
    const config = loadConfig(process.env);
    const escalation = loadEscalationConfig(process.env);
    checkStartup({ nodeEnv: process.env.NODE_ENV, appId: config.appId, host: config.host });
    return { config, escalation };
  } catch (err) {
    if (err instanceof ConfigError || err instanceof StartupRefusedError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const { config, escalation: escalationConfig } = readConfig();
  const log = createLogger(config);
  muteLibraryAuthNoise(log);

  const pacer = new SendPacer({ perSecond: 5 });
  const security = createSecurityLayer({
    log,
    anonymous: config.anonymous,
    isTest: config.isTest,
    allowedTenantIds: config.security.allowedTenantIds,
    serviceUrlAllowedHosts: config.security.serviceUrlAllowedHosts,
    decorateConnectorClient: (client) => paceConnectorClient(client, pacer),
  });
  const pool = new AnalysisPool({
    size: 1,
    timeoutMs: config.analysisTimeoutMs,
    maxHeapMb: 256,
    maxQueue: 20,
    limits: { maxBytes: config.maxUploadBytes },
    log,
  });
  // the worker boots on the other core while the rest of the bot is composed
  const warming = pool.warm();
  const downloads = new Bulkhead({ name: 'downloads', concurrency: 3, maxQueue: 50 });
  // keep-alive per origin and policy: no new TCP connection / TLS handshake per file
  const connections = new DownloadConnections();
  // the escalation transport sends raw JSON past the paced client methods: share the same lanes
  const escalation = createEscalationFeature({ config: escalationConfig, pace: (conversationId, call) => pacer.run(conversationId, call) });

  // created once the server exists; /readyz asks it while draining
  const lifecycle: { shutdown?: GracefulShutdown } = {};
  // /readyz: 503 while draining, or when an escalation delivery has waited more than 5 min (R4)
  const readiness = createReadiness({
    base: () => lifecycle.shutdown?.readiness() ?? { status: 200, body: { ready: true, draining: false } },
    outbox: () => escalation.status(),
  });
  const app = createBotApp({
    env: process.env,
    config,
    logger: log,
    analyze: pool.analyze,
    // report JSON and summary card are made in the worker too: the main thread stores and sends
    analyzeForReply: (bytes, fileName, lang) => pool.analyzeForReply(bytes, fileName, lang).then((wire) => fromWire(wire, lang)),
    downloadFile: limitConcurrency((url, options) => safeDownload(url, { ...options, connections }), downloads),
    wrapAuth: security.wrapAuth,
    createProcessRequest: security.createProcessRequest,
    // order matters: the gate first, then the dedupe claim, then the rate limit
    middleware: (services) => [
      ...security.middleware,
      new DedupeMiddleware({ storage: services.storage, log }),
      new RateLimitMiddleware({ limiter: new RateLimiter(), log }),
    ],
    plugins: [escalation.plugin],
    readiness,
  });
  await warming;
  await app.start();
  escalation.start(app.adapter, config.appId);

  const shutdown = new GracefulShutdown({ server: app.server.server, log, deadlineMs: 25_000, preStopDelayMs: 2_000 });
  lifecycle.shutdown = shutdown;
  shutdown
    .addHook('jobs', () => app.jobs.stop(15_000))
    .addHook('escalation', () => escalation.stop())
    .addHook('analysis-pool', () => pool.close())
    .addHook('download-connections', () => connections.close())
    .addHook('app', () => app.stop({ jobTimeoutMs: 1 }));
  shutdown.installSignalHandlers();
}

main().catch((err: unknown) => {
  process.stderr.write(`nwcheck-bot failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
