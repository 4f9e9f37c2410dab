// One job from start to answer: fetch each input, analyze it, send the cards, record progress
// after each input so a resumed job does not answer the same file twice.
import { readFile } from 'node:fs/promises';
import type { Activity } from 'botbuilder';
import { basename, join } from 'node:path';
import type { Refusal } from '../../analyzer';
import { t } from '../../i18n/lang';
import type { JobRecord } from '../../storage/sqlite-job-store';
import type { BotServices } from '../bot-services';
import { cardMessage } from '../card-activity';
import { DOWNLOAD_PROBLEMS } from '../../i18n/refusals';
import { buildNoticeCard, type DownloadProblem } from '../card-kit';
import type { GraphClient } from '../graph/graph-client';
import { InputProblem } from '../input/input-problem';
import { BOT_MESSAGES } from '../messages';
import { downloadOptions, type DownloadFn } from './download-file';
import type { JobPayload } from './job-payload';
import { prepareOutcome } from './prepare-outcome';
import { refusalMessage, renderOutcome } from './render-outcome';

export interface JobDeps {
  services: BotServices;
  graph: GraphClient;
  downloadFile: DownloadFn;
  /** folder of the built-in sample logs (the `sample` command) */
  samplesDir: string;
}

/** What a run did, for the job's one log line (filled as it goes). */
export interface JobRunStats {
  /** messages sent through the accepting turn / proactively */
  inTurn: number;
  proactive: number;
  inputs?: number;
  bytes?: number;
  fetchMs?: number;
  analyzeMs?: number;
  /** outcome of the last input: 'reports' | 'refused' | a refusal reason | 'error' */
  outcome?: string;
  reports?: number;
}

export interface RunJobHooks {
  /** records that the first `n` inputs were answered */
  setProgress(n: number): void;
  /** delivers one input's messages; rejects when they were not delivered (the runner retries) */
  send(activities: Partial<Activity>[]): Promise<unknown>;
  stats?: JobRunStats;
}

interface Loaded {
  bytes: Uint8Array;
  contentType?: string;
}

interface Unit {
  name: string | undefined;
  load(): Promise<Loaded>;
}


const MB = 1024 * 1024;

/** 20971520 → "20 MB", 262144 → "256 KB", 1572864 → "1.5 MB" */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A typed fetch/analysis failure → what to tell the user; undefined for an unexpected error. */
export function problemOf(err: unknown, maxBytes: number, fileName: string | undefined): Refusal | { reason: DownloadProblem } | undefined {
  if (err instanceof InputProblem) return { reason: err.reason };
  const reason = (err as { reason?: unknown } | undefined)?.reason;
  if (reason === 'too-large') {
    const refusal: Refusal = { refused: true, reason: 'too-large', params: { limit: formatSize(maxBytes), limitMb: (maxBytes / MB).toFixed(1).replace(/\.0$/, '') } };
    if (fileName !== undefined) refusal.fileName = fileName;
    return refusal;
  }
  if (typeof reason === 'string' && (DOWNLOAD_PROBLEMS as readonly string[]).includes(reason)) return { reason: reason as DownloadProblem };
  return undefined;
}

function logMessageOf(err: unknown): string {
  const e = err as { logMessage?: unknown; name?: unknown };
  if (typeof e.logMessage === 'string') return e.logMessage;
  return typeof e.name === 'string' ? e.name : 'Error';
}

/** File names worth reading when nobody asked the bot (channel messages seen through RSC). */
export function isLogLikeName(name: string): boolean {
  const n = name.toLowerCase();
  return n.endsWith('.log') || n.endsWith('.txt') || n.endsWith('.zip') || n.endsWith('.gz') || n.includes('checknw') || n.includes('check_nw');
}

function isHtml(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.toLowerCase().includes('text/html');
}

async function unitsOf(payload: JobPayload, deps: JobDeps): Promise<Unit[]> {
  const { services } = deps;
  const source = payload.source;
  switch (source.kind) {
    case 'files':
      return source.files.map((f) => ({
        name: f.name,
        load: () => deps.downloadFile(f.url, downloadOptions(services.config)),
      }));
    case 'graph': {
      const all = await deps.graph.listFileReferences(payload.scope.tenantId, source.message);
      const refs = source.quiet ? all.filter((r) => isLogLikeName(r.name)) : all;
      return refs.map((r) => ({ name: r.name, load: () => deps.graph.downloadReference(payload.scope.tenantId, r.contentUrl) }));
    }
    case 'text':
      return [{ name: undefined, load: () => Promise.resolve({ bytes: new TextEncoder().encode(source.text) }) }];
    case 'sample': {
      const file = basename(source.file); // never a path from outside samples/
      return [{ name: file, load: async () => ({ bytes: new Uint8Array(await readFile(join(deps.samplesDir, file))) }) }];
    }
  }
}

