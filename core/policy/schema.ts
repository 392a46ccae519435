import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { moneySchema } from '../common/money.js';

/**
 * The shape of a policy pack. Every figure, list and wording the rules use lives in a
 * pack, and every item carries the citation an officer or auditor can check it against.
 */

/** A citation: a paragraph of the pack's own documents (as listed in `paragraphs`) or a listed public source. */
const citation = z.string().trim().min(1, 'a citation must not be empty');
const text = z.string().trim().min(1, 'must not be empty');
// A negative amount already has its own message; this one is for zero.
const positiveMoney = moneySchema.refine((pounds) => pounds !== 0, { message: 'must be above £0' });

export const contractCategorySchema = z.enum(['goods', 'services', 'works', 'mixed']);
export type ContractCategory = z.infer<typeof contractCategorySchema>;

export const mainElementSchema = z.enum(['goods', 'services', 'works']);
export type MainElement = z.infer<typeof mainElementSchema>;

/**
 * Facts about an exercise that decide whether an item applies. All listed conditions
 * must hold; an empty list means the item always applies.
 */
export const conditionSchema = z.enum([
  'inScope',
  'competitive',
  'aboveRegulatedThreshold',
  'actApplies',
  'procurementActRegime',
]);
export type Condition = z.infer<typeof conditionSchema>;

/** Where a figure or item is not in the policy's own words, it is marked as derived and says from what. */
const derivedSchema = z.object({ from: z.array(citation).min(1), note: text });

const paragraphSchema = z.object({ ref: citation, title: text });
/** A public source names the document it points at: its own page, never a collection or a home page. */
const sourceSchema = z.object({ ref: citation, title: text, url: z.url() });

const scopeRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keyProvider'), id: text, citation, text }),
  z.object({
    kind: z.literal('valueGreaterThan'),
    id: text,
    citation,
    text,
    appliesTo: z.array(mainElementSchema).min(1),
    threshold: positiveMoney,
  }),
]);

const regulatedRowSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema.optional(),
  goodsAndServices: positiveMoney,
  works: positiveMoney,
  lightTouch: positiveMoney,
  /** A works or services concession contract. */
  concession: positiveMoney,
  /** A light-touch service let as a concession has its own row in the Act's table. */
  lightTouchConcession: positiveMoney,
  sources: z.array(citation).min(1),
  /** The day the figures were last checked against their sources. */
  confirmedOn: isoDateSchema,
  /** The thresholds are revised every two years: when the next revision is expected. */
  nextRevisionExpected: isoDateSchema,
});

const regimeSchema = z.object({
  id: text,
  name: text,
  /**
   * Procurements under this regime run under the Procurement Act 2023: items with the
   * `procurementActRegime` condition apply to them. Left out, the regime is another law.
   */
  procurementAct: z.boolean().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  citation,
  text,
});

/** The size bands a pack may define (R7): the ids a supplier list's size column is written in. */
export const SIZE_BAND_IDS = ['micro', 'small', 'medium', 'large'] as const;

const sizeBandSchema = z.object({
  id: z.enum(SIZE_BAND_IDS),
  label: text,
  min: z.number().int().min(0),
  max: z.number().int().min(0).optional(),
});

/** What a direct award (no competition) does to an item, and why: the pack's reading, see `directAward`. */
const directAwardSchema = z.object({ applies: z.boolean(), text });

const checkSchema = z.object({
  id: text,
  citation,
  text,
  appliesWhen: z.array(conditionSchema),
  directAward: directAwardSchema,
  /** A statutory duty behind the check, which applies only when its own conditions hold. */
  statutory: z.object({ citation, text, appliesWhen: z.array(conditionSchema) }).optional(),
});

const themeSchema = z.object({
  id: z.number().int().min(1),
  name: text,
  aim: text,
  citation,
  examples: z.array(citation),
});

const unitSchema = z.object({
  kind: z.enum(['count', 'days', 'people', 'students', 'percent', 'commitment']),
  label: text,
});

const measureSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
  text,
  unit: unitSchema,
  theme: z.number().int().min(1),
  outcome: z.number().int().min(1).optional(),
  citation,
  derived: derivedSchema.optional(),
});

const scheduleSchema = z.object({
  /** Counted from the award date, or back from the contract's end. */
  from: z.enum(['award', 'end']),
  months: z.number().int(),
  everyMonths: z.number().int().min(1).optional(),
  citation,
  text,
  derived: derivedSchema.optional(),
});

