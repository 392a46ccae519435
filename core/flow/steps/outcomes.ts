import type { PolicyPack } from '../../policy/schema.js';
import { checkWeighting } from '../../rules/weighting.js';
import { listAnswer, numberAnswer, textAnswer } from '../answers.js';
import type { Answers } from '../draft.js';
import { fieldErrorsFrom } from '../field-errors.js';
import { TEXT_LIMITS } from '../limits.js';
import type { FieldErrors, Step } from '../questions.js';
import { assessmentOf, isCompetitive } from './basics.js';
import { byId, cited } from './cited.js';

/** The measures chosen, in the pack's order. */
export function chosenMeasures(
  pack: PolicyPack,
  answers: Answers,
): PolicyPack['framework']['measures'] {
  const ids = listAnswer(answers, 'measures');
  return pack.framework.measures.filter((measure) => ids.includes(measure.id));
}

/**
 * The weighting is asked only where §2.2 gives one: a contract in the policy's scope awarded
 * competitively; while the basics give no assessment, whenever the award is competitive.
 */
const weightingApplies =
  (pack: PolicyPack) =>
  (answers: Answers): boolean => {
    const assessment = assessmentOf(pack, answers);
    return assessment.ok ? assessment.value.weighting.applies : isCompetitive(answers);
  };

export function outcomesStep(pack: PolicyPack): Step {
  const { unit } = pack.weighting;
  const themeName = new Map(pack.themes.map((theme) => [theme.id, theme.name]));
  return {
    id: 'outcomes',
    title: 'Social value outcomes',
    ...cited(byId(pack.preCommissioningQuestions, 'outcomes')),
    questions: [
      {
        id: 'themes',
        kind: 'multiChoice',
        label: 'Which themes will the contract contribute to?',
        choices: pack.themes.map((theme) => ({ id: String(theme.id), label: theme.name })),
        required: true,
        citation: '§5.0',
      },
      {
        id: 'measures',
        kind: 'multiChoice',
        label: 'Which outcomes will you seek? Tick at least one for each theme',
        choices: pack.framework.measures.map((measure) => ({
          id: measure.id,
          label: `${themeName.get(measure.theme) ?? `Theme ${measure.theme}`}: ${measure.text}`,
        })),
        required: true,
        citation: 'App 1',
      },
      {
        id: 'weighting',
        kind: 'number',
        label: `Share of the award criteria on social value (${unit})`,
        min: 0,
        max: 100,
        unit,
        required: true,
        when: weightingApplies(pack),
        ...cited(pack.weighting),
      },
      {
        id: 'weightingJustification',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Why social value carries this weight',
        when: weightingApplies(pack),
        citation: pack.weighting.citation,
      },
    ],
    validate: (answers) => ({
      ...themeAndMeasureErrors(pack, answers, themeName),
      ...weightingErrors(pack, answers),
    }),
  };
}

/** Every chosen measure under a chosen theme, and every chosen theme with a measure. */
function themeAndMeasureErrors(
  pack: PolicyPack,
  answers: Answers,
  themeName: Map<number, string>,
): FieldErrors {
  const themes = listAnswer(answers, 'themes');
  const chosen = chosenMeasures(pack, answers);
  // Either list left empty has its own error; pairing them up would only repeat it.
  if (themes.length === 0 || chosen.length === 0) return {};
  const errors: FieldErrors = {};
  const stray = chosen.filter((measure) => !themes.includes(String(measure.theme)));
  if (stray.length > 0) {
    errors.measures = stray
      .map(
        (measure) =>
          `“${measure.text}” is under ${themeName.get(measure.theme)}, which is not ticked: tick that theme or untick the outcome`,
      )
      .join('; ');
  }
  const bare = pack.themes.filter(
    (theme) =>
      themes.includes(String(theme.id)) && !chosen.some((measure) => measure.theme === theme.id),
  );
  if (bare.length > 0) {
    errors.themes = bare
      .map(
        (theme) =>
          `${theme.name} has no outcome ticked: tick at least one of its outcomes or untick the theme`,
      )
      .join('; ');
  }
  return errors;
}

/** §2.2 through checkWeighting: within the pack's range, and justified above its minimum. */
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
    justification: { key: 'weightingJustification', subject: 'A justification' },
  });
}
