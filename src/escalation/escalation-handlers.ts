// The escalation buttons and commands, registered into the bot's ActionRegistry. Handlers only
// translate a Teams turn into service calls and cards; rules live in the service and the state
// machine. Engineer actions (take / reply / resolve) are accepted only from the escalation's
// engineers' channel and tenant (A10); requester actions only for a report of the conversation
// the click came from (A9, through the bot's own report access check).
import { TurnContext } from 'botbuilder';
import type { Report } from '../analyzer/report';
import type { ActionRegistry, ActionResult, CommandContext, TextCommand, TurnInfo } from '../bot/action-registry';
import { loadReportFor } from '../bot/report-access';
import { t, type Lang } from '../i18n/lang';
import type { ConversationRef, EscalationNotes, EscalationRecord, EscalationTarget, Person } from './escalation';
import {
  buildEngineerCard,
  buildEscalationFormCard,
  buildEscalationListCard,
  buildRequesterStatusCard,
  buildSetupCard,
} from './escalation-cards';
import type { ChangeOutcome, EscalationService } from './escalation-service';
import { splitThreadId } from './deep-link';
import { ESCALATION_MESSAGES as M } from './messages';
import { titleAndText } from '../bot/messages';

export interface EscalationHandlerDeps {
  service: EscalationService;
  now: () => number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function personOf(turn: TurnContext): Person {
  const from = turn.activity.from as { id?: string; name?: string; aadObjectId?: string } | undefined;
  const person: Person = { id: from?.id ?? '', name: from?.name ?? '' };
  if (from?.aadObjectId) person.aadObjectId = from.aadObjectId;
  return person;
}

/** Where the requester is, kept so the outbox can update their card and reply in their thread. */
export function conversationRefOf(turn: TurnContext, tenantId: string): ConversationRef {
  const ref = TurnContext.getConversationReference(turn.activity);
  const conversation = ref.conversation;
  return {
    serviceUrl: ref.serviceUrl ?? turn.activity.serviceUrl,
    channelId: ref.channelId ?? 'msteams',
    conversation: {
      id: conversation?.id ?? '',
      ...(conversation?.conversationType ? { conversationType: conversation.conversationType } : {}),
      tenantId: conversation?.tenantId ?? tenantId,
      isGroup: conversation?.isGroup ?? conversation?.conversationType !== 'personal',
    },
    ...(ref.bot?.id ? { bot: { id: ref.bot.id, ...(ref.bot.name ? { name: ref.bot.name } : {}) } } : {}),
  };
}

/** The channel a turn happens in (a thread's id without ";messageid="), undefined outside channels. */
export function channelOf(turn: TurnContext): { teamId?: string; channelId: string } | undefined {
  const activity = turn.activity;
  if (activity.conversation?.conversationType !== 'channel') return undefined;
  const channelData = isRecord(activity.channelData) ? activity.channelData : {};
  const team = isRecord(channelData.team) ? channelData.team : {};
  const channel = isRecord(channelData.channel) ? channelData.channel : {};
  const channelId = typeof channel.id === 'string' && channel.id !== '' ? channel.id : splitThreadId(activity.conversation.id).channelId;
  return typeof team.id === 'string' && team.id !== '' ? { teamId: team.id, channelId } : { channelId };
}

/** A10: the click comes from the escalation's own engineers' channel, in its tenant. */
export function isFromEngineersChannel(info: TurnInfo, record: EscalationRecord): boolean {
  if (info.scope.tenantId !== record.tenantId) return false;
  return splitThreadId(info.scope.conversationId).channelId === record.target.channelId;
}

function trimOrUndefined(value: string | undefined, max: number): string | undefined {
  const v = value?.trim();
  return v ? v.slice(0, max) : undefined;
}

export function registerEscalation(registry: ActionRegistry, deps: EscalationHandlerDeps): void {
  const { service } = deps;

  async function targetFor(info: TurnInfo, lang: Lang): Promise<EscalationTarget | undefined> {
    return service.targetFor(info.scope.tenantId, { serviceUrl: info.turn.activity.serviceUrl, lang });
  }

  registry.registerAction('escalate', async (ctx) => {
    const access = await loadReportFor(ctx, ctx.data.reportId);
    if (!access.ok) return { kind: 'message', text: titleAndText(access.title, access.text, ctx.lang) };
    if (!(await targetFor(ctx, ctx.lang))) return { kind: 'card', card: buildSetupCard(ctx.lang) };
    const open = await service.openFor(ctx.scope.tenantId, access.stored.id, personOf(ctx.turn).id);
    if (open) return { kind: 'card', card: buildRequesterStatusCard(open) };
    const fileName = access.stored.fileLabel ?? access.stored.report.source.fileName;
    return { kind: 'card', card: buildEscalationFormCard({ lang: ctx.lang, reportId: access.stored.id, ...(fileName ? { fileName } : {}) }) };
  });

  registry.registerAction('escalationSubmit', async (ctx) => {
    const access = await loadReportFor(ctx, ctx.data.reportId);
    if (!access.ok) return { kind: 'message', text: titleAndText(access.title, access.text, ctx.lang) };
    const target = await targetFor(ctx, ctx.lang);
    if (!target) return { kind: 'card', card: buildSetupCard(ctx.lang) };
    const notes: EscalationNotes = { tried: trimOrUndefined(ctx.data.tried, 4000) ?? '', urgency: ctx.data.urgency ?? 'normal' };
    if (notes.tried === '') {
      // "What you tried" is required (the form says so; a client that skips the check, or a
      // redelivered empty submit, must not create an escalation without it): the form stays as
      // the user filled it, the answer says what is missing. An escalation already open for
      // this report is shown as it is (a second click after a successful submit).
      const open = await service.openFor(ctx.scope.tenantId, access.stored.id, personOf(ctx.turn).id);
      if (open) return { kind: 'card', card: buildRequesterStatusCard(open) };
      return { kind: 'message', text: t(M.formTriedRequired, ctx.lang) };
    }
    const caseNumber = trimOrUndefined(ctx.data.caseNumber, 64);
    const contact = trimOrUndefined(ctx.data.contact, 256);
    if (caseNumber) notes.caseNumber = caseNumber;
    if (contact) notes.contact = contact;
    const fileName = access.stored.fileLabel ?? access.stored.report.source.fileName;
    const { record, created } = await service.submit({
      tenantId: ctx.scope.tenantId,
      reportId: access.stored.id,
      ...(fileName ? { fileName } : {}),
      lang: ctx.lang,
      requester: personOf(ctx.turn),
      requesterRef: conversationRefOf(ctx.turn, ctx.scope.tenantId),
      ...(ctx.cardActivityId ? { requesterCardActivityId: ctx.cardActivityId } : {}),
      notes,
      target,
      report: access.stored.report,
    });
    ctx.log.info({ event: 'escalation-submitted', escalationId: record.id, created }, created ? 'escalation created' : 'escalation already existed');
    // the record is durable: now the requester may hear "escalated" (everyone in the thread sees it)
    return { kind: 'card', card: buildRequesterStatusCard(record), updateOriginal: true };
  });

  async function engineerAction(
    ctx: TurnInfo & { data: { verb: 'escalationTake' | 'escalationReply' | 'escalationResolve'; escalationId: string } },
    run: (by: Person) => Promise<ChangeOutcome>,
    done: (record: EscalationRecord) => string,
  ): Promise<ActionResult> {
    const record = await service.get(ctx.data.escalationId);
    if (!record) return { kind: 'message', text: t(M.escalationNotFound, ctx.lang) };
    if (!isFromEngineersChannel(ctx, record)) {
      ctx.log.warn({ event: 'escalation-action-refused', escalationId: record.id, verb: ctx.data.verb }, 'escalation action outside the engineers\u2019 channel');
      return { kind: 'message', text: t(M.notEngineersChannel, ctx.lang) };
    }
    const outcome = await run(personOf(ctx.turn));
    if (!outcome.ok && outcome.code === 'not-found') return { kind: 'message', text: t(M.escalationNotFound, ctx.lang) };
    const lang = record.target.lang;
    if (!outcome.ok && outcome.code === 'empty-text') {
      return { kind: 'message', text: t(ctx.data.verb === 'escalationResolve' ? M.needResolveNote : M.needReplyText, lang) };
    }
    const current = outcome.record;
    const report = await service.store.getReport<Report>(current.id);
    let notice: string;
    if (outcome.ok) notice = done(current);
    else if (outcome.code === 'already-taken') notice = t(M.noticeAlreadyTaken, lang, { name: outcome.owner.name });
    else notice = t(M.noticeAlreadyResolved, lang, { name: outcome.by?.name ?? current.owner?.name ?? '' });
    ctx.log.info({ event: 'escalation-action', escalationId: current.id, verb: ctx.data.verb, ok: outcome.ok }, 'escalation action handled');
    // The clicker sees the new state at once; everyone else gets it from the outbox's update
    // (which keeps the post's @mentions: updating here would resend the card without them).
    return { kind: 'card', card: buildEngineerCard(current, report, { notice }) };
  }

  registry.registerAction('escalationTake', (ctx) =>
    engineerAction(ctx, (by) => service.take(ctx.data.escalationId, by), (r) => t(M.noticeTaken, r.target.lang)),
  );
  registry.registerAction('escalationReply', (ctx) =>
    engineerAction(ctx, (by) => service.reply(ctx.data.escalationId, by, ctx.data.replyText ?? ''), (r) => t(M.noticeReplySent, r.target.lang)),
  );
  registry.registerAction('escalationResolve', (ctx) =>
    engineerAction(ctx, (by) => service.resolve(ctx.data.escalationId, by, ctx.data.resolveNote ?? ''), (r) => t(M.noticeResolved, r.target.lang)),
  );

  registry.registerCommand(createEscalationHereCommand(deps));
  registry.registerCommand(createEscalationListCommand(deps));
}

async function reply(ctx: CommandContext, text: string): Promise<void> {
  await ctx.turn.sendActivity({ type: 'message', text, textFormat: 'plain' });
}

export function createEscalationHereCommand(deps: EscalationHandlerDeps): TextCommand {
  return {
    name: 'escalation-here',
    aliases: { en: ['escalation here'], ja: ['エスカレーション先 ここ', 'エスカレーション先ここ', 'ここをエスカレーション先にする'] },
    title: M.hereCommandTitle,
    usage: M.hereCommandUsage,
    description: M.hereCommandDescription,
    scopes: ['team'],
    async run(ctx) {
      const where = channelOf(ctx.turn);
      if (!where?.teamId) {
        await reply(ctx, t(M.hereNotChannel, ctx.lang));
        return;
      }
      const setBy = personOf(ctx.turn);
      const result = await deps.service.setTarget({
        tenantId: ctx.scope.tenantId,
        teamId: where.teamId,
        channelId: where.channelId,
        serviceUrl: ctx.turn.activity.serviceUrl,
        lang: ctx.lang,
        source: 'chat',
        setBy,
        setAt: new Date(deps.now()).toISOString(),
      });
      if (!result.ok) {
        await reply(ctx, t(M.hereEnvFixed, ctx.lang));
        return;
      }
      const replaced = result.previous !== undefined && result.previous.channelId !== where.channelId;
      // audit: who moved where escalations go
      ctx.log.info(
        { event: 'escalation-target-set', teamId: where.teamId, channelId: where.channelId, previousChannelId: result.previous?.channelId, by: setBy.aadObjectId ?? setBy.id },
        'escalation target set',
      );
      await reply(ctx, replaced ? `${t(M.hereConfirm, ctx.lang)} ${t(M.hereReplaced, ctx.lang)}` : t(M.hereConfirm, ctx.lang));
    },
  };
}

export function createEscalationListCommand(deps: EscalationHandlerDeps): TextCommand {
  return {
    name: 'escalations',
    aliases: { en: ['escalations', 'list escalations'], ja: ['エスカレーション一覧'] },
    title: M.listCommandTitle,
    usage: M.listCommandUsage,
    description: M.listCommandDescription,
    scopes: ['team'],
    async run(ctx) {
      const target = await deps.service.targetFor(ctx.scope.tenantId, { serviceUrl: ctx.turn.activity.serviceUrl, lang: ctx.lang });
      const where = channelOf(ctx.turn);
      if (!target || !where || where.channelId !== target.channelId) {
        await reply(ctx, t(M.listNotHere, ctx.lang));
        return;
      }
      const open = await deps.service.listOpen(ctx.scope.tenantId);
      const card = buildEscalationListCard(open, ctx.lang, deps.now());
      await ctx.turn.sendActivity({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
    },
  };
}
