import {
  discardedRecordCard,
  recordNotFoundCard,
  remindersSetCard,
  remindersUsageCard,
  sharedCard,
  shareNotFoundCard,
  shareUsageCard,
  thresholdsUsageCard,
  whichRecordCard,
} from '../../cards/command-answers.js';
import { COMMANDS, type CommandName } from '../../cards/commands.js';
import { NEW_ANOTHER, unfinishedDraftsCard } from '../../cards/drafts-card.js';
import { dueCard } from '../../cards/due-card.js';
import { helpCard, themesCard, thresholdsCard } from '../../cards/info-cards.js';
import { recordListCard } from '../../cards/list-card.js';
import { policyCard } from '../../cards/policy-versions.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { type DashboardPlace, reportCard } from '../../cards/report-card.js';
import { spendCard, spendForLeadsCard } from '../../cards/spend-card.js';
import { suppliersCard } from '../../cards/suppliers-card.js';
import { addDays, isoDateInLondon } from '../../core/common/dates.js';
import { parseMoney } from '../../core/common/money.js';
import type { Result } from '../../core/common/result.js';
import { reportFigures } from '../../core/dashboard/summary.js';
import { findStep, type Questionnaire } from '../../core/flow/index.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { dueStages, latestTiers, type Person, referenceSchema } from '../../core/record/index.js';
import { assess, policyStatus } from '../../core/rules/index.js';
import { spendByYear, suppliersMissingData } from '../../core/spend/index.js';
import { spendData } from '../spend/spend-data.js';
import type { SpendStore } from '../spend/spend-store.js';
import type { DeliveryDesk } from '../stages/delivery-desk.js';
import type { DraftDesk } from '../stages/drafts.js';
import type { KpiDesk } from '../stages/kpi-desk.js';
import type { PerformanceDesk } from '../stages/performance-desk.js';
import type { RatingDesk } from '../stages/rating-desk.js';
import type { StagesDesk } from '../stages/stages-desk.js';
import type { ConversationStore } from '../store/conversations.js';
import type { RecordStore } from '../store/records.js';
import { recordCard } from '../wizard/render.js';
import type { Actor, Wizard, WizardReply } from '../wizard/wizard.js';

