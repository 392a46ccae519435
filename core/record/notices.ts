import { fail, ok, type Result } from '../common/result.js';
import type { PerformanceRatingId, PolicyPack } from '../policy/schema.js';
import type { CommissioningRecord } from './record.js';

/** Which published notice a piece of data is for, as the pack names it. */
export interface NoticeName {
  id: string;
  name: string;
  citation: string;
}

export interface NoticeContract {
  reference: string;
  title: string;
}

/** What the contract details notice (UK7, PA 2023 s.53) needs about the KPIs. */
export interface ContractDetailsNotice {
  notice: NoticeName;
  contract: NoticeContract;
  supplier?: string;
  kpis: { id: string; name: string; measuredBy: string; target: string; mostMaterial: boolean }[];
  /** The names of the KPIs marked most material, in the order set. */
  mostMaterial: string[];
  /** Why no KPIs could appropriately assess performance, where that was recorded. */
  notAppropriate?: string;
}

export interface RatedLine {
  rating: PerformanceRatingId;
  label: string;
  meaning: string;
  note: string;
}

/** What a contract performance notice (UK9, PA 2023 s.71) publishes for one assessment. */
export interface PerformanceNotice {
  notice: NoticeName;
  contract: NoticeContract;
  supplier?: string;
  assessment: string;
  kind: 'yearly' | 'termination';
  period: { from: string; to: string };
  kpis: (RatedLine & { kpiId: string; name: string })[];
  overall: RatedLine;
  assessedOn: string;
}

const contractOf = (record: CommissioningRecord): NoticeContract => ({
  reference: record.id,
  title: record.title,
});

const supplierOf = (record: CommissioningRecord): { supplier?: string } =>
  record.contract?.supplier ? { supplier: record.contract.supplier } : {};

/**
 * The data the force publishes in its contract details notice about the contract's KPIs,
 * with the most material marked. Prepared for the force to publish; nothing is sent.
 */
export function contractDetailsNotice(
  record: CommissioningRecord,
  pack: PolicyPack,
): Result<ContractDetailsNotice> {
  const set = record.kpis;
  if (!set) return fail([{ path: 'kpis', message: 'Set the contract’s KPIs first.' }]);
  return ok({
    notice: pack.procurementAct.notices.contractDetails,
    contract: contractOf(record),
    ...supplierOf(record),
    kpis: set.kpis.map(({ id, name, measuredBy, target, mostMaterial }) => ({
      id,
      name,
      measuredBy,
      target,
      mostMaterial,
    })),
    mostMaterial: set.kpis.filter((k) => k.mostMaterial).map((k) => k.name),
    ...(set.notAppropriate ? { notAppropriate: set.notAppropriate } : {}),
  });
}

/**
 * The data of the contract performance notice for one assessment (by its id, A1, A2, ...; the
 * latest when left out): the contract, the supplier, the period, each KPI's rating with its
 * meaning and note, and the overall rating.
 */
export function performanceNotice(
  record: CommissioningRecord,
  pack: PolicyPack,
  assessmentId?: string,
): Result<PerformanceNotice> {
  const assessments = record.performance?.assessments ?? [];
  const assessment =
    assessmentId === undefined
      ? assessments.at(-1)
      : assessments.find((a) => a.id === assessmentId.trim().toUpperCase());
  if (!assessment) {
    return fail([
      {
        path: 'assessment',
        message:
          assessments.length === 0
            ? 'No performance assessment has been made yet.'
            : `There is no assessment ${assessmentId}; this record has ${assessments.map((a) => a.id).join(', ')}.`,
      },
    ]);
  }
  const { ratings } = pack.procurementAct.assessments;
  const line = (rated: { rating: PerformanceRatingId; note: string }): RatedLine => {
    const found = ratings.find((r) => r.id === rated.rating);
    return {
      rating: rated.rating,
      label: found?.label ?? rated.rating,
      meaning: found?.meaning ?? '',
      note: rated.note,
    };
  };
  const kpis = record.kpis?.kpis ?? [];
  return ok({
    notice: pack.procurementAct.notices.performance,
    contract: contractOf(record),
    ...supplierOf(record),
    assessment: assessment.id,
    kind: assessment.kind,
    period: assessment.period,
    kpis: assessment.kpis.map((rated) => ({
      kpiId: rated.kpiId,
      name: kpis.find((k) => k.id === rated.kpiId)?.name ?? rated.kpiId,
      ...line(rated),
    })),
    overall: line(assessment.overall),
    assessedOn: assessment.on,
  });
}
