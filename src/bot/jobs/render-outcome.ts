// An analysis outcome → the messages the user gets: one summary card per report (a zip with
// several logs gives several, each saying which file), or a refusal card. The cards come built
// (prepare-outcome.ts, in the analysis worker) with the ids the reports are stored under here,
// before any card is sent.
import type { Activity } from 'botbuilder';
import type { Refusal } from '../../analyzer';
import { t, type Lang } from '../../i18n/lang';
import type { BotServices, ConversationScope } from '../bot-services';
import { cardMessage } from '../card-activity';
import { buildRefusalCard, explainRefusal, type DownloadProblem } from '../card-kit';
import { BOT_MESSAGES } from '../messages';
import type { PreparedOutcome, ReportSourceLabel } from './prepare-outcome';

export interface RenderContext {
  services: BotServices;
  scope: ConversationScope;
  lang: Lang;
  /** name of the uploaded file (or "pasted text") */
  fileName: string | undefined;
  /** label the messages with the file name (several inputs in one job) */
  labelAlways: boolean;
  /** text shown above the first card (the sample command's note) */
  intro?: string;
}

/** "logs.zip › AzureBackup_Check_NW_1.log", or the file name. */
export function fileLabelOf(source: ReportSourceLabel, fallback: string | undefined): string | undefined {
  if (source.archive && source.archiveEntry) return `${source.archive} › ${source.archiveEntry}`;
  return source.fileName ?? fallback;
}

/** The reports are stored (under the ids their cards carry) before any card goes out. */
export async function renderOutcome(outcome: PreparedOutcome, ctx: RenderContext): Promise<Partial<Activity>[]> {
  if (outcome.kind === 'refused') {
    return [refusalMessage(outcome.refusal, ctx.lang, ctx.fileName, ctx.labelAlways ? ctx.fileName : ctx.intro)];
  }
  const out: Partial<Activity>[] = [];
  const total = outcome.reports.length;
  for (const [i, { report, card, source }] of outcome.reports.entries()) {
    const label = fileLabelOf(source, ctx.fileName);
    await ctx.services.reports.save({ scope: ctx.scope, report, ...(label !== undefined ? { fileLabel: label } : {}) });
    let text: string | undefined;
    if (total > 1 && label !== undefined) text = t(BOT_MESSAGES.reportPart, ctx.lang, { label, index: i + 1, total });
    else if (ctx.labelAlways) text = label;
    if (i === 0 && ctx.intro) text = text ? `${ctx.intro}\n\n${text}` : ctx.intro;
    out.push(cardMessage(card, text));
  }
  return out;
}

export function refusalMessage(
  refusal: Refusal | { reason: DownloadProblem },
  lang: Lang,
  fileName: string | undefined,
  text?: string,
): Partial<Activity> {
  const input = 'refused' in refusal && fileName !== undefined && refusal.fileName === undefined ? { ...refusal, fileName } : refusal;
  const shownName = ('fileName' in input ? input.fileName : undefined) ?? fileName;
  const card = buildRefusalCard(explainRefusal(input, lang), lang, shownName !== undefined ? { fileName: shownName } : {});
  return cardMessage(card, text);
}
