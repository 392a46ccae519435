import { COMMANDS, type CommandName } from '../../cards/commands.js';
import {
  helpCard,
  messageCard,
  policyCard,
  themesCard,
  thresholdsCard,
} from '../../cards/info-cards.js';
import { recordListCard } from '../../cards/list-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { parseMoney } from '../../core/common/money.js';
import { findStep, type Questionnaire } from '../../core/flow/index.js';
import { referenceSchema } from '../../core/record/index.js';
import { assess, policyStatus } from '../../core/rules/index.js';
import type { RecordStore } from '../store/records.js';
import { recordCard } from '../wizard/render.js';
import { type Actor, RECORD_NOT_FOUND, type Wizard } from '../wizard/wizard.js';

export interface CommandContext {
  flow: Questionnaire;
  wizard: Wizard;
  records: RecordStore;
  clock: () => Date;
  actor: Actor;
  reply(card: AdaptiveCard): Promise<void>;
}

type Handler = (context: CommandContext, args: string[]) => Promise<void>;

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
    const reference = referenceSchema.safeParse(args[0] ?? '');
    if (!reference.success) {
      await context.reply(
        messageCard(
          'Which record?',
          'Type **open** and a reference, for example **open SV-2026-0042**. Type **list** to see yours.',
        ),
      );
      return;
    }
    const reply = await context.wizard.open(context.actor, reference.data);
    await context.reply(
      reply === RECORD_NOT_FOUND
        ? messageCard(
            'Record not found',
            `I could not find ${reference.data} among the records you can see. Type **list** to see yours.`,
          )
        : reply,
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
};

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