const stageSchema = z.object({
  number: z.number().int().min(1),
  name: text,
  action: z.string().trim(),
  citation,
  review: z.boolean(),
  /** The supplier is rated (`supplierStatus`) at this review stage; the rating card offers these stages alone. */
  ratesSupplier: z.boolean().optional(),
  /** The value delivered is measured at this review stage: its reminder offers to record delivery. */
  recordsDelivery: z.boolean().optional(),
  schedule: scheduleSchema.optional(),
});

export const tierIdSchema = z.enum(['gold', 'silver', 'bronze', 'none']);
export type TierId = z.infer<typeof tierIdSchema>;

const rubricRowSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: text,
  citation,
  levels: z.object({ gold: text, silver: text, bronze: text, none: text }),
  derived: derivedSchema.optional(),
  /** The row's level is suggested from the delivery record (see `delivery.supplierStatus`). */
  suggestedFrom: z.literal('delivery').optional(),
});

const tierSchema = z.object({
  id: tierIdSchema,
  label: text,
  /** Higher is better; the combining rule compares ranks. */
  rank: z.number().int().min(0),
  summary: text,
  citation,
  incentives: z.array(text),
});

const mssItemSchema = z.object({
  id: text,
  citation,
  text,
  appliesWhen: z.array(conditionSchema),
  directAward: directAwardSchema,
  /** Repeated with a medium or high risk rating: the commitment that has a risk monitored. */
  monitorsRisk: z.boolean().optional(),
});

/**
 * How an officer reads a citation that starts so: a bare paragraph number means nothing to
 * someone who has not the document open, so it is named with its document ("P3.2 of the
 * policy"). `{ref}` stands for the whole citation, `{rest}` for what follows `startsWith`;
 * the first reading that fits is used, and a citation none fits is shown as written (a
 * public source's reference already names its law).
 */
const citationReadingSchema = z.object({
  startsWith: z.string().min(1, 'must not be empty'),
  reads: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((reads) => !/[{}]/.test(reads.replace(/\{(ref|rest)\}/g, '')), {
      message: 'may hold {ref} and {rest}, and no other braces',
    }),
});
const labelled = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: text });
const citedLabel = labelled.extend({ citation });

const riskBandSchema = z.object({
  level: z.enum(['low', 'medium', 'high']),
  minIndicators: z.number().int().min(0),
  text,
});

/** A rule the pack states and tests, grounded in the sources it names rather than quoted from them. */
const derivedRule = z.object({ text, derived: derivedSchema });

/*
 * Contract management under the Procurement Act 2023 (s.52 KPIs, s.71 assessments, the
 * notices they are published in) and the pack's readings of delivery against targets.
 * A block of its own, so that it reads as one part of the pack.
 */

/** The categories of contract the KPI duty does not reach; ids the contract's answers name. */
export const kpiExemptionIdSchema = z.enum([
  'framework',
  'concession',
  'light-touch',
  'private-utility',
]);
export type KpiExemptionId = z.infer<typeof kpiExemptionIdSchema>;

export const performanceRatingIdSchema = z.enum([
  'good',
  'approaching-target',
  'requires-improvement',
  'inadequate',
  'other',
]);
export type PerformanceRatingId = z.infer<typeof performanceRatingIdSchema>;

export const performanceEventIdSchema = z.enum([
  'breach-termination',
  'breach-damages',
  'breach-settlement',
  'failure-to-improve',
]);
export type PerformanceEventId = z.infer<typeof performanceEventIdSchema>;

const noticeSchema = z.object({ id: text, name: text, citation });

