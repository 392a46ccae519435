import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { COMMANDS } from '../../cards/commands.js';
import {
  ANSWERED_BELOW,
  ANSWERED_PRIVATELY,
  NO_IDENTITY,
  NO_PACK_REFUSAL,
  noIdentityCard,
  notAvailableCard,
  notYourCard,
  notYourRecordCard,
  OPEN_PERSONAL_CHAT,
  TENANT_REFUSAL,
  tooLongCard,
  unreadableButtonCard,
} from '../../cards/conversation-notes.js';
import { DELIVERY_VERBS } from '../../cards/delivery-card.js';
import { DRAFT_VERBS } from '../../cards/drafts-card.js';
import { welcomeCard } from '../../cards/info-cards.js';
import { KPI_VERBS } from '../../cards/kpi-card.js';
import { PERFORMANCE_VERBS } from '../../cards/performance-card.js';
import { POLICY_VERBS } from '../../cards/policy-versions.js';
import { RATING_VERBS } from '../../cards/rating-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { STAGE_VERBS } from '../../cards/stage-inputs.js';
import { WIZARD_VERBS } from '../../cards/step-card.js';
import { outOfDateCard, recordNotFoundCard, turnFailedCard } from '../../cards/wizard-card.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { ok } from '../../core/common/result.js';
import type { Policies } from '../../core/flow/index.js';
import type { Person } from '../../core/record/index.js';
import type { Config } from '../config.js';
import { dashboardPlace } from '../dashboard/place.js';
import { errorMessage, type Logger } from '../log.js';
import type { SpendStore } from '../spend/spend-store.js';
import { DeliveryDesk } from '../stages/delivery-desk.js';
import { DraftDesk } from '../stages/drafts.js';
import { KpiDesk } from '../stages/kpi-desk.js';
import { PerformanceDesk } from '../stages/performance-desk.js';
import { RatingDesk } from '../stages/rating-desk.js';
import { ReminderButtons } from '../stages/reminder-buttons.js';
import type { PackOf, StageAction } from '../stages/stage-button.js';
import { StagesDesk } from '../stages/stages-desk.js';
import type { ConversationStore } from '../store/conversations.js';
import type { RecordStore } from '../store/records.js';
import { Reassessment } from '../wizard/reassess.js';
import { type Actor, Wizard, type WizardReply } from '../wizard/wizard.js';
import { type CardAction, readCardAction } from './card-action.js';
import { MAX_MESSAGE_CHARACTERS, readCommand, TOO_LONG } from './command-text.js';
import { runCommand } from './commands.js';
import { type Identity, identify, inPersonalChat, tenantOf } from './identity.js';

export interface BotDeps {
  config: Config;
  /** Every pack version the deployment holds, by tenant and by record. */
  policies: Policies;
  records: RecordStore;
  spend: SpendStore;
  conversations: ConversationStore;
  clock: () => Date;
  logger: Logger;
  /** The address this bot serves, once it listens: the Playground's way to the dashboard. */
  serverUrl?: () => string;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

export const asAttachment = (card: AdaptiveCard): Attachment => CardFactory.adaptiveCard(card);

/** Commands whose answers show records: in a shared chat they are answered one-to-one. */
const SHOWS_RECORDS = new Set<string>(
  COMMANDS.filter((command) => 'showsRecords' in command).map((command) => command.name),
);

/** A card verb's handler: the record's reference is known by then. */
type ActionHandler = (
  actor: Actor,
  action: CardAction,
  values: Record<string, unknown>,
  reference: string,
) => Promise<WizardReply>;

/** What a card button led to: a card to show, an answer sent below, or a refusal. */
type ActionOutcome =
  | { kind: 'card'; card: AdaptiveCard }
  | { kind: 'answered' }
  /** Someone else's record, pressed in a shared chat: told to the presser alone. */
  | { kind: 'not-yours'; reference: string };

/**
 * The Teams conversation: a welcome on install, text commands, and card actions. Card
 * actions arrive as Action.Execute (the card is replaced in place) or, on older clients, as
 * an Action.Submit message (the original card is updated).
 */
export class CommissioningBot extends TeamsActivityHandler {
  private readonly wizard: Wizard;
  private readonly stages: StagesDesk;
  private readonly reminders: ReminderButtons;
  private readonly ratings: RatingDesk;
  private readonly kpis: KpiDesk;
  private readonly performance: PerformanceDesk;
  private readonly drafts: DraftDesk;
  private readonly delivery: DeliveryDesk;
  private readonly reassessment: Reassessment;
  /** The card verbs, each with its handler: nothing else reaches a record. */
  private readonly actions: Readonly<Record<string, ActionHandler>>;

