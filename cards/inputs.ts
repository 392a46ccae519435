import type { ShownQuestion, TargetInput } from '../core/flow/index.js';

/** An Adaptive Card element, as JSON. */
export type Element = Record<string, unknown>;

export interface InputState {
  /** The values to show, as card fields hold them (typed by the officer, or saved). */
  values: Readonly<Record<string, string>>;
  /** Errors keyed as the values are. */
  errors: Readonly<Record<string, string>>;
  /** The keys of `errors` that are follow-up questions: asked, not mistakes. */
  followUps?: readonly string[];
}

const YES_NO = [
  { title: 'Yes', value: 'true' },
  { title: 'No', value: 'false' },
];

/** Up to this many choices show as radio buttons; more as a drop-down. */
const EXPANDED_UP_TO = 5;

/**
 * "(optional)" only on a question never refused; one required on a condition says which
 * ("required if above 5%"), so the label never promises what the bot then refuses.
 */
function labelOf(question: Pick<ShownQuestion, 'label' | 'required' | 'requiredIf'>): string {
  if (question.required) return question.label;
  return question.requiredIf
    ? `${question.label} (required if ${question.requiredIf})`
    : `${question.label} (optional)`;
}

/**
 * A question's help, if any. Its paragraph is not repeated under each question: the card's
 * policy lines and the summary carry the citations, and a bare paragraph number tells an officer nothing.
 */
function helpBlock(help: string | undefined): Element[] {
  if (!help) return [];
  return [
    { type: 'TextBlock', text: help, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
  ];
}

/** Lines the officer may open beside a question (what a tick agrees to), behind a toggle. */
function detailsBlock(question: ShownQuestion): Element[] {
  const lines = question.details ?? [];
  if (lines.length === 0) return [];
  const id = `${question.id}-details`;
  return [
    {
      type: 'ActionSet',
      spacing: 'None',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: question.detailsTitle ?? 'Show details',
          targetElements: [id],
        },
      ],
    },
    {
      type: 'Container',
      id,
      isVisible: false,
      items: lines.map((line) => ({
        type: 'TextBlock',
        text: `• ${line}`,
        wrap: true,
        spacing: 'Small',
      })),
    },
  ];
}

const isGrouped = (question: ShownQuestion): boolean =>
  question.kind === 'multiChoice' && question.choices.some((choice) => choice.group);

/** A choice as shown: a derived one says so in plain words. */
const choiceTitle = (choice: { label: string; derivedFrom?: string[] }): string =>
  choice.derivedFrom && choice.derivedFrom.length > 0
    ? `${choice.label} (our reading)`
    : choice.label;

export function errorBlock(key: string, state: InputState): Element[] {
  const error = state.errors[key];
  if (!error) return [];
  // A follow-up is a question the answers above call for, not a mistake: not in the error
  // colour, and said in words (colour is never the only signal).
  const followUp = state.followUps?.includes(key) === true;
  return [
    {
      type: 'TextBlock',
      text: followUp ? `One more question, from your answers above: ${lowerFirst(error)}` : error,
      color: followUp ? 'Accent' : 'Attention',
      wrap: true,
      spacing: 'None',
      weight: 'Bolder',
    },
  ];
}

const lowerFirst = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/** A value for the input: omitted when there is none, so the card shows an empty field. */
const shownValue = (key: string, state: InputState): { value?: string } =>
  state.values[key] === undefined ? {} : { value: state.values[key] };

function inputFor(
  question: Exclude<ShownQuestion, { kind: 'measureTargets' }>,
  state: InputState,
): Element {
  const common = {
    id: question.id,
    label: labelOf(question),
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
      return { type: 'Input.Text', ...common, placeholder: '£250,000 or 250k' };
    case 'date':
      return { type: 'Input.Date', ...common };
    case 'number':
      return {
        type: 'Input.Number',
        ...common,
        ...(question.min === undefined ? {} : { min: question.min }),
        ...(question.max === undefined ? {} : { max: question.max }),
      };
    case 'yesNo':
      // Starts unanswered: no default may decide what the officer did not choose.
      return { type: 'Input.ChoiceSet', ...common, style: 'expanded', choices: YES_NO };
    case 'tick':
      return {
        type: 'Input.Toggle',
        id: question.id,
        title: question.label,
        valueOn: 'true',
        valueOff: 'false',
        value: state.values[question.id] === 'true' ? 'true' : 'false',
      };
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: question.choices.length > EXPANDED_UP_TO ? 'compact' : 'expanded',
        ...(question.choices.length > EXPANDED_UP_TO ? { placeholder: 'Choose one' } : {}),
        choices: question.choices.map((choice) => ({
          title: choiceTitle(choice),
          value: choice.id,
        })),
      };
    case 'multiChoice':
      if (isGrouped(question)) return groupedChoices(question, state);
      return {
        type: 'Input.ChoiceSet',
        ...common,
        isMultiSelect: true,
        style: 'expanded',
        choices: question.choices.map((choice) => ({
          title: choiceTitle(choice),
          value: choice.id,
        })),
      };
  }
}

/**
 * A multi-choice in groups (outcomes under their themes): one list per group, each labelled
 * with the group's name, so the officer reads the themes as headings. The lists send
 * `${id}.${groupId}`; the flow reads them as one answer.
 */
function groupedChoices(
  question: Extract<ShownQuestion, { kind: 'choice' | 'multiChoice' }>,
  state: InputState,
): Element {
  const chosen = (state.values[question.id] ?? '').split(',');
  const groups = new Map<string, { label: string; choices: { title: string; value: string }[] }>();
  for (const choice of question.choices) {
    const group = choice.group ?? { id: 'other', label: 'Other' };
    const entry = groups.get(group.id) ?? { label: group.label, choices: [] };
    entry.choices.push({ title: choiceTitle(choice), value: choice.id });
    groups.set(group.id, entry);
  }
  return {
    type: 'Container',
    items: [
      {
        type: 'TextBlock',
        text: labelOf(question),
        weight: 'Bolder',
        wrap: true,
        style: 'heading',
      },
      ...helpBlock(question.help),
      ...[...groups].map(([groupId, group]) => {
        const key = `${question.id}.${groupId}`;
        const own = state.values[key];
        const picked =
          own ??
          group.choices
            .filter((c) => chosen.includes(c.value))
            .map((c) => c.value)
            .join(',');
        return {
          type: 'Input.ChoiceSet',
          id: key,
          label: group.label,
          isMultiSelect: true,
          style: 'expanded',
          ...(picked ? { value: picked } : {}),
          choices: group.choices,
        };
      }),
    ],
  };
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
          title: input.label,
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
      // A grouped list carries its help under its heading, above the lists.
      ...(isGrouped(question) ? [] : helpBlock(question.help)),
      ...detailsBlock(question),
      ...errorBlock(question.id, state),
    ];
  }
  // The step's own title names the targets: each outcome's box is headed by the outcome.
  return [
    ...helpBlock(question.help),
    ...errorBlock(question.id, state),
    ...question.measures.map((measure) => ({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: measure.label, wrap: true, weight: 'Bolder' },
        ...measure.inputs.flatMap((input) => targetInput(input, state)),
      ],
    })),
  ];
}
