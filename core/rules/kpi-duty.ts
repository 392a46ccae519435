import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { comparePounds, formatMoney, moneySchema } from '../common/money.js';
import { fail, ok, problemsFromIssues, type Result } from '../common/result.js';
import type { KpiExemptionId, PolicyPack } from '../policy/schema.js';
import type { AssessmentInput } from './assessment-input.js';
import { derivedReason, type Reason, reason } from './reason.js';
import { regimeOn } from './thresholds.js';

const yesNo = z.boolean({ error: 'must be true or false' });

/**
 * The facts the KPI duty turns on. `value` is the estimated value, VAT included, as the
 * assessment takes it; the rest say which exempt kind of contract this is, if any.
 */
export const kpiDutyInputSchema = z.strictObject({
  value: moneySchema,
  procurementStart: isoDateSchema,
  framework: yesNo.default(false),
  concession: yesNo.default(false),
  lightTouch: yesNo.default(false),
  privateUtility: yesNo.default(false),
});
export type KpiDutyInput = z.infer<typeof kpiDutyInputSchema>;

/** Which input fact makes each exemption of the pack apply. */
const EXEMPTION_FACT: Record<KpiExemptionId, keyof KpiDutyInput> = {
  framework: 'framework',
  concession: 'concession',
  'light-touch': 'lightTouch',
  'private-utility': 'privateUtility',
};

/** The duty's facts from a record's assessment input; a framework is not asked by the wizard yet. */
export function kpiDutyInputFrom(
  input: AssessmentInput,
  more: { framework?: boolean; privateUtility?: boolean } = {},
): KpiDutyInput {
  return {
    value: input.value,
    procurementStart: input.procurementStart,
    concession: input.concession,
    lightTouch: input.lightTouch,
    framework: more.framework ?? false,
    privateUtility: more.privateUtility ?? false,
  };
}

export interface KpiDuty {
  /** `required`: s.52 requires KPIs (or the reason they could not assess performance). */
  duty: 'required' | 'optional';
  minimum: number;
  mostMaterial: number;
  /** Each fact that decided the duty, cited. */
  reasons: Reason[];
}

/**
 * Whether the Procurement Act requires KPIs for a contract (s.52): its value is more than
 * the pack's amount (strictly), it is procured under the Act, and no exemption applies.
 * Where KPIs are not required they may still be set; the reasons say why they are optional.
 */
export function kpiDuty(pack: PolicyPack, input: unknown): Result<KpiDuty> {
  const parsed = kpiDutyInputSchema.safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const facts = parsed.data;
  const { kpis } = pack.procurementAct;
  const reasons: Reason[] = [];

  const regime = regimeOn(pack, facts.procurementStart);
  const underAct = regime?.procurementAct === true;
  if (regime && !underAct) {
    reasons.push(
      reason(
        'kpi-regime',
        regime.citation,
        `The procurement runs under the ${regime.name}, not the Procurement Act 2023. ${kpis.optional.text}`,
      ),
    );
  } else if (!regime) {
    return fail([
      {
        path: 'procurementStart',
        message: `is a date no procurement regime of policy pack ${pack.version} covers; check the date the procurement began`,
      },
    ]);
  }

  const above = comparePounds(facts.value, kpis.moreThan) > 0;
  reasons.push(
    reason(
      'kpi-value',
      kpis.citation,
      above
        ? `The estimated value, ${formatMoney(facts.value)}, is more than ${formatMoney(kpis.moreThan)}. ${kpis.text}`
        : `The estimated value, ${formatMoney(facts.value)}, is not more than ${formatMoney(kpis.moreThan)}. ${kpis.optional.text}`,
    ),
  );

  const exempt = kpis.exemptions.filter(
    (exemption) => facts[EXEMPTION_FACT[exemption.id]] === true,
  );
  for (const exemption of exempt) {
    reasons.push(
      exemption.derived
        ? derivedReason(
            `kpi-exemption-${exemption.id}`,
            exemption.citation,
            exemption.text,
            exemption.derived,
          )
        : reason(`kpi-exemption-${exemption.id}`, exemption.citation, exemption.text),
    );
  }

  const required = underAct && above && exempt.length === 0;
  if (required) {
    reasons.push(
      reason('kpi-not-appropriate', kpis.notAppropriate.citation, kpis.notAppropriate.text),
    );
  }
  return ok({
    duty: required ? 'required' : 'optional',
    minimum: kpis.minimum,
    mostMaterial: kpis.mostMaterial,
    reasons,
  });
}
