import { COMMANDS, type CommandName } from '../../cards/commands.js';
import { dueCard } from '../../cards/due-card.js';
import {
  helpCard,
  messageCard,
  policyCard,
  themesCard,
  thresholdsCard,
} from '../../cards/info-cards.js';
import { recordListCard } from '../../cards/list-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { type SupplierItem as SupplierLine, suppliersCard } from '../../cards/suppliers-card.js';
import { addDays, isoDateInLondon } from '../../core/common/dates.js';
import { parseMoney } from '../../core/common/money.js';
import { findStep, type Questionnaire } from '../../core/flow/index.js';
import { type Person, referenceSchema, stagesOf } from '../../core/record/index.js';
import { assess, policyStatus } from '../../core/rules/index.js';
import type { StageDesk } from '../stages/stage-desk.js';
import type { ConversationStore } from '../store/conversations.js';
import type { RecordStore } from '../store/records.js';
import { recordCard } from '../wizard/render.js';
import { type Actor, RECORD_NOT_FOUND, type Wizard } from '../wizard/wizard.js';

export interface CommandContext {
  flow: Questionnaire;
  wizard: Wizard;
  desk: StageDesk;
  records: RecordStore;
  conversations: ConversationStore;
  clock: () => Date;
  actor: Actor;
  /** The people @mentioned in the message, the bot left out. */
  mentions: Person[];
  reply(card: AdaptiveCard): Promise<void>;
}

type Handler = (context: CommandContext, args: string[]) => Promise<void>;

/** A supplier's latest rating, with the instant it was given to compare by. */
type SupplierItem = SupplierLine & { at: string };

const THRESHOLD_KINDS: Record<
  string,
  { category: 'goods' | 'services' | 'works'; lightTouch: boolean }
> = {
  goods: { category: 'goods', lightTouch: false },
  services: { category: 'services', lightTouch: false },
  works: { category: 'works', lightTouch: false },
  'light-touch': { category: 'services', lightTouch: true },
};

const THRESHOLDS_USAGE =
  'Type **thresholds**, a category (goods, services, works or light-touch) and a value, for example **thresholds services 250k** or **thresholds works £1.5m**.';

const today = (context: CommandContext): string => isoDateInLondon(context.clock());

