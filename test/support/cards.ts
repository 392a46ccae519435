import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';

/** An Adaptive Card (or any part of one) as JSON. */
export type CardJson = Record<string, unknown>;

const isObject = (value: unknown): value is CardJson =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const INPUT_TYPES = new Set([
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);

/** An input as an officer sees it: its label, the value filled in, and the error shown beside it. */
export interface InputView {
  id: string;
  type: string;
  label: string;
  value?: string;
  error?: string;
}

/** A button: its title and the data it sends. */
export interface ActionView {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** The Adaptive Card attached to an activity (the first one). */
export function cardOf(activity: Partial<Activity> | undefined): CardJson {
  const attachment = activity?.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  assert.ok(
    attachment && isObject(attachment.content),
    `expected an Adaptive Card, got ${JSON.stringify(activity)}`,
  );
  return attachment.content;
}

/** Every piece of text a person reads on the card, one per line, in order. */
export function cardText(card: CardJson): string {
  const lines: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    if (node.type === 'TextBlock' && typeof node.text === 'string') lines.push(node.text);
    // A RichTextBlock is one line of its runs (the notices' copyable text, line by line).
    if (node.type === 'RichTextBlock' && Array.isArray(node.inlines)) {
      lines.push(node.inlines.map((run) => (isObject(run) ? String(run.text ?? '') : '')).join(''));
    }
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts) {
        if (isObject(fact)) lines.push(`${String(fact.title)}: ${String(fact.value)}`);
      }
    }
    if (typeof node.type === 'string' && INPUT_TYPES.has(node.type)) {
      const label = node.label ?? node.title;
      if (typeof label === 'string') lines.push(label);
    }
    for (const key of ['body', 'items', 'columns']) visit(node[key]);
  };
  visit(card.body);
  return lines.join('\n');
}

/** The card's inputs, each with the error shown right after it (in the same container). */
export function inputsOf(card: CardJson): Map<string, InputView> {
  const inputs = new Map<string, InputView>();
  const visitList = (items: unknown[]): void => {
    let last: InputView | undefined;
    for (const item of items) {
      if (!isObject(item)) continue;
      const type = typeof item.type === 'string' ? item.type : '';
      if (INPUT_TYPES.has(type) && typeof item.id === 'string') {
        const label = item.label ?? item.title;
        last = {
          id: item.id,
          type,
          label: typeof label === 'string' ? label : '',
          ...(item.value === undefined ? {} : { value: String(item.value) }),
        };
        inputs.set(item.id, last);
      } else if (type === 'TextBlock' && item.color === 'Attention' && last) {
        last.error = String(item.text);
      } else if (type === 'ActionSet' && Array.isArray(item.actions)) {
        // A ShowCard's inputs are sent with the buttons inside it.
        for (const shown of item.actions) {
          if (isObject(shown) && isObject(shown.card) && Array.isArray(shown.card.body)) {
            visitList(shown.card.body);
          }
        }
      } else {
        for (const key of ['items', 'columns', 'body']) {
          const nested = item[key];
          if (Array.isArray(nested)) visitList(nested);
        }
      }
    }
  };
  if (Array.isArray(card.body)) visitList(card.body);
  return inputs;
}

/** The input with this id; fails the test if the card does not show it. */
export function input(card: CardJson, id: string): InputView {
  const found = inputsOf(card).get(id);
  assert.ok(found, `the card has no input ${id}; it has ${[...inputsOf(card).keys()].join(', ')}`);
  return found;
}

/**
 * Every button a person can press: the card's own, those in action sets in its body, and
 * those inside a ShowCard (a fallback is not a button of its own).
 */
export function actionsOf(card: CardJson): ActionView[] {
  const found: ActionView[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    const type = typeof node.type === 'string' ? node.type : '';
    if (type === 'Action.ShowCard' && isObject(node.card)) {
      visit(node.card.body);
      visit(node.card.actions);
      return;
    }
    if (type.startsWith('Action.')) {
      const data = isObject(node.data) ? node.data : {};
      found.push({ title: String(node.title), verb: String(node.verb ?? data.verb ?? ''), data });
      return;
    }
    for (const key of ['body', 'items', 'columns', 'actions']) visit(node[key]);
  };
  visit(card.body);
  visit(card.actions);
  return found;
}

export function action(card: CardJson, title: string): ActionView {
  const found = actionsOf(card).find((a) => a.title === title);
  assert.ok(
    found,
    `the card has no "${title}" button; it has ${actionsOf(card)
      .map((a) => `"${a.title}"`)
      .join(', ')}`,
  );
  return found;
}

/**
 * What a client sends when a person types into the card's inputs and presses a button:
 * the button's data merged with every input's value (those filled in already, then those
 * typed). Typing into an input the card does not show fails the test.
 */
export function press(
  card: CardJson,
  title: string,
  typed: Readonly<Record<string, string>> = {},
): { verb: string; data: Record<string, unknown> } {
  const button = action(card, title);
  const inputs = inputsOf(card);
  const values: Record<string, string> = {};
  for (const [id, view] of inputs) if (view.value !== undefined) values[id] = view.value;
  for (const [id, value] of Object.entries(typed)) {
    assert.ok(
      inputs.has(id),
      `cannot type into ${id}: the card "${cardTitle(card)}" shows ${[...inputs.keys()].join(', ')}`,
    );
    values[id] = value;
  }
  return { verb: button.verb, data: { ...button.data, ...values } };
}

/** The card's heading: the first large TextBlock. */
export function cardTitle(card: CardJson): string {
  const body = Array.isArray(card.body) ? card.body : [];
  const heading = body.find((item) => isObject(item) && item.size === 'Large');
  return isObject(heading) ? String(heading.text) : '';
}

/** The errors shown beside inputs, by input id. */
export function fieldErrors(card: CardJson): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [id, view] of inputsOf(card)) if (view.error) errors[id] = view.error;
  return errors;
}
