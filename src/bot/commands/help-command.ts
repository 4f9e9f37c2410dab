import type { TextCommand } from '../action-registry';
import { cardMessage } from '../card-activity';
import { buildHelpCard } from '../card-kit';
import { HELP_COMMAND } from './command-list';

export function createHelpCommand(): TextCommand {
  return {
    ...HELP_COMMAND,
    async run(ctx) {
      await ctx.turn.sendActivity(cardMessage(buildHelpCard(ctx.lang, ctx.registry.commands())));
    },
  };
}
