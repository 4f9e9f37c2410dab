// The Teams activity handler. It only routes: files and pasted logs become durable jobs,
// text commands and card buttons go through the ActionRegistry, other text is a follow-up
// question about the last report here. The HTTP turn stays short (Teams redelivers turns
// slower than ~15 s): it waits at most REPLY_IN_TURN_MS for a job (fast answers go out in the
// turn), slower work is answered proactively by the job runner.
import {
  ActivityTypes,
  TeamsActivityHandler,
  TeamsInfo,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { parseActionData } from '../cards/actions';
import { t } from '../i18n/lang';
import type { ActionContext, ActionRegistry, ActionResult, TurnInfo } from './action-registry';
import { escalationNotSetUp } from './actions/report-actions';
import type { BotServices } from './bot-services';
import { cardAttachment, cardMessage, ADAPTIVE_CARD_CONTENT_TYPE } from './card-activity';
import { buildNoticeCard } from './card-kit';
import { answerQuestion } from './followup/answer-question';
import { isOnlyThanks } from './followup/courtesy';
import { regionAskedAbout } from './followup/region-question';
import { regionCardMessage } from './commands/region-command';
import { findInputs, graphMessageRef, teamAadGroupIdOf } from './input/find-inputs';
import { looksLikeLog } from './input/looks-like-log';
import { messageText } from './input/message-text';
import type { JobSubmitter } from './jobs/enqueue-job';
import { refusalMessage } from './jobs/render-outcome';
import { isCopyInFlight } from './limits/dedupe-middleware';
import { BOT_MESSAGES, titleAndText } from './messages';
import { describeTurn, languageOfText } from './turn-info';

export interface NwcheckBotDeps {
  services: BotServices;
  registry: ActionRegistry;
  jobs: JobSubmitter;
  /** Graph credentials present: channel / group chat files can be read */
  graphConfigured: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 1:1 chats always address the bot; in channels and group chats only an @mention does. */
export function isAddressed(turn: TurnContext): boolean {
  const a = turn.activity;
  const type = a.conversation?.conversationType;
  if (type === 'personal' || type === undefined) return true;
  const botId = a.recipient?.id;
  return (a.entities ?? []).some((e) => e.type === 'mention' && isRecord(e.mentioned) && e.mentioned.id === botId);
}

export class NwcheckBot extends TeamsActivityHandler {
  private readonly deps: NwcheckBotDeps;

  constructor(deps: NwcheckBotDeps) {
    super();
    this.deps = deps;
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action') return this.handleCardAction(context);
    return super.onInvokeActivity(context);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const info = await describeTurn(context, this.deps.services, this.deps.registry);
    info.log.info({ event: 'installed' }, 'bot added to a conversation');
    await context.sendActivity(cardMessage(buildNoticeCard(t(BOT_MESSAGES.welcomeTitle, info.lang), t(BOT_MESSAGES.welcomeText, info.lang), info.lang)));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = Date.now();
    const info = await describeTurn(context, this.deps.services, this.deps.registry);
    const activity = context.activity;
    const addressed = isAddressed(context);
    const inputs = findInputs(activity);
    // a copy of a message another instance holds: only work that becomes a job goes on (the job
    // claim decides who answers); anything answered in the turn itself is left to the holder
    const copy = isCopyInFlight(context);
    let route = 'ignored';
    try {
      if (inputs.kind === 'files') {
        route = 'files';
        if (inputs.skipped > 0) info.log.warn({ event: 'files-skipped', skipped: inputs.skipped }, 'too many attachments in one message');
        await this.deps.jobs.answer(info, { kind: 'files', files: inputs.files });
        return;
      }
      if (inputs.kind === 'graph') {
        route = 'graph';
        await this.handleGraphFiles(info, addressed, copy);
        return;
      }
      const text = messageText(activity);
      const command = addressed ? info.registry.matchCommand(text) : undefined;
      if (copy && !(command === undefined && looksLikeLog(text))) {
        route = 'copy-dropped';
        return;
      }
      if (command) {
        route = `command:${command.command.name}`;
        const aliasIsJa = command.command.aliases.ja.some((a) => a.toLowerCase() === command.alias);
        await command.command.run({ ...info, lang: aliasIsJa ? 'ja' : info.lang, args: command.args, alias: command.alias });
        return;
      }
      if (looksLikeLog(text)) {
        route = 'pasted-log';
        await this.deps.jobs.answer(info, { kind: 'text', text });
        return;
      }
      const lang = languageOfText(text) ?? info.lang;
      if (addressed) {
        const region = regionAskedAbout(text);
        if (region) {
          route = 'question:region';
          await context.sendActivity(regionCardMessage(region, lang));
          return;
        }
        if (isOnlyThanks(text)) {
          route = 'thanks';
          await context.sendActivity({ text: t(BOT_MESSAGES.thanksReply, lang), textFormat: 'plain' });
          return;
        }
      }
      const latest = text === '' ? undefined : await info.services.reports.latestFor(info.scope);
      if (latest) {
        const { match, cards } = answerQuestion(text, latest, lang);
        // unaddressed channel chatter gets an answer only when it clearly is about the report
        if (!addressed && match.kind !== 'findings') return;
        route = `question:${match.kind}`;
        await context.sendActivity(cardMessage(cards));
        return;
      }
      if (!addressed) return;
      route = 'hint';
      await context.sendActivity(cardMessage(buildNoticeCard(t(BOT_MESSAGES.sendLogTitle, lang), t(BOT_MESSAGES.sendLogText, lang), lang)));
    } finally {
      // a message that became a job is logged once, by the job (job-done: sizes, timings, outcome)
      const level = route === 'files' || route === 'graph' || route === 'pasted-log' ? 'debug' : 'info';
      info.log[level]({ event: 'message', route, addressed, ms: Date.now() - started }, 'message handled');
    }
  }

  private async handleGraphFiles(info: TurnInfo, addressed: boolean, copy: boolean): Promise<void> {
    const context = info.turn;
    if (!this.deps.graphConfigured) {
      if (!addressed || copy) return;
      info.log.info({ event: 'graph-not-configured' }, 'channel file but Graph is not configured');
      await context.sendActivity(refusalMessage({ reason: 'graph-not-configured' }, info.lang, undefined));
      return;
    }
    let teamId = teamAadGroupIdOf(context.activity);
    if (!teamId && context.activity.conversation?.conversationType === 'channel') {
      try {
        teamId = (await TeamsInfo.getTeamDetails(context)).aadGroupId;
      } catch (err) {
        info.log.warn({ event: 'team-details-failed', errName: (err as Error).name }, 'could not read the team id');
      }
    }
    const message = graphMessageRef(context.activity, teamId);
    if (!message) {
      if (addressed && !copy) await context.sendActivity(refusalMessage({ reason: 'download-failed' }, info.lang, undefined));
      return;
    }
    // typing only for someone who asked (an unaddressed channel message may get no answer at all)
    await this.deps.jobs.answer(info, { kind: 'graph', message, quiet: !addressed }, { typing: addressed });
  }

  private async handleCardAction(context: TurnContext): Promise<InvokeResponse> {
    const started = Date.now();
    const info = await describeTurn(context, this.deps.services, this.deps.registry);
    const value: unknown = context.activity.value;
    const action = isRecord(value) && isRecord(value.action) ? value.action : undefined;
    const rawData = action && isRecord(action.data) ? action.data : {};
    const data = action?.type === 'Action.Execute' && typeof action.verb === 'string' ? parseActionData({ ...rawData, verb: action.verb }) : undefined;
    let verb = 'invalid';
    try {
      if (!data) {
        info.log.warn({ event: 'card-action-invalid' }, 'card action data rejected');
        return invokeCard(buildNoticeCard(t(BOT_MESSAGES.actionInvalidTitle, info.lang), t(BOT_MESSAGES.actionInvalidText, info.lang), info.lang));
      }
      verb = data.verb;
      const ctx: ActionContext = { ...info, lang: data.lang ?? info.lang, data };
      if (context.activity.replyToId) ctx.cardActivityId = context.activity.replyToId;
      const handler = info.registry.getAction(data.verb);
      let result: ActionResult;
      if (handler) result = await handler(ctx);
      else if (data.verb === 'escalate') result = escalationNotSetUp(ctx);
      else {
        info.log.warn({ event: 'card-action-unhandled', verb }, 'no handler for this verb');
        result = { kind: 'message', text: titleAndText(t(BOT_MESSAGES.actionInvalidTitle, ctx.lang), t(BOT_MESSAGES.actionInvalidText, ctx.lang), ctx.lang) };
      }
      if (result.kind === 'message') return invokeMessage(result.text);
      if (result.updateOriginal && ctx.cardActivityId) {
        try {
          await context.updateActivity({ type: ActivityTypes.Message, id: ctx.cardActivityId, attachments: [cardAttachment(result.card)] });
        } catch (err) {
          // the clicker still gets the card in the invoke response
          info.log.warn({ event: 'update-original-failed', errName: (err as Error).name, statusCode: (err as { statusCode?: number }).statusCode }, 'could not update the card message');
        }
      }
      return invokeCard(result.card);
    } catch (err) {
      info.log.error({ event: 'card-action-error', verb, err: { name: (err as Error).name, stack: (err as Error).stack } }, 'card action failed');
      return invokeMessage(titleAndText(t(BOT_MESSAGES.temporaryProblemTitle, info.lang), t(BOT_MESSAGES.temporaryProblemText, info.lang), info.lang));
    } finally {
      info.log.info({ event: 'card-action', verb, ms: Date.now() - started }, 'card action handled');
    }
  }
}

function invokeCard(card: Record<string, unknown>): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } };
}

function invokeMessage(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}
