import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { moneySchema } from '../common/money.js';
import { fail, ok, type Problem, problemsFromIssues, type Result } from '../common/result.js';
import { headcountSchema } from './size-band.js';

const CATEGORIES = ['goods', 'services', 'works', 'mixed'] as const;
const ELEMENTS = ['goods', 'services', 'works'] as const;
const yesNo = z.boolean({ error: 'must be true or false' });

/** A proposed contract, as the assessment takes it. Defaults: a competitive award, not light-touch, not a concession. */
export const assessmentInputSchema = z.strictObject({
  category: z.enum(CATEGORIES, { error: `must be one of ${CATEGORIES.join(', ')}` }),
  mainElement: z.enum(ELEMENTS, { error: `must be one of ${ELEMENTS.join(', ')}` }).optional(),
  value: moneySchema,
  keyProvider: yesNo,
  procurementStart: isoDateSchema,
  competitive: yesNo.default(true),
  lightTouch: yesNo.default(false),
  /** A works or services concession: the supplier is paid mainly by the right to exploit them. */
  concession: yesNo.default(false),
  headcount: headcountSchema.optional(),
});

export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

/**
 * Checks an input field by field and across fields, and lists every problem at once:
 * the cross-field checks run on the raw input, so a bad value elsewhere does not hide them.
 */
export function parseAssessmentInput(raw: unknown): Result<AssessmentInput> {
  const parsed = assessmentInputSchema.safeParse(raw);
  const problems = [
    ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)),
    ...crossFieldProblems(raw),
  ];
  return parsed.success && problems.length === 0 ? ok(parsed.data) : fail(problems);
}

function crossFieldProblems(raw: unknown): Problem[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const { category, mainElement, lightTouch, concession } = raw as Record<string, unknown>;
  const problems: Problem[] = [];
  if (category === 'mixed' && mainElement === undefined) {
    problems.push({
      path: 'mainElement',
      message:
        'is required for a mixed contract: say whether goods, services or works is its main element',
    });
  }
  if (category !== 'mixed' && mainElement !== undefined) {
    problems.push({
      path: 'mainElement',
      message: 'is only for a mixed contract; leave it out or set category to mixed',
    });
  }
  const element = category === 'mixed' ? mainElement : category;
  if (lightTouch === true && element !== undefined && element !== 'services') {
    problems.push({
      path: 'lightTouch',
      message: 'can only be true for services, or a mixed contract whose main element is services',
    });
  }
  if (concession === true && element === 'goods') {
    problems.push({
      path: 'concession',
      message:
        'can only be true for works or services: a concession is a works or services contract',
    });
  }
  return problems;
}
