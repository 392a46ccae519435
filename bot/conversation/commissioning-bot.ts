import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { messageCard, welcomeCard } from '../../cards/info-cards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import type { Questionnaire } from '../../core/flow/index.js';
import type { Config } from '../config.js';
import { errorMessage, type Logger } from '../log.js';
import { RECORD_NOT_FOUND, type Wizard, type WizardReply } from '../wizard/wizard.js';
import { readCardAction } from './card-action.js';
import { readCommand } from './command-text.js';
import { type CommandContext, runCommand } from './commands.js';
import { type Identity, identify, tenantOf } from './identity.js';

export interface BotDeps {
  config: Config;
  flow: Questionnaire;
  wizard: Wizard;
  clock: () => Date;
  logger: Logger;
  commands: Omit<CommandContext, 'actor' | 'reply'>;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const TENANT_REFUSAL =
  'Sorry, this assistant is not available to your organisation. Ask your IT team if you think it should be.';
const NO_IDENTITY =
  'Sorry, I could not tell who you are or which organisation you are in, so I cannot show any records.';

export const asAttachment = (card: AdaptiveCard): Attachment => CardFactory.adaptiveCard(card);

/**
 * The Teams conversation: a welcome on install, text commands, and card actions. Card
 * actions arrive as Action.Execute (the card is replaced in place) or, on older clients, as
 * an Action.Submit message (the original card is updated).
 */
export class CommissioningBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onInstallationUpdateAdd(async (context, next) => {
      await context.sendActivity(
        MessageFactory.attachment(asAttachment(welcomeCard(deps.flow.pack))),
      );
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /** Refuses every activity from a tenant outside the allow-list, before anything is read or stored. */
  override async run(context: TurnContext): Promise<void> {
    const allowed = this.deps.config.ALLOWED_TENANT_IDS;
    const tenant = tenantOf(context);
    if (allowed.length > 0 && (tenant === undefined || !allowed.includes(tenant))) {
      this.deps.logger.warn('tenant.refused', {
        tenant: tenant ?? 'none',
        type: context.activity.type,
      });
      await this.refuse(context, TENANT_REFUSAL);
      return;
    }
    await super.run(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const identity = identify(context);
    const read = readCardAction({ ...invokeValue.action.data, verb: invokeValue.action.verb });
    if (!identity || !read) return cardResponse(messageCard('Something went wrong', NO_IDENTITY));
    const card = await this.cardAction(context, identity, read);
    return cardResponse(
      card ?? messageCard('Done', 'Your request is being handled below.', 'good'),
    );
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const identity = identify(context);
    if (!identity) {
      await context.sendActivity(NO_IDENTITY);
      return;
    }
    const read =
      context.activity.value === undefined ? undefined : readCardAction(context.activity.value);
    if (read) {
      const card = await this.cardAction(context, identity, read);
      if (card) await this.replaceCard(context, card);
      return;
    }
    const command = readCommand(context.activity);
    if (!command) return;
    await this.command(context, identity, command.name, command.args, command.text);
  }

  /** A card's button: a wizard step (answered with the next card) or a command (answered below). */
  private async cardAction(
    context: TurnContext,
    identity: Identity,
    { action, values }: NonNullable<ReturnType<typeof readCardAction>>,
  ): Promise<AdaptiveCard | undefined> {
    if (action.verb === 'command') {
      const [name = 'help', ...args] = (action.text ?? 'help').split(' ');
      await this.command(context, identity, name, args, action.text ?? name);
      return undefined;
    }
    if (
      action.reference === undefined ||
      action.step === undefined ||
      action.revision === undefined
    ) {
      return messageCard('That button is out of date', 'Type **list** to see your records.');
    }
    const reply = await this.guard(() =>
      this.deps.wizard.act(
        this.actor(identity),
        {
          verb: action.verb,
          reference: action.reference ?? '',
          step: action.step ?? '',
          revision: action.revision ?? -1,
        },
        values,
      ),
    );
    return this.cardOf(reply, action.reference);
  }

  private async command(
    context: TurnContext,
    identity: Identity,
    name: string,
    args: string[],
    text: string,
  ): Promise<void> {
    await runCommand(
      {
        ...this.deps.commands,
        actor: this.actor(identity),
        reply: async (card) => {
          await context.sendActivity(MessageFactory.attachment(asAttachment(card)));
        },
      },
      name,
      args,
      text,
    );
  }

  private cardOf(reply: WizardReply | Error, reference: string): AdaptiveCard {
    if (reply instanceof Error) {
      return messageCard(
        'Something went wrong',
        'Your answers were not saved. Please try again in a moment.',
        'attention',
      );
    }
    return reply === RECORD_NOT_FOUND
      ? messageCard(
          'Record not found',
          `I could not find ${reference} among the records you can see.`,
        )
      : reply;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T | Error> {
    try {
      return await work();
    } catch (error) {
      this.deps.logger.error('turn.failed', { error: errorMessage(error) });
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Action.Submit fallback: update the card that was pressed, or send a new one if that fails. */
  private async replaceCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
    const message = MessageFactory.attachment(asAttachment(card));
    const original = context.activity.replyToId;
    if (original) {
      try {
        await context.updateActivity({ ...message, id: original });
        return;
      } catch (error) {
        this.deps.logger.warn('card.update_failed', { error: errorMessage(error) });
      }
    }
    await context.sendActivity(message);
  }

  private actor(identity: Identity) {
    return {
      tenantId: identity.tenantId,
      userId: identity.userId,
      isProcurementLead: this.deps.config.PROCUREMENT_LEAD_IDS.includes(identity.userId),
      person: { id: identity.userId, name: identity.userName },
    };
  }

  private async refuse(context: TurnContext, text: string): Promise<void> {
    if (context.activity.type === 'invoke') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 200, body: cardResponse(messageCard('Not available', text, 'attention')) },
      });
      return;
    }
    if (context.activity.type === 'message' || context.activity.type === 'installationUpdate') {
      await context.sendActivity(text);
    }
  }
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD, value: card };
}
