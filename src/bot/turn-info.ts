// Who and where a turn is: tenant, conversation, user, the language to answer in, and a child
// logger carrying a request id. Never logs message contents.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { langFromLocale, type Lang } from '../i18n/lang';
import type { ActionRegistry, TurnInfo } from './action-registry';
import type { BotServices, ConversationScope } from './bot-services';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Tenant of the activity: Teams puts it in channelData.tenant.id (and conversation.tenantId). */
export function tenantIdOf(turn: TurnContext): string {
  const cd = isRecord(turn.activity.channelData) ? turn.activity.channelData : {};
  const tenant = isRecord(cd.tenant) ? cd.tenant : {};
  if (typeof tenant.id === 'string' && tenant.id !== '') return tenant.id;
  const conv = turn.activity.conversation as { tenantId?: unknown } | undefined;
  return typeof conv?.tenantId === 'string' ? conv.tenantId : '';
}

export function scopeOf(turn: TurnContext): ConversationScope {
  return { tenantId: tenantIdOf(turn), conversationId: turn.activity.conversation?.id ?? '' };
}

export function userIdOf(turn: TurnContext): string {
  const from = turn.activity.from as { id?: string; aadObjectId?: string } | undefined;
  return from?.aadObjectId || from?.id || '';
}

/**
 * The user's chosen language, else their Teams locale. The choice is a nicety: when the store
 * cannot be read (outage), the locale answers and the turn goes on (R11).
 */
export async function userLang(turn: TurnContext, services: BotServices): Promise<Lang> {
  const userId = userIdOf(turn);
  if (userId !== '') {
    try {
      const chosen = await services.preferences.getLanguage(tenantIdOf(turn), userId);
      if (chosen) return chosen;
    } catch (err) {
      services.log.warn({ event: 'preferences-unavailable', errName: (err as Error).name }, 'language preference not readable; using the Teams locale');
    }
  }
  return langFromLocale(turn.activity.locale);
}

export async function describeTurn(turn: TurnContext, services: BotServices, registry: ActionRegistry): Promise<TurnInfo> {
  const scope = scopeOf(turn);
  const requestId = randomUUID();
  const log = services.log.child({
    requestId,
    tenantId: scope.tenantId,
    conversationId: scope.conversationId,
    conversationType: turn.activity.conversation?.conversationType,
    activityType: turn.activity.type,
  });
  const info: TurnInfo = {
    turn,
    scope,
    userId: userIdOf(turn),
    lang: await userLang(turn, services),
    log,
    services,
    registry,
  };
  const name = turn.activity.from?.name;
  if (typeof name === 'string' && name !== '') info.userName = name;
  return info;
}

/**
 * Kana or CJK ideographs → the question was asked in Japanese; at least two English words →
 * English; anything else (a host name, "TLS?", "/reset", "hello", symbols) says nothing about the
 * language, so the user's own language applies (a Japanese user typing "proxy" is answered in
 * Japanese). A word: a token with two or more letters, not all capitals (TLS, DNS, NSG), not a
 * host name, address, path or URL (a "." ":" or "/" inside it).
 */
export function languageOfText(text: string): Lang | undefined {
  let words = 0;
  let letters = 0;
  let lower = false;
  let technical = false;
  let tokenLength = 0;
  const endToken = () => {
    if (letters >= 2 && lower && !technical) words++;
    letters = 0;
    lower = false;
    technical = false;
    tokenLength = 0;
  };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xff66 && c <= 0xff9f)) return 'ja';
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0) {
      endToken();
      continue;
    }
    if (c >= 0x61 && c <= 0x7a) {
      letters++;
      lower = true;
    } else if (c >= 0x41 && c <= 0x5a) letters++;
    else if ((c === 0x2e || c === 0x3a || c === 0x2f) && tokenLength > 0) technical = true; // "a.b", "x:443", "a/b"
    else if (c === 0x2f) technical = true; // "/reset"
    tokenLength++;
  }
  endToken();
  return words >= 2 ? 'en' : undefined;
}
