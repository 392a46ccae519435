import assert from 'node:assert/strict';
import {
  type ApplyResult,
  applyAnswers,
  buildQuestionnaire,
  type Draft,
  type DraftStep,
  newDraft,
  type RawValues,
  type StepId,
} from '../../../core/flow/index.js';
import { builtInPack } from '../../../core/policy/index.js';
import { officerAnswers } from '../../support/officer.js';

export const pack = builtInPack;
export const flow = buildQuestionnaire(pack);

/**
 * Cards for a typical £250k competitive services contract seeking two outcomes, as Teams
 * submits them: the officer's answers used across the tests, with the contract kept in one
 * lot (so that the reason for no lots is asked).
 */
export const typical: Record<StepId, Record<string, string>> = {
  ...officerAnswers,
  modernSlavery: {
    ...officerAnswers.modernSlavery,
    useLots: 'false',
    lotsReason: 'One provider must run the whole custody suite',
  },
};

/**
 * The typical cards for a contract worth more than the Procurement Act's KPI value: the
 * framework question answered, and three KPIs, all three marked most material.
 */
export const aboveKpiValue: Record<StepId, Record<string, string>> = {
  ...typical,
  basics: { ...typical.basics, value: '£6,000,000', framework: 'false' },
  kpis: Object.fromEntries(
    [1, 2, 3].flatMap((slot) => [
      [`kpi${slot}Name`, `KPI ${slot}`],
      [`kpi${slot}MeasuredBy`, 'From the monthly return'],
      [`kpi${slot}Target`, '95%'],
      [`kpi${slot}MostMaterial`, 'true'],
    ]),
  ),
};

/** Submits a card and fails the test, showing the errors, unless it is accepted. */
export function accept(draft: Draft, stepId: StepId, raw: RawValues): Draft {
  const result = applyAnswers(flow, draft, stepId, raw);
  assert.ok(result.ok, `${stepId} refused: ${JSON.stringify(!result.ok && result.errors)}`);
  return result.draft;
}

/** Submits a card that must be refused, and returns its errors. */
export function refuse(
  draft: Draft,
  stepId: StepId,
  raw: RawValues,
): Extract<ApplyResult, { ok: false }> {
  const result = applyAnswers(flow, draft, stepId, raw);
  assert.equal(result.ok, false, `${stepId} was accepted`);
  if (result.ok) throw new Error('unreachable');
  return result;
}

/** Walks the steps the draft says come next, submitting the card given for each; returns the path. */
export function walk(
  cards: Partial<Record<StepId, RawValues>>,
  start: Draft = newDraft(flow),
): { draft: Draft; path: DraftStep[] } {
  let draft = start;
  const path: DraftStep[] = [draft.step];
  while (draft.step !== 'done') {
    const card = cards[draft.step];
    assert.ok(card, `no card for ${draft.step}`);
    draft = accept(draft, draft.step, card);
    path.push(draft.step);
    assert.ok(path.length < 20, 'the walk does not end');
  }
  return { draft, path };
}

/** The draft after the typical walk up to (not including) the given step. */
export function draftAt(stepId: StepId, cards = typical): Draft {
  let draft = newDraft(flow);
  while (draft.step !== stepId) {
    assert.notEqual(draft.step, 'done', `never reached ${stepId}`);
    if (draft.step === 'done') break;
    draft = accept(draft, draft.step, cards[draft.step]);
  }
  return draft;
}
