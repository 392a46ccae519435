import { TEXT_LIMITS } from '../flow/limits.js';

/**
 * How much an officer may type and list when managing a contract after award: a record is one
 * Cosmos DB item (at most 2 MB), and delivery is recorded for years, so each text and each list
 * is bounded here (the size test in test/core/record/delivery-size.test.ts checks the sum).
 */
export const CONTRACT_TEXT_LIMITS = {
  kpiName: TEXT_LIMITS.short,
  kpiMeasuredBy: 500,
  kpiTarget: TEXT_LIMITS.short,
  notAppropriate: TEXT_LIMITS.long,
  /** Evidence is a short note pointing at the document, not the document. */
  evidenceNote: 300,
  evidenceLink: 300,
  ratingNote: 500,
  overallNote: TEXT_LIMITS.long,
  eventNote: TEXT_LIMITS.long,
} as const;

export const CONTRACT_LIST_LIMITS = {
  kpis: 20,
  /**
   * Ten years of quarterly returns on ten outcomes with one in four corrected, or five years on
   * twenty outcomes: with the largest questionnaire record this still fits one item.
   */
  deliveryEntries: 500,
  events: 50,
} as const;
