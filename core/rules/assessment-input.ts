import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { moneySchema } from '../common/money.js';
import { headcountSchema } from './size-band.js';

const CATEGORIES = ['goods', 'services', 'works', 'mixed'] as const;
const ELEMENTS = ['goods', 'services', 'works'] as const;
const yesNo = z.boolean({ error: 'must be true or false' });

/** A proposed contract, as the assessment takes it. Defaults: a competitive award, not light-touch. */
export const assessmentInputSchema = z
  .strictObject({
    category: z.enum(CATEGORIES, { error: `must be one of ${CATEGORIES.join(', ')}` }),
    mainElement: z.enum(ELEMENTS, { error: `must be one of ${ELEMENTS.join(', ')}` }).optional(),
    value: moneySchema,
    keyProvider: yesNo,
    procurementStart: isoDateSchema,
    competitive: yesNo.default(true),
    lightTouch: yesNo.default(false),
    headcount: headcountSchema.optional(),
  })
  .superRefine(
    (input, ctx) => {
      if (input.category === 'mixed' && input.mainElement === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['mainElement'],
          message:
            'is required for a mixed contract: say whether goods, services or works is its main element',
        });
      }
      if (input.category !== 'mixed' && input.mainElement !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['mainElement'],
          message: 'is only for a mixed contract; leave it out or set category to mixed',
        });
      }
      const element = input.category === 'mixed' ? input.mainElement : input.category;
      if (input.lightTouch === true && element !== undefined && element !== 'services') {
        ctx.addIssue({
          code: 'custom',
          path: ['lightTouch'],
          message:
            'can only be true for services, or a mixed contract whose main element is services',
        });
      }
    },
    // Run even when a field has failed, so that every problem is listed at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type AssessmentInput = z.infer<typeof assessmentInputSchema>;
