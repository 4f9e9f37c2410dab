// The escalation settings, read from the environment in one place (the composition root passes
// the same env it gives loadConfig). Problems are listed all at once, like loadConfig does.
import { z } from 'zod';
import { ConfigError } from '../config/load-config';
import type { Lang } from '../i18n/lang';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import type { WebhookConfig } from './webhook';

/** Who is @mentioned on every new escalation: a person or a team tag. */
export type MentionTarget =
  | { kind: 'user'; id: string; name: string }
  | { kind: 'tag'; id: string; name: string };

export interface EscalationConfig {
  /** ESCALATION_TEAM_ID + ESCALATION_CHANNEL_ID: fixed target that overrides "escalation here" */
  envTarget?: {
    teamId: string;
    channelId: string;
    /** ESCALATION_SERVICE_URL; default: the requester's service URL (same tenant, same region) */
    serviceUrl?: string;
    /** ESCALATION_TENANT_ID: apply only to this tenant (default: every tenant) */
    tenantId?: string;
  };
  /** ESCALATION_LANG: language of the engineers' posts when the target came from the environment */
  engineerLang?: Lang;
  mention?: MentionTarget;
  webhook?: WebhookConfig;
  retry: RetryPolicy;
  drainIntervalMs: number;
  leaseMs: number;
  /** one Bot Connector call */
  sendTimeoutMs: number;
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  NODE_ENV: z.string().optional(),
  ESCALATION_TEAM_ID: z.string().trim().min(1).max(256).optional(),
  ESCALATION_CHANNEL_ID: z.string().trim().min(1).max(256).optional(),
  ESCALATION_SERVICE_URL: z.url().optional(),
  ESCALATION_TENANT_ID: z.string().trim().min(1).max(128).optional(),
  ESCALATION_LANG: z.enum(['ja', 'en']).optional(),
  ESCALATION_MENTION: z.string().trim().min(1).max(512).optional(),
  ESCALATION_WEBHOOK_URL: z.url().optional(),
  ESCALATION_WEBHOOK_SECRET: z.string().min(1).optional(),
  ESCALATION_WEBHOOK_TIMEOUT_MS: int(100, 120_000).default(10_000),
  ESCALATION_MAX_ATTEMPTS: int(1, 100).default(DEFAULT_RETRY_POLICY.maxAttempts),
  ESCALATION_RETRY_BASE_MS: int(1, 3_600_000).default(DEFAULT_RETRY_POLICY.baseDelayMs),
  ESCALATION_RETRY_MAX_MS: int(1, 86_400_000).default(DEFAULT_RETRY_POLICY.maxDelayMs),
  ESCALATION_RETRY_AFTER_CAP_MS: int(1, 86_400_000).default(DEFAULT_RETRY_POLICY.retryAfterCapMs),
  ESCALATION_DRAIN_INTERVAL_MS: int(10, 3_600_000).default(15_000),
  ESCALATION_LEASE_MS: int(100, 3_600_000).default(120_000),
  ESCALATION_SEND_TIMEOUT_MS: int(100, 300_000).default(30_000),
});

/**
 * ESCALATION_MENTION: `<user id>|<display name>` (id as Teams gives it, "29:…", or the user's
 * Entra object id) or `tag:<tag id>|<tag name>` (tag ids from Graph `GET /teams/{id}/tags`).
 */
export function parseMention(value: string, problems: string[]): MentionTarget | undefined {
  const isTag = value.toLowerCase().startsWith('tag:');
  const rest = isTag ? value.slice(4) : value;
  const bar = rest.indexOf('|');
  const id = (bar < 0 ? '' : rest.slice(0, bar)).trim();
  const name = (bar < 0 ? rest : rest.slice(bar + 1)).trim();
  if (id === '' || name === '') {
    problems.push(
      isTag
        ? 'ESCALATION_MENTION: a tag needs its id and name, "tag:<tag id>|<tag name>" (ids: Graph GET /teams/{team-id}/tags)'
        : 'ESCALATION_MENTION: expected "<user id>|<display name>" or "tag:<tag id>|<tag name>"',
    );
    return undefined;
  }
  return { kind: isTag ? 'tag' : 'user', id, name };
}

export function loadEscalationConfig(env: NodeJS.ProcessEnv = process.env): EscalationConfig {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (typeof value === 'string' && value.trim() !== '') cleaned[key] = value;
  }
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const isTest = e.NODE_ENV === 'test';

  if ((e.ESCALATION_TEAM_ID === undefined) !== (e.ESCALATION_CHANNEL_ID === undefined)) {
    problems.push('ESCALATION_TEAM_ID and ESCALATION_CHANNEL_ID go together: set both or neither');
  }
  const mention = e.ESCALATION_MENTION === undefined ? undefined : parseMention(e.ESCALATION_MENTION, problems);

  let webhook: WebhookConfig | undefined;
  if (e.ESCALATION_WEBHOOK_URL !== undefined) {
    const url = new URL(e.ESCALATION_WEBHOOK_URL);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !(isTest && loopback)) problems.push('ESCALATION_WEBHOOK_URL: must be an https:// URL');
    if (e.ESCALATION_WEBHOOK_SECRET === undefined) {
      problems.push('ESCALATION_WEBHOOK_SECRET is required when ESCALATION_WEBHOOK_URL is set (deliveries are signed with it)');
    } else {
      webhook = { url: url.toString(), secret: e.ESCALATION_WEBHOOK_SECRET, timeoutMs: e.ESCALATION_WEBHOOK_TIMEOUT_MS };
    }
  } else if (e.ESCALATION_WEBHOOK_SECRET !== undefined) {
    problems.push('ESCALATION_WEBHOOK_SECRET is set but ESCALATION_WEBHOOK_URL is not');
  }
  if (e.ESCALATION_RETRY_BASE_MS > e.ESCALATION_RETRY_MAX_MS) {
    problems.push('ESCALATION_RETRY_BASE_MS must not exceed ESCALATION_RETRY_MAX_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config: EscalationConfig = {
    retry: {
      maxAttempts: e.ESCALATION_MAX_ATTEMPTS,
      baseDelayMs: e.ESCALATION_RETRY_BASE_MS,
      maxDelayMs: e.ESCALATION_RETRY_MAX_MS,
      retryAfterCapMs: e.ESCALATION_RETRY_AFTER_CAP_MS,
    },
    drainIntervalMs: e.ESCALATION_DRAIN_INTERVAL_MS,
    leaseMs: e.ESCALATION_LEASE_MS,
    sendTimeoutMs: e.ESCALATION_SEND_TIMEOUT_MS,
  };
  if (e.ESCALATION_TEAM_ID !== undefined && e.ESCALATION_CHANNEL_ID !== undefined) {
    config.envTarget = {
      teamId: e.ESCALATION_TEAM_ID,
      channelId: e.ESCALATION_CHANNEL_ID,
      ...(e.ESCALATION_SERVICE_URL === undefined ? {} : { serviceUrl: e.ESCALATION_SERVICE_URL }),
      ...(e.ESCALATION_TENANT_ID === undefined ? {} : { tenantId: e.ESCALATION_TENANT_ID }),
    };
  }
  if (e.ESCALATION_LANG !== undefined) config.engineerLang = e.ESCALATION_LANG;
  if (mention) config.mention = mention;
  if (webhook) config.webhook = webhook;
  return config;
}
