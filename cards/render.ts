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
 * Binds data to a template. Every field a template names must be in the data: a missing one
 * would show its `${...}` binding to the officer, so it is refused here instead.
 */
export function expand(template: object, data: object): AdaptiveCard {
  let engine = prepared.get(template);
  if (!engine) {
    engine = new Template(template);
    prepared.set(template, engine);
  }
  const card = engine.expand({ $root: data }) as AdaptiveCard;
  const unbound = JSON.stringify(card).match(/\$\{[^}]*\}/);
  if (unbound)
    throw new Error(`card template left ${unbound[0]} unbound: the view model is missing it`);
  return card;
}
