import type { ShownQuestion, TargetInput } from '../core/flow/index.js';

/** An Adaptive Card element, as JSON. */
export type Element = Record<string, unknown>;

export interface InputState {
  /** The values to show, as card fields hold them (typed by the officer, or saved). */
  values: Readonly<Record<string, string>>;
  /** Errors keyed as the values are. */
  errors: Readonly<Record<string, string>>;
}

const YES_NO = [
  { title: 'Yes', value: 'true' },
  { title: 'No', value: 'false' },
];

/** Up to this many choices show as radio buttons; more as a drop-down. */
const EXPANDED_UP_TO = 5;

const labelOf = (label: string, required: boolean): string =>
  required ? label : `${label} (optional)`;

function helpBlock(help: string | undefined, citation: string | undefined): Element[] {
  if (!help && !citation) return [];
  const text = [help, citation ? `_(${citation})_` : undefined].filter(Boolean).join(' ');
  return [{ type: 'TextBlock', text, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' }];
}

export function errorBlock(key: string, state: InputState): Element[] {
  const error = state.errors[key];
  return error
    ? [
        {
          type: 'TextBlock',
          text: error,
          color: 'Attention',
          wrap: true,
          spacing: 'None',
          weight: 'Bolder',
        },
      ]
    : [];
}

/** A value for the input: omitted when there is none, so the card shows an empty field. */
const shownValue = (key: string, state: InputState): { value?: string } =>
  state.values[key] === undefined ? {} : { value: state.values[key] };

function inputFor(
  question: Exclude<ShownQuestion, { kind: 'measureTargets' }>,
  state: InputState,
): Element {
  const common = {
    id: question.id,
    label: labelOf(question.label, question.required),
    ...shownValue(question.id, state),
  };
  switch (question.kind) {
    case 'text':
      return {
        type: 'Input.Text',
        ...common,
        ...(question.maxLength ? { maxLength: question.maxLength } : {}),
      };
    case 'longText':
      return {
        type: 'Input.Text',
        ...common,
        isMultiline: true,
        ...(question.maxLength ? { maxLength: question.maxLength } : {}),
      };
    case 'money':
      return { type: 'Input.Text', ...common, placeholder: 'For example £250,000 or 250k' };
    case 'date':
      return { type: 'Input.Date', ...common };
    case 'number':
      return {
        type: 'Input.Number',
        ...common,
        ...(question.unit ? { placeholder: question.unit } : {}),
        ...(question.min === undefined ? {} : { min: question.min }),
        ...(question.max === undefined ? {} : { max: question.max }),
      };
    case 'yesNo':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        ...(common.value === undefined && question.default !== undefined
          ? { value: String(question.default) }
          : {}),
        style: 'expanded',
        choices: YES_NO,
      };
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: question.choices.length > EXPANDED_UP_TO ? 'compact' : 'expanded',
        ...(question.choices.length > EXPANDED_UP_TO ? { placeholder: 'Choose one' } : {}),
        choices: question.choices.map((choice) => ({ title: choice.label, value: choice.id })),
      };
    case 'multiChoice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        isMultiSelect: true,
        style: 'expanded',
        choices: question.choices.map((choice) => ({ title: choice.label, value: choice.id })),
      };
  }
}

function targetInput(input: TargetInput, state: InputState): Element[] {
  const element =
    input.kind === 'number'
      ? {
          type: 'Input.Number',
          id: input.key,
          label: input.label,
          min: 0,
          ...shownValue(input.key, state),
        }
      : {
          type: 'Input.Toggle',
          id: input.key,
          title: input.citation ? `${input.label} (${input.citation})` : input.label,
          valueOn: 'true',
          valueOff: 'false',
          value: state.values[input.key] === 'true' ? 'true' : 'false',
        };
  return [element, ...errorBlock(input.key, state)];
}

/** The elements that ask one question: its input (or inputs), help, citation and any error. */
export function questionElements(question: ShownQuestion, state: InputState): Element[] {
  if (question.kind !== 'measureTargets') {
    return [
      inputFor(question, state),
      ...helpBlock(question.help, question.citation),
      ...errorBlock(question.id, state),
    ];
  }
  return [
    {
      type: 'TextBlock',
      text: labelOf(question.label, question.required),
      weight: 'Bolder',
      wrap: true,
    },
    ...helpBlock(question.help, question.citation),
    ...errorBlock(question.id, state),
    ...question.measures.map((measure) => ({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        {
          type: 'TextBlock',
          text: `${measure.label} _(${measure.citation})_`,
          wrap: true,
          weight: 'Bolder',
        },
        ...measure.inputs.flatMap((input) => targetInput(input, state)),
      ],
    })),
  ];
}
