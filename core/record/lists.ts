import type { PolicyPack } from '../policy/schema.js';
import { nextAssessmentDue } from './performance.js';
import type { CommissioningRecord, SupplierRating } from './record.js';
import { stagesOf } from './stages.js';

/** A stage of a record that is not done and falls due by a date: a line of `due`. */
export interface DueStage {
  reference: string;
  title: string;
  stage: number;
  stageName: string;
  due: string;
  citation: string;
}

/** Every stage of these records not done and due on or before `until`, soonest first. */
export function dueStages(
  records: readonly CommissioningRecord[],
  pack: PolicyPack,
  until: string,
): DueStage[] {
  return records
    .flatMap((record) =>
      stagesOf(record, pack).flatMap((stage) => {
        if (stage.done || stage.due === undefined || stage.due > until) return [];
        const definition = pack.stages.find((s) => s.number === stage.number);
        return [
          {
            reference: record.id,
            title: record.title,
            stage: stage.number,
            stageName: definition?.name ?? '',
            due: stage.due,
            citation: definition?.citation ?? '',
          },
        ];
      }),
    )
    .sort((a, b) => a.due.localeCompare(b.due) || a.reference.localeCompare(b.reference));
}

/** A record's next performance assessment, due by a date: a line of `due`. */
export interface DueAssessment {
  reference: string;
  title: string;
  due: string;
  kind: 'yearly' | 'termination';
  citation: string;
}

/**
 * The next assessment of each of these records due on or before `until`, soonest first; each
 * record's own pack version says when (a record follows the pack it was assessed under).
 */
export function dueAssessments(
  records: readonly CommissioningRecord[],
  packOf: (record: CommissioningRecord) => PolicyPack,
  until: string,
): DueAssessment[] {
  return records
    .flatMap((record) => {
      const pack = packOf(record);
      const next = nextAssessmentDue(record, pack);
      if (!next || next.on > until) return [];
      return [
        {
          reference: record.id,
          title: record.title,
          due: next.on,
          kind: next.kind,
          citation: pack.procurementAct.assessments.citation,
        },
      ];
    })
    .sort((a, b) => a.due.localeCompare(b.due) || a.reference.localeCompare(b.reference));
}

/** A supplier's current tier: its latest rating's, with the record it was given on. */
export interface SupplierStanding {
  supplier: string;
  tierLabel: string;
  on: string;
  reference: string;
  citation: string;
}

/**
 * Each supplier (named alike whatever the case) with its latest rating across these records,
 * in the order of their names.
 */
export function latestTiers(
  rated: readonly { reference: string; ratings: readonly SupplierRating[] }[],
  pack: PolicyPack,
): SupplierStanding[] {
  const { tiers, citation } = pack.supplierStatus;
  const latest = new Map<string, SupplierStanding & { at: string }>();
  for (const { reference, ratings } of rated) {
    for (const rating of ratings) {
      const key = rating.supplier.toLowerCase();
      const known = latest.get(key);
      if (known && known.at >= rating.at) continue;
      const tier = tiers.find((t) => t.id === rating.tier);
      latest.set(key, {
        supplier: rating.supplier,
        tierLabel: tier?.label ?? rating.tier,
        on: rating.on,
        at: rating.at,
        reference,
        citation: tier?.citation ?? citation,
      });
    }
  }
  return [...latest.values()]
    .map(({ at: _at, ...standing }) => standing)
    .sort((a, b) => a.supplier.localeCompare(b.supplier));
}
