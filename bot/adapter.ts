import {
  ActivityTypes,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { TURN_FAILED } from '../cards/conversation-notes.js';
import type { Config } from './config.js';
import { ProactiveWithoutRetries } from './connector-retries.js';
import { errorMessage, type Logger } from './log.js';
import { TypingIndicator } from './typing.js';

/** The answer to an invoke (a card's button) whose turn failed: plain words, nothing internal. */
const INVOKE_FAILED = { error: 'Something went wrong on our side. Please try again in a moment.' };

/**
 * The Bot Framework adapter. With an app id configured, every request must carry a valid
 * Bot Framework token (else 401, and the bot never sees it); with none (local only) the
 * requests are not authenticated. `overrides` reach the SDK's authentication settings
 * (a test points the OpenID metadata somewhere unreachable).
 */
export function createAdapter(
  config: Config,
  logger: Logger,
  overrides: ConfigurationBotFrameworkAuthenticationOptions = {},
): CloudAdapter {
  const auth = new ProactiveWithoutRetries({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...overrides,
  });
  const adapter = new CloudAdapter(auth);
  // The typing indicator goes through a client without retries (the proactive factory's),
  // for the same identity and audience as the turn's own.
  adapter.use(
    new TypingIndicator(
      (context) =>
        auth
          .createConnectorFactory(context.turnState.get(adapter.BotIdentityKey))
          .create(context.activity.serviceUrl, context.turnState.get(adapter.OAuthScopeKey)),
      logger,
    ),
  );
  adapter.onTurnError = (context, error) => answerTurnError(context, error, logger);
  return adapter;
}

/**
 * A turn that threw. botbuilder calls this inside the turn, before it revokes the context;
 * it still guards every use of the context, so that nothing here can throw out of it.
 * A message that was already answered gets nothing more (its answer said what happened);
 * one that was not is told the turn failed, without claiming nothing changed.
 */
async function answerTurnError(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  try {
    const { id, type } = context.activity;
    logger.error('turn.error', { error: errorMessage(error), activity: id, type });
    if (type === ActivityTypes.Message && !context.responded) {
      await context.sendActivity(TURN_FAILED);
    } else if (type === ActivityTypes.Invoke) {
      // Without it the SDK answers 501 (no invoke response), as if the bot had no handler.
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 500, body: INVOKE_FAILED },
      });
    }
  } catch (failure) {
    logger.error('turn.error_unanswered', {
      error: errorMessage(error),
      failure: errorMessage(failure),
    });
  }
}
