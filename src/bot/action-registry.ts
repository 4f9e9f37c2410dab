// The bot's routing table. Card buttons (Universal Actions `Action.Execute`, keyed by verb) and
// text commands (name + ja/en aliases) are registered here; the activity handler only looks
// things up. The help card and the manifest's command list are generated from the same entries.
//
// Other features plug in with a function `(registry, services) => void`, e.g. escalation:
//   export function registerEscalation(registry: ActionRegistry, services: BotServices): void {
//     registry.registerAction('escalate', async (ctx) => ({ kind: 'card', card: … }));
//     registry.registerCommand({ name: 'escalation-here', aliases: { en: ['escalation here'], ja: ['エスカレーション先'] }, … });
//   }
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ActionData, ActionVerb } from '../cards/actions';
import type { Lang, LocalizedText } from '../i18n/lang';
import type { BotServices, ConversationScope } from './bot-services';

/** An Adaptive Card object (the attachment `content`). */
export type AdaptiveCard = Record<string, unknown>;

export type ActionDataFor<V extends ActionVerb> = Extract<ActionData, { verb: V }>;

/** What every handler knows about the turn it runs in. */
export interface TurnInfo {
  turn: TurnContext;
  scope: ConversationScope;
  /** AAD object id when Teams sends it, else the Teams user id */
  userId: string;
  userName?: string;
  /** the language to answer in (already resolved: card/data → user override → Teams locale) */
  lang: Lang;
  /** per-turn child logger (request id, tenant, conversation bound) */
  log: Logger;
  services: BotServices;
  registry: ActionRegistry;
}

export interface ActionContext<V extends ActionVerb = ActionVerb> extends TurnInfo {
  data: ActionDataFor<V>;
  /** id of the message holding the card that was clicked (for updating it in place) */
  cardActivityId?: string;
}

/**
 * What a button does:
 * - `card`: the card becomes the invoke response (Teams shows it in place of the clicked card for
 *   the clicker); with `updateOriginal` the bot also updates the message for everyone.
 * - `message`: a short text answer to the invoke (Teams shows it as a toast/text).
 */
export type ActionResult =
  | { kind: 'card'; card: AdaptiveCard; updateOriginal?: boolean }
  | { kind: 'message'; text: string };

export type ActionHandler<V extends ActionVerb = ActionVerb> = (ctx: ActionContext<V>) => Promise<ActionResult>;

export interface CommandContext extends TurnInfo {
  /** text after the alias, trimmed ("ja" in "language ja") */
  args: string;
  /** the alias the user typed (normalized) */
  alias: string;
}

export interface TextCommand {
  /** stable id, kebab-case: "help", "language", "escalation-here" */
  name: string;
  /** what users type (matched case-insensitively, whole words); may contain spaces */
  aliases: { ja: readonly string[]; en: readonly string[] };
  title: LocalizedText;
  description: LocalizedText;
  /** shown in help, e.g. { en: 'language ja|en', ja: '言語 日本語|英語' } */
  usage?: LocalizedText;
  /** not listed in help / manifest (still matched) */
  hidden?: boolean;
  /** which Teams scopes the manifest lists it for; default all */
  scopes?: readonly ('personal' | 'team' | 'groupChat')[];
  run(ctx: CommandContext): Promise<void>;
}

export interface CommandMatch {
  command: TextCommand;
  alias: string;
  args: string;
}

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** Lower-case, full-width spaces and runs of whitespace folded to one ASCII space, trimmed. */
export function normalizeCommandText(text: string): string {
  let out = '';
  let lastSpace = true;
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const isSpace = ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u3000' || ch === '\u00a0';
    if (isSpace) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += ch;
      lastSpace = false;
    }
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/**
 * Japanese is written without spaces, so "言語英語" is the language command with "英語", but
 * "リージョンは東日本ですか" is a question: a particle (hiragana) right after the alias is not an
 * argument.
 */
function isJapaneseArgumentStart(rest: string): boolean {
  const c = rest.codePointAt(0) ?? 0;
  const asciiAlnum = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
  const hiragana = c >= 0x3040 && c <= 0x309f;
  return !asciiAlnum && !hiragana;
}

export class ActionRegistry {
  private readonly actions = new Map<ActionVerb, ActionHandler>();
  private readonly commandList: TextCommand[] = [];

  registerAction<V extends ActionVerb>(verb: V, handler: ActionHandler<V>, options: { replace?: boolean } = {}): void {
    if (this.actions.has(verb) && !options.replace) throw new RegistryError(`action "${verb}" is already registered`);
    this.actions.set(verb, handler as unknown as ActionHandler);
  }

  getAction<V extends ActionVerb>(verb: V): ActionHandler<V> | undefined {
    return this.actions.get(verb) as ActionHandler<V> | undefined;
  }

  hasAction(verb: ActionVerb): boolean {
    return this.actions.has(verb);
  }

  registeredVerbs(): ActionVerb[] {
    return [...this.actions.keys()];
  }

  registerCommand(command: TextCommand, options: { replace?: boolean } = {}): void {
    const existing = this.commandList.findIndex((c) => c.name === command.name);
    if (existing >= 0 && !options.replace) throw new RegistryError(`command "${command.name}" is already registered`);
    for (const alias of [...command.aliases.ja, ...command.aliases.en]) {
      const n = normalizeCommandText(alias);
      if (n === '') throw new RegistryError(`command "${command.name}" has an empty alias`);
      const clash = this.commandList.find(
        (c) => c.name !== command.name && [...c.aliases.ja, ...c.aliases.en].some((a) => normalizeCommandText(a) === n),
      );
      if (clash) throw new RegistryError(`alias "${alias}" of "${command.name}" is already used by "${clash.name}"`);
    }
    if (existing >= 0) this.commandList.splice(existing, 1, command);
    else this.commandList.push(command);
  }

  commands(options: { includeHidden?: boolean } = {}): readonly TextCommand[] {
    return options.includeHidden ? [...this.commandList] : this.commandList.filter((c) => !c.hidden);
  }

  /**
   * The command a message starts with: the longest alias that is the whole text or is followed by
   * a space ("language ja" → language, "languages" → nothing). Japanese aliases may be followed
   * directly by their argument too ("言語日本語"), since Japanese is written without spaces.
   */
  matchCommand(text: string): CommandMatch | undefined {
    const normalized = normalizeCommandText(text);
    let best: CommandMatch | undefined;
    for (const command of this.commandList) {
      for (const [alias, lang] of [
        ...command.aliases.en.map((a) => [a, 'en'] as const),
        ...command.aliases.ja.map((a) => [a, 'ja'] as const),
      ]) {
        const a = normalizeCommandText(alias);
        if (!normalized.startsWith(a)) continue;
        const rest = normalized.slice(a.length);
        const boundary = rest === '' || rest.startsWith(' ') || (lang === 'ja' && isJapaneseArgumentStart(rest));
        if (!boundary) continue;
        if (!best || a.length > best.alias.length) best = { command, alias: a, args: rest.trim() };
      }
    }
    return best;
  }
}
