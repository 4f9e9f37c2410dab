// CloudAdapter with botbuilder's own configuration-driven authentication. The whole environment
// is handed over on purpose: MicrosoftAppId/Password/Type/TenantId and every other standard
// setting (ToChannelFromBotLoginUrl, OAuthUrl, ToBotFromChannelOpenIdMetadataUrl, … used by
// sovereign clouds) keep working without us re-declaring them. An empty MicrosoftAppId is
// botbuilder's anonymous mode (local Playground / Emulator only).
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from 'pino';
import { langFromLocale, t } from '../i18n/lang';
import { BOT_MESSAGES, titleAndText } from './messages';

export interface AdapterParts {
  adapter: CloudAdapter;
  /** the instance the adapter uses (the auth guard validates tokens through the same one) */
  auth: BotFrameworkAuthentication;
}

export function createAdapter(
  env: NodeJS.ProcessEnv,
  log: Logger,
  wrapAuth: (auth: BotFrameworkAuthentication) => BotFrameworkAuthentication = (a) => a,
): AdapterParts {
  const auth = wrapAuth(new ConfigurationBotFrameworkAuthentication(env));
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error(
      {
        event: 'turn-error',
        activityType: context.activity.type,
        conversationId: context.activity.conversation?.id,
        err: { name: error.name, stack: error.stack },
      },
      'unhandled error in a turn',
    );
    // invokes get their HTTP status from the adapter; messages get a short apology
    if (context.activity.type !== (ActivityTypes.Message as string)) return;
    const lang = langFromLocale(context.activity.locale);
    try {
      await context.sendActivity(titleAndText(t(BOT_MESSAGES.temporaryProblemTitle, lang), t(BOT_MESSAGES.temporaryProblemText, lang), lang));
    } catch (sendError) {
      log.warn({ event: 'turn-error-reply-failed', errName: (sendError as Error).name }, 'could not tell the user about the error');
    }
  };
  return { adapter, auth };
}
