// `region <name>`: the endpoints to test for one Azure region, straight from the analyzer's table.
import { findRegion, requiredEndpointsForRegion, type RegionEntry } from '../../analyzer';
import { t, type Lang } from '../../i18n/lang';
import type { TextCommand } from '../action-registry';
import { cardMessage } from '../card-activity';
import { buildRegionCard } from '../card-kit';
import { BOT_MESSAGES } from '../messages';
import { REGION_COMMAND } from './command-list';

/** The card of one region's endpoints to test (the command's answer, and a region question's). */
export function regionCardMessage(region: RegionEntry, lang: Lang): ReturnType<typeof cardMessage> {
  return cardMessage(buildRegionCard(region, requiredEndpointsForRegion(region), lang));
}

export function createRegionCommand(): TextCommand {
  return {
    ...REGION_COMMAND,
    async run(ctx) {
      const query = ctx.args.slice(0, 80);
      if (query === '') {
        await ctx.turn.sendActivity(t(BOT_MESSAGES.regionUsage, ctx.lang));
        return;
      }
      const region = findRegion(query);
      if (!region) {
        await ctx.turn.sendActivity({ text: t(BOT_MESSAGES.regionNotFound, ctx.lang, { query }), textFormat: 'plain' });
        return;
      }
      await ctx.turn.sendActivity(regionCardMessage(region, ctx.lang));
    },
  };
}