const procurementActSchema = z.object({
  kpis: z.object({
    /** KPIs are required for a contract whose estimated value is strictly more than this. */
    moreThan: positiveMoney,
    minimum: z.number().int().min(1),
    /** How many KPIs the contract details notice names as the most material. */
    mostMaterial: z.number().int().min(1),
    citation,
    text,
    exemptions: z.array(
      z.object({
        id: kpiExemptionIdSchema,
        label: text,
        citation,
        text,
        derived: derivedSchema.optional(),
      }),
    ),
    /** The authority may find that KPIs could not appropriately assess performance. */
    notAppropriate: z.object({ citation, text }),
    /** Below the value or where an exemption applies, KPIs may still be set. */
    optional: z.object({ citation, text }),
    /** The words of a KPI suggested from a social value outcome; `{unit}` names the measure's unit. */
    fromOutcome: z.object({ measuredBy: text, commitmentTarget: text }),
  }),
  assessments: z.object({
    everyMonths: z.number().int().min(1),
    onTermination: z.boolean(),
    citation,
    text,
    /** The yearly count runs from the award date: the pack's reading of "every 12 months". */
    schedule: derivedRule,
    ratings: z
      .array(z.object({ id: performanceRatingIdSchema, label: text, meaning: text }))
      .length(5),
    ratingsCitation: citation,
    events: z.array(z.object({ id: performanceEventIdSchema, label: text, citation, text })),
  }),
  notices: z.object({ contractDetails: noticeSchema, performance: noticeSchema }),
});

/** The pack's readings of delivery against targets: how "on track" is judged, and bands. */
const deliverySchema = z.object({
  onTrack: z.object({
    /** The paragraph the reading is shown against. */
    citation,
    /**
     * On track when the share of the target delivered is at least the share of the contract's
     * life elapsed, less this (0.1 is ten percentage points); 0 asks for the straight line.
     */
    tolerance: z.number().min(0).max(1),
    text,
    /** A rate (a percent measure) is compared with its target as it stands, not pro rata. */
    rate: text,
    commitment: text,
    derived: derivedSchema,
  }),
  /** The level the delivery record suggests for the rubric row marked `suggestedFrom: 'delivery'`. */
  supplierStatus: z.object({
    /** The first band whose `atLeast` the share of targets met to date reaches is suggested. */
    bands: z.array(z.object({ level: tierIdSchema, atLeast: z.number().min(0).max(1) })).min(1),
    citation,
    text,
    derived: derivedSchema,
  }),
});

const packObjectSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
  name: text,
  /** The pack's own release, not a date of the policy. */
  version: text,
  /** The policy document itself: whether it carries an adoption date, and what the pack makes of it. */
  document: z.object({ dated: z.boolean(), adopted: isoDateSchema.optional(), note: text }),
  /**
   * The day this version takes effect. A deployment may hold several versions of one pack
   * (one id): a new record takes the version in force on the day it is created, and keeps it.
   * Needed wherever a pack has more than one version; a date before the earliest version's
   * falls to that version, since nothing came before it.
   */
  inForceFrom: isoDateSchema.optional(),
  /** The review date the force set in its own pack; a setting may give it instead. */
  reviewDue: isoDateSchema.optional(),
  reviewCitation: citation,
  /** How often the policy is reviewed, as a sentence the policy card shows ("The policy is reviewed every year."). */
  reviewCycle: text,
  /** Messages shown when a date is missing or may be out of date. */
  notices: z.object({
    reviewUnknown: z.object({ citation, text }),
    reviewOverdue: z.object({ citation, text }),
    thresholdsOutdated: z.object({ citation, text }),
  }),
  paragraphs: z.array(paragraphSchema).min(1),
  /** How the pack's citations are named for an officer, in order: the first that fits is used. */
  citationReadings: z.array(citationReadingSchema),
  sources: z.array(sourceSchema),
  scope: z.object({
    rules: z.array(scopeRuleSchema).min(1),
    coverage: z.object({ citation, text }),
    /** A mixed contract is judged as its main element: the pack's reading. */
    mixed: derivedRule,
    otherModels: z.object({ citation, text }),
  }),
  regulated: z.object({
    authority: z.object({ kind: text, citation, text }),
    atOrAbove: z.object({ citation, text }),
    includesVat: z.boolean(),
    rows: z.array(regulatedRowSchema).min(1),
    concession: z.object({ citation, text }),
  }),
  act: z.object({
    citation,
    text,
    considerations: z.array(z.object({ id: text, text })).min(1),
    regimes: z.array(regimeSchema).min(1),
    /** Whether the duty reaches a concession contract, and on what reading. */
    concession: z.object({ applies: z.boolean(), citation, text, derived: derivedSchema }),
  }),
  objectiveAboveThreshold: z.object({ citation, text }),
  weighting: z.object({
    min: z.number().min(0),
    max: z.number().min(0),
    unit: z.literal('%'),
    citation,
    text,
    context: z.object({ citation, text }),
    /** Why no weighting line is shown for a contract outside the policy's scope or not competed. */
    notApplicable: z.object({ citation, text }),
  }),
  outcomeTests: z
    .array(z.object({ id: z.enum(['relevant', 'specifiable', 'priorities']), citation, text }))
    .length(3),
  preCommissioningQuestions: z.array(z.object({ id: text, citation, text })).min(1),
  sizeBands: z.object({
    citation,
    bands: z.array(sizeBandSchema).min(1),
    smeBelow: z.number().int().min(1),
    note: z.object({ citation, text }),
  }),
  /**
   * The local area for the spend baseline, as postcode districts ("CA1", "LA23"). A district
   * the area's boundary splits is marked `partial`: a postcode in it still counts as local.
   * Optional, as a force that reports no local spend need not list one.
   */
  localArea: z
    .object({
      citation,
      districts: z
        .array(
          z.object({
            district: z
              .string()
              .regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, 'must be a postcode district such as CA1 or LA23'),
            partial: z.boolean().optional(),
          }),
        )
        .min(1),
      derived: derivedSchema,
    })
    .optional(),
  smallerProviders: z.object({
    checks: z.array(checkSchema).min(1),
    turnover: z.object({
      maxMultipleOfValue: z.number().positive(),
      /** The law behind the turnover check, by the regime the procurement runs under. */
      byRegime: z
        .array(z.object({ regime: text, citation, text, statesMultiple: z.boolean() }))
        .min(1),
      /** The twice-the-value figure, where the law no longer states it. */
      ruleOfThumb: derivedRule,
    }),
  }),
  /**
   * The pack's reading of what a direct award changes; each check and item says so for itself.
   * `citation` is the paragraph the reading is shown against.
   */
  directAward: derivedRule.extend({ citation }),
  /** General principles (such as proportionality) an officer is shown with the guidance. */
  principles: z.array(z.object({ id: text, citation, text })),
  themes: z.array(themeSchema).min(1),
  /** Which example and which framework measure goes with which theme: the pack's reading. */
  themeLinks: derivedRule,
  framework: z.object({
    /** The document or part of it that lists the measures; a derived measure is "not listed in" it. */
    citation,
    objectives: z.array(z.object({ id: z.number().int().min(1), text, citation })),
    outcomes: z.array(
      z.object({ id: z.number().int().min(1), objective: z.number().int(), text, citation }),
    ),
    measures: z.array(measureSchema).min(1),
  }),
  /** The stage model as a whole (each stage cites its own part), cited on the stages card. */
  stageModel: z.object({ citation }),
  stages: z.array(stageSchema).min(1),
  supplierStatus: z.object({
    citation,
    basis: text,
    rows: z.array(rubricRowSchema).min(1),
    tiers: z.array(tierSchema).length(4),
    /** The tier the rubric suggests; the rater confirms it or chooses another with a justification. */
    combining: z.object({ rule: z.literal('lowestRow'), text, derived: derivedSchema }),
  }),
  modernSlavery: z.object({
    items: z.array(mssItemSchema).min(1),
    indicators: z.array(labelled).min(1),
    // A category the guidance itself names is cited to it; one the pack adds on other grounds is
    // marked derived, with them.
    highRiskSectors: z.array(citedLabel.extend({ derived: derivedSchema.optional() })),
    rating: z.object({
      sectorIndicator: z.string(),
      bands: z.array(riskBandSchema).min(1),
      /** What the central guidance itself says about the indicators. */
      guidance: z.object({ citation, text }),
      /** The count-to-level rule is the pack's own reading of that guidance. */
      rule: derivedRule,
    }),
    statementTurnover: z.object({ amount: positiveMoney, citation, text }),
    assessmentTool: z.object({ from: z.enum(['low', 'medium', 'high']), citation, text }),
  }),
  procurementAct: procurementActSchema,
  delivery: deliverySchema,
});

/**
 * The pack schema with its cross-field checks. They run even when a field is missing or of
 * the wrong type (zod would skip them by default), so that every problem is listed at once;
 * each check looks only at the parts it needs and is left out while those parts are malformed.
 */
