// The dependencies every handler (ours, escalation's, hardening's) receives. Built once in the
// composition root (src/bot/create-bot-app.ts); tests build it with fakes. Handlers never reach
// for globals: no process.env, no Date.now(), no module-level singletons.
import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';
import type { Logger } from 'pino';
import type { AnalysisOutcome, Report } from '../analyzer';
import type { BotConfig } from '../config/load-config';
import type { Lang } from '../i18n/lang';
import type { ReportJson } from '../storage/report-json';
import type { PreparedOutcome } from './jobs/prepare-outcome';
import type { ClaimableStorage } from '../storage/sqlite-storage';

/** The one way the bot analyzes bytes. Hardening may swap in a worker-thread runner with a budget. */
export type AnalyzeFn = (bytes: Uint8Array, fileName: string | undefined) => Promise<AnalysisOutcome>;

/** Analysis plus what the answer needs (report JSON, summary card): the worker pool does all of it off the main thread. */
export type AnalyzeForReplyFn = (bytes: Uint8Array, fileName: string | undefined, lang: Lang) => Promise<PreparedOutcome>;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Where a report belongs: card actions from any other conversation or tenant are refused. */
export interface ConversationScope {
  tenantId: string;
  /** full conversation id as Teams sends it (a channel thread keeps its ";messageid=…") */
  conversationId: string;
}

export interface StoredReport {
  /** unguessable (crypto.randomBytes), URL-safe: the id cards carry */
  id: string;
  scope: ConversationScope;
  /** ISO 8601 */
  createdAt: string;
  report: Report;
  /** which file it came from, as shown to the user ("logs.zip › AzureBackup_Check_NW_x.log") */
  fileLabel?: string;
}

/** A report to store: the object, or its JSON with a preset id (made in the analysis worker). */
export interface NewReport {
  scope: ConversationScope;
  report: Report | ReportJson;
  fileLabel?: string;
}

export interface ReportStore {
  save(input: NewReport): Promise<StoredReport>;
  get(id: string): Promise<StoredReport | undefined>;
  /** newest report of a conversation (a channel thread counts as its own conversation) */
  latestFor(scope: ConversationScope): Promise<StoredReport | undefined>;
  /** retention: deletes reports created before `cutoff`; returns how many */
  purgeOlderThan(cutoff: Date): Promise<number>;
}

/** Per-user settings (the `language` command). Keyed by tenant + AAD object id or Teams user id. */
export interface UserPreferences {
  getLanguage(tenantId: string, userId: string): Promise<Lang | undefined>;
  setLanguage(tenantId: string, userId: string, lang: Lang): Promise<void>;
}

/** Sending outside the HTTP turn (results of background jobs, escalation notices). */
export interface ProactiveSender {
  send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<ResourceResponse[]>;
  /** replaces a message the bot posted earlier (same conversation) */
  update(reference: Partial<ConversationReference>, activity: Partial<Activity> & { id: string }): Promise<void>;
}

export interface BotServices {
  config: BotConfig;
  /** botbuilder Storage with eTag semantics + create-only claim */
  storage: ClaimableStorage;
  reports: ReportStore;
  preferences: UserPreferences;
  log: Logger;
  sender: ProactiveSender;
  analyze: AnalyzeFn;
  /** default: `analyze`, then the report JSON and card on the main thread */
  analyzeForReply?: AnalyzeForReplyFn;
  clock: Clock;
}
