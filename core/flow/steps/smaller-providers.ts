import type { PolicyPack } from '../../policy/schema.js';
import { checkTurnover } from '../../rules/turnover.js';
import { numberAnswer, textAnswer, yesNoAnswer } from '../answers.js';
import type { Answers } from '../draft.js';
import { fieldErrorsFrom } from '../field-errors.js';
import { TEXT_LIMITS } from '../limits.js';
import type { FieldErrors, Question } from '../questions.js';
import { contractValue, isCompetitive } from './basics.js';
import { byId } from './cited.js';

/**
 * The pack's smaller-providers checks, asked of a competitive award only, on the same card as modern slavery
 * (both are short, and one card fewer is a minute saved).
 */
export function smallerProviderQuestions(pack: PolicyPack): Question[] {
  const { checks, turnover } = pack.smallerProviders;
  const lots = byId(checks, 'lots');
  const questions: Question[] = [
    {
      id: 'promotion',
      kind: 'longText',
      maxLength: TEXT_LIMITS.long,
      label: 'How will you promote it widely, and early enough for smaller providers?',
      short: 'Promotion',
      required: true,
      ...citedOnly(byId(checks, 'promote')),
    },
    {
      id: 'preTenderEvent',
      kind: 'tick',
      label: 'We will hold a pre-tender awareness event',
      short: 'Pre-tender event',
      ...citedOnly(byId(checks, 'events')),
    },
    {
      id: 'minimumTurnover',
      kind: 'money',
      label: 'Minimum yearly turnover asked of bidders',
      short: 'Minimum turnover',
      ...citedOnly(byId(checks, 'thresholds')),
    },
    {
      id: 'turnoverJustification',
      kind: 'longText',
      maxLength: TEXT_LIMITS.long,
      label: 'Why that turnover is needed',
      short: 'Why that turnover',
      // Asked only of a turnover above the pack's multiple of the value.
      required: true,
      when: (answers) => {
        const asked = numberAnswer(answers, 'minimumTurnover');
        const value = contractValue(answers);
        return (
          asked !== undefined && value !== undefined && asked > value * turnover.maxMultipleOfValue
        );
      },
      // The pack's rule of thumb, marked as its reading; the grounds behind a toggle.
      ...citedOnly(turnover.byRegime[turnover.byRegime.length - 1]),
      help: `${turnover.ruleOfThumb.text} (our reading)`,
      detailsTitle: 'Why twice the value',
      details: () => [turnover.ruleOfThumb.derived.note],
    },
    {
      id: 'useLots',
      kind: 'yesNo',
      label: 'Will the contract be split into lots?',
      short: 'Lots',
      required: true,
      ...citedOnly(lots),
    },
    {
      id: 'lotsReason',
      kind: 'longText',
      maxLength: TEXT_LIMITS.long,
      label: 'Why the contract is not split into lots',
      short: 'Why not lots',
      required: true,
      when: (answers) => yesNoAnswer(answers, 'useLots') === false,
      ...(lots ? { citation: lots.citation } : {}),
      ...(lots?.statutory ? { help: lots.statutory.text } : {}),
    },
  ];
  return questions.map((question) => {
    const { when } = question;
    return {
      ...question,
      when: (answers: Answers, p: PolicyPack) =>
        isCompetitive(answers) && (when === undefined || when(answers, p)),
    };
  });
}

/** A check's paragraph alone: its words are in the verdict's policy lines, not repeated by each question. */
function citedOnly(item: { citation: string } | undefined): { citation?: string } {
  return item ? { citation: item.citation } : {};
}

/** The pack's turnover check through checkTurnover: a turnover above the pack's multiple of the value is justified. */
export function smallerProviderErrors(pack: PolicyPack, answers: Answers): FieldErrors {
  if (!isCompetitive(answers)) return {};
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
        justification: { key: 'turnoverJustification', subject: 'Why that turnover is needed' },
        requiredTurnover: { key: 'minimumTurnover', subject: 'The minimum turnover' },
      });
}
