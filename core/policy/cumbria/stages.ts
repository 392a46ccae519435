import type { PolicyPack } from '../schema.js';

const DEFAULT_SCHEDULE_NOTE =
  'The policy names no interval; this is the default the officer can change for each record.';

/** The CIPS 13-stage model of Fig 1, each stage with its social value action; 11-13 are review stages. */
export const stages: PolicyPack['stages'] = [
  {
    number: 1,
    name: 'Understand the need and write a high-level specification',
    action:
      'Stakeholders check the need is valid; the specification invites a wide response, from main suppliers or through the supply chain.',
    citation: 'Fig 1 stage 1',
    review: false,
  },
  {
    number: 2,
    name: 'Assess markets and options',
    action:
      'Assess how suitable the requirement is for SMEs, and the potential of SMEs to meet it.',
    citation: 'Fig 1 stage 2',
    review: false,
  },
  {
    number: 3,
    name: 'Develop the strategy and plan',
    action: 'Make sure the strategy meets the social value policy and plan.',
    citation: 'Fig 1 stage 3',
    review: false,
  },
  {
    number: 4,
    name: 'Pre-procurement market test and engagement',
    action: 'Test the proposed strategy against the aims of the plan.',
    citation: 'Fig 1 stage 4',
    review: false,
  },
  {
    number: 5,
    name: 'Write the documents and detailed specification',
    action:
      'Plain language, appropriate terms and conditions, and due regard to matters such as insurance levels.',
    citation: 'Fig 1 stage 5',
    review: false,
  },
  {
    number: 6,
    name: 'Select suppliers to take part',
    action: 'Selection does not needlessly exclude SMEs.',
    citation: 'Fig 1 stage 6',
    review: false,
  },
  {
    number: 7,
    name: 'Issue the invitation to tender',
    action: 'Invite SMEs where practical.',
    citation: 'Fig 1 stage 7',
    review: false,
  },
  {
    number: 8,
    name: 'Tender and evaluation',
    action: 'The award criteria include a social value assessment.',
    citation: 'Fig 1 stage 8',
    review: false,
  },
  {
    number: 9,
    name: 'Contract award and implementation',
    action:
      'Start the supplier status programme, so the supplier is motivated to improve its social value offer.',
    citation: 'Fig 1 stage 9',
    review: false,
  },
  { number: 10, name: 'Logistics', action: '', citation: 'Fig 1 stage 10', review: false },
  {
    number: 11,
    name: 'Contract performance review and continuous improvement',
    action: 'Measure the value delivered.',
    citation: 'Fig 1 stage 11',
    review: true,
    ratesSupplier: true,
    recordsDelivery: true,
    schedule: {
      from: 'award',
      months: 3,
      everyMonths: 3,
      citation: 'Fig 1 stage 11',
      text: 'A performance review each quarter from the award date',
      derived: { from: ['Fig 1 stage 11'], note: DEFAULT_SCHEDULE_NOTE },
    },
  },
  {
    number: 12,
    name: 'Supplier relationship management and development',
    action: 'Encourage further value and innovation.',
    citation: 'Fig 1 stage 12',
    review: true,
    ratesSupplier: true,
    schedule: {
      from: 'award',
      months: 3,
      everyMonths: 3,
      citation: 'Fig 2 Gold',
      text: 'A supplier review board each quarter, as Fig 2 expects of a Gold supplier',
      derived: { from: ['Fig 2 Gold', 'Fig 1 stage 12'], note: DEFAULT_SCHEDULE_NOTE },
    },
  },
  {
    number: 13,
    name: 'Exit from the contract and lessons learnt',
    action: 'Use the lessons learnt to improve future tenders.',
    citation: 'Fig 1 stage 13',
    review: true,
    schedule: {
      from: 'end',
      months: -6,
      citation: 'Fig 1 stage 13',
      text: 'Exit planning and lessons learnt six months before the contract ends',
      derived: { from: ['Fig 1 stage 13'], note: DEFAULT_SCHEDULE_NOTE },
    },
  },
];
