import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Teams renders Adaptive Cards up to this version. */
export const CARD_VERSION = '1.5';

/**
 * Templates prepared once: building a Template parses every `${...}` expression, which
 * cost a quarter of a wizard turn's CPU when done per card (bench/). `expand` is
 * synchronous, so one prepared Template per template serves every card.
 */
const prepared = new WeakMap<object, Template>();

/**
 * Stands in for `${` in the data while a template is expanded, so that text an officer typed
 * (a title such as "Project ${code}") is shown as typed, not taken for a binding left unbound.
 */
const OPEN_STAND_IN = '\u{E000}{';

function replaceInText(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.includes(from) ? value.replaceAll(from, to) : value;
  if (Array.isArray(value)) return value.map((item) => replaceInText(item, from, to));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceInText(item, from, to)]),
    );
  }
  return value;
}

/**
 * Binds data to a template. Every field a template names must be in the data: a missing one
 * would show its `${...}` binding to the officer, so it is refused here instead.
 */
export function expand(template: object, data: object): AdaptiveCard {
  let engine = prepared.get(template);
  if (!engine) {
    engine = new Template(template);
    prepared.set(template, engine);
  }
  const typed = JSON.stringify(data).includes('${');
  const card: unknown = engine.expand({
    $root: typed ? replaceInText(data, '${', OPEN_STAND_IN) : data,
  });
  const unbound = JSON.stringify(card).match(/\$\{[^${}]*\}/);
  if (unbound)
    throw new Error(`card template left ${unbound[0]} unbound: the view model is missing it`);
  return (typed ? replaceInText(card, OPEN_STAND_IN, '${') : card) as AdaptiveCard;
}