  constructor(private readonly deps: BotDeps) {
    super();
    const { policies, records, clock, logger } = deps;
    this.wizard = new Wizard(policies, records, clock, logger);
    // A record's stages, reminders and rating follow the pack version it was assessed under.
    const packOf: PackOf = (record) => policies.forRecord(record, isoDateInLondon(clock())).pack;
    this.stages = new StagesDesk(packOf, records, clock);
    this.reminders = new ReminderButtons(packOf, records, clock);
    this.ratings = new RatingDesk(packOf, records, clock, logger);
    this.kpis = new KpiDesk(packOf, records, clock);
    this.performance = new PerformanceDesk(packOf, records, clock, logger);
    this.drafts = new DraftDesk(policies, records, clock, logger);
    this.delivery = new DeliveryDesk(packOf, records, clock);
    this.reassessment = new Reassessment(policies, records, clock, logger);
    const wizard: ActionHandler = (actor, action, values, reference) =>
      action.step === undefined || action.revision === undefined
        ? Promise.resolve(ok(outOfDateCard()))
        : this.wizard.act(
            actor,
            { verb: action.verb, reference, step: action.step, revision: action.revision },
            values,
          );
    this.actions = {
      [STAGE_VERBS.show]: (actor, _action, _values, reference) =>
        this.stages.show(actor, reference),
      [STAGE_VERBS.setContract]: (actor, action, values, reference) =>
        this.stages.setContract(actor, stageAction(action, reference), values),
      [STAGE_VERBS.setDue]: (actor, action, values, reference) =>
        this.stages.setDue(actor, stageAction(action, reference), values),
      // The same verb on a reminder (which carries the due date it was sent for) and on the
      // stages card: each answers with its own card.
      [STAGE_VERBS.done]: (actor, action, values, reference) =>
        action.due === undefined
          ? this.stages.markDone(actor, stageAction(action, reference), values)
          : this.reminders.markDone(
              actor,
              { ...stageAction(action, reference), due: action.due },
              values,
            ),
      [STAGE_VERBS.snooze]: (actor, action, values, reference) =>
        this.reminders.snooze(actor, stageAction(action, reference), values),
      [RATING_VERBS.show]: (actor, _action, _values, reference) =>
        this.ratings.show(actor, reference),
      [RATING_VERBS.submit]: (actor, _action, values, reference) =>
        this.ratings.rate(actor, reference, values),
      [KPI_VERBS.show]: (actor, _action, _values, reference) => this.kpis.show(actor, reference),
      [KPI_VERBS.save]: (actor, action, values, reference) =>
        this.kpis.save(actor, stageAction(action, reference), values),
      [KPI_VERBS.fill]: (actor, action, values, reference) =>
        this.kpis.fill(actor, stageAction(action, reference), values),
      [KPI_VERBS.notice]: (actor, _action, _values, reference) =>
        this.kpis.notice(actor, reference),
      [DELIVERY_VERBS.show]: (actor, _action, _values, reference) =>
        this.delivery.show(actor, reference),
      [DELIVERY_VERBS.record]: (actor, action, values, reference) =>
        this.delivery.record(actor, stageAction(action, reference), values),
      [DELIVERY_VERBS.correct]: (actor, action, values, reference) =>
        this.delivery.correct(actor, stageAction(action, reference), values),
      [PERFORMANCE_VERBS.show]: (actor, _action, _values, reference) =>
        this.performance.show(actor, reference),
      [PERFORMANCE_VERBS.assess]: (actor, action, values, reference) =>
        this.performance.assess(actor, stageAction(action, reference), values),
      [PERFORMANCE_VERBS.terminate]: (actor, action, values, reference) =>
        this.performance.terminate(actor, stageAction(action, reference), values),
      [PERFORMANCE_VERBS.event]: (actor, action, values, reference) =>
        this.performance.recordEvent(actor, stageAction(action, reference), values),
      [PERFORMANCE_VERBS.notice]: (actor, action, _values, reference) =>
        this.performance.notice(actor, stageAction(action, reference)),
      [DRAFT_VERBS.discard]: (actor, action, _values, reference) =>
        this.drafts.discard(actor, reference, action.revision),
      [POLICY_VERBS.reassess]: (actor, _action, _values, reference) =>
        this.reassessment.reassess(actor, reference),
      ...Object.fromEntries(Object.values(WIZARD_VERBS).map((verb) => [verb, wizard])),
    };
    this.onInstallationUpdateAdd(async (context, next) => {
      // Added (perhaps back, after a 403 another instance saw): always check the stored one.
      await this.rememberConversation(context, { recheck: true });
      const flow = this.tenantFlow(tenantOf(context));
      if (flow) {
        await context.sendActivity(MessageFactory.attachment(asAttachment(welcomeCard(flow.pack))));
      }
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
    // One deployment may serve several organisations: one it holds no pack for gets none.
    if (!this.tenantFlow(tenant)) {
      this.deps.logger.warn('tenant.no_pack', {
        tenant: tenant ?? 'none',
        type: context.activity.type,
      });
      await this.refuse(context, NO_PACK_REFUSAL);
      return;
    }
    await super.run(context);
  }

  /** The tenant's pack version in force today, or undefined where the deployment has none for it. */
  private tenantFlow(tenant: string | undefined) {
    return this.deps.policies.forTenant(tenant ?? '', isoDateInLondon(this.deps.clock()));
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const identity = identify(context);
    if (!identity) return cardResponse(noIdentityCard());
    // The value is whatever the client sent: read it as unknown, never as the SDK's type.
    const action: unknown = (invokeValue as { action?: unknown } | undefined)?.action;
    const read =
      typeof action === 'object' && action !== null
        ? readCardAction({
            ...((action as { data?: unknown }).data ?? {}),
            verb: (action as { verb?: unknown }).verb,
          })
        : undefined;
    if (!read) return cardResponse(unreadableButtonCard());
    const outcome = await this.cardAction(context, identity, read);
    if (outcome.kind === 'card') return cardResponse(outcome.card);
    // A command button answers below and leaves its own card as it was; someone else's card
    // stays as it was for everyone, and the refusal goes to the presser alone.
    return messageResponse(
      outcome.kind === 'answered' ? ANSWERED_BELOW : notYourCard(outcome.reference),
    );
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
    if (!inPersonalChat(context)) return;
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
    if (context.activity.value !== undefined && context.activity.value !== null) {
      const read = readCardAction(context.activity.value);
      if (!read) {
        await context.sendActivity(MessageFactory.attachment(asAttachment(unreadableButtonCard())));
        return;
      }
      const outcome = await this.cardAction(context, identity, read);
      if (outcome.kind === 'card') await this.replaceCard(context, outcome.card);
      if (outcome.kind === 'not-yours') {
        // Never over the owner's card: the refusal goes where only the presser sees it.
        await this.answerPrivately(context, identity, async (reply) =>
          reply(notYourRecordCard(outcome.reference)),
        );
      }
      return;
    }
    const command = readCommand(context.activity);
    if (command === TOO_LONG) {
      await context.sendActivity(
        MessageFactory.attachment(asAttachment(tooLongCard(MAX_MESSAGE_CHARACTERS))),
      );
      return;
    }
    if (!command) return;
    await this.command(context, identity, command.name, command.args, command.text);
  }

  /** A card's button: a wizard step (answered with the next card) or a command (answered below). */
  private async cardAction(
    context: TurnContext,
    identity: Identity,
    { action, values }: NonNullable<ReturnType<typeof readCardAction>>,
  ): Promise<ActionOutcome> {
    if (action.verb === 'command') {
      const text = (action.text ?? 'help').slice(0, MAX_MESSAGE_CHARACTERS);
      const [name = 'help', ...args] = text.split(' ');
      await this.command(context, identity, name, args, text);
      return { kind: 'answered' };
    }
    // One table of the verbs the bot's cards send; any other is refused and changes nothing.
    const handler = Object.hasOwn(this.actions, action.verb)
      ? this.actions[action.verb]
      : undefined;
    if (!handler) return { kind: 'card', card: unreadableButtonCard() };
    if (action.reference === undefined) return { kind: 'card', card: outOfDateCard() };
    const actor = this.actor(identity);
    const reference = action.reference;
    const reply = await this.guard(() => handler(actor, action, values, reference));
    if (!(reply instanceof Error) && !reply.ok && !inPersonalChat(context)) {
      return { kind: 'not-yours', reference };
    }
    return { kind: 'card', card: this.cardOf(reply, action.reference) };
  }

  private async command(
    context: TurnContext,
    identity: Identity,
    name: string,
    args: string[],
    text: string,
  ): Promise<void> {
    const run = (reply: (card: AdaptiveCard) => Promise<void>) =>
      this.runCommand(context, identity, name, args, text, reply);
    if (SHOWS_RECORDS.has(name) && !inPersonalChat(context)) {
      await this.answerPrivately(context, identity, run);
      return;
    }
    await run(async (card) => {
      await context.sendActivity(MessageFactory.attachment(asAttachment(card)));
    });
  }

  /**
   * Answers in the person's one-to-one chat with the bot, leaving a short note where they
   * asked; with no one-to-one chat known (never installed personally, or removed), says how
   * to open one. Nothing about a record is posted in the shared chat.
   */
  private async answerPrivately(
    context: TurnContext,
    identity: Identity,
    work: (reply: (card: AdaptiveCard) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const saved = await this.deps.conversations
      .get(identity.tenantId, identity.userId)
      .catch((error: unknown) => {
        this.deps.logger.warn('conversation.read_failed', { error: errorMessage(error) });
        return undefined;
      });
    let delivered = false;
    if (saved?.active) {
      try {
        await context.adapter.continueConversationAsync(
          this.deps.config.MicrosoftAppId ?? '',
          saved.reference,
          async (personal) => {
            await work(async (card) => {
              await personal.sendActivity(MessageFactory.attachment(asAttachment(card)));
            });
          },
        );
        delivered = true;
      } catch (error) {
        this.deps.logger.warn('conversation.private_reply_failed', { error: errorMessage(error) });
      }
    }
    await context.sendActivity(delivered ? ANSWERED_PRIVATELY : OPEN_PERSONAL_CHAT);
  }

  private async runCommand(
    context: TurnContext,
    identity: Identity,
    name: string,
    args: string[],
    text: string,
    reply: (card: AdaptiveCard) => Promise<void>,
  ): Promise<void> {
    const flow = this.tenantFlow(identity.tenantId);
    // run() refused the turn already when the tenant has no pack.
    if (!flow) return;
    await runCommand(
      {
        flow,
        versions: this.deps.policies.versionsFor(identity.tenantId),
        wizard: this.wizard,
        stages: this.stages,
        ratings: this.ratings,
        kpis: this.kpis,
        performance: this.performance,
        drafts: this.drafts,
        delivery: this.delivery,
        records: this.deps.records,
        spend: this.deps.spend,
        conversations: this.deps.conversations,
        clock: this.deps.clock,
        mentions: mentionsOf(context),
        dashboard: dashboardPlace(this.deps.config, this.deps.serverUrl?.()),
        actor: this.actor(identity),
        reply,
      },
      name,
      args,
      text,
    );
  }

  private cardOf(reply: WizardReply | Error, reference: string): AdaptiveCard {
    if (reply instanceof Error) return turnFailedCard();
    // Not found, or not the actor's to see: the same words, so that neither is told apart.
    return reply.ok ? reply.value : recordNotFoundCard(reference);
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
      // By Entra object id alone: a channel id is whatever the sender typed in local mode.
      isProcurementLead: identity.entraId !== undefined && leads.includes(identity.entraId),
      person: { id: identity.userId, name: identity.userName },
    };
  }

  private async refuse(context: TurnContext, text: string): Promise<void> {
    if (context.activity.type === 'invoke') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 200, body: cardResponse(notAvailableCard(text)) },
      });
      return;
    }
    if (context.activity.type === 'message' || context.activity.type === 'installationUpdate') {
      await context.sendActivity(text);
    }
  }
}

/** What a stage button sent, for the desk that acts on it. */
function stageAction(action: CardAction, reference: string): StageAction {
  return {
    reference,
    ...(action.stage === undefined ? {} : { stage: action.stage }),
    ...(action.due === undefined ? {} : { due: action.due }),
    ...(action.revision === undefined ? {} : { revision: action.revision }),
    ...(action.assessment === undefined ? {} : { assessment: action.assessment }),
  };
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

/**
 * A text answer to Action.Execute: Teams shows it to the presser and leaves the card as it
 * was. The SDK types an invoke's value as an object; the protocol's message response carries text.
 */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: MESSAGE_RESPONSE,
    value: text as unknown as AdaptiveCardInvokeResponse['value'],
  };
}
