// Escalation record → card data → cards/escalation-*.json. Every value a user typed (notes,
// names, replies, file names) goes in as TextRun data through cardText/cardLine, never as
// markdown, and every template field is always supplied (arrays, possibly empty, for the
// optional parts).
import type { Report } from '../analyzer/report';
import { makeActionData } from '../cards/make-action-data';
import { renderTemplate, type AdaptiveCardJson } from '../cards/render-template';
import { CARD_BYTE_BUDGET, cardBytes } from '../cards/card-size';
import { cardLine, cardText, isSafeUrl } from '../cards/card-text';
import { SUMMARY_LIMITS, summaryCardData } from '../cards/summary-card';
import { buildNoticeCard } from '../cards/notice-card';
import { t, type Lang } from '../i18n/lang';
import type { EscalationRecord, EscalationState, HistoryEntry, Urgency } from './escalation';
import { originalConversationLink, threadLink } from './deep-link';
import { ESCALATION_MESSAGES as M } from './messages';

type Card = AdaptiveCardJson;

const URGENCY_TEXT = { low: M.urgencyShortLow, normal: M.urgencyShortNormal, high: M.urgencyShortHigh } as const;
const URGENCY_STYLE: Record<Urgency, string> = { low: 'emphasis', normal: 'warning', high: 'attention' };
const STATE_TEXT = { open: M.stateOpen, taken: M.stateTaken, resolved: M.stateResolved } as const;
const MAX_NOTE = 2000;
const MAX_HISTORY_LINES = 12;
const MAX_LIST_ROWS = 25;

export function urgencyText(urgency: Urgency, lang: Lang): string {
  return t(URGENCY_TEXT[urgency], lang);
}

const URGENCY_VALUE = { low: M.urgencyValueLow, normal: M.urgencyValueNormal, high: M.urgencyValueHigh } as const;

/** The urgency as a fact's value: "High", not "high". */
export function urgencyValue(urgency: Urgency, lang: Lang): string {
  return t(URGENCY_VALUE[urgency], lang);
}

export function stateText(state: EscalationState, lang: Lang): string {
  return t(STATE_TEXT[state], lang);
}

/** "2026-01-05 09:00" (UTC): unambiguous for engineers in any time zone. */
export function formatUtc(iso: string): string {
  return iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso;
}

function fact(label: string, value: string): { label: string; value: string } {
  return { label, value };
}

// ---- requester side ------------------------------------------------------------------------

export interface FormCardInput {
  lang: Lang;
  reportId: string;
  fileName?: string;
}

export function buildEscalationFormCard(input: FormCardInput): Card {
  const { lang } = input;
  return renderTemplate('escalation-form', {
    lang,
    fallbackText: t(M.formTitle, lang),
    title: t(M.formTitle, lang),
    intro: t(M.formIntro, lang),
    facts: [fact(t(M.formFile, lang), cardLine(input.fileName ?? t(M.unknownFile, lang), 200))],
    tried: { label: t(M.formTriedLabel, lang), placeholder: t(M.formTriedPlaceholder, lang), required: t(M.formTriedRequired, lang) },
    urgency: {
      label: t(M.formUrgencyLabel, lang),
      required: t(M.formUrgencyRequired, lang),
      choices: [
        { title: t(M.urgencyLow, lang), value: 'low' },
        { title: t(M.urgencyNormal, lang), value: 'normal' },
        { title: t(M.urgencyHigh, lang), value: 'high' },
      ],
    },
    caseNumber: { label: t(M.formCaseLabel, lang) },
    contact: { label: t(M.formContactLabel, lang), placeholder: t(M.formContactPlaceholder, lang) },
    submit: { title: t(M.formSubmit, lang), data: makeActionData({ verb: 'escalationSubmit', reportId: input.reportId, lang }) },
    cancel: { title: t(M.formCancel, lang), data: makeActionData({ verb: 'showSummary', reportId: input.reportId, lang }) },
  });
}

function lastEntry(record: EscalationRecord, action: HistoryEntry['action']): HistoryEntry | undefined {
  for (let i = record.history.length - 1; i >= 0; i--) {
    const entry = record.history[i];
    if (entry?.action === action) return entry;
  }
  return undefined;
}

