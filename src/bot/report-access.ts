// A card button names a report by id; the id alone grants nothing. The report must belong to
// the tenant and the conversation (channel or chat; any thread of the same channel counts) the
// click came from, otherwise the click is refused without showing any report data.
import type { AdaptiveCard, TurnInfo } from './action-registry';
import type { ConversationScope, StoredReport } from './bot-services';
import { buildNoticeCard } from './card-kit';
import { baseConversationId } from './input/find-inputs';
import { BOT_MESSAGES } from './messages';
import { t } from '../i18n/lang';

export type ReportAccess =
  | { ok: true; stored: StoredReport }
  | { ok: false; reason: 'not-found' | 'other-conversation'; title: string; text: string; card: AdaptiveCard };

export function sameConversation(a: ConversationScope, b: ConversationScope): boolean {
  return a.tenantId === b.tenantId && baseConversationId(a.conversationId) === baseConversationId(b.conversationId);
}

export async function loadReportFor(info: TurnInfo, reportId: string): Promise<ReportAccess> {
  const { services, lang } = info;
  const stored = await services.reports.get(reportId);
  if (!stored) {
    const title = t(BOT_MESSAGES.reportGoneTitle, lang);
    const text = t(BOT_MESSAGES.reportGoneText, lang, { days: services.config.reportRetentionDays });
    return { ok: false, reason: 'not-found', title, text, card: buildNoticeCard(title, text, lang) };
  }
  if (!sameConversation(stored.scope, info.scope)) {
    info.log.warn({ event: 'report-access-denied', reportTenant: stored.scope.tenantId }, 'card action for a report of another conversation refused');
    const title = t(BOT_MESSAGES.reportElsewhereTitle, lang);
    const text = t(BOT_MESSAGES.reportElsewhereText, lang);
    return { ok: false, reason: 'other-conversation', title, text, card: buildNoticeCard(title, text, lang) };
  }
  return { ok: true, stored };
}
