import assert from 'node:assert/strict';
import { AdaptiveCard, SerializationContext } from 'adaptivecards';

/** A card, or any part of one, as JSON. */
export type Json = Record<string, unknown>;

/** Teams refuses a message over about 100 KB; a card is kept under this. */
export const MAX_CARD_BYTES = 80 * 1024;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object in the card, depth first, in the order a reader meets them. */
export function nodesOf(card: unknown): Json[] {
  const nodes: Json[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    nodes.push(node);
    for (const value of Object.values(node)) visit(value);
  };
  visit(card);
  return nodes;
}

export const inputsOf = (card: unknown): Json[] =>
  nodesOf(card).filter((node) => typeof node.type === 'string' && node.type.startsWith('Input.'));

/** The buttons of the card, wherever they are (a fallback is part of its button, not another). */
export function actionsOf(card: unknown): Json[] {
  const fallbacks = new Set(
    nodesOf(card)
      .map((node) => node.fallback)
      .filter(isObject),
  );
  return nodesOf(card).filter(
    (node) =>
      typeof node.type === 'string' && node.type.startsWith('Action.') && !fallbacks.has(node),
  );
}

/** The data a button sends (its Action.Execute data). */
export function dataOf(action: Json | undefined): Json {
  assert.ok(action && isObject(action.data), `a button without data: ${JSON.stringify(action)}`);
  return action.data;
}

/** Every piece of text a person reads on the card, in order. */
export function textOf(card: unknown): string {
  const lines: string[] = [];
  for (const node of nodesOf(card)) {
    if (node.type === 'TextBlock' && typeof node.text === 'string') lines.push(node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts.filter(isObject)) {
        lines.push(`${String(fact.title)}: ${String(fact.value)}`);
      }
    }
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) {
      const label = node.label ?? node.title;
      if (typeof label === 'string') lines.push(label);
    }
  }
  return lines.join('\n');
}

/** What the `adaptivecards` library finds wrong when it parses and validates the card. */
export function libraryProblems(card: object): string[] {
  const parsed = new AdaptiveCard();
  const context = new SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    problems.push(`parse: ${context.getEventAt(i).message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${event.message}`);
  }
  return problems;
}

/**
 * Everything found wrong with a card as Teams would receive it: the library's parse and
 * validation events, then this project's own rules.
 */
export function cardProblems(card: object): string[] {
  const problems = libraryProblems(card);
  const json = JSON.stringify(card);
  if (!isObject(card) || card.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (isObject(card) && card.version !== '1.5') {
    problems.push(`version ${String(card.version)}, not 1.5`);
  }
  if (Buffer.byteLength(json) >= MAX_CARD_BYTES) {
    problems.push(`${Buffer.byteLength(json)} bytes, over ${MAX_CARD_BYTES}`);
  }
  for (const unbound of json.match(/\$\{[^}]*\}/g) ?? []) problems.push(`unbound ${unbound}`);

  const ids = new Set<string>();
  for (const input of inputsOf(card)) {
    const id = typeof input.id === 'string' ? input.id : '';
    if (id === '') problems.push(`${String(input.type)} without an id`);
    if (ids.has(id)) problems.push(`input id ${id} used twice`);
    ids.add(id);
    const label = input.type === 'Input.Toggle' ? input.title : input.label;
    if (typeof label !== 'string' || label.trim() === '') {
      problems.push(`${id}: no ${input.type === 'Input.Toggle' ? 'title' : 'label'}`);
    }
  }

  for (const action of actionsOf(card)) {
    const title = String(action.title);
    if (typeof action.title !== 'string' || action.title.trim() === '') {
      problems.push(`${String(action.type)} without a title`);
    }
    if (action.type !== 'Action.Execute') continue;
    const fallback = action.fallback;
    if (!isObject(fallback) || fallback.type !== 'Action.Submit') {
      problems.push(`${title}: Action.Execute without an Action.Submit fallback`);
      continue;
    }
    try {
      assert.deepEqual(fallback.data, action.data);
    } catch {
      problems.push(`${title}: the fallback sends other data`);
    }
    if (fallback.title !== action.title) problems.push(`${title}: the fallback has another title`);
    if (!isObject(action.data) || typeof action.data.verb !== 'string') {
      problems.push(`${title}: sends no verb`);
    } else if (action.verb !== action.data.verb) {
      problems.push(`${title}: verb ${String(action.verb)} but data.verb ${action.data.verb}`);
    }
    // Action.Execute merges the inputs into its data: an input must not overwrite a key.
    for (const key of Object.keys(isObject(action.data) ? action.data : {})) {
      if (ids.has(key)) problems.push(`${title}: input ${key} would overwrite the button's ${key}`);
    }
  }
  return problems;
}

/** Fails the test with every problem the card has. */
export function assertValidCard(card: object, name: string): void {
  assert.deepEqual(cardProblems(card), [], `${name} has problems`);
}