export interface CommandContext {
  /** The tenant's version of its pack in force today. */
  flow: Questionnaire;
  /** Every version of the tenant's pack the deployment holds, earliest first. */
  versions: readonly PolicyPack[];
  wizard: Wizard;
  stages: StagesDesk;
  ratings: RatingDesk;
  kpis: KpiDesk;
  performance: PerformanceDesk;
  drafts: DraftDesk;
  delivery: DeliveryDesk;
  records: RecordStore;
  spend: SpendStore;
  conversations: ConversationStore;
  clock: () => Date;
  actor: Actor;
  /** Where the `report` card's button opens the dashboard. */
  dashboard: DashboardPlace;
  /** The people @mentioned in the message, the bot left out. */
  mentions: Person[];
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

const today = (context: CommandContext): string => isoDateInLondon(context.clock());

/** The command table: the first word of a message picks one; nothing else does. */
const HANDLERS: Record<CommandName, Handler> = {
  async new(context, args) {
    // An unfinished exercise is offered first, so that a second one is never started unawares.
    if ((args[0] ?? '').toLowerCase() !== NEW_ANOTHER) {
      const drafts = await context.drafts.unfinished(context.actor);
      if (drafts.length > 0) {
        await context.reply(unfinishedDraftsCard(drafts));
        return;
      }
    }
    const record = await context.wizard.start(context.actor);
    await context.reply(recordCard(context.flow, record));
  },
  async discard(context, args) {
    await withReference(context, args, 'discard', (reference) =>
      context.drafts.confirm(context.actor, reference),
    );
  },
  async list(context) {
    const summaries = await context.records.list(context.actor);
    const items = summaries.map((summary) => ({
      id: summary.id,
      title: summary.title,
      status:
        summary.status === 'complete' && summary.awardDate !== undefined
          ? ('awarded' as const)
          : summary.status,
      stepTitle: findStep(context.flow, summary.step)?.title ?? summary.step,
      updatedAt: summary.updatedAt,
      ownerName: summary.ownerName,
      ...(summary.nextDueOn
        ? { nextDue: { on: summary.nextDueOn, stages: summary.nextDueStages ?? [] } }
        : {}),
    }));
    await context.reply(recordListCard(items, context.actor.isProcurementLead, today(context)));
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
      await context.reply(thresholdsUsageCard());
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
        : thresholdsUsageCard('no-threshold'),
    );
  },
  async themes(context) {
    await context.reply(themesCard(context.flow.pack));
  },
  async policy(context) {
    const on = today(context);
    const { pack } = context.flow;
    await context.reply(
      policyCard({
        pack,
        status: policyStatus(pack, on),
        versions: context.versions,
      }),
    );
  },
  async help(context) {
    await context.reply(helpCard());
  },
  async stages(context, args) {
    await withReference(context, args, 'stages', (reference) =>
      context.stages.show(context.actor, reference),
    );
  },
  async rate(context, args) {
    await withReference(context, args, 'rate', (reference) =>
      context.ratings.show(context.actor, reference),
    );
  },
  async kpis(context, args) {
    await withReference(context, args, 'kpis', (reference) =>
      context.kpis.show(context.actor, reference),
    );
  },
  async progress(context, args) {
    await withReference(context, args, 'progress', (reference) =>
      context.delivery.show(context.actor, reference),
    );
  },
  async performance(context, args) {
    await withReference(context, args, 'performance', (reference) =>
      context.performance.show(context.actor, reference),
    );
  },
  async due(context) {
    const on = today(context);
    const until = addDays(on, DUE_WITHIN_DAYS);
    const records = await context.records.dueBy(context.actor, until);
    const assessments = context.performance.dueBy(records, until);
    await context.reply(
      dueCard(dueStages(records, context.flow.pack, until), DUE_WITHIN_DAYS, on, assessments),
    );
  },
  async suppliers(context) {
    const rated = await context.records.ratings(context.actor);
    await context.reply(suppliersCard(context.flow.pack, latestTiers(rated, context.flow.pack)));
  },
  async report(context) {
    const rows = await context.records.dashboardRows(context.actor);
    const figures = reportFigures(rows, context.flow.pack, today(context));
    await context.reply(reportCard(figures, context.actor.isProcurementLead, context.dashboard));
  },
  async spend(context) {
    // The organisation's payments by supplier are a procurement lead's to read.
    if (!context.actor.isProcurementLead) {
      await context.reply(spendForLeadsCard());
      return;
    }
    const { months, suppliers, plan, imports } = await spendData(
      context.spend,
      context.actor.tenantId,
      ['months', 'suppliers', 'plan', 'imports'],
    );
    const pack = context.flow.pack;
    const lastPaymentOn = imports
      .map((i) => i.lastDate)
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);
    await context.reply(
      spendCard(
        pack,
        {
          years: spendByYear(pack, { months, suppliers }),
          missing: suppliersMissingData(pack, { months, suppliers }),
          plan,
          ...(lastPaymentOn === undefined ? {} : { lastPaymentOn }),
        },
        context.dashboard,
      ),
    );
  },
  async reminders(context, args) {
    const choice = (args[0] ?? '').toLowerCase();
    if (choice !== 'on' && choice !== 'off') {
      await context.reply(remindersUsageCard());
      return;
    }
    const saved = await context.conversations.setReminders(
      context.actor.tenantId,
      context.actor.userId,
      choice === 'on',
      context.clock(),
    );
    await context.reply(remindersSetCard(choice === 'on', saved));
  },
  async share(context, args) {
    const reference = referenceSchema.safeParse(args[0] ?? '');
    if (!reference.success || context.mentions.length === 0) {
      await context.reply(shareUsageCard());
      return;
    }
    const reply = await context.wizard.share(context.actor, reference.data, context.mentions);
    await context.reply(
      reply.ok
        ? sharedCard(
            context.mentions.map((m) => m.name),
            reference.data,
          )
        : shareNotFoundCard(reference.data),
    );
  },
};

/** Days ahead that `due` looks. */
const DUE_WITHIN_DAYS = 30;

async function withReference(
  context: CommandContext,
  args: string[],
  command: string,
  show: (reference: string) => Promise<WizardReply | Result<AdaptiveCard[]>>,
): Promise<void> {
  const reference = referenceSchema.safeParse(args[0] ?? '');
  if (!reference.success) {
    await context.reply(whichRecordCard(command));
    return;
  }
  const reply = await show(reference.data);
  if (reply.ok) {
    for (const card of Array.isArray(reply.value) ? reply.value : [reply.value]) {
      await context.reply(card);
    }
    return;
  }
  // A discarded draft is kept for the audit trail: say so rather than "not found".
  const discarded = await context.records.discarded(context.actor, reference.data);
  await context.reply(
    discarded ? discardedRecordCard(discarded) : recordNotFoundCard(reference.data),
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
