// The buttons on report cards: explain a finding, all endpoints, back to the summary, switch the
// card's language. Each re-renders in place for everyone: the invoke response shows the new card
// to the clicker and the original message is updated for the rest of the conversation.
import { t } from '../../i18n/lang';
import type { ActionRegistry, ActionResult, TurnInfo } from '../action-registry';
import { buildEndpointsCard, buildExplanationCard, buildNoticeCard, buildSummaryCard } from '../card-kit';
import { BOT_MESSAGES, titleAndText } from '../messages';
import { loadReportFor } from '../report-access';

function invalid(ctx: TurnInfo): ActionResult {
  return { kind: 'card', card: buildNoticeCard(t(BOT_MESSAGES.actionInvalidTitle, ctx.lang), t(BOT_MESSAGES.actionInvalidText, ctx.lang), ctx.lang) };
}

type View = { view: 'summary' } | { view: 'endpoints'; page?: number } | { view: 'explain'; findingIndex: number };

async function render(ctx: TurnInfo, reportId: string, view: View): Promise<ActionResult> {
  const access = await loadReportFor(ctx, reportId);
  // a refusal is a message, not a card: the clicked card stays as it was
  if (!access.ok) return { kind: 'message', text: titleAndText(access.title, access.text, ctx.lang) };
  const { report, id } = access.stored;
  const options = { lang: ctx.lang, reportId: id };
  switch (view.view) {
    case 'summary':
      return { kind: 'card', card: buildSummaryCard(report, options), updateOriginal: true };
    case 'endpoints':
      return { kind: 'card', card: buildEndpointsCard(report, { ...options, ...(view.page !== undefined ? { page: view.page } : {}) }), updateOriginal: true };
    case 'explain':
      if (view.findingIndex >= report.findings.length) return invalid(ctx);
      return { kind: 'card', card: buildExplanationCard(report, view.findingIndex, options), updateOriginal: true };
  }
}

export function registerReportActions(registry: ActionRegistry): void {
  registry.registerAction('explain', (ctx) => render(ctx, ctx.data.reportId, { view: 'explain', findingIndex: ctx.data.findingIndex }));
  registry.registerAction('showSummary', (ctx) => render(ctx, ctx.data.reportId, { view: 'summary' }));
  registry.registerAction('showAllEndpoints', (ctx) =>
    render(ctx, ctx.data.reportId, { view: 'endpoints', ...(ctx.data.page !== undefined ? { page: ctx.data.page } : {}) }),
  );
  registry.registerAction('setLanguage', (ctx) => {
    const { view, findingIndex, reportId, page } = ctx.data;
    if (view === 'explain') {
      if (findingIndex === undefined) return Promise.resolve(invalid(ctx));
      return render(ctx, reportId, { view: 'explain', findingIndex });
    }
    if (view === 'endpoints') return render(ctx, reportId, { view: 'endpoints', ...(page !== undefined ? { page } : {}) });
    return render(ctx, reportId, { view: 'summary' });
  });
}

/** Used when no escalation feature registered `escalate`: say so instead of failing. */
export function escalationNotSetUp(ctx: TurnInfo): ActionResult {
  return {
    kind: 'card',
    card: buildNoticeCard(t(BOT_MESSAGES.escalationNotSetUpTitle, ctx.lang), t(BOT_MESSAGES.escalationNotSetUpText, ctx.lang), ctx.lang),
  };
}
