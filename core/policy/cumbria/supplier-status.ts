import type { PolicyPack } from '../schema.js';

/** Fig 2: the rubric rows (behaviours and evidence), the tiers and their incentives. */
export const supplierStatus: PolicyPack['supplierStatus'] = {
  citation: 'Fig 2',
  basis:
    'Status rests on contract performance, 360-degree feedback and evidence of relevant social value outputs delivered.',
  rows: [
    {
      id: 'relationship',
      label: 'Working relationship with the Constabulary and other critical suppliers',
      citation: 'Fig 2',
      levels: {
        gold: 'Exceptional: seen as one team',
        silver: 'Good',
        bronze: 'Varying',
        none: 'Weak',
      },
    },
    {
      id: 'performance',
      label: 'Performance measures and business needs',
      citation: 'Fig 2',
      levels: {
        gold: 'Strives to exceed them',
        silver: 'Some are met; contractual expectations met but little more',
        bronze: 'Few are met; contractual expectations only',
        none: 'Not met; rarely meets any expectation',
      },
    },
    {
      id: 'collaboration',
      label: 'Adoption of the Collaboration Principles',
      citation: 'Fig 2',
      levels: {
        gold: 'Adopted, scoring high in the Collaboration Mechanism',
        silver: 'Some improvement needed',
        bronze: 'Significant improvement needed',
        none: 'Significant behavioural improvement needed',
      },
    },
    {
      id: 'review-boards',
      label: 'Supplier review boards, joint action plans and senior sponsorship',
      citation: 'Fig 2',
      levels: {
        gold: 'Quarterly boards held, joint action plans actively managed, senior sponsorship in place, with a strategic focus',
        silver:
          'Regular boards held, joint action plans exist, senior stakeholders aware, with some strategic focus',
        bronze: 'Some evidence (such as joint action plans) but no senior buy-in',
        none: 'No active development; managed for business as usual only',
      },
    },
    {
      id: 'behaviour',
      label: "The supplier's behaviours",
      citation: 'Fig 2',
      levels: { gold: 'Outstanding', silver: 'Good', bronze: 'Inconsistent', none: 'Poor' },
    },
    {
      id: 'social-value-outputs',
      label: 'Social value outputs delivered against the contract commitments',
      citation: 'Fig 2',
      levels: {
        gold: 'Commitments exceeded, with innovation beyond the contract',
        silver: 'Commitments met',
        bronze: 'Some commitments met',
        none: 'Commitments not met',
      },
      derived: {
        from: ['Fig 2'],
        note: 'Fig 2 names social value outputs as one of the three grounds for status but gives no row for them; this row applies that ground.',
      },
      suggestedFrom: 'delivery',
    },
  ],
  tiers: [
    {
      id: 'gold',
      label: 'Gold',
      rank: 3,
      summary:
        'Structured relationship development with a strategic focus; exemplary, collaborative behaviour overall.',
      citation: 'Fig 2 Gold',
      incentives: [
        'May describe itself as a "Gold Supplier" to Cumbria Constabulary',
        'Support, on reasonable request, in developing opportunities elsewhere',
        'Executives as guest speakers at supplier events, on reasonable request',
        'May name Cumbria Constabulary as a reference in its tenders',
        'May use Cumbria Constabulary as a reference site',
        'Co-authored case studies or white papers, on reasonable request',
      ],
    },
    {
      id: 'silver',
      label: 'Silver',
      rank: 2,
      summary: 'Active relationship development; good behaviour overall.',
      citation: 'Fig 2 Silver',
      incentives: [
        'May describe itself as a "Silver Supplier" to Cumbria Constabulary',
        'May name Cumbria Constabulary as a reference in its tenders',
      ],
    },
    {
      id: 'bronze',
      label: 'Bronze',
      rank: 1,
      summary: 'Ad hoc relationship development; variable behaviour overall.',
      citation: 'Fig 2 Bronze',
      incentives: ['May claim bronze supplier status with Cumbria Constabulary'],
    },
    {
      id: 'none',
      label: 'No Award',
      rank: 0,
      summary: 'No evidence of relationship development; behaviour has room to improve.',
      citation: 'Fig 2 No Award',
      incentives: [],
    },
  ],
  combining: {
    rule: 'lowestRow',
    text: 'The rubric suggests the tier of the lowest row: every row shows that tier or better. The rater confirms the suggestion, or chooses another tier and records why.',
    derived: {
      from: ['Fig 2'],
      note: 'Fig 2 grades on overall behaviours and describes each tier by its behaviours together; it states no formula. The lowest-row suggestion is the pack’s own, and the decision is the rater’s judgement.',
    },
  },
};
