import { builtInPack, type PolicyPack } from '../../core/policy/index.js';

/**
 * Two versions of one force's pack, as a force revising its policy yearly would hold them:
 * 2026.1 from 1 April 2026, and 2027.1 from 1 April 2027, which raises the goods and services
 * scope threshold to £150,000, allows up to 15% on social value, adds a modern slavery item
 * and renames one measure. Built from the built-in pack: only the differences matter here.
 */
export const VERSION_2026: PolicyPack = {
  ...builtInPack,
  version: '2026.1',
  inForceFrom: '2026-04-01',
  reviewDue: '2027-03-31',
};

const [firstItem, ...otherItems] = builtInPack.modernSlavery.items;
const [firstMeasure, ...otherMeasures] = builtInPack.framework.measures;
if (!firstItem || !firstMeasure) throw new Error('the built-in pack has items and measures');

export const RENAMED_MEASURE = firstMeasure.id;
export const ADDED_ITEM = 'added-item';

export const VERSION_2027: PolicyPack = {
  ...VERSION_2026,
  version: '2027.1',
  inForceFrom: '2027-04-01',
  reviewDue: '2028-03-31',
  scope: {
    ...builtInPack.scope,
    rules: builtInPack.scope.rules.map((rule) =>
      rule.kind === 'valueGreaterThan' && rule.appliesTo.includes('services')
        ? {
            ...rule,
            threshold: 150_000,
            text: 'Social value outcomes are sought in goods and services contracts worth more than £150,000.',
          }
        : rule,
    ),
  },
  weighting: {
    ...builtInPack.weighting,
    max: 15,
    text: 'In a contract awarded through a competitive process, up to 15% of the award criteria must be on social value where there is a justification.',
  },
  modernSlavery: {
    ...builtInPack.modernSlavery,
    items: [
      firstItem,
      ...otherItems,
      {
        ...firstItem,
        id: ADDED_ITEM,
        text: 'Suppliers name the person accountable for modern slavery risk in the contract.',
      },
    ],
  },
  framework: {
    ...builtInPack.framework,
    measures: [{ ...firstMeasure, text: `${firstMeasure.text}, counted yearly` }, ...otherMeasures],
  },
};