/** The command table: the first word of a message picks one; nothing else does. */
const HANDLERS: Record<CommandName, Handler> = {
  async new(context) {
    const record = await context.wizard.start(context.actor);
    await context.reply(recordCard(context.flow, record));
  },
  async list(context) {
    const summaries = await context.records.list(context.actor);
    const items = summaries.map((summary) => ({
      ...summary,
      stepTitle: findStep(context.flow, summary.step)?.title ?? summary.step,
    }));
    await context.reply(recordListCard(items, context.actor.isProcurementLead));
  },
  async open(context, args) {
    await withReference(context, args, 'open', (reference) =>
      context.wizard.open(context.actor, reference),
    );
  },
  async thresholds(context, args) {
    const kind = THRESHOLD_KINDS[(args[0] ?? '').toLowerCase()];
    const value = parseMoney(args.slice(1).join(''));
    if (!kind || value === undefined) {
      await context.reply(messageCard('Thresholds: what to type', THRESHOLDS_USAGE));
      return;
    }
    const on = today(context);
    const result = assess(
      context.flow.pack,
      {
        category: kind.category,
        value,
        keyProvider: false,
        procurementStart: on,
        lightTouch: kind.lightTouch,
      },
      on,
    );
    await context.reply(
      result.ok
        ? thresholdsCard(context.flow.pack, result.value, on)
        : messageCard(
            'Thresholds: what to type',
            `${result.problems.map((p) => `${p.path} ${p.message}`).join('; ')}. ${THRESHOLDS_USAGE}`,
          ),
    );
  },
  async themes(context) {
    await context.reply(themesCard(context.flow.pack));
  },
  async policy(context) {
    await context.reply(
      policyCard(context.flow.pack, policyStatus(context.flow.pack, today(context))),
    );
  },
  async help(context) {
    await context.reply(helpCard());
  },
  async stages(context, args) {
    await withReference(context, args, 'stages', (reference) =>
      context.desk.show(context.actor, reference),
    );
  },
  async rate(context, args) {
    await withReference(context, args, 'rate', (reference) =>
      context.desk.showRating(context.actor, reference),
    );
  },
  async due(context) {
    const on = today(context);
    const until = addDays(on, DUE_WITHIN_DAYS);
    const { pack } = context.flow;
    const records = await context.records.dueBy(context.actor, until);
    const items = records
      .flatMap((record) =>
        stagesOf(record, pack)
          .filter((stage) => !stage.done && stage.due !== undefined && stage.due <= until)
          .map((stage) => {
            const definition = pack.stages.find((s) => s.number === stage.number);
            return {
              reference: record.id,
              title: record.title,
              stage: stage.number,
              stageName: definition?.name ?? '',
              due: stage.due ?? '',
              citation: definition?.citation ?? 'Fig 1',
            };
          }),
      )
      .sort((a, b) => a.due.localeCompare(b.due) || a.reference.localeCompare(b.reference));
    await context.reply(dueCard(items, DUE_WITHIN_DAYS, on));
  },
  async suppliers(context) {
    const { tiers } = context.flow.pack.supplierStatus;
    const latest = new Map<string, SupplierItem>();
    for (const { reference, ratings } of await context.records.ratings(context.actor)) {
      for (const rating of ratings) {
        const key = rating.supplier.toLowerCase();
        const known = latest.get(key);
        if (known && known.at >= rating.at) continue;
        const tier = tiers.find((t) => t.id === rating.tier);
        latest.set(key, {
          supplier: rating.supplier,
          tierLabel: tier?.label ?? rating.tier,
          on: rating.on,
          at: rating.at,
          reference,
          citation: tier?.citation ?? 'Fig 2',
        });
      }
    }
    await context.reply(
      suppliersCard([...latest.values()].sort((a, b) => a.supplier.localeCompare(b.supplier))),
    );
  },
  async reminders(context, args) {
    const choice = (args[0] ?? '').toLowerCase();
    if (choice !== 'on' && choice !== 'off') {
      await context.reply(
        messageCard(
          'Reminders',
          'Type **reminders off** to pause reminders, or **reminders on** to have them again.',
        ),
      );
      return;
    }
    const saved = await context.conversations.setReminders(
      context.actor.tenantId,
      context.actor.userId,
      choice === 'on',
      context.clock(),
    );
    await context.reply(
      saved
        ? messageCard(
            choice === 'on' ? 'Reminders on' : 'Reminders paused',
            choice === 'on'
              ? 'I will remind you here when a review stage of your records falls due.'
              : 'I will not send you reminders until you type **reminders on**. Stages still fall due: type **due** to see them.',
            'good',
          )
        : messageCard(
            'Reminders',
            'I cannot reach you here yet: send me any message first, then try again.',
          ),
    );
  },
  async share(context, args) {
    const reference = referenceSchema.safeParse(args[0] ?? '');
    if (!reference.success || context.mentions.length === 0) {
      await context.reply(
        messageCard(
          'Share a record',
          'Type **share**, a reference and @mention a colleague, for example **share SV-2026-0042 @Sam Jones**.',
        ),
      );
      return;
    }
    const reply = await context.wizard.share(context.actor, reference.data, context.mentions);
    await context.reply(
      reply === RECORD_NOT_FOUND
        ? messageCard(
            'Record not found',
            `I could not find ${reference.data} among the records you can share: only its owner or a procurement lead can.`,
          )
        : messageCard(
            'Shared',
            `${context.mentions.map((m) => m.name).join(', ')} can now see and work on ${reference.data}.`,
            'good',
          ),
    );
  },
};

/** Days ahead that `due` looks. */
const DUE_WITHIN_DAYS = 30;

async function withReference(
  context: CommandContext,
  args: string[],
  command: string,
  show: (reference: string) => Promise<AdaptiveCard | typeof RECORD_NOT_FOUND>,
): Promise<void> {
  const reference = referenceSchema.safeParse(args[0] ?? '');
  if (!reference.success) {
    await context.reply(
      messageCard(
        'Which record?',
        `Type **${command}** and a reference, for example **${command} SV-2026-0042**. Type **list** to see yours.`,
      ),
    );
    return;
  }
  const reply = await show(reference.data);
  await context.reply(
    reply === RECORD_NOT_FOUND
      ? messageCard(
          'Record not found',
          `I could not find ${reference.data} among the records you can see. Type **list** to see yours.`,
        )
      : reply,
  );
}

export const COMMAND_NAMES = Object.keys(HANDLERS) as CommandName[];

const isCommand = (name: string): name is CommandName =>
  COMMANDS.some((command) => command.name === name);

export async function runCommand(
  context: CommandContext,
  name: string,
  args: string[],
  text: string,
): Promise<void> {
  if (!isCommand(name)) {
    await context.reply(helpCard(text));
    return;
  }
  await HANDLERS[name](context, args);
}
