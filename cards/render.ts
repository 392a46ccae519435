import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Teams renders Adaptive Cards up to this version. */
export const CARD_VERSION = '1.5';

/**
 * Binds data to a template. Every field a template names must be in the data: a missing one
 * would show its `${...}` binding to the officer, so it is refused here instead.
 */
export function expand(template: object, data: object): AdaptiveCard {
  const card = new Template(template).expand({ $root: data }) as AdaptiveCard;
  const unbound = JSON.stringify(card).match(/\$\{[^}]*\}/);
  if (unbound)
    throw new Error(`card template left ${unbound[0]} unbound: the view model is missing it`);
  return card;
}