export const policyPackSchema = packObjectSchema.superRefine(
  (pack, ctx) => {
    for (const problem of consistencyProblems(pack)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  },
  { when: () => true },
);

export type PolicyPack = z.infer<typeof packObjectSchema>;
export type Measure = PolicyPack['framework']['measures'][number];
export type Theme = PolicyPack['themes'][number];
export type Stage = PolicyPack['stages'][number];
export type Tier = PolicyPack['supplierStatus']['tiers'][number];
export type RubricRow = PolicyPack['supplierStatus']['rows'][number];
export type RegulatedRow = PolicyPack['regulated']['rows'][number];
export type Regime = PolicyPack['act']['regimes'][number];
export type SizeBand = PolicyPack['sizeBands']['bands'][number];
export type SizeBandId = SizeBand['id'];
export type LocalArea = NonNullable<PolicyPack['localArea']>;
export type RiskLevel = PolicyPack['modernSlavery']['rating']['bands'][number]['level'];
export type DirectAward = PolicyPack['smallerProviders']['checks'][number]['directAward'];
export type ProcurementActPack = PolicyPack['procurementAct'];
export type PerformanceRating = ProcurementActPack['assessments']['ratings'][number];

/**
 * Every citation a value holds, with its path: strings under a key named `citation`, and
 * strings in lists named `examples`, `sources` or `from` (a derived item's grounds).
 * The pack's own `sources` list holds objects, not strings, so it is not mistaken for one.
 */
export function citationsIn(value: unknown, path: (string | number)[] = []): CitationUse[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => citationsIn(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  const found: CitationUse[] = [];
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, key];
    if (key === 'citation' && typeof child === 'string') found.push({ path: at, ref: child });
    else if (CITATION_LISTS.has(key) && Array.isArray(child)) {
      child.forEach((ref, index) => {
        if (typeof ref === 'string') found.push({ path: [...at, index], ref });
      });
    } else found.push(...citationsIn(child, at));
  }
  return found;
}

export interface CitationUse {
  path: (string | number)[];
  ref: string;
}

const CITATION_LISTS = new Set(['examples', 'sources', 'from']);

/**
 * Addresses that name no single document: a collection, a search or a site's home page.
 * A source must link to its own instrument or note, so that a reader lands on what it says.
 */
export function isCollectionOrHomePage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  let path = parsed.pathname;
  while (path.endsWith('/')) path = path.slice(0, -1);
  if (path === '') return true;
  return /\/(collections|search|browse|topic)(\/|$)/.test(path);
}

interface PackProblem {
  path: (string | number)[];
  message: string;
}

/** The value at a path of plain objects, or undefined where the path does not lead anywhere. */
function at(value: unknown, ...keys: string[]): unknown {
  let here = value;
  for (const key of keys) {
    if (here === null || typeof here !== 'object' || Array.isArray(here)) return undefined;
    here = Object.hasOwn(here, key) ? (here as Record<string, unknown>)[key] : undefined;
  }
  return here;
}

/** The value read with a shape that holds only what a check needs, or undefined if it does not fit. */
function shaped<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const refsShape = z.array(z.object({ ref: z.string() }));
const rangeShape = z.object({ min: z.number(), max: z.number() });
const rowsShape = z.array(
  z.object({
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    nextRevisionExpected: isoDateSchema.optional(),
  }),
);
const bandsShape = z.array(z.object({ min: z.number(), max: z.number().optional() }));
const numberedShape = z.array(z.object({ id: z.number() }));
const measuresShape = z.array(
  z.object({ id: z.string(), theme: z.number(), outcome: z.number().optional() }),
);
const stagesShape = z.array(z.object({ number: z.number() }));
const ratingStagesShape = z.array(
  z.object({
    review: z.boolean(),
    ratesSupplier: z.boolean().optional(),
    recordsDelivery: z.boolean().optional(),
  }),
);
const tiersShape = z.array(z.object({ id: z.string(), rank: z.number() }));
const idsShape = z.array(z.object({ id: z.string() }));
const ratingShape = z.object({
  sectorIndicator: z.string(),
  bands: z.array(z.object({ minIndicators: z.number() })),
});

/**
 * Cross-field checks a field-by-field schema cannot make. The value may be malformed (a
 * pack with other problems), so each check reads only the parts it needs, and only when
 * those parts have the right shape; a malformed part has problems of its own.
 */
