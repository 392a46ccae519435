import type { PolicyPack } from '../../policy/schema.js';
import { checkTurnover } from '../../rules/turnover.js';
import { numberAnswer, textAnswer, yesNoAnswer } from '../answers.js';
import { fieldErrorsFrom } from '../field-errors.js';
import { TEXT_LIMITS } from '../limits.js';
import type { Step } from '../questions.js';
import { contractValue, isCompetitive } from './basics.js';
import { byId, cited } from './cited.js';

export function smallerProvidersStep(pack: PolicyPack): Step {
  const { checks, turnover } = pack.smallerProviders;
  const lots = byId(checks, 'lots');
  return {
    id: 'smallerProviders',
    title: 'Opening the contract to smaller providers',
    citation: '§4.4',
    // The §4.4 checks are for competitive awards.
    skip: (answers) => !isCompetitive(answers),
    questions: [
      {
        id: 'promotion',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label:
          'How will the opportunity be promoted widely, and early enough for smaller providers?',
        required: true,
        ...cited(byId(checks, 'promote')),
      },
      {
        id: 'preTenderEvent',
        kind: 'yesNo',
        label: 'Will you hold a pre-tender awareness event?',
        ...cited(byId(checks, 'events')),
      },
      {
        id: 'minimumTurnover',
        kind: 'money',
        label: 'Minimum yearly turnover asked of bidders, if any',
        ...cited(byId(checks, 'thresholds')),
        help: `${byId(checks, 'thresholds')?.text ?? ''} ${pack.modernSlavery.statementTurnover.text} (${pack.modernSlavery.statementTurnover.citation})`.trim(),
      },
      {
        id: 'turnoverJustification',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Why that turnover is needed, if it is high for the contract value',
        ...cited(turnover.byRegime[turnover.byRegime.length - 1]),
        help: `${turnover.ruleOfThumb.text} (derived: ${turnover.ruleOfThumb.derived.note})`,
      },
      {
        id: 'useLots',
        kind: 'yesNo',
        label: 'Will the contract be split into lots?',
        required: true,
        ...cited(lots),
      },
      {
        id: 'lotsReason',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Why the contract is not split into lots',
        required: true,
        when: (answers) => yesNoAnswer(answers, 'useLots') === false,
        followUp: 'If not in lots',
        ...(lots ? { citation: lots.citation } : {}),
        ...(lots?.statutory ? { help: lots.statutory.text } : {}),
      },
    ],
    validate: (answers) => {
      const requiredTurnover = numberAnswer(answers, 'minimumTurnover');
      const value = contractValue(answers);
      if (requiredTurnover === undefined || value === undefined) return {};
      const justification = textAnswer(answers, 'turnoverJustification');
      const checked = checkTurnover(pack, {
        requiredTurnover,
        contractValue: value,
        procurementStart: textAnswer(answers, 'procurementStart'),
        ...(justification === undefined ? {} : { justification }),
      });
      return checked.ok
        ? {}
        : fieldErrorsFrom(checked.problems, {
            justification: { key: 'turnoverJustification', subject: 'A justification' },
            requiredTurnover: { key: 'minimumTurnover', subject: 'The minimum turnover' },
          });
    },
  };
}
