// The composition root: config → storage → services → registry → adapter → bot → server.
// Every outside dependency has a seam here, so tests and the other features plug in without
// touching the bot: `analyze` (hardening swaps in a worker with a budget), `downloadFile`,
// `storage` (Blob), `middleware` (tenant gate, dedupe, rate limit), `processRequest` (the auth
// guard replacing adapter.process), `wrapAuth` (serviceUrl policy), `plugins` (escalation).
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import type { CloudAdapter, Middleware, MiddlewareHandler } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import pino, { type Logger } from 'pino';
import type restify from 'restify';
import { analyzeBytes } from '../analyzer';
import { loadConfig, type BotConfig } from '../config/load-config';
import { safeDownload } from '../net/safe-download';
import { openDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { SqliteJobStore } from '../storage/sqlite-job-store';
import { createStorage, type CreatedStorage } from '../storage/create-storage';
import { SqliteReportStore } from '../storage/sqlite-report-store';
import { FallbackReportStore } from '../storage/fallback-report-store';
import { SqliteStorage, type ClaimableStorage } from '../storage/sqlite-storage';
import { StorageReportStore } from '../storage/storage-report-store';
import { StorageUserPreferences } from '../storage/storage-user-preferences';
import { ActionRegistry } from './action-registry';
import { registerReportActions } from './actions/report-actions';
import { systemClock, type AnalyzeFn, type AnalyzeForReplyFn, type BotServices, type Clock, type ProactiveSender, type ReportStore } from './bot-services';
import { createHelpCommand } from './commands/help-command';
import { createLanguageCommand } from './commands/language-command';
import { createRegionCommand } from './commands/region-command';
import { createSampleCommand } from './commands/sample-command';
import { createAdapter } from './create-adapter';
import { createServer, type ProcessRequest, type Readiness } from './create-server';
import { GraphClient } from './graph/graph-client';
import type { DownloadFn } from './jobs/download-file';
import { createJobSubmitter, type JobSubmitter, type JobSubmitterTiming } from './jobs/enqueue-job';
import type { JobPayload } from './jobs/job-payload';
import { DEFAULT_JOB_RUNNER_OPTIONS, JobRunner, type JobRunnerOptions } from './jobs/job-runner';
import { NwcheckBot } from './nwcheck-bot';
import { AdapterProactiveSender } from './proactive-sender';

/** A feature that adds actions/commands (escalation): called once with the registry and services. */
export type BotPlugin = (registry: ActionRegistry, services: BotServices, extras: { jobs: JobSubmitter }) => void;

export interface BotAppOptions {
  /** read by loadConfig and handed whole to ConfigurationBotFrameworkAuthentication */
  env?: NodeJS.ProcessEnv;
  /** already-loaded config (tests); default loadConfig(env) */
  config?: BotConfig;
  logger?: Logger;
  clock?: Clock;
  analyze?: AnalyzeFn;
  /** analysis + report JSON + summary card in one go (the worker pool); default: `analyze`, the rest on the main thread */
  analyzeForReply?: AnalyzeForReplyFn;
  downloadFile?: DownloadFn;
  /** fetch used for Graph (tests point it anywhere; default global fetch) */
  fetch?: typeof fetch;
  /** default: per config.storage (SQLite in DATA_DIR, or Azure Blob) */
  storage?: ClaimableStorage;
  /** turn middleware in order; a function gets the services (dedupe needs the same storage) */
  middleware?: BotMiddleware[] | ((services: BotServices) => BotMiddleware[]);
  /** GET /readyz answer (503 while draining, or with an old escalation backlog); default 200 */
  readiness?: () => Readiness | Promise<Readiness>;
  plugins?: BotPlugin[];
  /** replaces adapter.process (the security layer's auth guard) */
  createProcessRequest?: (parts: { adapter: CloudAdapter; auth: BotFrameworkAuthentication; log: Logger }) => ProcessRequest;
  wrapAuth?: (auth: BotFrameworkAuthentication) => BotFrameworkAuthentication;
  jobRunner?: Partial<JobRunnerOptions>;
  /** how long a turn waits for its job / when typing goes out; default REPLY_IN_TURN_MS / TYPING_DELAY_MS (tests pin it) */
  replyTiming?: Partial<JobSubmitterTiming>;
  /** folder with the sample logs; default <repo>/samples */
  samplesDir?: string;
}

export interface BotApp {
  config: BotConfig;
  services: BotServices;
  registry: ActionRegistry;
  adapter: CloudAdapter;
  server: restify.Server;
  jobs: JobRunner;
  db: SqliteDatabase;
  /** listens, purges expired data, resumes pending jobs */
  start(): Promise<{ host: string; port: number }>;
  /** stops listening, lets running jobs finish (bounded), closes the database */
  stop(options?: { jobTimeoutMs?: number }): Promise<void>;
}

export type BotMiddleware = Middleware | MiddlewareHandler;

export const DEFAULT_SAMPLES_DIR = resolve(__dirname, '..', '..', 'samples');
const DAY_MS = 24 * 60 * 60 * 1000;

export function createLogger(config: Pick<BotConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'nwcheck-bot' },
    // belt and braces: these never belong in a log line
    redact: { paths: ['*.authorization', '*.Authorization', '*.token', '*.access_token', '*.downloadUrl', '*.text'], censor: '[redacted]' },
  });
}