/**
 * Runs the job's remaining inputs. Throws only when an answer could not be delivered (the
 * runner then retries later); every other failure becomes a card for the user.
 */
export async function runJob(job: JobRecord<JobPayload>, deps: JobDeps, hooks: RunJobHooks): Promise<void> {
  const { services } = deps;
  const p = job.payload;
  const lang = p.lang;
  // created lazily: most runs log one line, written by the runner
  let childLog: BotServices['log'] | undefined;
  const log = () => (childLog ??= services.log.child({ requestId: p.requestId, jobId: job.id, tenantId: p.scope.tenantId, conversationId: p.scope.conversationId }));
  const send = (activities: Partial<Activity>[]) => hooks.send(activities);
  const stats: JobRunStats = hooks.stats ?? { inTurn: 0, proactive: 0 };

  let units: Unit[];
  try {
    units = await unitsOf(p, deps);
  } catch (err) {
    const problem = problemOf(err, services.config.maxUploadBytes, undefined);
    log().warn({ event: 'job-input-failed', problem: problem?.reason, detail: logMessageOf(err) }, 'could not list the job inputs');
    await send([problem ? refusalMessage(problem, lang, undefined) : temporaryProblem(lang)]);
    return;
  }
  if (units.length === 0) {
    if (p.source.kind === 'graph' && p.source.quiet) {
      log().info({ event: 'job-no-log-files' }, 'unaddressed message has no log-like file; staying quiet');
      return;
    }
    log().info({ event: 'job-no-files' }, 'message has no file references');
    await send([cardMessage(buildNoticeCard(t(BOT_MESSAGES.noFileInMessageTitle, lang), t(BOT_MESSAGES.noFileInMessageText, lang), lang))]);
    return;
  }

  const intro = p.source.kind === 'sample' ? t(BOT_MESSAGES.sampleIntro, lang, { file: basename(p.source.file) }) : undefined;
  stats.inputs = units.length;
  stats.bytes = 0;
  stats.fetchMs = 0;
  stats.analyzeMs = 0;
  for (let i = job.progress; i < units.length; i++) {
    const unit = units[i]!;
    const started = Date.now();
    let activities: Parameters<typeof send>[0];
    try {
      const loaded = await unit.load();
      const fetchedMs = Date.now() - started;
      stats.bytes += loaded.bytes.byteLength;
      stats.fetchMs += fetchedMs;
      if (isHtml(loaded.contentType)) {
        stats.outcome = 'html-page';
        const refusal: Refusal = { refused: true, reason: 'html-page' };
        if (unit.name !== undefined) refusal.fileName = unit.name;
        activities = [refusalMessage(refusal, lang, unit.name, units.length > 1 ? unit.name : undefined)];
      } else {
        const outcome = services.analyzeForReply
          ? await services.analyzeForReply(loaded.bytes, unit.name, lang)
          : prepareOutcome(await services.analyze(loaded.bytes, unit.name), lang);
        stats.analyzeMs += Date.now() - started - fetchedMs;
        // the runner's job-done line carries sizes, timings and the outcome (one line per analysis)
        stats.outcome = outcome.kind === 'refused' ? outcome.refusal.reason : outcome.kind;
        stats.reports = (stats.reports ?? 0) + (outcome.kind === 'reports' ? outcome.reports.length : 0);
        const ctx = { services, scope: p.scope, lang, fileName: unit.name, labelAlways: units.length > 1, ...(intro !== undefined ? { intro } : {}) };
        activities = await renderOutcome(outcome, ctx);
      }
    } catch (err) {
      const problem = problemOf(err, services.config.maxUploadBytes, unit.name);
      if (problem) {
        stats.outcome = problem.reason;
        log().info({ event: 'input-refused', reason: problem.reason, detail: logMessageOf(err) }, 'input could not be read');
        activities = [refusalMessage(problem, lang, unit.name, units.length > 1 ? unit.name : undefined)];
      } else {
        stats.outcome = 'error';
        log().error({ event: 'input-error', err: { name: (err as Error).name, message: logMessageOf(err), stack: (err as Error).stack } }, 'unexpected error while processing an input');
        activities = [temporaryProblem(lang)];
      }
    }
    await send(activities);
    // the last input needs no progress row: the runner's finish() follows at once (one commit less)
    if (i + 1 < units.length) hooks.setProgress(i + 1);
  }
}

function temporaryProblem(lang: JobPayload['lang']) {
  return cardMessage(buildNoticeCard(t(BOT_MESSAGES.temporaryProblemTitle, lang), t(BOT_MESSAGES.temporaryProblemText, lang), lang));
}
export { temporaryProblem as temporaryProblemMessage };
