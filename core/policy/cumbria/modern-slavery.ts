import type { PolicyPack } from '../schema.js';

/** The Modern Slavery Statement's commitments (MSS-1 to MSS-5) and the public risk guidance. */
export const modernSlavery: PolicyPack['modernSlavery'] = {
  items: [
    {
      id: 'MSS-1',
      citation: 'MSS-1',
      text: 'Pre-contract questionnaires ask whether bidders meet their legal duties to identify, prevent and reduce modern slavery in their operations.',
      appliesWhen: ['competitive'],
    },
    {
      id: 'MSS-2',
      citation: 'MSS-2',
      text: 'The supply chain is risk-assessed, and any part at risk of modern slavery is monitored.',
      appliesWhen: [],
    },
    {
      id: 'MSS-3',
      citation: 'MSS-3',
      text: 'Anti-slavery clauses are in the contract terms and the tender documents (Modern Slavery Act 2015).',
      appliesWhen: [],
    },
    {
      id: 'MSS-4',
      citation: 'MSS-4',
      text: "The supplier has its own policy on working practices and modern slavery, or evidence that its standards meet the PCC's.",
      appliesWhen: [],
    },
    {
      id: 'MSS-5',
      citation: 'MSS-5',
      text: 'Suspected slavery or trafficking is reported to the police, and the supplier is expected to do the same.',
      appliesWhen: [],
    },
  ],
  indicators: [
    { id: 'industry', label: 'Industry type' },
    {
      id: 'workforce',
      label: 'Nature of the workforce (low-skilled, temporary, seasonal or migrant labour)',
    },
    { id: 'location', label: 'Supplier location' },
    {
      id: 'operating-context',
      label: 'Operating context (conflict, weak rule of law, poor labour rights)',
    },
    { id: 'commodity', label: 'Commodity type' },
    {
      id: 'business-model',
      label: 'Business or supply-chain model (complex, opaque or heavily subcontracted)',
    },
  ],
  highRiskSectors: [
    { id: 'construction', label: 'Construction' },
    { id: 'cleaning', label: 'Cleaning' },
    { id: 'security', label: 'Security' },
    { id: 'catering', label: 'Catering' },
    { id: 'laundry', label: 'Laundry' },
    { id: 'waste', label: 'Waste' },
    { id: 'textiles', label: 'Textiles and uniforms' },
    { id: 'electronics', label: 'Electronics' },
    { id: 'agriculture', label: 'Agriculture' },
    { id: 'manufacturing', label: 'Manufacturing' },
    { id: 'transport', label: 'Transport' },
  ],
  rating: {
    sectorIndicator: 'industry',
    citation: 'PPN 009',
    bands: [
      { level: 'low', minIndicators: 0, text: 'No risk indicator present.' },
      { level: 'medium', minIndicators: 1, text: 'One risk indicator present.' },
      {
        level: 'high',
        minIndicators: 2,
        text: 'More than one risk indicator present: look closer.',
      },
    ],
    derived: {
      from: ['PPN 009', 'MSS-2'],
      note: 'PPN 009 names six indicators and says more than one calls for a closer look; a sector often named high-risk counts as the industry-type indicator.',
    },
  },
  statementTurnover: {
    amount: 36_000_000,
    citation: 'MSA 2015 s.54',
    text: 'Organisations with a turnover of £36m or more must publish a slavery and human trafficking statement each year.',
  },
  assessmentTool: {
    from: 'medium',
    citation: 'MSAT',
    text: "Ask the supplier to complete the Home Office's Modern Slavery Assessment Tool.",
  },
};
