/**
 * The largest record an officer can plausibly make: every text answer at its maximum, every
 * list as long as the pack allows, and a long history of edits, stage work and ratings. Built
 * with the same core functions the bot calls, so its size is what Cosmos DB would store.
 */
import assert from 'node:assert/strict';
import {
  applyAnswers,
  assessmentInputFrom,
  type Draft,
  newDraft,
  RECORD_TEXT_LIMITS,
  type StepId,
  saveProgress,
} from '../../../core/flow/index.js';
import {
  type Act,
  type CommissioningRecord,
  createRecord,
  markReminderSent,
  markStageDone,
  type Person,
  rateSupplier,
  recordTurn,
  setContractTerms,
  setStageDue,
  shareRecord,
  snoozeStage,
  stagesOf,
} from '../../../core/record/index.js';
import { assess } from '../../../core/rules/index.js';
import { flow, pack, typical } from '../flow/helpers.js';

/**
 * Text of exactly `length` characters, as people write it: words, punctuation that JSON
 * escapes (quotes, new lines) and letters UTF-8 needs two or three bytes for.
 */
export function longText(length: number, seed = 'A'): string {
  const sentence = `${seed} “quoted” café – "double" and \\ back-slash; naïve façade.\n`;
  const text = sentence.repeat(Math.ceil(length / sentence.length) + 1).slice(0, length - 1);
  return `${text}${seed.slice(0, 1)}`;
}

export const MAX_OWNER: Person = { id: 'user-maximal', name: 'Maximilian Longname-Fotheringham' };

/** How much history the maximal record carries: the figures the size test reports. */
export const MAX_HISTORY = {
  /** Rounds through the whole wizard, each changing every text on every card. */
  wizardRounds: 25,
  /** A ten-year contract: a performance review and a supplier review board each quarter. */
  contractMonths: 120,
  /** Colleagues the record is shared with. */
  collaborators: 50,
} as const;

const rows = Object.fromEntries(pack.supplierStatus.rows.map((row) => [row.id, 'gold']));

/** Every card filled to the maximum: every option ticked, every text at its limit. */
function maximalCard(step: StepId, seed: string): Record<string, string> {
  const card: Record<string, string> = { ...typical[step] };
  const definition = flow.steps.find((s) => s.id === step);
  assert.ok(definition);
  for (const question of definition.questions) {
    if (question.kind === 'text' || question.kind === 'longText') {
      card[question.id] = longText(question.maxLength, seed);
    }
  }
  switch (step) {
    case 'basics':
      // Mixed, with services as its main element: the card asks everything it can.
      // Worth more than the KPI value, so that the KPI step is asked too.
      Object.assign(card, {
        category: 'mixed',
        mainElement: 'services',
        value: '£9,000,000',
        framework: 'false',
      });
      break;
    case 'kpis':
      // Every slot filled at its limits; the pack's number of them marked most material.
      for (let slot = 1; slot <= pack.procurementAct.kpis.mostMaterial; slot += 1) {
        card[`kpi${slot}MostMaterial`] = 'true';
      }
      break;
    case 'why':
      card.stillRelevant = 'false';
      // Alternate rounds answer the other branch.
      card.consult = seed === 'A' ? 'true' : 'false';
      break;
    case 'outcomes':
      card.measures = pack.framework.measures.map((measure) => measure.id).join(',');
      break;
    case 'targets':
      for (const measure of pack.framework.measures) {
        const key = (field: string) => `outcomeTargets.${measure.id}.${field}`;
        if (measure.unit.kind !== 'commitment') card[key('target')] = '5';
        card[key('tests')] = 'true';
      }
      break;
    case 'modernSlavery':
      Object.assign(card, { minimumTurnover: '£90,000,000', useLots: 'false' });
      card.msIndicators = pack.modernSlavery.indicators.map((i) => i.id).join(',');
      card.msSector = pack.modernSlavery.highRiskSectors[0]?.id ?? 'none';
      // One commitment left unplanned, so that the reason is asked too.
      Object.assign(card, { mssAll: 'false', mssPlanned: 'MSS-1' });
      break;
    default:
      break;
  }
  return card;
}

function turn(
  record: CommissioningRecord,
  step: StepId,
  draft: Draft,
  action: 'answered' | 'saved',
  at: string,
): CommissioningRecord {
  const assessment =
    step === 'basics' ? assess(pack, assessmentInputFrom(draft.answers), '2026-03-01') : undefined;
  return recordTurn(record, {
    by: MAX_OWNER,
    at,
    action,
    step,
    draft,
    ...(assessment?.ok ? { assessment: assessment.value, pack } : {}),
  });
}

const instant = (base: string, minutes: number): string =>
  new Date(Date.parse(base) + minutes * 60_000).toISOString();

