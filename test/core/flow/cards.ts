import {
  type Answers,
  applicableSlaveryItems,
  type Question,
  STEP_IDS,
  type StepId,
  targetKey,
} from '../../../core/flow/index.js';
import { flow, pack } from './helpers.js';

/** Picks from lists, driven by numbers fast-check generates, so a card can depend on the draft. */
export class Picker {
  private index = 0;
  constructor(private readonly numbers: readonly number[]) {}
  int(n: number): number {
    const number = this.numbers[this.index++ % Math.max(this.numbers.length, 1)] ?? 0;
    return number % n;
  }
  one<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  }
  some<T>(items: readonly T[], min = 0): T[] {
    const chosen = items.filter(() => this.int(3) === 0);
    const first = items[this.int(items.length)];
    return chosen.length >= min || first === undefined ? chosen : [first];
  }
}

const yesNo = ['true', 'false'];

/** A card an officer filled in properly for this step, given the answers so far. */
export function tidyCard(stepId: StepId, answers: Answers, pick: Picker): Record<string, string> {
  switch (stepId) {
    case 'basics': {
      const category = pick.one(['goods', 'services', 'lightTouchServices', 'works', 'mixed']);
      return {
        title: pick.one(['A', 'Custody healthcare']),
        category,
        ...(category === 'mixed'
          ? { mainElement: pick.one(['goods', 'services', 'lightTouchServices', 'works']) }
          : {}),
        concession: pick.one(yesNo),
        value: pick.one(['£250,000', '90k', '£1.5m', '6000000', '207720']),
        contractMonths: pick.one(['12', '36', '600']),
        procurementStart: pick.one(['2024-06-01', '2025-02-24', '2026-04-01']),
        keyProvider: pick.one(yesNo),
        competitive: pick.one(yesNo),
        framework: pick.one(yesNo),
      };
    }
    case 'why':
      return {
        stillRelevant: pick.one(yesNo),
        aims: 'Safe care',
        baselineOutcomes: 'Seen on time',
        relevanceNote: 'A statutory duty',
        consult: pick.one(yesNo),
        consultationPlan: 'A survey',
        coDesign: pick.one(['', 'With the NHS']),
      };
    case 'outcomes': {
      // One list per theme, as the card sends them.
      const measures = pick.some(pack.framework.measures, 1);
      const card: Record<string, string> = {
        weighting: pick.one(['0', '5', '10']),
        weightingJustification: 'Worth it',
      };
      for (const theme of pack.themes) {
        const ids = measures.filter((m) => m.theme === theme.id).map((m) => m.id);
        if (ids.length > 0) card[`measures.${theme.id}`] = ids.join(',');
      }
      return card;
    }
    case 'targets': {
      const card: Record<string, string> = {};
      for (const measure of pack.framework.measures) {
        card[targetKey('outcomeTargets', measure.id, 'target')] = pick.one(['1', '5', '100']);
        card[targetKey('outcomeTargets', measure.id, 'tests')] = 'true';
      }
      return card;
    }
    case 'kpis': {
      // Three KPIs, the three marked; or the reason none could assess performance.
      if (pick.int(4) === 0) return { kpiNotAppropriate: 'Paid per case; no KPI fits' };
      const card: Record<string, string> = {};
      for (const slot of [1, 2, 3]) {
        card[`kpi${slot}Name`] = `KPI ${slot}`;
        card[`kpi${slot}MeasuredBy`] = 'From the monthly return';
        card[`kpi${slot}Target`] = '95%';
        card[`kpi${slot}MostMaterial`] = 'true';
      }
      return card;
    }
    case 'consultation':
    case 'smallerProviders':
      // Steps of an earlier version: their questions are asked on the steps that replaced them.
      return {};
    case 'modernSlavery': {
      const applicable = applicableSlaveryItems(pack, answers).map((item) => item.id);
      const all = pick.one(yesNo);
      const planned = pick.some(applicable);
      return {
        promotion: 'Advertised early',
        preTenderEvent: pick.one(yesNo),
        minimumTurnover: pick.one(['', '£100', '£100m']),
        turnoverJustification: 'Needed',
        useLots: pick.one(yesNo),
        lotsReason: 'One site',
        msIndicators: pick
          .some(pack.modernSlavery.indicators)
          .map((i) => i.id)
          .join(','),
        msSector: pick.one([...pack.modernSlavery.highRiskSectors.map((s) => s.id), 'none']),
        mssAll: all,
        ...(all === 'true'
          ? {}
          : {
              mssPlanned: planned.join(','),
              mssNotPlannedReason: planned.length === applicable.length ? '' : 'Not needed here',
            }),
      };
    }
    case 'review':
      return {};
  }
}

const JUNK = ['zzz', '-1', '0', '11', '2023-01-01', '150', 'maybe', '2,9', 'x'.repeat(201), ','];

/** A card with fields valid, empty, missing or nonsense at random. */
export function messyCard(stepId: StepId, answers: Answers, pick: Picker): Record<string, string> {
  const tidy = tidyCard(stepId, answers, pick);
  const keys = new Set([...Object.keys(tidy), ...questionsOf(stepId).map((q) => q.id)]);
  const card: Record<string, string> = {};
  for (const key of keys) {
    const mode = pick.int(5);
    if (mode === 1) card[key] = '';
    else if (mode === 2) card[key] = '  ';
    else if (mode === 3) card[key] = pick.one(JUNK);
    else if (mode === 4) card[key] = tidy[key] ?? pick.one(JUNK);
  }
  return card;
}

export function questionsOf(stepId: StepId): Question[] {
  return flow.steps.find((step) => step.id === stepId)?.questions ?? [];
}

/** Which step asks each question. */
export const stepOfQuestion = new Map<string, { stepId: StepId; question: Question }>(
  flow.steps.flatMap((step) =>
    step.questions.map((question) => [question.id, { stepId: step.id, question }] as const),
  ),
);

/** The steps the questionnaire asks (steps of earlier versions left out). */
export const STEPS: readonly StepId[] = STEP_IDS.filter((id) =>
  flow.steps.some((step) => step.id === id),
);