/** The requester's card: what happened to their escalation, in their language. */
export function buildRequesterStatusCard(record: EscalationRecord): Card {
  const lang = record.lang;
  const ownerName = cardLine(record.owner?.name ?? '', 100);
  const stateLine =
    record.state === 'resolved'
      ? t(M.stateResolvedText, lang, { name: cardLine(lastEntry(record, 'resolved')?.by.name ?? ownerName, 100) })
      : record.state === 'taken'
        ? t(M.stateTakenText, lang, { name: ownerName })
        : t(M.stateOpenText, lang);
  const sections: { label: string; text: string; style: string }[] = [];
  if (record.postFailed !== undefined) {
    sections.push({ label: t(M.statusTitle, lang), text: t(M.postFailedText, lang, { id: record.id }), style: 'attention' });
  }
  const reply = lastEntry(record, 'replied');
  if (reply?.note) sections.push({ label: t(M.lastReplyLabel, lang), text: cardText(reply.note, MAX_NOTE), style: 'emphasis' });
  const resolved = lastEntry(record, 'resolved');
  if (resolved?.note) sections.push({ label: t(M.resolutionLabel, lang), text: cardText(resolved.note, MAX_NOTE), style: 'good' });
  const facts = [fact(t(M.fileLabel, lang), cardLine(record.fileName ?? t(M.unknownFile, lang), 200)), fact(t(M.urgencyLabel, lang), urgencyValue(record.notes.urgency, lang))];
  if (record.notes.caseNumber) facts.push(fact(t(M.caseLabel, lang), cardLine(record.notes.caseNumber, 64)));
  const headerStyle = record.postFailed !== undefined ? 'attention' : record.state === 'resolved' ? 'good' : 'accent';
  return renderTemplate('escalation-status', {
    lang,
    fallbackText: `${t(M.statusTitle, lang)} (${record.id})`,
    header: { style: headerStyle, title: t(M.statusTitle, lang), id: t(M.statusId, lang, { id: record.id }), state: stateLine },
    facts,
    sections,
    back: { title: t(M.backToReport, lang), data: makeActionData({ verb: 'showSummary', reportId: record.reportId, lang }) },
  });
}

export interface OutgoingActivity {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain' | 'xml';
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
  entities?: Record<string, unknown>[];
}

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** An engineer's answer or the resolution note, posted in the requester's original thread. */
export function buildRequesterReplyActivity(record: EscalationRecord, entry: HistoryEntry): OutgoingActivity {
  const lang = record.lang;
  const engineer = cardLine(entry.by.name, 100);
  const resolved = entry.action === 'resolved';
  const title = t(resolved ? M.resolvedHeader : M.replyHeader, lang, { engineer, id: record.id });
  const card = renderTemplate('escalation-reply', {
    lang,
    fallbackText: title,
    style: resolved ? 'good' : 'emphasis',
    title,
    text: cardText(entry.note ?? '', MAX_NOTE),
  });
  // the text is ours only (names and ids); the engineer's words are in the card, as TextRun
  return { type: 'message', summary: title, attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] };
}

// ---- engineers' side -----------------------------------------------------------------------

export interface EngineerCardOptions {
  /** a short line on top, e.g. "Sato already has this one" for the engineer who lost the race */
  notice?: string;
}

function historyLine(entry: HistoryEntry, lang: Lang): string {
  const params = { at: formatUtc(entry.at), name: cardLine(entry.by.name, 100), note: cardLine(entry.note ?? '', 300) };
  switch (entry.action) {
    case 'created':
      return t(M.historyCreated, lang, params);
    case 'taken':
      return t(M.historyTaken, lang, params);
    case 'replied':
      return t(M.historyReplied, lang, params);
    case 'resolved':
      return t(M.historyResolved, lang, params);
  }
}

