import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { moneySchema } from '../common/money.js';

/**
 * The shape of a policy pack. Every figure, list and wording the rules use lives in a
 * pack, and every item carries the citation an officer or auditor can check it against.
 */

/** A citation: a paragraph of the policy (`§1.1.3(iii)`, `Fig 1 stage 8`, `MSS-3`) or a listed public source. */
const citation = z.string().trim().min(1, 'a citation must not be empty');
const text = z.string().trim().min(1, 'must not be empty');
const positiveMoney = moneySchema.refine((pounds) => pounds > 0, { message: 'must be above £0' });

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
const sourceSchema = z.object({ ref: citation, title: text, url: z.url().optional() });

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
  sources: z.array(citation).min(1),
});

const regimeSchema = z.object({
  id: text,
  name: text,
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  citation,
  text,
});

const sizeBandSchema = z.object({
  id: z.enum(['micro', 'small', 'medium', 'large']),
  label: text,
  min: z.number().int().min(0),
  max: z.number().int().min(0).optional(),
});

const checkSchema = z.object({
  id: text,
  citation,
  text,
  appliesWhen: z.array(conditionSchema),
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
  schedule: scheduleSchema.optional(),
});

const tierIdSchema = z.enum(['gold', 'silver', 'bronze', 'none']);
export type TierId = z.infer<typeof tierIdSchema>;

const rubricRowSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: text,
  citation,
  levels: z.object({ gold: text, silver: text, bronze: text, none: text }),
  derived: derivedSchema.optional(),
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

const mssItemSchema = z.object({ id: text, citation, text, appliesWhen: z.array(conditionSchema) });
const labelled = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: text });

const riskBandSchema = z.object({
  level: z.enum(['low', 'medium', 'high']),
  minIndicators: z.number().int().min(0),
  text,
});

const packObjectSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
  name: text,
  version: text,
  effectiveFrom: isoDateSchema,
  reviewDue: isoDateSchema,
  reviewCitation: citation,
  paragraphs: z.array(paragraphSchema).min(1),
  sources: z.array(sourceSchema),
  scope: z.object({
    rules: z.array(scopeRuleSchema).min(1),
    coverage: z.object({ citation, text }),
    otherModels: z.object({ citation, text }),
  }),
  regulated: z.object({
    authority: z.object({ kind: text, citation, text }),
    atOrAbove: z.object({ citation, text }),
    includesVat: z.boolean(),
    rows: z.array(regulatedRowSchema).min(1),
  }),
  act: z.object({
    citation,
    text,
    considerations: z.array(z.object({ id: text, text })).min(1),
    regimes: z.array(regimeSchema).min(1),
  }),
  objectiveAboveThreshold: z.object({ citation, text }),
  weighting: z.object({
    min: z.number().min(0),
    max: z.number().min(0),
    unit: z.literal('%'),
    citation,
    text,
    context: z.object({ citation, text }),
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
  smallerProviders: z.object({
    checks: z.array(checkSchema).min(1),
    turnover: z.object({ maxMultipleOfValue: z.number().positive(), citation, text }),
  }),
  themes: z.array(themeSchema).min(1),
  framework: z.object({
    objectives: z.array(z.object({ id: z.number().int().min(1), text, citation })),
    outcomes: z.array(
      z.object({ id: z.number().int().min(1), objective: z.number().int(), text, citation }),
    ),
    measures: z.array(measureSchema).min(1),
  }),
  stages: z.array(stageSchema).min(1),
  supplierStatus: z.object({
    citation,
    basis: text,
    rows: z.array(rubricRowSchema).min(1),
    tiers: z.array(tierSchema).length(4),
    combining: z.object({ rule: z.literal('lowestRow'), text, derived: derivedSchema }),
  }),
  modernSlavery: z.object({
    items: z.array(mssItemSchema).min(1),
    indicators: z.array(labelled).min(1),
    highRiskSectors: z.array(labelled),
    rating: z.object({
      sectorIndicator: z.string(),
      bands: z.array(riskBandSchema).min(1),
      citation,
      derived: derivedSchema,
    }),
    statementTurnover: z.object({ amount: positiveMoney, citation, text }),
    assessmentTool: z.object({ from: z.enum(['low', 'medium', 'high']), citation, text }),
  }),
});

export const policyPackSchema = packObjectSchema.superRefine((pack, ctx) => {
  for (const problem of consistencyProblems(pack)) {
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }
});

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
export type RiskLevel = PolicyPack['modernSlavery']['rating']['bands'][number]['level'];

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

