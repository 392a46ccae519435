import type { Condition } from '../policy/schema.js';

/** The facts about an exercise that a pack's conditions are tested against. */
export type Facts = Record<Condition, boolean>;

/** All listed conditions hold; an empty list always holds. */
export const conditionsHold = (conditions: readonly Condition[], facts: Facts): boolean =>
  conditions.every((condition) => facts[condition]);
