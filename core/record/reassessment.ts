import type { Answers } from '../flow/draft.js';
import type { MainElement, Measure, PolicyPack } from '../policy/schema.js';
import type { Assessment, CitedItem } from '../rules/assessment.js';
import type { Person } from './person.js';
import type { Change, CommissioningRecord } from './record.js';

/**
 * What a newer version of the policy changes for one record: only what touches it (the
 * thresholds its contract is judged by, the items it must plan, the measures it chose), not
 * every line of the new version.
 */
export type PolicyDifference =
  | { kind: 'scope-threshold'; from?: number; to?: number }
  | { kind: 'regulated-threshold'; from: number; to: number }
  | { kind: 'in-scope' | 'regulated' | 'act-applies'; from: boolean; to: boolean }
  | { kind: 'weighting'; from: Range; to: Range }
  | {
      kind: 'item-added' | 'item-removed' | 'item-changed';
      group: ItemGroup;
      id: string;
      citation: string;
      text: string;
      before?: string;
    }
  | { kind: 'measure-removed'; id: string; text: string }
  | { kind: 'measure-changed'; id: string; text: string; before: string };

type Range = { min: number; max: number };
export type ItemGroup = 'smaller-providers' | 'modern-slavery';

/** The local (scope) threshold the pack sets for a contract's element, if any rule sets one. */
function scopeThreshold(pack: PolicyPack, element: MainElement): number | undefined {
  for (const rule of pack.scope.rules) {
    if (rule.kind === 'valueGreaterThan' && rule.appliesTo.includes(element)) {
      return rule.threshold;
    }
  }
  return undefined;
}

function itemDifferences(
  group: ItemGroup,
  before: readonly CitedItem[],
  after: readonly CitedItem[],
): PolicyDifference[] {
  const differences: PolicyDifference[] = [];
  for (const item of after) {
    const old = before.find((b) => b.id === item.id);
    if (!old) differences.push({ kind: 'item-added', group, ...pick(item) });
    else if (old.text !== item.text || old.citation !== item.citation) {
      differences.push({ kind: 'item-changed', group, ...pick(item), before: old.text });
    }
  }
  for (const old of before) {
    if (!after.some((item) => item.id === old.id)) {
      differences.push({ kind: 'item-removed', group, ...pick(old) });
    }
  }
  return differences;
}

const pick = (item: CitedItem) => ({ id: item.id, citation: item.citation, text: item.text });

const describeMeasure = (measure: Measure): string => `${measure.text} (${measure.unit.label})`;

function measureDifferences(
  before: PolicyPack,
  after: PolicyPack,
  answers: Answers,
): PolicyDifference[] {
  const chosen = answers.measures;
  if (!Array.isArray(chosen)) return [];
  const differences: PolicyDifference[] = [];
  for (const id of chosen) {
    if (typeof id !== 'string') continue;
    const old = before.framework.measures.find((m) => m.id === id);
    const now = after.framework.measures.find((m) => m.id === id);
    if (!old) continue;
    if (!now) differences.push({ kind: 'measure-removed', id, text: describeMeasure(old) });
    else if (describeMeasure(old) !== describeMeasure(now)) {
      differences.push({
        kind: 'measure-changed',
        id,
        text: describeMeasure(now),
        before: describeMeasure(old),
      });
    }
  }
  return differences;
}

/**
 * What changes for a record assessed under `before` when it is assessed again under `after`.
 * A record whose basics are not answered yet has no assessment: only its measures can differ.
 */
export function policyDifferences(input: {
  before: PolicyPack;
  after: PolicyPack;
  answers: Answers;
  was?: Assessment | undefined;
  now?: Assessment | undefined;
}): PolicyDifference[] {
  const { was, now } = input;
  const differences: PolicyDifference[] = [];
  if (was && now) {
    const from = scopeThreshold(input.before, was.element);
    const to = scopeThreshold(input.after, now.element);
    if (from !== to) differences.push({ kind: 'scope-threshold', from, to });
    if (was.regulatedThreshold.value !== now.regulatedThreshold.value) {
      differences.push({
        kind: 'regulated-threshold',
        from: was.regulatedThreshold.value,
        to: now.regulatedThreshold.value,
      });
    }
    const flags = [
      ['in-scope', was.inScope, now.inScope],
      ['regulated', was.aboveRegulatedThreshold, now.aboveRegulatedThreshold],
      ['act-applies', was.actApplies, now.actApplies],
    ] as const;
    for (const [kind, old, fresh] of flags) {
      if (old !== fresh) differences.push({ kind, from: old, to: fresh });
    }
    if (was.weighting.min !== now.weighting.min || was.weighting.max !== now.weighting.max) {
      differences.push({
        kind: 'weighting',
        from: { min: was.weighting.min, max: was.weighting.max },
        to: { min: now.weighting.min, max: now.weighting.max },
      });
    }
    differences.push(
      ...itemDifferences('smaller-providers', was.smallerProviderChecks, now.smallerProviderChecks),
      ...itemDifferences('modern-slavery', was.modernSlaveryItems, now.modernSlaveryItems),
    );
  }
  differences.push(...measureDifferences(input.before, input.after, input.answers));
  return differences;
}

/** A difference as the history keeps it: a field, and what it was and became. */
function asChange(difference: PolicyDifference): Change {
  switch (difference.kind) {
    case 'item-added':
      return { field: `${difference.group}.${difference.id}`, to: difference.text };
    case 'item-removed':
      return { field: `${difference.group}.${difference.id}`, from: difference.text };
    case 'item-changed':
      return {
        field: `${difference.group}.${difference.id}`,
        from: difference.before,
        to: difference.text,
      };
    case 'measure-removed':
      return { field: `measures.${difference.id}`, from: difference.text };
    case 'measure-changed':
      return { field: `measures.${difference.id}`, from: difference.before, to: difference.text };
    default:
      return { field: difference.kind, from: difference.from, to: difference.to };
  }
}

/**
 * The record assessed again under a newer version: it now names that version and keeps the
 * new assessment, and its history says which version it moved from and what changed for it.
 */
export function reassessRecord(
  record: CommissioningRecord,
  input: {
    pack: PolicyPack;
    assessment?: Assessment | undefined;
    differences: readonly PolicyDifference[];
    by: Person;
    at: string;
  },
): CommissioningRecord {
  const { assessment: _old, ...rest } = record;
  return {
    ...rest,
    ...(input.assessment ? { assessment: input.assessment } : {}),
    policy: { id: input.pack.id, version: input.pack.version },
    updatedAt: input.at,
    revision: record.revision + 1,
    history: [
      ...record.history,
      {
        at: input.at,
        by: input.by,
        action: 'reassessed',
        changes: [
          { field: 'policy.version', from: record.policy.version, to: input.pack.version },
          ...input.differences.map(asChange),
        ],
      },
    ],
  };
}
