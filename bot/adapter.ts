import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  type TurnContext,
} from 'botbuilder';
import type { Config } from './config.js';
import { errorMessage, type Logger } from './log.js';

/** Starts the typing indicator at once; it repeats while a turn is still working. */
const TYPING_DELAY_MS = 0;
const TYPING_PERIOD_MS = 2_000;

/**
 * The Bot Framework adapter. With an app id configured, every request must carry a valid
 * Bot Framework token (else 401, and the bot never sees it); with none (local only) the
 * requests are not authenticated.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.use(new ShowTypingMiddleware(TYPING_DELAY_MS, TYPING_PERIOD_MS));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('turn.error', {
      error: errorMessage(error),
      activity: context.activity.id,
      type: context.activity.type,
    });
    if (context.activity.type === 'message') {
      await context
        .sendActivity(
          'Sorry, something went wrong and nothing was changed. Please try again in a moment.',
        )
        .catch(() => undefined);
    }
  };
  return adapter;
}