interface PackProblem {
  path: (string | number)[];
  message: string;
}

/** Cross-field checks a field-by-field schema cannot make. */
function consistencyProblems(pack: PolicyPack): PackProblem[] {
  const problems: PackProblem[] = [];
  const known = new Set([...pack.paragraphs.map((p) => p.ref), ...pack.sources.map((s) => s.ref)]);
  for (const use of citationsIn(pack)) {
    if (!known.has(use.ref)) {
      problems.push({
        path: use.path,
        message: `cites "${use.ref}", which is neither a paragraph of the policy nor a listed source`,
      });
    }
  }
  duplicates(pack.paragraphs.map((p) => p.ref)).forEach((ref) => {
    problems.push({ path: ['paragraphs'], message: `lists "${ref}" more than once` });
  });
  duplicates(pack.sources.map((s) => s.ref)).forEach((ref) => {
    problems.push({ path: ['sources'], message: `lists "${ref}" more than once` });
  });
  if (pack.reviewDue <= pack.effectiveFrom) {
    problems.push({ path: ['reviewDue'], message: 'must be after effectiveFrom' });
  }
  if (pack.weighting.min > pack.weighting.max) {
    problems.push({ path: ['weighting', 'max'], message: 'must not be below weighting.min' });
  }
  problems.push(...rowProblems(pack.regulated.rows));
  problems.push(...bandProblems(pack.sizeBands.bands));
  const themeIds = new Set(pack.themes.map((t) => t.id));
  duplicates(pack.themes.map((t) => String(t.id))).forEach((id) => {
    problems.push({ path: ['themes'], message: `theme ${id} is listed more than once` });
  });
  duplicates(pack.framework.measures.map((m) => m.id)).forEach((id) => {
    problems.push({
      path: ['framework', 'measures'],
      message: `measure "${id}" is listed more than once`,
    });
  });
  const outcomeIds = new Set(pack.framework.outcomes.map((o) => o.id));
  pack.framework.measures.forEach((measure, index) => {
    if (!themeIds.has(measure.theme)) {
      problems.push({
        path: ['framework', 'measures', index, 'theme'],
        message: `names theme ${measure.theme}, which the pack does not have`,
      });
    }
    if (measure.outcome !== undefined && !outcomeIds.has(measure.outcome)) {
      problems.push({
        path: ['framework', 'measures', index, 'outcome'],
        message: `names outcome ${measure.outcome}, which the pack does not have`,
      });
    }
  });
  pack.themes.forEach((theme, index) => {
    if (!pack.framework.measures.some((m) => m.theme === theme.id)) {
      problems.push({
        path: ['themes', index],
        message: `theme ${theme.id} has no measure; every theme needs at least one`,
      });
    }
  });
  pack.stages.forEach((stage, index) => {
    if (stage.number !== index + 1) {
      problems.push({
        path: ['stages', index, 'number'],
        message: `must be ${index + 1}: stages are numbered in order from 1`,
      });
    }
  });
  const ranks = pack.supplierStatus.tiers.map((t) => t.rank);
  if (new Set(ranks).size !== ranks.length) {
    problems.push({
      path: ['supplierStatus', 'tiers'],
      message: 'each tier needs a different rank',
    });
  }
  const tierIds = new Set(pack.supplierStatus.tiers.map((t) => t.id));
  if (tierIds.size !== 4) {
    problems.push({
      path: ['supplierStatus', 'tiers'],
      message: 'must hold gold, silver, bronze and none once each',
    });
  }
  const indicatorIds = new Set(pack.modernSlavery.indicators.map((i) => i.id));
  if (!indicatorIds.has(pack.modernSlavery.rating.sectorIndicator)) {
    problems.push({
      path: ['modernSlavery', 'rating', 'sectorIndicator'],
      message: 'must be the id of one of modernSlavery.indicators',
    });
  }
  const bandLevels = pack.modernSlavery.rating.bands.map((b) => b.minIndicators);
  if (bandLevels[0] !== 0 || bandLevels.some((n, i) => i > 0 && n <= (bandLevels[i - 1] ?? 0))) {
    problems.push({
      path: ['modernSlavery', 'rating', 'bands'],
      message: 'must start at 0 indicators and rise strictly',
    });
  }
  return problems;
}

function rowProblems(rows: RegulatedRow[]): PackProblem[] {
  const problems: PackProblem[] = [];
  rows.forEach((row, index) => {
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

function bandProblems(bands: SizeBand[]): PackProblem[] {
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
