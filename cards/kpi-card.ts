import { kpiQuestions, type ShownQuestion } from '../core/flow/index.js';
import { showQuestion } from '../core/flow/shown-question.js';
import type { PolicyPack } from '../core/policy/index.js';
import type { CommissioningRecord, ContractDetailsNotice } from '../core/record/index.js';
import type { KpiDuty } from '../core/rules/index.js';
import { button, recordCardData } from './actions.js';
import { type FormState, formCard } from './form.js';
import { infoCard } from './info.js';
import { questionElements } from './inputs.js';
import { contractDetailsText } from './notice-text.js';
import { policyRef } from './policy-ref.js';
import type { AdaptiveCard } from './render.js';
import { STAGE_VERBS } from './stage-inputs.js';

/** The verbs of the KPI form and the contract details notice. */
export const KPI_VERBS = {
  show: 'kpis.show',
  save: 'kpis.save',
  /** Fill the empty slots with the record's social value outcomes, saving nothing. */
  fill: 'kpis.fill',
  notice: 'kpis.notice',
} as const;

/** The wizard's KPI step offers the same: its button is named the same way. */
export const FILL_FROM_OUTCOMES = 'Take our social value outcomes as KPIs';

/** The KPI form's questions as shown on the record's answers. */
export function kpiFormQuestions(
  pack: PolicyPack,
  record: CommissioningRecord,
  duty: KpiDuty['duty'],
): ShownQuestion[] {
  return kpiQuestions(pack, duty).flatMap((q) => {
    const shown = showQuestion(q, record.draft.answers, pack);
    return shown ? [shown] : [];
  });
}

/** What the form says above its fields: required, and why; or optional, and why. */
function dutyHelp(pack: PolicyPack, duty: KpiDuty): string {
  const { kpis } = pack.procurementAct;
  if (duty.duty === 'required') {
    return `${kpis.text} Mark the ${kpis.mostMaterial} most material: the contract details notice names them.`;
  }
  // The reasons name the value, the regime or the exemption that makes them optional.
  const why = duty.reasons.map((r) => `${r.text} (${r.citation})`).join(' ');
  return `KPIs are optional for this contract. ${why}`;
}

export interface KpiFormView {
  pack: PolicyPack;
  record: CommissioningRecord;
  duty: KpiDuty;
  /** The record has social value outcomes to take as KPIs. */
  hasOutcomes: boolean;
  state?: FormState;
}

/**
 * The KPI form after award, from the `kpis` command and the stages card's KPIs button alike:
 * the wizard step's questions, filled with the KPIs set (or as typed on a refused save).
 */
export function kpiFormCard(view: KpiFormView): AdaptiveCard {
  const { pack, record, duty, state = {} } = view;
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const data = recordCardData(record);
  const count = Object.keys(errors).length;
  return formCard({
    subtitle: `${record.id}: ${record.title}`,
    title: 'Key performance indicators',
    help: dutyHelp(pack, duty),
    citation: policyRef(pack, pack.procurementAct.kpis.citation),
    ...(state.notice ? { notice: state.notice } : {}),
    ...(count > 0
      ? {
          errorSummary: `Check ${count === 1 ? 'the answer' : `the ${count} answers`} marked below: each says what to change.`,
        }
      : {}),
    body: kpiFormQuestions(pack, record, duty.duty).flatMap((q) =>
      questionElements(q, { values, errors }),
    ),
    actions: [
      button('Save the KPIs', { verb: KPI_VERBS.save, ...data }, 'positive'),
      ...(view.hasOutcomes ? [button(FILL_FROM_OUTCOMES, { verb: KPI_VERBS.fill, ...data })] : []),
      ...(record.kpis
        ? [button('Contract details notice', { verb: KPI_VERBS.notice, reference: record.id })]
        : []),
      button('Stages and reminders', { verb: STAGE_VERBS.show, reference: record.id }),
    ],
  });
}

/**
 * A block the officer can select and copy as it is: one RichTextBlock per line, since a
 * TextBlock reads markdown (a "1." becomes a list, single line breaks are lost) and a TextRun
 * does not.
 */
const copyable = (text: string): Record<string, unknown> => ({
  type: 'Container',
  style: 'emphasis',
  spacing: 'Small',
  items: text.split('\n').map((line) => ({
    type: 'RichTextBlock',
    spacing: 'None',
    inlines: [
      { type: 'TextRun', text: line === '' ? ' ' : line, fontType: 'Monospace', size: 'Small' },
    ],
  })),
});

/**
 * The contract details notice's KPIs, ready to paste: as text and as JSON, naming the notice
 * they serve. Nothing is published: publishing is the force's act.
 */
export function contractDetailsNoticeCard(data: ContractDetailsNotice): AdaptiveCard {
  const { notice } = data;
  return infoCard({
    title: `${notice.name} (${notice.id}): ${data.contract.reference}`,
    intro: `For the ${notice.name} (${notice.id}, ${notice.citation}): the KPIs, the ${data.mostMaterial.length} most material marked. Copy the text or the JSON into the notice. Nothing has been published: the force publishes the notice itself.`,
    lead: [
      { type: 'TextBlock', text: 'As text', weight: 'Bolder', wrap: true },
      copyable(contractDetailsText(data)),
      { type: 'TextBlock', text: 'As JSON', weight: 'Bolder', wrap: true },
      copyable(JSON.stringify(data, null, 2)),
    ],
    actions: [
      button('KPIs', { verb: KPI_VERBS.show, reference: data.contract.reference }),
      button('Stages and reminders', {
        verb: STAGE_VERBS.show,
        reference: data.contract.reference,
      }),
    ],
  });
}
