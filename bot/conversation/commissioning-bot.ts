import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { messageCard, welcomeCard } from '../../cards/info-cards.js';
import { RATING_VERBS } from '../../cards/rating-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { STAGE_VERBS } from '../../cards/stage-inputs.js';
import type { Questionnaire } from '../../core/flow/index.js';
import type { Person } from '../../core/record/index.js';
import type { Config } from '../config.js';
import { errorMessage, type Logger } from '../log.js';
import { StageDesk } from '../stages/stage-desk.js';
import type { ConversationStore } from '../store/conversations.js';
import type { RecordStore } from '../store/records.js';
import { type Actor, RECORD_NOT_FOUND, Wizard, type WizardReply } from '../wizard/wizard.js';
import { readCardAction } from './card-action.js';
import { readCommand } from './command-text.js';
import { runCommand } from './commands.js';
import { type Identity, identify, tenantOf } from './identity.js';

export interface BotDeps {
  config: Config;
  flow: Questionnaire;
  records: RecordStore;
  conversations: ConversationStore;
  clock: () => Date;
  logger: Logger;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
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
  private readonly wizard: Wizard;
  private readonly desk: StageDesk;

  constructor(private readonly deps: BotDeps) {
    super();
    this.wizard = new Wizard(deps.flow, deps.records, deps.clock, deps.logger);
    this.desk = new StageDesk(deps.flow.pack, deps.records, deps.clock, deps.logger);
    this.onInstallationUpdateAdd(async (context, next) => {
      // Added (perhaps back, after a 403 another instance saw): always check the stored one.
      await this.rememberConversation(context, { recheck: true });
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
    // A command button answers below and leaves its own card as it was. The SDK types an
    // invoke's value as an object; the protocol's message response carries text.
    const answeredBelow = 'Answered below.' as unknown as AdaptiveCardInvokeResponse['value'];
    return card
      ? cardResponse(card)
      : { statusCode: 200, type: MESSAGE_RESPONSE, value: answeredBelow };
  }

  /**
   * Keeps the user's conversation reference for reminders, refreshed from every message
   * since the serviceUrl can change (a write only when it did).
   */
  private async rememberConversation(
    context: TurnContext,
    options: { recheck?: boolean } = {},
  ): Promise<void> {
    const identity = identify(context);
    if (!identity) return;
    // Reminders go to the person's one-to-one chat, never to a channel or group chat where
    // everyone would see them.
    const type = context.activity.conversation?.conversationType;
    if (type !== undefined && type !== 'personal') return;
    const reference = TurnContext.getConversationReference(context.activity);
    await this.deps.conversations
      .remember(identity.tenantId, identity.userId, reference, this.deps.clock(), options)
      .catch((error: unknown) =>
        this.deps.logger.warn('conversation.save_failed', { error: errorMessage(error) }),
      );
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const identity = identify(context);
    if (!identity) {
      await context.sendActivity(NO_IDENTITY);
      return;
    }
    await this.rememberConversation(context);
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
    if (action.reference === undefined) {
      return messageCard('That button is out of date', 'Type **list** to see your records.');
    }
    const actor = this.actor(identity);
    const reference = action.reference;
    const reply = await this.guard((): Promise<WizardReply> => {
      switch (action.verb) {
        case STAGE_VERBS.show:
          return this.desk.show(actor, reference);
        case RATING_VERBS.show:
          return this.desk.showRating(actor, reference);
        case RATING_VERBS.submit:
          return this.desk.rate(actor, reference, values);
        case STAGE_VERBS.done:
        case STAGE_VERBS.snooze:
        case STAGE_VERBS.setDue:
        case STAGE_VERBS.setContract:
          return this.desk.handle(
            actor,
            {
              verb: action.verb,
              reference,
              ...(action.stage === undefined ? {} : { stage: action.stage }),
              ...(action.due === undefined ? {} : { due: action.due }),
              ...(action.revision === undefined ? {} : { revision: action.revision }),
            },
            values,
          );
        default:
          if (action.step === undefined || action.revision === undefined) {
            return Promise.resolve(
              messageCard('That button is out of date', 'Type **list** to see your records.'),
            );
          }
          return this.wizard.act(
            actor,
            { verb: action.verb, reference, step: action.step, revision: action.revision },
            values,
          );
      }
    });
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
        flow: this.deps.flow,
        wizard: this.wizard,
        desk: this.desk,
        records: this.deps.records,
        conversations: this.deps.conversations,
        clock: this.deps.clock,
        mentions: mentionsOf(context),
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

  private actor(identity: Identity): Actor {
    const leads = this.deps.config.PROCUREMENT_LEAD_IDS;
    return {
      tenantId: identity.tenantId,
      userId: identity.userId,
      otherIds: identity.otherIds,
      isProcurementLead: [identity.userId, ...identity.otherIds].some((id) => leads.includes(id)),
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

/** The people @mentioned in a message, the bot itself left out. */
function mentionsOf(context: TurnContext): Person[] {
  const bot = context.activity.recipient?.id;
  return (context.activity.entities ?? []).flatMap((entity) => {
    if (entity.type !== 'mention') return [];
    const mentioned = (
      entity as { mentioned?: { id?: string; name?: string; aadObjectId?: string } }
    ).mentioned;
    const id = mentioned?.aadObjectId ?? mentioned?.id;
    if (!id || mentioned?.id === bot) return [];
    return [{ id, name: mentioned?.name ?? id }];
  });
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD, value: card };
}
