import type { PolicyPack } from '../schema.js';

const LEGISLATION = 'https://www.legislation.gov.uk';
const GOV_UK = 'https://www.gov.uk/government/publications';

/**
 * Public sources for the facts the policy itself does not state. Each links to its own
 * document (the instrument on legislation.gov.uk, the note on gov.uk), never to a
 * collection or a home page, so that a reader lands on what the pack says it says.
 */
export const sources: PolicyPack['sources'] = [
  {
    ref: 'PSSVA 2012 s.1',
    title: 'Public Services (Social Value) Act 2012, section 1: the duty to consider social value',
    url: `${LEGISLATION}/ukpga/2012/3/section/1`,
  },
  {
    ref: 'PA 2023 s.3(2)',
    title: 'Procurement Act 2023, section 3(2): a contract at or above the threshold is regulated',
    url: `${LEGISLATION}/ukpga/2023/54/section/3`,
  },
  {
    ref: 'PA 2023 s.8',
    title: 'Procurement Act 2023, section 8: concession contracts',
    url: `${LEGISLATION}/ukpga/2023/54/section/8`,
  },
  {
    ref: 'PA 2023 Sch 1',
    title: 'Procurement Act 2023, Schedule 1: threshold amounts',
    url: `${LEGISLATION}/ukpga/2023/54/schedule/1`,
  },
  {
    ref: 'PA 2023 Sch 1 para 5',
    title:
      'Procurement Act 2023, Schedule 1: who is a central government authority (ministers, departments and the authorities listed in regulations)',
    url: `${LEGISLATION}/ukpga/2023/54/schedule/1/paragraph/5`,
  },
  {
    ref: 'SI 2024/692',
    title:
      'The Procurement Regulations 2024, made in part under Schedule 1 to the Procurement Act 2023: the listed central government authorities',
    url: `${LEGISLATION}/uksi/2024/692/contents/made`,
  },
  {
    ref: 'SI 2024/692 reg 39',
    title:
      'The Procurement Regulations 2024, regulation 39: what a contract performance notice holds, and the five ratings with their descriptions',
    url: `${LEGISLATION}/uksi/2024/692/regulation/39/made`,
  },
  {
    ref: 'PA 2023 s.12(4)',
    title:
      'Procurement Act 2023, section 12(4): regard to barriers facing small and medium-sized enterprises',
    url: `${LEGISLATION}/ukpga/2023/54/section/12`,
  },
  {
    ref: 'PA 2023 s.18',
    title: 'Procurement Act 2023, section 18: duty to consider lots, with reasons where not used',
    url: `${LEGISLATION}/ukpga/2023/54/section/18`,
  },
  {
    ref: 'PA 2023 s.22',
    title:
      'Procurement Act 2023, section 22: conditions of participation must be a proportionate means of ensuring capacity or ability',
    url: `${LEGISLATION}/ukpga/2023/54/section/22`,
  },
  {
    ref: 'PA 2023 s.123',
    title:
      'Procurement Act 2023, section 123: interpretation, including the definition of a small and medium-sized enterprise',
    url: `${LEGISLATION}/ukpga/2023/54/section/123`,
  },
  {
    ref: 'SI 2025/163 reg 3',
    title:
      'SI 2025/163 (Procurement Act 2023 (Consequential and Other Amendments) Regulations 2025), regulation 3: threshold amounts in Schedule 1 to the Act',
    url: `${LEGISLATION}/uksi/2025/163/regulation/3`,
  },
  {
    ref: 'SI 2025/163 reg 7',
    title:
      'SI 2025/163, regulation 7: the Social Value Act amended for the Procurement Act 2023 (the duty triggered by a notice under that Act; concession contract defined)',
    url: `${LEGISLATION}/uksi/2025/163/regulation/7`,
  },
  {
    ref: 'PCR 2015',
    title: 'Public Contracts Regulations 2015 (procurements begun before 24 February 2025)',
    url: `${LEGISLATION}/uksi/2015/102`,
  },
  {
    ref: 'PCR 2015 reg 5',
    title: 'Public Contracts Regulations 2015, regulation 5: threshold amounts',
    url: `${LEGISLATION}/uksi/2015/102/regulation/5`,
  },
  {
    ref: 'PCR 2015 reg 58(9)',
    title:
      'Public Contracts Regulations 2015, regulation 58(9): minimum yearly turnover at most twice the contract value, unless justified',
    url: `${LEGISLATION}/uksi/2015/102/regulation/58`,
  },
  {
    ref: 'CCR 2016',
    title:
      'Concession Contracts Regulations 2016 (concessions begun before 24 February 2025), regulation 9: threshold',
    url: `${LEGISLATION}/uksi/2016/273/regulation/9`,
  },
  {
    ref: 'PPN 11/23',
    title:
      'Procurement Policy Note 11/23: thresholds from 1 January 2024 under the 2015 Regulations and the Concession Contracts Regulations 2016',
    url: `${GOV_UK}/ppn-1123-new-thresholds`,
  },
  {
    ref: 'SI 2025/1200',
    title:
      'SI 2025/1200 (Procurement Act 2023 (Threshold Amounts) (Amendment) Regulations 2025): thresholds from 1 January 2026',
    url: `${LEGISLATION}/uksi/2025/1200`,
  },
  {
    ref: 'PPN 023:2026',
    title: 'Procurement Policy Note 023: 2026 threshold amounts',
    url: `${GOV_UK}/ppn-023-2026-threshold-amounts`,
  },
  {
    ref: 'PPN 002',
    title:
      'Procurement Policy Note 002 (formerly PPN 06/20): taking account of social value in the award of central government contracts',
    url: `${GOV_UK}/ppn-002-taking-account-of-social-value-in-the-award-of-contracts`,
  },
  {
    ref: 'PPN 009',
    title:
      'Procurement Policy Note 009 (formerly PPN 02/23): tackling modern slavery in government supply chains',
    url: `${GOV_UK}/ppn-009-tackling-modern-slavery-in-government-supply-chains`,
  },
  {
    ref: 'PPN 009 guidance',
    title:
      'PPN 009: Guidance on tackling modern slavery in government supply chains (risk indicators and higher-risk categories)',
    url: `${GOV_UK}/ppn-009-tackling-modern-slavery-in-government-supply-chains/ppn-009-guidance-on-tackling-modern-slavery-in-government-supply-chains-html`,
  },
  {
    ref: 'MSA 2015 s.54',
    title: 'Modern Slavery Act 2015, section 54: slavery and human trafficking statements',
    url: `${LEGISLATION}/ukpga/2015/30/section/54`,
  },
  {
    ref: 'MSAT',
    title:
      'Home Office Modern Slavery Assessment Tool, for suppliers in medium and high-risk categories',
    url: 'https://supplierregistration.cabinetoffice.gov.uk/msat',
  },
  {
    ref: 'PA 2023 s.9',
    title: 'Procurement Act 2023, section 9: light touch contracts',
    url: `${LEGISLATION}/ukpga/2023/54/section/9`,
  },
  {
    ref: 'PA 2023 s.45',
    title: 'Procurement Act 2023, section 45: frameworks',
    url: `${LEGISLATION}/ukpga/2023/54/section/45`,
  },
  {
    ref: 'PA 2023 s.52',
    title: 'Procurement Act 2023, section 52: key performance indicators',
    url: `${LEGISLATION}/ukpga/2023/54/section/52`,
  },
  {
    ref: 'PA 2023 s.53',
    title:
      'Procurement Act 2023, section 53: contract details notices and the publication of contracts',
    url: `${LEGISLATION}/ukpga/2023/54/section/53`,
  },
  {
    ref: 'PA 2023 s.71',
    title: 'Procurement Act 2023, section 71: assessment of contract performance',
    url: `${LEGISLATION}/ukpga/2023/54/section/71`,
  },
];