export function createBotApp(options: BotAppOptions = {}): BotApp {
  const env = options.env ?? process.env;
  const config = options.config ?? loadConfig(env);
  const log = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();

  // jobs always live in this instance's DATA_DIR: a job is run by the instance that accepted it
  const db = openDatabase(config.dataDir);
  const nowMs = () => clock.now().getTime();
  const created: CreatedStorage | undefined = options.storage
    ? undefined
    : config.storage.kind === 'azure-blob'
      ? createStorage({ kind: 'azure-blob', connectionString: config.storage.connectionString, container: config.storage.container, now: nowMs })
      : createStorage({ kind: 'sqlite', db, now: nowMs });
  const storage = options.storage ?? created!.storage;
  // Reports live where the shared state lives: with any Storage other than this instance's SQLite
  // (Blob, configured or injected) a card clicked on another instance finds its report. If that
  // store fails, the report is kept here, so the user still gets the analysis.
  const localReports = new SqliteReportStore(db, { now });
  const reports: ReportStore =
    storage instanceof SqliteStorage
      ? localReports
      : new FallbackReportStore(new StorageReportStore(storage, { retentionDays: config.reportRetentionDays, now }), localReports, log);
  const jobStore = new SqliteJobStore<JobPayload>(db, { now });
  log.info({ event: 'storage', storage: created?.describe ?? 'injected' }, 'storage selected');

  const { adapter, auth } = createAdapter(env, log, options.wrapAuth);
  const sender: ProactiveSender = new AdapterProactiveSender(adapter, config.appId);

  const analyze: AnalyzeFn =
    options.analyze ?? ((bytes, fileName) => analyzeBytes(bytes, { ...(fileName !== undefined ? { fileName } : {}), limits: { maxBytes: config.maxUploadBytes } }));
  const downloadFile = options.downloadFile ?? safeDownload;

  const services: BotServices = {
    config,
    storage,
    reports,
    preferences: new StorageUserPreferences(storage),
    log,
    sender,
    analyze,
    ...(options.analyzeForReply ? { analyzeForReply: options.analyzeForReply } : {}),
    clock,
  };

  const middleware = typeof options.middleware === 'function' ? options.middleware(services) : (options.middleware ?? []);
  for (const m of middleware) adapter.use(m);

  const graph = new GraphClient({
    graph: config.graph,
    download: config.download,
    maxBytes: config.maxUploadBytes,
    downloadFile,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const jobs = new JobRunner(
    jobStore,
    { services, graph, downloadFile, samplesDir: options.samplesDir ?? DEFAULT_SAMPLES_DIR },
    // the job claim only matters in a store other instances share (see JobRunnerOptions)
    { ...DEFAULT_JOB_RUNNER_OPTIONS, claimAcrossInstances: !(created && config.storage.kind === 'sqlite'), ...options.jobRunner },
  );
  const submitter = createJobSubmitter(jobs, { replyInTurnMs: config.replyInTurnMs, typingDelayMs: config.typingDelayMs, ...options.replyTiming });

  const registry = new ActionRegistry();
  registerReportActions(registry);
  registry.registerCommand(createHelpCommand());
  registry.registerCommand(createSampleCommand(submitter));
  registry.registerCommand(createLanguageCommand());
  registry.registerCommand(createRegionCommand());
  for (const plugin of options.plugins ?? []) plugin(registry, services, { jobs: submitter });

  const bot = new NwcheckBot({ services, registry, jobs: submitter, graphConfigured: graph.configured });
  const processRequest: ProcessRequest = options.createProcessRequest
    ? options.createProcessRequest({ adapter, auth, log })
    : (req, res, logic) => adapter.process(req, res, logic);
  const server = createServer({
    process: processRequest,
    logic: (context) => bot.run(context),
    log,
    health: () => ({ mode: config.anonymous ? 'local-anonymous' : 'authenticated' }),
    ...(options.readiness ? { readiness: options.readiness } : {}),
  });

  let purgeTimer: NodeJS.Timeout | undefined;
  const purge = async () => {
    const cutoff = new Date(clock.now().getTime() - config.reportRetentionDays * DAY_MS);
    const removed = await reports.purgeOlderThan(cutoff);
    const jobsRemoved = jobStore.purgeFinishedBefore(new Date(clock.now().getTime() - DAY_MS));
    const claimsRemoved = created ? await created.purgeExpired() : 0;
    log.info({ event: 'retention-purge', reports: removed, jobs: jobsRemoved, claims: claimsRemoved, retentionDays: config.reportRetentionDays }, 'expired data purged');
  };

  return {
    config,
    services,
    registry,
    adapter,
    server,
    jobs,
    db,
    async start() {
      // a storage outage at start must not keep the bot down: the purge runs again tomorrow
      await purge().catch((err: unknown) => log.error({ event: 'retention-purge-failed', errName: (err as Error).name }, 'purge failed'));
      await new Promise<void>((resolveListen, reject) => {
        const http = server.server as Server;
        http.once('error', reject);
        server.listen(config.port, config.host, () => {
          http.removeListener('error', reject);
          resolveListen();
        });
      });
      const address = (server.server as Server).address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      if (config.anonymous) {
        log.warn(
          { event: 'started', mode: 'local-anonymous', host: config.host, port },
          `LOCAL MODE: no MicrosoftAppId, Bot Framework authentication is OFF. Listening on http://${config.host}:${port}/api/messages for the Agents Playground / Emulator on this machine only.`,
        );
      } else {
        log.info({ event: 'started', mode: 'authenticated', appType: config.appType, host: config.host, port }, `listening on ${config.host}:${port}`);
      }
      const resumed = jobs.resumePending();
      if (resumed > 0) log.info({ event: 'jobs-resumed', count: resumed }, 'resuming jobs left pending by the last run');
      purgeTimer = setInterval(() => {
        purge().catch((err: unknown) => log.error({ event: 'retention-purge-failed', errName: (err as Error).name }, 'purge failed'));
      }, DAY_MS);
      purgeTimer.unref();
      return { host: config.host, port };
    },
    async stop(stopOptions = {}) {
      if (purgeTimer) clearInterval(purgeTimer);
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // keep-alive sockets would hold close() open
        (server.server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await jobs.stop(stopOptions.jobTimeoutMs ?? 10_000);
      db.close();
      log.info({ event: 'stopped' }, 'bot stopped');
    },
  };
}
