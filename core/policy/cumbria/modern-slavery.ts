import type { PolicyPack } from '../schema.js';

/** The Modern Slavery Statement's commitments (MSS-1 to MSS-5) and the public risk guidance. */
export const modernSlavery: PolicyPack['modernSlavery'] = {
  items: [
    {
      id: 'MSS-1',
      citation: 'MSS-1',
      text: 'Pre-contract questionnaires ask whether bidders meet their legal duties to identify, prevent and reduce modern slavery in their operations.',
      appliesWhen: [],
      directAward: {
        applies: true,
        text: 'Still applies to the one supplier chosen: put the same questions to it before the contract is signed.',
      },
    },
    {
      id: 'MSS-2',
      citation: 'MSS-2',
      text: 'The supply chain is risk-assessed, and any part at risk of modern slavery is monitored.',
      appliesWhen: [],
      monitorsRisk: true,
      directAward: {
        applies: true,
        text: "Still applies: assess the chosen supplier's supply chain.",
      },
    },
    {
      id: 'MSS-3',
      citation: 'MSS-3',
      text: 'Anti-slavery clauses are in the contract terms and the tender documents (Modern Slavery Act 2015).',
      appliesWhen: [],
      directAward: {
        applies: true,
        text: 'Still applies to the contract terms; a direct award has no tender documents.',
      },
    },
    {
      id: 'MSS-4',
      citation: 'MSS-4',
      text: "Every supplier of goods or services has its own policy on working practices or modern slavery, or evidence that its standards meet the PCC's expectations.",
      appliesWhen: [],
      directAward: { applies: true, text: 'Still applies to the one supplier chosen.' },
    },
    {
      id: 'MSS-5',
      citation: 'MSS-5',
      text: 'Suspected slavery or trafficking is reported to the police, and the supplier is expected to do the same.',
      appliesWhen: [],
      directAward: { applies: true, text: 'Still applies, whatever the route to award.' },
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
    { id: 'construction', label: 'Construction', citation: 'PPN 009 guidance' },
    { id: 'cleaning', label: 'Cleaning', citation: 'PPN 009 guidance' },
    { id: 'security', label: 'Security', citation: 'PPN 009 guidance' },
    { id: 'catering', label: 'Catering', citation: 'PPN 009 guidance' },
    { id: 'laundry', label: 'Laundry', citation: 'PPN 009 guidance' },
    { id: 'waste', label: 'Waste', citation: 'PPN 009 guidance' },
    { id: 'textiles', label: 'Textiles and uniforms', citation: 'PPN 009 guidance' },
    { id: 'electronics', label: 'Electronics', citation: 'PPN 009 guidance' },
    { id: 'agriculture', label: 'Agriculture', citation: 'PPN 009 guidance' },
    { id: 'manufacturing', label: 'Manufacturing', citation: 'PPN 009 guidance' },
    { id: 'transport', label: 'Transport', citation: 'PPN 009 guidance' },
    {
      id: 'healthcare',
      label: 'Healthcare',
      citation: 'PPN 009 guidance',
      derived: {
        from: ['PPN 009 guidance'],
        note: 'Often named as higher risk (agency, shift and low-paid work); not found in the text of the guidance checked for this pack, so it is the pack’s addition: check the guidance’s risk table before relying on it.',
      },
    },
    {
      id: 'care-services',
      label: 'Care services',
      citation: 'PPN 009 guidance',
      derived: {
        from: ['PPN 009 guidance'],
        note: 'Often named as higher risk (agency, shift and low-paid work); not found in the text of the guidance checked for this pack, so it is the pack’s addition: check the guidance’s risk table before relying on it.',
      },
    },
  ],
  rating: {
    sectorIndicator: 'industry',
    guidance: {
      citation: 'PPN 009',
      text: 'Central guidance names six risk indicators; where more than one is present, consider whether the contract is high risk.',
    },
    bands: [
      { level: 'low', minIndicators: 0, text: 'No risk indicator present.' },
      { level: 'medium', minIndicators: 1, text: 'One risk indicator present.' },
      {
        level: 'high',
        minIndicators: 2,
        text: 'More than one risk indicator present: look closer.',
      },
    ],
    rule: {
      text: 'The pack rates risk by the count of indicators present: none is low, one is medium, more than one is high; a sector the guidance names as higher risk counts as the industry-type indicator.',
      derived: {
        from: ['PPN 009', 'MSS-2'],
        note: 'PPN 009 does not map a count of indicators to low, medium or high: it says only that more than one indicator calls for considering whether the contract is high risk. The count-to-level rule is the pack’s own reading.',
      },
    },
  },
  statementTurnover: {
    amount: 36_000_000,
    citation: 'MSA 2015 s.54',
    text: 'A supplier with a turnover of £36m or more must publish its own slavery and human trafficking statement each year: ask for it as evidence under MSS-4.',
  },
  assessmentTool: {
    from: 'medium',
    citation: 'MSAT',
    text: "Ask the supplier to complete the Home Office's Modern Slavery Assessment Tool.",
  },
};
