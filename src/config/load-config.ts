// Every environment variable the bot reads, validated in one place. Nothing else in the code
// reads process.env (except botbuilder's own auth, which gets the whole environment on purpose:
// sovereign-cloud settings such as the OpenID metadata URL are botbuilder's, not ours).
import { z } from 'zod';
import { checkStorageEnv, DEFAULT_BLOB_CONTAINER } from '../storage/create-storage';

export const DEFAULT_ALLOWED_HOSTS = [
  '*.sharepoint.com',
  '*.sharepoint-df.com',
  '*.sharepoint.us',
  '*.sharepoint.cn',
  '*.onedrive.com',
  '*.1drv.com',
  '*.teams.microsoft.com',
  '*.teams.microsoft.us',
] as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const MB = 1024 * 1024;

/** One row per variable: its parser and default. The .env.example documents the same list. */
const envSchema = z.object({
  NODE_ENV: z.string().trim().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Interface to listen on. Default: 0.0.0.0 with credentials, 127.0.0.1 in anonymous mode. */
  HOST: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(200 * MB).default(20 * MB),
  DOWNLOAD_ALLOWED_HOSTS: z.string().optional(),
  DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  DOWNLOAD_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  DOWNLOAD_MAX_REDIRECTS: z.coerce.number().int().min(0).max(10).default(3),
  DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS: z.string().optional(),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  GRAPH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  GRAPH_CLIENT_ID: z.string().trim().optional(),
  GRAPH_CLIENT_SECRET: z.string().optional(),
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  ANALYSIS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  // at most 1.5 s: Teams needs the HTTP answer well within 2 s (R6), the wait is only for fast work
  REPLY_IN_TURN_MS: z.coerce.number().int().min(0).max(1_500).default(1_000),
  TYPING_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(500),
  ALLOWED_TENANT_IDS: z.string().optional(),
  STORAGE: z.enum(['sqlite', 'azure-blob']).default('sqlite'),
  AZURE_STORAGE_CONNECTION_STRING: z.string().optional(),
  AZURE_STORAGE_CONTAINER: z.string().trim().optional(),
  SERVICE_URL_ALLOWED_HOSTS: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  MicrosoftAppId: z.string().trim().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(APP_TYPES).optional(),
  MicrosoftAppTenantId: z.string().trim().optional(),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface GraphCredentials {
  clientId: string;
  clientSecret: string;
}

export interface BotConfig {
  port: number;
  /** interface the server binds to */
  host: string;
  dataDir: string;
  /** no MicrosoftAppId: Bot Framework anonymous mode, for the Playground / Emulator on this machine */
  anonymous: boolean;
  appId: string;
  appType: (typeof APP_TYPES)[number];
  appTenantId?: string;
  maxUploadBytes: number;
  download: {
    allowedHosts: string[];
    timeoutMs: number;
    idleTimeoutMs: number;
    maxRedirects: number;
    /** tests only (NODE_ENV=test): lets downloads go to http://127.0.0.1 fakes */
    allowInsecureLoopback: boolean;
  };
  graph: {
    baseUrl: string;
    authorityHost: string;
    /** undefined: Graph not configured (channel / group chat files cannot be read) */
    credentials?: GraphCredentials;
    timeoutMs: number;
  };
  reportRetentionDays: number;
  /** budget of one analysis (enforced by the worker-thread analysis runner) */
  analysisTimeoutMs: number;
  /** how long the HTTP turn waits for its job so the answer goes out in the turn (0: always proactive) */
  replyInTurnMs: number;
  /** a job not answered after this long gets a typing indicator (slow work only) */
  typingDelayMs: number;
  /** botbuilder Storage: embedded SQLite under DATA_DIR, or Azure Blob (shared by several instances) */
  storage: { kind: 'sqlite' } | { kind: 'azure-blob'; connectionString: string; container: string };
  security: {
    /** ALLOWED_TENANT_IDS, lower-case; empty: any tenant */
    allowedTenantIds: string[];
    /** SERVICE_URL_ALLOWED_HOSTS (exact hosts); empty: the security layer's Teams defaults */
    serviceUrlAllowedHosts: string[];
  };
  logLevel: LogLevel;
  isTest: boolean;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const HOST_PATTERN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** "a.com, *.b.com" → ["a.com", "*.b.com"], lower-cased; invalid patterns reported as problems. */
export function parseHostPatterns(value: string, problems: string[]): string[] {
  const out: string[] = [];
  for (const raw of value.split(',')) {
    const pattern = raw.trim().toLowerCase();
    if (pattern === '') continue;
    if (!HOST_PATTERN.test(pattern) || pattern === '*' || pattern.length > 253) {
      problems.push(`DOWNLOAD_ALLOWED_HOSTS: "${raw.trim()}" is not a host name or "*.domain" pattern`);
      continue;
    }
    out.push(pattern);
  }
  return out;
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

function stripTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/** Reads and validates the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  // empty strings in .env mean "not set"
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (typeof value === 'string' && value.trim() !== '') cleaned[key] = value;
  }
  const parsed = envSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || '(env)'}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const isTest = e.NODE_ENV === 'test';
  const appId = e.MicrosoftAppId ?? '';
  const anonymous = appId === '';
  const appType = e.MicrosoftAppType ?? 'MultiTenant';

  if (anonymous && e.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword is set but MicrosoftAppId is empty: set both (an empty MicrosoftAppId turns authentication off)');
  }
  if (!anonymous && appType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    problems.push(`MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is ${appType}`);
  }
  if (!anonymous && appType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
    problems.push(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}`);
  }

  const allowedHosts = e.DOWNLOAD_ALLOWED_HOSTS !== undefined
    ? parseHostPatterns(e.DOWNLOAD_ALLOWED_HOSTS, problems)
    : [...DEFAULT_ALLOWED_HOSTS];

  const insecureLoopback = isTruthy(e.DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS);
  if (insecureLoopback && !isTest) {
    problems.push('DOWNLOAD_ALLOW_INSECURE_LOOPBACK_FOR_TESTS is only honoured when NODE_ENV=test; remove it');
  }

  for (const [name, value] of [['GRAPH_BASE_URL', e.GRAPH_BASE_URL], ['GRAPH_AUTHORITY_HOST', e.GRAPH_AUTHORITY_HOST]] as const) {
    const url = new URL(value);
    const loopbackOk = isTest && insecureLoopback && url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !loopbackOk) problems.push(`${name}: must be an https:// URL`);
  }

  const clientId = e.GRAPH_CLIENT_ID ?? (anonymous ? undefined : appId);
  const clientSecret = e.GRAPH_CLIENT_SECRET ?? e.MicrosoftAppPassword;
  if (e.GRAPH_CLIENT_ID && !e.GRAPH_CLIENT_SECRET) {
    problems.push('GRAPH_CLIENT_SECRET is required when GRAPH_CLIENT_ID is set');
  }

  const allowedTenantIds: string[] = [];
  for (const raw of (e.ALLOWED_TENANT_IDS ?? '').split(',')) {
    const id = raw.trim().toLowerCase();
    if (id === '') continue;
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) allowedTenantIds.push(id);
    else problems.push(`ALLOWED_TENANT_IDS: "${raw.trim()}" is not a tenant id (GUID)`);
  }
  const serviceUrlAllowedHosts: string[] = [];
  for (const raw of (e.SERVICE_URL_ALLOWED_HOSTS ?? '').split(',')) {
    const host = raw.trim().toLowerCase();
    if (host === '') continue;
    if (HOST_PATTERN.test(host) && !host.startsWith('*.')) serviceUrlAllowedHosts.push(host);
    else problems.push(`SERVICE_URL_ALLOWED_HOSTS: "${raw.trim()}" must be an exact host name (no scheme, port, path or wildcard)`);
  }

  problems.push(...checkStorageEnv(cleaned));

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: e.PORT,
    host: e.HOST ?? (anonymous ? '127.0.0.1' : '0.0.0.0'),
    dataDir: e.DATA_DIR,
    anonymous,
    appId,
    appType,
    appTenantId: e.MicrosoftAppTenantId,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    download: {
      allowedHosts,
      timeoutMs: e.DOWNLOAD_TIMEOUT_MS,
      idleTimeoutMs: e.DOWNLOAD_IDLE_TIMEOUT_MS,
      maxRedirects: e.DOWNLOAD_MAX_REDIRECTS,
      allowInsecureLoopback: isTest && insecureLoopback,
    },
    graph: {
      baseUrl: stripTrailingSlash(e.GRAPH_BASE_URL),
      authorityHost: stripTrailingSlash(e.GRAPH_AUTHORITY_HOST),
      credentials: clientId && clientSecret ? { clientId, clientSecret } : undefined,
      timeoutMs: e.GRAPH_TIMEOUT_MS,
    },
    reportRetentionDays: e.REPORT_RETENTION_DAYS,
    analysisTimeoutMs: e.ANALYSIS_TIMEOUT_MS,
    replyInTurnMs: e.REPLY_IN_TURN_MS,
    typingDelayMs: e.TYPING_DELAY_MS,
    security: { allowedTenantIds, serviceUrlAllowedHosts },
    storage:
      e.STORAGE === 'azure-blob'
        ? { kind: 'azure-blob', connectionString: e.AZURE_STORAGE_CONNECTION_STRING ?? '', container: e.AZURE_STORAGE_CONTAINER ?? DEFAULT_BLOB_CONTAINER }
        : { kind: 'sqlite' },
    logLevel: e.LOG_LEVEL,
    isTest,
  };
}