/** The summary card's body with its buttons taken out: they act on a report scoped elsewhere. */
export function stripExecuteActions(node: unknown): unknown {
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    for (const item of node) {
      const stripped = stripExecuteActions(item);
      if (stripped !== undefined) out.push(stripped);
    }
    return out;
  }
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  if (record.type === 'Action.Execute' || record.type === 'Action.Submit') return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'selectAction' && typeof value === 'object' && value !== null) {
      const type = (value as { type?: unknown }).type;
      if (type === 'Action.Execute' || type === 'Action.Submit') continue;
    }
    out[key] = stripExecuteActions(value);
  }
  if (out.type === 'ActionSet' && Array.isArray(out.actions) && out.actions.length === 0) return undefined;
  return out;
}

function summaryParts(report: Report | undefined, record: EscalationRecord, limitsIndex: number): { items: unknown[] }[] {
  if (!report) return [];
  const limits = SUMMARY_LIMITS[limitsIndex];
  if (!limits) return [];
  const summary = renderTemplate('summary', summaryCardData(report, { lang: record.target.lang, reportId: record.reportId }, limits));
  return [{ items: stripExecuteActions(summary.body) as unknown[] }];
}

function engineerCardData(record: EscalationRecord, report: Report | undefined, options: EngineerCardOptions, limitsIndex: number): Record<string, unknown> {
  const lang = record.target.lang;
  const notes = record.notes;
  const none = t(M.none, lang);
  const facts = [
    fact(t(M.requesterLabel, lang), cardLine(record.requester.name, 100)),
    fact(t(M.fileLabel, lang), cardLine(record.fileName ?? t(M.unknownFile, lang), 200)),
    fact(t(M.urgencyLabel, lang), urgencyValue(notes.urgency, lang)),
    fact(t(M.caseLabel, lang), notes.caseNumber ? cardLine(notes.caseNumber, 64) : none),
    fact(t(M.contactLabel, lang), notes.contact ? cardLine(notes.contact, 256) : none),
    fact(t(M.receivedLabel, lang), formatUtc(record.createdAt)),
    fact(t(M.stateLabel, lang), stateText(record.state, lang)),
    fact(t(M.ownerLabel, lang), record.owner ? cardLine(record.owner.name, 100) : t(M.nobody, lang)),
  ];
  const history = record.history.slice(-MAX_HISTORY_LINES).map((entry) => ({ text: historyLine(entry, lang) }));
  const link = originalConversationLink(record);
  const open = record.state !== 'resolved';
  const data = (verb: 'escalationTake' | 'escalationReply' | 'escalationResolve') => makeActionData({ verb, escalationId: record.id, lang });
  const parts = limitsIndex < 0 ? [] : summaryParts(report, record, limitsIndex);
  const title = t(M.engineerTitle, lang, { id: record.id });
  return {
    lang,
    fallbackText: `${title}: ${cardLine(record.requester.name, 100)}`,
    notices: options.notice ? [{ text: cardLine(options.notice, 300) }] : [],
    header: {
      style: open ? URGENCY_STYLE[notes.urgency] : 'good',
      title,
      state: `${stateText(record.state, lang)} · ${urgencyText(notes.urgency, lang)}`,
    },
    facts,
    tried: { label: t(M.triedLabel, lang), text: cardText(notes.tried, MAX_NOTE) },
    history: { label: t(M.historyLabel, lang), lines: history },
    links: link && isSafeUrl(link) ? [{ title: t(M.openConversation, lang), url: link }] : [],
    summary: {
      label: t(M.summaryLabel, lang),
      omitted: parts.length === 0 ? [{ text: t(M.summaryOmitted, lang) }] : [],
      parts,
    },
    buttons: {
      take: record.state === 'open' ? [{ title: t(M.takeButton, lang), data: data('escalationTake') }] : [],
      reply: open
        ? [{ title: t(M.replyButton, lang), inputLabel: t(M.replyInputLabel, lang), required: t(M.needReplyText, lang), sendTitle: t(M.replySend, lang), data: data('escalationReply') }]
        : [],
      resolve: open
        ? [{ title: t(M.resolveButton, lang), inputLabel: t(M.resolveInputLabel, lang), required: t(M.needResolveNote, lang), sendTitle: t(M.resolveSend, lang), data: data('escalationResolve') }]
        : [],
    },
  };
}

/**
 * The engineers' card: escalation facts, notes, history, link back, and the report summary
 * (the same renderer as the requester's card, its buttons removed). The summary is cut with the
 * summary's own limits until the whole card fits the Teams budget, and left out as a last resort.
 */