function consistencyProblems(pack: unknown): PackProblem[] {
  const problems: PackProblem[] = [];
  const paragraphs = shaped(refsShape, at(pack, 'paragraphs'));
  const sources = shaped(refsShape, at(pack, 'sources'));
  if (paragraphs && sources) {
    const known = new Set([...paragraphs, ...sources].map((p) => p.ref.trim()));
    for (const use of citationsIn(pack)) {
      const ref = use.ref.trim();
      if (!known.has(ref)) {
        problems.push({
          path: use.path,
          message: `cites "${ref}", which is neither a paragraph of the policy nor a listed source`,
        });
      }
    }
  }
  duplicates((paragraphs ?? []).map((p) => p.ref.trim())).forEach((ref) => {
    problems.push({ path: ['paragraphs'], message: `lists "${ref}" more than once` });
  });
  duplicates((sources ?? []).map((s) => s.ref.trim())).forEach((ref) => {
    problems.push({ path: ['sources'], message: `lists "${ref}" more than once` });
  });
  const urls = shaped(z.array(z.object({ url: z.string() })), at(pack, 'sources'));
  urls?.forEach((source, index) => {
    if (isCollectionOrHomePage(source.url)) {
      problems.push({
        path: ['sources', index, 'url'],
        message: 'must link to the document itself, not a collection or a home page',
      });
    }
  });
  const document = shaped(
    z.object({ dated: z.boolean(), adopted: z.string().optional() }),
    at(pack, 'document'),
  );
  if (document && document.dated !== (document.adopted !== undefined)) {
    problems.push({
      path: ['document', 'adopted'],
      message: document.dated
        ? 'is required when the document is dated'
        : 'must be left out: the document is recorded as undated',
    });
  }
  const weighting = shaped(rangeShape, at(pack, 'weighting'));
  if (weighting && weighting.min > weighting.max) {
    problems.push({ path: ['weighting', 'max'], message: 'must not be below weighting.min' });
  }
  const rows = shaped(rowsShape, at(pack, 'regulated', 'rows'));
  if (rows) problems.push(...rowProblems(rows));
  const bands = shaped(bandsShape, at(pack, 'sizeBands', 'bands'));
  if (bands) problems.push(...bandProblems(bands));
  problems.push(...frameworkProblems(pack));
  const stages = shaped(stagesShape, at(pack, 'stages'));
  stages?.forEach((stage, index) => {
    if (stage.number !== index + 1) {
      problems.push({
        path: ['stages', index, 'number'],
        message: `must be ${index + 1}: stages are numbered in order from 1`,
      });
    }
  });
  // A supplier is rated at contract review: a stage that rates it must be a review stage.
  shaped(ratingStagesShape, at(pack, 'stages'))?.forEach((stage, index) => {
    if (stage.ratesSupplier && !stage.review) {
      problems.push({
        path: ['stages', index, 'ratesSupplier'],
        message: 'must be false unless the stage is a review stage (review: true)',
      });
    }
    if (stage.recordsDelivery && !stage.review) {
      problems.push({
        path: ['stages', index, 'recordsDelivery'],
        message: 'must be false unless the stage is a review stage (review: true)',
      });
    }
  });
  const tiers = shaped(tiersShape, at(pack, 'supplierStatus', 'tiers'));
  if (tiers) {
    const ranks = tiers.map((t) => t.rank);
    if (new Set(ranks).size !== ranks.length) {
      problems.push({
        path: ['supplierStatus', 'tiers'],
        message: 'each tier needs a different rank',
      });
    }
    if (new Set(tiers.map((t) => t.id)).size !== 4) {
      problems.push({
        path: ['supplierStatus', 'tiers'],
        message: 'must hold gold, silver, bronze and none once each',
      });
    }
  }
  const indicators = shaped(idsShape, at(pack, 'modernSlavery', 'indicators'));
  const rating = shaped(ratingShape, at(pack, 'modernSlavery', 'rating'));
  if (indicators && rating && !indicators.some((i) => i.id === rating.sectorIndicator)) {
    problems.push({
      path: ['modernSlavery', 'rating', 'sectorIndicator'],
      message: 'must be the id of one of modernSlavery.indicators',
    });
  }
  if (rating) {
    const levels = rating.bands.map((b) => b.minIndicators);
    if (levels[0] !== 0 || levels.some((n, i) => i > 0 && n <= (levels[i - 1] ?? 0))) {
      problems.push({
        path: ['modernSlavery', 'rating', 'bands'],
        message: 'must start at 0 indicators and rise strictly',
      });
    }
  }
  problems.push(...deliveryProblems(pack));
  return problems;
}