/** The maximal record, and the number of changes of each kind it went through. */
export function maximalRecord(): { record: CommissioningRecord; counts: Record<string, number> } {
  let record = createRecord({
    reference: 'SV-2026-9999',
    tenantId: 'tenant-maximal',
    owner: MAX_OWNER,
    pack,
    draft: newDraft(flow),
    now: '2026-03-01T09:00:00.000Z',
  });
  const counts: Record<string, number> = {
    wizardTurns: 0,
    stagesDone: 0,
    remindersSent: 0,
    snoozes: 0,
    ratings: 0,
  };
  let minute = 0;
  const at = (): string => {
    minute += 1;
    return instant('2026-03-01T09:00:00.000Z', minute);
  };

  // Each round answers every card with new text (a Continue), then saves it unchanged.
  for (let round = 0; round < MAX_HISTORY.wizardRounds; round += 1) {
    const seed = round % 2 === 0 ? 'A' : 'B';
    for (const step of flow.steps.map((s) => s.id)) {
      if (flow.steps.find((s) => s.id === step)?.skip?.(record.draft.answers, pack)) continue;
      const card = maximalCard(step, seed);
      const answered = applyAnswers(flow, record.draft, step, card);
      assert.ok(answered.ok, `${step} refused: ${JSON.stringify(!answered.ok && answered.errors)}`);
      record = turn(record, step, answered.draft, 'answered', at());
      const saved = saveProgress(flow, record.draft, step, card);
      record = turn(record, step, { ...saved.draft, step: record.draft.step }, 'saved', at());
      counts.wizardTurns = (counts.wizardTurns ?? 0) + 2;
    }
  }
  // The last round is confirmed: the record is complete.
  assert.equal(record.draft.step, 'done', 'the maximal walk did not complete the record');

  for (let n = 0; n < MAX_HISTORY.collaborators; n += 1) {
    const colleague = {
      id: `colleague-${n}-${'x'.repeat(60)}`,
      name: longText(RECORD_TEXT_LIMITS.supplier, `Colleague ${n}`).replace(/\n/g, ' '),
    };
    record = shareRecord(record, colleague, MAX_OWNER, at());
  }

  const act = (today: string): Act => ({ by: MAX_OWNER, at: `${today}T10:00:00.000Z`, today });
  const supplier = longText(RECORD_TEXT_LIMITS.supplier, 'Supplier').replace(/\n/g, ' ');
  const awarded = setContractTerms(
    record,
    pack,
    { awardDate: '2026-04-01', months: MAX_HISTORY.contractMonths, supplier },
    act('2026-04-01'),
  );
  assert.ok(awarded.ok, JSON.stringify(!awarded.ok && awarded.problems));
  record = awarded.value;

  // Stages 1 to 10 each given a date and done once, with a note at its limit.
  for (let stage = 1; stage <= 10; stage += 1) {
    const due = setStageDue(record, pack, { stage, due: '2026-04-10' }, act('2026-04-01'));
    assert.ok(due.ok);
    const done = markStageDone(
      due.value,
      pack,
      { stage, on: '2026-04-10', note: longText(RECORD_TEXT_LIMITS.stageNote, `Stage ${stage}`) },
      act('2026-04-10'),
    );
    assert.ok(done.ok, JSON.stringify(!done.ok && done.problems));
    record = done.value;
    counts.stagesDone = (counts.stagesDone ?? 0) + 1;
  }

  // Every quarterly review of the contract: reminded, snoozed, done with a note, and rated.
  for (let quarter = 0; quarter < MAX_HISTORY.contractMonths / 3; quarter += 1) {
    for (const stage of [11, 12]) {
      const current = stagesOf(record, pack).find((s) => s.number === stage);
      if (!current?.due || current.done) continue;
      const due = current.due;
      record = markReminderSent(record, pack, { stage, due }, `${due}T07:00:00.000Z`);
      const snoozed = snoozeStage(record, pack, { stage, until: due }, act(due));
      assert.ok(snoozed.ok);
      record = snoozed.value;
      const done = markStageDone(
        record,
        pack,
        { stage, on: due, note: longText(RECORD_TEXT_LIMITS.stageNote, `Review ${quarter}`) },
        act(due),
      );
      assert.ok(done.ok, JSON.stringify(!done.ok && done.problems));
      const rated = rateSupplier(
        done.value,
        pack,
        {
          stage,
          supplier,
          rows,
          evidence: longText(RECORD_TEXT_LIMITS.ratingEvidence, `Evidence ${quarter}`),
        },
        act(due),
      );
      assert.ok(rated.ok, JSON.stringify(!rated.ok && rated.problems));
      record = rated.value;
      counts.remindersSent = (counts.remindersSent ?? 0) + 1;
      counts.snoozes = (counts.snoozes ?? 0) + 1;
      counts.stagesDone = (counts.stagesDone ?? 0) + 1;
      counts.ratings = (counts.ratings ?? 0) + 1;
    }
  }
  return { record, counts };
}
