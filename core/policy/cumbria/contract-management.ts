import type { PolicyPack } from '../schema.js';

/**
 * After award: the Procurement Act's KPIs (s.52), performance assessments (s.71) and the
 * notices they are published in, in our own words with their sections. Where the pack reads
 * the law rather than restates it, the item is marked derived with its grounds.
 */
export const procurementAct: PolicyPack['procurementAct'] = {
  kpis: {
    moreThan: 5_000_000,
    minimum: 3,
    mostMaterial: 3,
    citation: 'PA 2023 s.52',
    text: 'Before entering into a public contract with an estimated value of more than £5,000,000, the authority must set at least three key performance indicators (KPIs) for it and publish them. A KPI is a factor or measure against which the supplier’s performance can be assessed during the life of the contract.',
    exemptions: [
      {
        id: 'framework',
        label: 'A framework',
        citation: 'PA 2023 s.52',
        text: 'The KPI duty does not apply to a framework (an agreement setting the terms on which contracts may later be awarded, PA 2023 s.45).',
      },
      {
        id: 'concession',
        label: 'A concession contract',
        citation: 'PA 2023 s.52',
        text: 'The KPI duty does not apply to a concession contract (the supplier is paid mainly by the right to exploit the works or services, PA 2023 s.8).',
      },
      {
        id: 'light-touch',
        label: 'A light-touch contract',
        citation: 'PA 2023 s.52',
        text: 'The KPI duty does not apply to a light-touch contract (the social, health, education and similar services of PA 2023 s.9).',
        derived: {
          from: ['PA 2023 s.52', 'PA 2023 s.9'],
          note: 'The record says whether the contract is for light-touch services; the pack reads a contract for light-touch services as a light-touch contract under s.9. A mixed contract may not be one: take advice where only part is light-touch.',
        },
      },
      {
        id: 'private-utility',
        label: 'A utilities contract awarded by a private utility',
        citation: 'PA 2023 s.52',
        text: 'The KPI duty does not apply to a utilities contract awarded by a private utility.',
      },
    ],
    notAppropriate: {
      citation: 'PA 2023 s.52',
      text: 'KPIs are not required where the authority considers that the supplier’s performance could not appropriately be assessed by reference to KPIs; record why.',
    },
    optional: {
      citation: 'PA 2023 s.52',
      text: 'The Act does not require KPIs for this contract; the authority may still set them to manage performance.',
    },
    fromOutcome: {
      measuredBy:
        'Delivery recorded at each review against the social value commitment, with its evidence ({unit})',
      commitmentTarget: 'Commitment kept throughout the contract',
    },
  },
  assessments: {
    everyMonths: 12,
    onTermination: true,
    citation: 'PA 2023 s.71',
    text: 'Where KPIs were set under s.52, the authority must assess the supplier’s performance against them at least once every 12 months while the contract runs, and on its termination, and publish the result in a contract performance notice.',
    schedule: {
      text: 'Assessments fall due every 12 months from the award date while the contract runs, and once on its termination; the contract’s end date counts as its termination.',
      derived: {
        from: ['PA 2023 s.71'],
        note: 'The Act asks for an assessment at least once in every 12-month period of the contract and on termination; it sets no day to count from. The pack counts from the award date, and treats the contract running its course as its termination.',
      },
    },
    ratings: [
      { id: 'good', label: 'Good', meaning: 'Performance meets or exceeds the KPI.' },
      {
        id: 'approaching-target',
        label: 'Approaching target',
        meaning: 'Performance is close to meeting the KPI.',
      },
      {
        id: 'requires-improvement',
        label: 'Requires improvement',
        meaning: 'Performance is below the KPI.',
      },
      {
        id: 'inadequate',
        label: 'Inadequate',
        meaning: 'Performance is significantly below the KPI.',
      },
      {
        id: 'other',
        label: 'Other',
        meaning: 'None of the other ratings describes the performance; the note says why.',
      },
    ],
    ratingsCitation: 'SI 2024/692 reg 39',
    events: [
      {
        id: 'breach-termination',
        label: 'Breach leading to termination',
        citation: 'PA 2023 s.71',
        text: 'The supplier breached the contract and the breach led to its termination, in whole or part: a contract performance notice is due.',
      },
      {
        id: 'breach-damages',
        label: 'Breach leading to damages',
        citation: 'PA 2023 s.71',
        text: 'The supplier breached the contract and the breach led to an award of damages: a contract performance notice is due.',
      },
      {
        id: 'breach-settlement',
        label: 'Breach leading to a settlement',
        citation: 'PA 2023 s.71',
        text: 'The supplier breached the contract and the breach led to a settlement agreement: a contract performance notice is due.',
      },
      {
        id: 'failure-to-improve',
        label: 'Failure to improve after notice',
        citation: 'PA 2023 s.71',
        text: 'The supplier was not performing to the authority’s satisfaction, was given notice and a chance to improve, and did not: a contract performance notice is due.',
      },
    ],
  },
  notices: {
    contractDetails: { id: 'UK7', name: 'Contract details notice', citation: 'PA 2023 s.53' },
    performance: { id: 'UK9', name: 'Contract performance notice', citation: 'PA 2023 s.71' },
  },
};

/** The pack's readings of delivery against the targets agreed at award (§2.1: measurable, verifiable). */
export const delivery: PolicyPack['delivery'] = {
  onTrack: {
    citation: '§2.1',
    tolerance: 0,
    text: 'An outcome is on track when the share of its target delivered to date is at least the share of the contract’s life that has passed since the award; otherwise it is behind. Once the contract has ended, a target not reached is missed.',
    rate: 'A percentage is a rate, not a total: the latest figure recorded is compared with the target as it stands, not pro rata.',
    commitment:
      'A commitment (such as paying the Living Wage) is judged by the latest period recorded: met is on track; partly met or not met is behind.',
    derived: {
      from: ['§2.1', 'Fig 1 stage 11'],
      note: 'The policy asks for measurable, verifiable outcomes and their measurement after award, but sets no rule for being on track. The pack expects delivery in a straight line over the contract’s life, with no tolerance.',
    },
  },
  supplierStatus: {
    bands: [
      { level: 'silver', atLeast: 1 },
      { level: 'bronze', atLeast: 0.5 },
      { level: 'none', atLeast: 0 },
    ],
    citation: 'Fig 2',
    text: 'Suggested from the delivery record: every target met or on track to date suggests Silver (commitments met); at least half, Bronze (some met); fewer, No Award. Gold asks for innovation beyond the contract, which the record cannot show: the rater decides it.',
    derived: {
      from: ['Fig 2'],
      note: 'Fig 2 names social value outputs delivered as a ground for status but sets no share for any tier. The bands are the pack’s reading of "commitments met" and "some commitments met".',
    },
  },
};
