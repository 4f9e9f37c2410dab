// The manifest's command lists, made from the bot's command list (src/bot/commands/command-list):
// one list per scope, English titles in manifest.json, Japanese in ja-jp.json. Teams sends the
// chosen title as the message text, so titles must be aliases the bot's matcher accepts (tested).
import { BOT_COMMANDS, type CommandDescriptor } from '../bot/commands/command-list';

export const BOT_SCOPES = ['personal', 'team', 'groupChat'] as const;
export type BotScope = (typeof BOT_SCOPES)[number];

/** Older Teams clients cut titles at 32 characters and descriptions at 128; stay within both. */
export const MAX_COMMAND_TITLE = 32;
export const MAX_COMMAND_DESCRIPTION = 128;
const MAX_COMMANDS_PER_LIST = 10;

export interface ManifestCommandList {
  scopes: BotScope[];
  commands: { title: string; description: string }[];
}

export function listedCommands(commands: readonly CommandDescriptor[] = BOT_COMMANDS): CommandDescriptor[] {
  return commands.filter((c) => !c.hidden);
}

/** `bots[0].commandLists` in English, one entry per scope that has commands. */
export function manifestCommandLists(commands: readonly CommandDescriptor[] = BOT_COMMANDS): ManifestCommandList[] {
  return perScope(commands).map(({ scope, list }) => ({
    scopes: [scope],
    commands: list.map((c) => ({ title: c.title.en, description: c.description.en })),
  }));
}

/** The ja-jp.json keys for the same lists: `bots[0].commandLists[i].commands[j].title` → text. */
export function localizedCommandKeys(commands: readonly CommandDescriptor[] = BOT_COMMANDS): Record<string, string> {
  const out: Record<string, string> = {};
  perScope(commands).forEach(({ list }, i) => {
    list.forEach((c, j) => {
      out[`bots[0].commandLists[${i}].commands[${j}].title`] = c.title.ja;
      out[`bots[0].commandLists[${i}].commands[${j}].description`] = c.description.ja;
    });
  });
  return out;
}

function perScope(commands: readonly CommandDescriptor[]): { scope: BotScope; list: CommandDescriptor[] }[] {
  const listed = listedCommands(commands);
  return BOT_SCOPES.map((scope) => ({
    scope,
    list: listed.filter((c) => (c.scopes ?? BOT_SCOPES).includes(scope)).slice(0, MAX_COMMANDS_PER_LIST),
  })).filter((x) => x.list.length > 0);
}
