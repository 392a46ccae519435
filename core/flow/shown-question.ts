import type { PolicyPack } from '../policy/schema.js';
import type { Answers } from './draft.js';
import { targetKey } from './measure-targets.js';
import {
  type Choice,
  type ChoiceQuestion,
  choicesOf,
  type DateQuestion,
  isRequired,
  isShown,
  type MeasureTargetsQuestion,
  type MoneyQuestion,
  type NumberQuestion,
  type Question,
  type TargetMeasure,
  type TextQuestion,
  type TickQuestion,
  type YesNoQuestion,
} from './questions.js';

/** One input of a measure's target: the number, or the confirmation of one outcome test. */
export interface TargetInput {
  /** The card field key, `${questionId}.${measureId}.${field}`. */
  key: string;
  kind: 'number' | 'yesNo';
  label: string;
  citation?: string;
}

export interface ShownMeasure extends TargetMeasure {
  inputs: TargetInput[];
}

type Resolved<Q extends Question> = Omit<Q, 'when' | 'required' | 'details'> & {
  required: boolean;
  details?: string[];
};

/** A question as a card shows it: plain data, with its conditions worked out on the answers. */
export type ShownQuestion =
  | Resolved<TextQuestion>
  | Resolved<MoneyQuestion>
  | Resolved<DateQuestion>
  | Resolved<NumberQuestion>
  | Resolved<YesNoQuestion>
  | Resolved<TickQuestion>
  | (Omit<Resolved<ChoiceQuestion>, 'choices'> & { choices: Choice[] })
  | (Omit<Resolved<MeasureTargetsQuestion>, 'measures'> & { measures: ShownMeasure[] });

/** The question as shown on these answers, or undefined when it is not asked. */
export function showQuestion(
  question: Question,
  answers: Answers,
  pack: PolicyPack,
): ShownQuestion | undefined {
  if (!isShown(question, answers, pack)) return undefined;
  const required = isRequired(question, answers, pack);
  const shown = showKind(question, required, answers, pack);
  return question.details ? { ...shown, details: question.details(answers, pack) } : shown;
}

function showKind(
  question: Question,
  required: boolean,
  answers: Answers,
  pack: PolicyPack,
): ShownQuestion {
  switch (question.kind) {
    case 'choice':
    case 'multiChoice': {
      const {
        when: _when,
        required: _required,
        details: _details,
        choices: _choices,
        ...rest
      } = question;
      return { ...rest, required, choices: choicesOf(question, answers, pack) };
    }
    case 'measureTargets': {
      const {
        when: _when,
        required: _required,
        details: _details,
        measures: _measures,
        ...rest
      } = question;
      const measures = question.measures(answers, pack).map((measure) => ({
        ...measure,
        inputs: targetInputs(question.id, measure),
      }));
      return { ...rest, required, measures };
    }
    case 'text':
    case 'longText':
      return resolve(question, required);
    case 'money':
      return resolve(question, required);
    case 'date':
      return resolve(question, required);
    case 'number':
      return resolve(question, required);
    case 'yesNo':
      return resolve(question, required);
    case 'tick':
      return resolve(question, required);
  }
}

function resolve<Q extends Question>(question: Q, required: boolean): Resolved<Q> {
  const { when: _when, required: _required, details: _details, ...rest } = question;
  return { ...rest, required };
}

function targetInputs(questionId: string, measure: TargetMeasure): TargetInput[] {
  const target: TargetInput[] =
    measure.unit.kind === 'commitment'
      ? []
      : [
          {
            key: targetKey(questionId, measure.id, 'target'),
            kind: 'number',
            label: `Target (${measure.unit.label})`,
          },
        ];
  return [
    ...target,
    {
      key: targetKey(questionId, measure.id, 'tests'),
      kind: 'yesNo',
      label: 'Meets all three tests',
    },
  ];
}
