import type { PolicyPack } from '../schema.js';

/** The five themes of §5.0, with the §2.2 examples that match each. */
export const themes: PolicyPack['themes'] = [
  {
    id: 1,
    name: 'Diverse supply chains',
    aim: 'Supply chains open to every type of business: SMEs, voluntary, community and social enterprises, and businesses owned or led by under-represented groups',
    citation: '§5.0 theme 1',
    examples: ['§2.2(ii)'],
  },
  {
    id: 2,
    name: 'Skills and employment',
    aim: 'Better employability and skills',
    citation: '§5.0 theme 2',
    examples: ['§2.2(i)'],
  },
  {
    id: 3,
    name: 'Environmental sustainability',
    aim: 'Lower environmental impact, in support of the 25 Year Environment Plan',
    citation: '§5.0 theme 3',
    examples: ['§2.2(iv)'],
  },
  {
    id: 4,
    name: 'Inclusion, staff mental health and wellbeing',
    aim: 'Fairer gender pay, more disabled and BAME people in the workforce, inclusion, better staff wellbeing and more cohesive communities',
    citation: '§5.0 theme 4',
    examples: ['§2.2(iii)'],
  },
  {
    id: 5,
    name: 'Safe and secure supply chains',
    aim: 'Lower cyber security and modern slavery risks',
    citation: '§5.0 theme 5',
    examples: ['§2.2(v)'],
  },
];

const count = { kind: 'count', label: 'number' } as const;
const people = { kind: 'people', label: 'people' } as const;
const students = { kind: 'students', label: 'students' } as const;
const percent = { kind: 'percent', label: '%' } as const;
const commitment = { kind: 'commitment', label: 'commitment' } as const;

/** Appendix 1 stops after Outcome 4 and has nothing for themes 3 and 5: those measures are derived. */
const derivedFrom = (from: string[], note: string) => ({ from, note });