export function buildEngineerCard(record: EscalationRecord, report: Report | undefined, options: EngineerCardOptions = {}, budget = CARD_BYTE_BUDGET): Card {
  let card: Card | undefined;
  for (let i = 0; i < SUMMARY_LIMITS.length; i++) {
    card = renderTemplate('escalation-engineer', engineerCardData(record, report, options, i));
    if (cardBytes(card) <= budget) return card;
  }
  card = renderTemplate('escalation-engineer', engineerCardData(record, report, options, -1));
  return card;
}

export interface MentionSpec {
  kind: 'user' | 'tag';
  id: string;
  name: string;
}

/** `<at>` text must match the entity text exactly; names are XML-escaped inside it. */
export function mentionText(name: string): string {
  return `<at>${escapeXml(cardLine(name, 100))}</at>`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function mentionEntity(spec: MentionSpec): Record<string, unknown> {
  return {
    type: 'mention',
    text: mentionText(spec.name),
    mentioned: spec.kind === 'tag' ? { id: spec.id, name: cardLine(spec.name, 100), type: 'tag' } : { id: spec.id, name: cardLine(spec.name, 100) },
  };
}

/**
 * The message posted as a new thread in the engineers' channel (and re-sent on every update, so
 * the mentions stay): who asked and the on-call person or tag as real @mentions, and the card.
 */
export function buildEngineerPostActivity(record: EscalationRecord, report: Report | undefined, mention: MentionSpec | undefined, options: EngineerCardOptions = {}): OutgoingActivity {
  const lang = record.target.lang;
  const requester: MentionSpec = { kind: 'user', id: record.requester.id, name: record.requester.name };
  const entities = [mentionEntity(requester)];
  let text = t(M.postText, lang, { requester: mentionText(requester.name), id: record.id, urgency: urgencyText(record.notes.urgency, lang) });
  if (mention) {
    entities.push(mentionEntity(mention));
    text += ` ${t(M.postOnCall, lang, { mention: mentionText(mention.name) })}`;
  }
  const card = buildEngineerCard(record, report, options);
  return {
    type: 'message',
    text,
    textFormat: 'xml',
    summary: t(M.engineerTitle, lang, { id: record.id }),
    entities,
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }],
  };
}

// ---- list and setup ------------------------------------------------------------------------

export function formatAge(fromIso: string, now: number, lang: Lang): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return t(M.ageMinutes, lang, { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t(M.ageHours, lang, { n: hours });
  return t(M.ageDays, lang, { n: Math.floor(hours / 24) });
}

export function buildEscalationListCard(records: readonly EscalationRecord[], lang: Lang, now: number): Card {
  const rows = records.slice(0, MAX_LIST_ROWS).map((record) => {
    const link = threadLink(record);
    return {
      style: record.state === 'open' ? URGENCY_STYLE[record.notes.urgency] : 'default',
      line: t(M.listRow, lang, {
        id: record.id,
        state: `${stateText(record.state, lang)} (${urgencyText(record.notes.urgency, lang)})`,
        age: formatAge(record.createdAt, now, lang),
        owner: record.owner ? cardLine(record.owner.name, 100) : t(M.nobody, lang),
      }),
      detail: t(M.listRowDetail, lang, {
        requester: cardLine(record.requester.name, 100),
        file: cardLine(record.fileName ?? t(M.unknownFile, lang), 120),
      }),
      links: link && isSafeUrl(link) ? [{ title: t(M.openThread, lang), url: link }] : [],
    };
  });
  const title = t(M.listTitle, lang, { count: records.length });
  return renderTemplate('escalation-list', {
    lang,
    fallbackText: title,
    title,
    empty: records.length === 0 ? [{ text: t(M.listEmpty, lang) }] : [],
    rows,
    more: records.length > MAX_LIST_ROWS ? [{ text: `… +${records.length - MAX_LIST_ROWS}` }] : [],
  });
}

export function buildSetupCard(lang: Lang): Card {
  return buildNoticeCard(t(M.setupTitle, lang), t(M.setupText, lang), lang, { style: 'warning' });
}