/** The delivery bands fall strictly and end at 0, so that every share finds a band. */
function deliveryProblems(pack: unknown): PackProblem[] {
  const bands = shaped(
    z.array(z.object({ atLeast: z.number() })),
    at(pack, 'delivery', 'supplierStatus', 'bands'),
  );
  if (!bands) return [];
  const shares = bands.map((b) => b.atLeast);
  const falls = shares.every((share, i) => i === 0 || share < (shares[i - 1] ?? 0));
  return falls && shares[shares.length - 1] === 0
    ? []
    : [
        {
          path: ['delivery', 'supplierStatus', 'bands'],
          message: 'must fall strictly from the highest share to 0, so that every share has a band',
        },
      ];
}

/** Themes, outcomes and measures refer to each other by number. */
function frameworkProblems(pack: unknown): PackProblem[] {
  const problems: PackProblem[] = [];
  const themes = shaped(numberedShape, at(pack, 'themes'));
  const measures = shaped(measuresShape, at(pack, 'framework', 'measures'));
  const outcomes = shaped(numberedShape, at(pack, 'framework', 'outcomes'));
  duplicates((themes ?? []).map((t) => String(t.id))).forEach((id) => {
    problems.push({ path: ['themes'], message: `theme ${id} is listed more than once` });
  });
  duplicates((measures ?? []).map((m) => m.id)).forEach((id) => {
    problems.push({
      path: ['framework', 'measures'],
      message: `measure "${id}" is listed more than once`,
    });
  });
  if (!measures) return problems;
  const themeIds = themes && new Set(themes.map((t) => t.id));
  const outcomeIds = outcomes && new Set(outcomes.map((o) => o.id));
  measures.forEach((measure, index) => {
    if (themeIds && !themeIds.has(measure.theme)) {
      problems.push({
        path: ['framework', 'measures', index, 'theme'],
        message: `names theme ${measure.theme}, which the pack does not have`,
      });
    }
    if (outcomeIds && measure.outcome !== undefined && !outcomeIds.has(measure.outcome)) {
      problems.push({
        path: ['framework', 'measures', index, 'outcome'],
        message: `names outcome ${measure.outcome}, which the pack does not have`,
      });
    }
  });
  themes?.forEach((theme, index) => {
    if (!measures.some((m) => m.theme === theme.id)) {
      problems.push({
        path: ['themes', index],
        message: `theme ${theme.id} has no measure; every theme needs at least one`,
      });
    }
  });
  return problems;
}

function rowProblems(
  rows: { from: string; to?: string | undefined; nextRevisionExpected?: string | undefined }[],
): PackProblem[] {
  const problems: PackProblem[] = [];
  rows.forEach((row, index) => {
    if (
      row.nextRevisionExpected !== undefined &&
      row.nextRevisionExpected <= (row.to ?? row.from)
    ) {
      problems.push({
        path: ['regulated', 'rows', index, 'nextRevisionExpected'],
        message: 'must be after the row ends (or, for the latest row, after it begins)',
      });
    }
    if (row.to !== undefined && row.to < row.from) {
      problems.push({
        path: ['regulated', 'rows', index, 'to'],
        message: 'must not be before from',
      });
    }
    const previous = rows[index - 1];
    if (previous && (previous.to === undefined || previous.to >= row.from)) {
      problems.push({
        path: ['regulated', 'rows', index, 'from'],
        message: 'rows must be in date order and must not overlap',
      });
    }
  });
  return problems;
}

function bandProblems(bands: { min: number; max?: number | undefined }[]): PackProblem[] {
  const problems: PackProblem[] = [];
  bands.forEach((band, index) => {
    const expectedMin = index === 0 ? 0 : (bands[index - 1]?.max ?? Number.NaN) + 1;
    if (band.min !== expectedMin) {
      problems.push({
        path: ['sizeBands', 'bands', index, 'min'],
        message: `must be ${expectedMin}, so that the bands cover every head count without gaps`,
      });
    }
    const last = index === bands.length - 1;
    if (last !== (band.max === undefined)) {
      problems.push({
        path: ['sizeBands', 'bands', index, 'max'],
        message: last
          ? 'the last band must have no upper limit'
          : 'only the last band may have no upper limit',
      });
    }
  });
  return problems;
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}