export const framework: PolicyPack['framework'] = {
  citation: 'App 1',
  objectives: [
    {
      id: 1,
      text: 'Promote training and employment for the people of Cumbria',
      citation: 'App 1 Objective 1',
    },
    { id: 2, text: 'Raise the living standard of local residents', citation: 'App 1 Objective 2' },
    { id: 3, text: 'Promote equity and fairness', citation: 'App 1 Objective 3' },
  ],
  outcomes: [
    {
      id: 1,
      objective: 1,
      text: 'More local people in work, education, vocational training and recruitment',
      citation: 'App 1 Outcome 1',
    },
    { id: 2, objective: 1, text: 'Thriving local businesses', citation: 'App 1 Outcome 2' },
    {
      id: 3,
      objective: 2,
      text: 'A local workforce that is fairly paid and well supported by employers',
      citation: 'App 1 Outcome 3',
    },
    {
      id: 4,
      objective: 3,
      text: 'Less poverty, and fewer health and education inequalities',
      citation: 'App 1 Outcome 4',
    },
  ],
  measures: [
    {
      id: 'local-jobs',
      text: 'New jobs created in the local economy',
      unit: count,
      theme: 2,
      outcome: 1,
      citation: 'App 1 Outcome 1',
    },
    {
      id: 'local-traineeships',
      text: 'Traineeships and apprenticeships for local residents',
      unit: count,
      theme: 2,
      outcome: 1,
      citation: 'App 1 Outcome 1',
    },
    {
      id: 'work-experience-days',
      text: 'Days of meaningful work experience for local residents',
      unit: { kind: 'days', label: 'days' },
      theme: 2,
      outcome: 1,
      citation: 'App 1 Outcome 1',
    },
    {
      id: 'career-mentoring',
      text: 'People supported back to work through career mentoring for job clubs (mock interviews, CV advice, careers guidance)',
      unit: people,
      theme: 2,
      outcome: 1,
      citation: 'App 1 Outcome 1',
    },
    {
      id: 'student-employability',
      text: 'School and college students given employability support (CV advice, mock interviews, careers guidance)',
      unit: students,
      theme: 2,
      outcome: 1,
      citation: 'App 1 Outcome 1',
    },
    {
      id: 'barrier-employment',
      text: 'Ex-offenders, or others facing extra barriers to work, employed',
      unit: people,
      theme: 4,
      outcome: 1,
      citation: 'App 1 Outcome 1',
    },
    {
      id: 'business-start-ups',
      text: 'New business start-ups supported through practical workshops with enterprise clubs',
      unit: count,
      theme: 1,
      outcome: 2,
      citation: 'App 1 Outcome 2',
    },
    {
      id: 'local-supply-chain-spend',
      text: 'Share of total contract spend placed in the Cumbrian supply chain',
      unit: percent,
      theme: 1,
      outcome: 2,
      citation: 'App 1 Outcome 2',
    },
    {
      id: 'living-wage',
      text: 'Work towards paying staff the Living Wage',
      unit: commitment,
      theme: 4,
      outcome: 3,
      citation: 'App 1 Outcome 3',
    },
    {
      id: 'lowest-pay-rise',
      text: 'Pay rise for the lowest-paid staff',
      unit: percent,
      theme: 4,
      outcome: 3,
      citation: 'App 1 Outcome 3',
    },
    {
      id: 'workforce-nvq',
      text: 'Share of the workforce trained to NVQ level 2, 3 or 4',
      unit: percent,
      theme: 2,
      outcome: 3,
      citation: 'App 1 Outcome 3',
    },
    {
      id: 'young-people-employability',
      text: 'Young people in school or college given employability support, to narrow education inequalities',
      unit: students,
      theme: 4,
      outcome: 4,
      citation: 'App 1 Outcome 4',
    },
    {
      id: 'prevention-campaigns',
      text: 'People helped by prevention campaigns with targets (to stop smoking, be more active or get money advice)',
      unit: people,
      theme: 4,
      outcome: 4,
      citation: 'App 1 Outcome 4',
    },
    {
      id: 'waste-diverted',
      text: 'Share of contract waste diverted from landfill',
      unit: percent,
      theme: 3,
      citation: '§2.2(iv)',
      derived: derivedFrom(
        ['§2.2(iv)', '§5.0 theme 3'],
        'Appendix 1 has no environmental measure; this one follows the commitment to minimise waste.',
      ),
    },
    {
      id: 'emissions-reduction',
      text: 'Reduction in energy use or carbon emissions in delivering the contract',
      unit: percent,
      theme: 3,
      citation: '§2.2(iv)',
      derived: derivedFrom(
        ['§2.2(iv)', '§5.0 theme 3'],
        'Appendix 1 has no environmental measure; this one follows the commitment to minimise energy consumption.',
      ),
    },
    {
      id: 'modern-slavery-audits',
      text: 'Supply-chain audits for modern slavery risk',
      unit: count,
      theme: 5,
      citation: 'MSS-2',
      derived: derivedFrom(
        ['MSS-2', '§5.0 theme 5'],
        "Appendix 1 has no supply-chain measure; this one follows the statement's supply-chain risk assessment.",
      ),
    },
    {
      id: 'modern-slavery-training',
      text: 'Staff trained to spot and report signs of modern slavery',
      unit: people,
      theme: 5,
      citation: 'MSS',
      derived: derivedFrom(
        ['MSS', '§5.0 theme 5'],
        "Appendix 1 has no supply-chain measure; this one follows the statement's staff briefing.",
      ),
    },
    {
      id: 'cyber-certification',
      text: 'Hold a recognised cyber security certification for the life of the contract',
      unit: commitment,
      theme: 5,
      citation: '§5.0 theme 5',
      derived: derivedFrom(
        ['§5.0 theme 5', '§2.2(v)'],
        "Appendix 1 has no cyber security measure; this one follows theme 5's aim of lower cyber risk.",
      ),
    },
  ],
};
