import type { PolicyPack } from '../../policy/schema.js';
import { checkWeighting } from '../../rules/weighting.js';
import { listAnswer, numberAnswer, textAnswer } from '../answers.js';
import type { Answers } from '../draft.js';
import { fieldErrorsFrom } from '../field-errors.js';
import { TEXT_LIMITS } from '../limits.js';
import type { FieldErrors, Step } from '../questions.js';
import { assessmentOf, isCompetitive } from './basics.js';
import { byId } from './cited.js';

/** The measures chosen, in the pack's order. */
export function chosenMeasures(
  pack: PolicyPack,
  answers: Answers,
): PolicyPack['framework']['measures'] {
  const ids = listAnswer(answers, 'measures');
  return pack.framework.measures.filter((measure) => ids.includes(measure.id));
}

/**
 * The weighting is asked only where the pack gives one: a contract in the policy's scope awarded
 * competitively; while the basics give no assessment, whenever the award is competitive.
 */
const weightingApplies =
  (pack: PolicyPack) =>
  (answers: Answers): boolean => {
    const assessment = assessmentOf(pack, answers);
    return assessment.ok ? assessment.value.weighting.applies : isCompetitive(answers);
  };

/** The themes the chosen measures come under, in the pack's order: they follow from the outcomes. */
export function chosenThemes(pack: PolicyPack, answers: Answers): PolicyPack['themes'] {
  const measures = chosenMeasures(pack, answers);
  return pack.themes.filter((theme) => measures.some((measure) => measure.theme === theme.id));
}

/** The measures in the pack's order of themes (and their own order within a theme). */
function byTheme(pack: PolicyPack): PolicyPack['framework']['measures'] {
  const order = new Map(pack.themes.map((theme, index) => [theme.id, index]));
  return [...pack.framework.measures].sort(
    (a, b) => (order.get(a.theme) ?? 0) - (order.get(b.theme) ?? 0),
  );
}

export function outcomesStep(pack: PolicyPack): Step {
  const { unit, min } = pack.weighting;
  const themeName = new Map(pack.themes.map((theme) => [theme.id, theme.name]));
  const outcomes = byId(pack.preCommissioningQuestions, 'outcomes');
  return {
    id: 'outcomes',
    title: 'Social value outcomes',
    ...(outcomes ? { citation: outcomes.citation } : {}),
    questions: [
      {
        id: 'measures',
        kind: 'multiChoice',
        label: 'Which outcomes will you seek?',
        short: 'Outcomes',
        // The targets step lists each outcome with its target.
        listed: false,
        details: () =>
          pack.framework.measures.flatMap((measure) =>
            measure.derived
              ? [`${measure.text}: ${measure.derived.note} (${measure.derived.from.join(', ')})`]
              : [],
          ),
        detailsTitle: 'Why “our reading”',
        // Under their themes, in the pack's order of themes; the themes follow from the ticks.
        choices: byTheme(pack).map((measure) => ({
          id: measure.id,
          label: measure.text,
          group: {
            id: String(measure.theme),
            label: themeName.get(measure.theme) ?? `Theme ${measure.theme}`,
          },
          ...(measure.derived ? { derivedFrom: measure.derived.from } : {}),
        })),
        required: true,
      },
      {
        id: 'weighting',
        kind: 'number',
        label: `Share of the award criteria on social value (${unit})`,
        short: 'Weighting',
        min: 0,
        max: 100,
        unit,
        required: true,
        when: weightingApplies(pack),
        citation: pack.weighting.citation,
      },
      {
        id: 'weightingJustification',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Why social value carries this weight',
        short: 'Why this weight',
        // Refused by the weighting rule below (with its paragraph) when the weighting needs it.
        requiredIf: `above ${min}${unit}`,
        when: weightingApplies(pack),
      },
    ],
    validate: (answers) => weightingErrors(pack, answers),
  };
}

/** The pack's weighting through checkWeighting: within the pack's range, and justified above its minimum. */
function weightingErrors(pack: PolicyPack, answers: Answers): FieldErrors {
  const weighting = numberAnswer(answers, 'weighting');
  if (!weightingApplies(pack)(answers) || weighting === undefined) return {};
  const justification = textAnswer(answers, 'weightingJustification');
  const checked = checkWeighting(pack, {
    weighting,
    ...(justification === undefined ? {} : { justification }),
  });
  if (checked.ok) return {};
  const { min, max, unit } = pack.weighting;
  return fieldErrorsFrom(checked.problems, {
    weighting: {
      key: 'weighting',
      subject: 'The weighting',
      fix: `Enter a weighting from ${min}${unit} to ${max}${unit}`,
    },
    justification: {
      key: 'weightingJustification',
      subject: 'A justification of the weighting',
    },
  });
}
