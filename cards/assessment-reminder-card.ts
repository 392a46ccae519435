import type { PolicyPack } from '../core/policy/index.js';
import {
  type CommissioningRecord,
  nextAssessmentDue,
  nextAssessmentPeriod,
} from '../core/record/index.js';
import { button } from './actions.js';
import { formatDate } from './format.js';
import { infoCard } from './info.js';
import { PERFORMANCE_VERBS } from './performance-card.js';
import { dueWords } from './reminder-card.js';
import type { AdaptiveCard } from './render.js';

/**
 * A performance assessment has fallen due: the contract, the assessment and its period, the
 * law's words, and a button to the assessment card.
 */
export function assessmentReminderCard(
  pack: PolicyPack,
  record: CommissioningRecord,
  due: string,
  today: string,
): AdaptiveCard {
  const { assessments } = pack.procurementAct;
  const next = nextAssessmentDue(record, pack);
  const kind = next?.on === due ? next.kind : 'yearly';
  const period = next?.on === due ? nextAssessmentPeriod(record, next, today) : undefined;
  const when = dueWords(due, today);
  return infoCard({
    title: `Reminder: a performance assessment is ${when.when}`,
    facts: [
      { title: 'Contract', value: `${record.id}: ${record.title}` },
      ...(record.contract?.supplier
        ? [{ title: 'Supplier', value: record.contract.supplier }]
        : []),
      {
        title: 'Assessment',
        value: kind === 'termination' ? 'On termination' : 'Yearly',
      },
      { title: when.title, value: formatDate(due) },
      ...(period
        ? [{ title: 'Period', value: `${formatDate(period.from)} to ${formatDate(period.to)}` }]
        : []),
      { title: 'KPIs to rate', value: String(record.kpis?.kpis.length ?? 0) },
    ],
    sections: [
      {
        heading: 'What the law asks',
        lines: [{ text: assessments.text, citation: assessments.citation }],
      },
    ],
    actions: [
      button(
        'Assess performance',
        { verb: PERFORMANCE_VERBS.show, reference: record.id },
        'positive',
      ),
      button('Open the record', { verb: 'command', text: `open ${record.id}` }),
    ],
  });
}
