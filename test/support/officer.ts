import type { StepId } from '../../core/flow/index.js';
import type { Person } from './activities.js';

/**
 * What an officer types on each wizard card for a typical £250k competitive services
 * contract seeking two outcomes (the questions for another answer, such as why there will
 * be no consultation, left empty).
 */
export const officerAnswers: Record<StepId, Record<string, string>> = {
  basics: {
    title: 'Custody healthcare',
    category: 'services',
    concession: 'false',
    value: '£250,000',
    contractMonths: '36',
    procurementStart: '2026-04-01',
    keyProvider: 'false',
    competitive: 'true',
  },
  why: {
    stillRelevant: 'true',
    aims: 'Safe and timely care for detainees',
    baselineOutcomes: 'Every detainee seen within the agreed time',
    consult: 'true',
    consultationPlan: 'A market engagement event and a survey of custody staff',
    coDesign: 'Co-design the pathway with the NHS trust',
  },
  // Merged into "why" (kept for drafts saved before): nothing is asked here now.
  consultation: {},
  outcomes: {
    'measures.2': 'local-jobs',
    'measures.4': 'living-wage',
    weighting: '10',
    weightingJustification: 'The contract is large enough to support local jobs',
  },
  targets: {
    'outcomeTargets.local-jobs.target': '3',
    'outcomeTargets.local-jobs.tests': 'true',
    'outcomeTargets.living-wage.tests': 'true',
  },
  // Asked only where the Procurement Act requires KPIs: never for a £250k contract.
  kpis: {},
  // Merged into "modernSlavery" (kept for drafts saved before).
  smallerProviders: {},
  modernSlavery: {
    promotion: 'Advertised on Find a Tender and the local supplier portal six weeks ahead',
    preTenderEvent: 'true',
    minimumTurnover: '£200,000',
    useLots: 'true',
    msIndicators: 'workforce',
    msSector: 'none',
    mssAll: 'true',
  },
  review: {},
};

/** The steps the wizard shows, in order. */
export const WIZARD_STEPS: StepId[] = [
  'basics',
  'why',
  'outcomes',
  'targets',
  'modernSlavery',
  'review',
];

/** The step titles, in order, as the cards show them. */
export const STEP_TITLES: Record<StepId, string> = {
  basics: 'About the contract',
  why: 'Why, and who to consult',
  consultation: 'Why, and who to consult',
  outcomes: 'Social value outcomes',
  targets: 'Targets for each outcome',
  kpis: 'Key performance indicators',
  smallerProviders: 'Smaller providers and modern slavery',
  modernSlavery: 'Smaller providers and modern slavery',
  review: 'Check your answers',
};

let tenants = 0;

/** Fresh people in a tenant no other test uses: an owner, a colleague and a procurement lead. */
export function freshTenant(tag: string): {
  tenantId: string;
  owner: Person;
  colleague: Person;
  lead: Person;
} {
  tenants += 1;
  const tenantId = `tenant-${tag}-${tenants}`;
  return {
    tenantId,
    owner: { tenantId, userId: `owner-${tenants}`, name: 'Olive Owner' },
    colleague: { tenantId, userId: `colleague-${tenants}`, name: 'Colin Colleague' },
    lead: { tenantId, userId: 'procurement-lead', name: 'Priya Procurement' },
  };
}
